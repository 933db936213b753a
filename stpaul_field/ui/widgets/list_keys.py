"""The keys of a list of activities: Return opens the row, Delete deletes it, Ctrl+Z undoes.

Shared by the Activités list and the agenda so that the same keys do the same thing in both.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QWidget


def table_key(table: QAbstractItemView, keys: QKeySequence | str, action: Callable[[], object]) -> QShortcut:
    """A key that acts only while the table has the focus (typing elsewhere is left alone)."""
    return QShortcut(QKeySequence(keys), table, action, context=Qt.ShortcutContext.WidgetShortcut)


def bind_list_keys(
    view: QWidget,
    table: QAbstractItemView,
    open_current: Callable[[], object],
    delete_current: Callable[[], object],
    undo: Callable[[], object],
) -> None:
    table_key(table, QKeySequence(Qt.Key.Key_Return), open_current)
    table_key(table, QKeySequence(Qt.Key.Key_Delete), delete_current)
    # Undo works from anywhere in the view (the undo bar's button has the focus, say).
    QShortcut(
        QKeySequence.StandardKey.Undo, view, undo, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
    )
