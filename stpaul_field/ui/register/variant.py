"""Guard for item models against a PySide6 bug: None returned as a QVariant loses a reference.

With PySide6 6.12 on Python 3.11, every time C++ calls a Python `data()`/`headerData()`
that returns None, None's reference count drops by one. A list view asks for many roles
per cell, so after some scrolling None's count reaches zero and the interpreter aborts
("deallocating None"). `variant_result` gives the reference back when — and only when —
the running PySide is measured to lose it, so the guard disappears once PySide is fixed.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

F = TypeVar("F", bound=Callable[..., Any])

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None

_PROBES = 16


class _Probe(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return None


def _measure() -> bool:
    """Does a None returned through a QVariant virtual lose a reference here?"""
    probe = _Probe()
    index = probe.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        index.data()
    lost = before - sys.getrefcount(None)
    for _ in range(max(0, lost)):
        _incref(None)  # give back what the probe itself lost
    return lost >= _PROBES // 2


LOSES_NONE = _measure()


def variant_result(method: F) -> F:
    """Decorate an item model's `data`/`headerData` so that returning None is safe."""
    if not LOSES_NONE:
        return method

    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        result = method(*args, **kwargs)
        if result is None:
            # Keeping one reference too many to None is harmless; one too few is fatal.
            _incref(None)
        return result

    return guarded  # type: ignore[return-value]
