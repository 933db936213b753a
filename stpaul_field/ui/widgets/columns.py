"""A list's column declared once: its header, what a row shows in it, its sort key.

A table model holds a tuple of `Column`s; its header, cells, alignment, colour and the
store's sort key all come from that tuple, so adding a column is one declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt

# The role under which every list of the app gives a row's record id.
ID_ROLE = Qt.ItemDataRole.UserRole

Row = TypeVar("Row")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[Row]):
    name: str  # how code names the column (tests, the view's widths)
    header: str  # French; shown through the model's tr()
    display: Callable[[Row], str]
    sort_key: str | None = None  # the store's key; None: a click keeps the current order
    alignment: int | None = None  # None: the view's default (left)
    foreground: Callable[[Row], Any] | None = None  # a QBrush for some rows, else None
    tooltip: Callable[[Row], str | None] | None = None


def column_number(columns: tuple[Column[Any], ...], name: str) -> int:
    """The position of the column called `name` (KeyError when there is none)."""
    for number, column in enumerate(columns):
        if column.name == name:
            return number
    raise KeyError(name)
