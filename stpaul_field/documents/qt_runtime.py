"""A QGuiApplication for headless use: fonts and the PDF engine need one, widgets don't."""

from __future__ import annotations

import ctypes
import os
import platform
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None


def guard_none_refcount() -> bool:
    """Make None immortal on CPython < 3.12, as 3.12 does itself (PEP 683).

    PySide6 6.12.0 returns None from every void method without taking a reference (harmless
    on 3.12+, where None is immortal). On 3.11 each call drops one of None's references and
    the process aborts with "none_dealloc" after some thousands of calls (a 120-person sheet
    makes ~2,000). Returns True when the guard was applied.
    """
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 40:
        refcount.value += 1 << 40
    return True


NONE_GUARDED = guard_none_refcount()


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new offscreen QGuiApplication when there is none.

    With no display (a server, CI, a script over SSH) Qt would abort on the default
    platform plugin, so the offscreen one is chosen unless the caller chose one.
    """
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("les documents ont besoin d'une QGuiApplication, pas d'une QCoreApplication")
        return existing
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "stpaul-field"])
    return _app


__all__ = ["NONE_GUARDED", "ensure_gui_application", "guard_none_refcount"]
