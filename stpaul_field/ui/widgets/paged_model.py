"""A list of the store read a page at a time in the background: the register's and the Activités'.

A subclass says how to read its first page (`first_page`) and the page after a point it
chose (`next_page`, given the `Page.cursor` of the page before); this model keeps the rows,
answers the view from the list's `Column` declarations, fetches on demand
(`canFetchMore`/`fetchMore`) through the one door (`ctx.read`), and drops a result that
belongs to a list replaced since: every reload bumps a generation number, and a read whose
list is already stale when its turn comes does not even run.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from sqlalchemy.orm import Session

from stpaul_field.ui import tasks
from stpaul_field.ui.widgets.columns import ID_ROLE, Column
from stpaul_field.ui.widgets.entries_model import AnyIndex

Row = TypeVar("Row")
PageWork = Callable[[Session], "Page[Any]"]
_ROOT = QModelIndex()


@dataclass(frozen=True)
class Page(Generic[Row]):
    rows: list[Row]
    more: bool  # another page can follow
    cursor: Any = None  # what the next page starts after (the subclass's own)
    total: int | None = None  # the list's size, when this read knows it


class PagedModel(QAbstractTableModel, Generic[Row]):
    loaded = Signal()  # a new list (search, filter, sort, change in the store) is on screen
    page_loaded = Signal()  # a page asked by fetchMore is on screen
    countChanged = Signal(int)

    def __init__(
        self, ctx: Any, columns: tuple[Column[Row], ...], context: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.columns = columns
        self._context = context  # the translation context of the headers
        self.rows: list[Row] = []
        self._total = 0
        self._more = False
        self._cursor: Any = None
        self._loading = False
        self._fetching = False
        self._generation = 0
        self._errors: list[str] = []

    # ---- what a subclass says (built on the UI thread, run on the store's lane) ---------

    def first_page(self) -> PageWork:
        raise NotImplementedError

    def next_page(self, cursor: Any) -> PageWork:
        raise NotImplementedError

    def extra_data(self, row: Row, role: int) -> Any:
        """A role the columns do not answer (the Activités' struck-out cancelled rows)."""
        return None

    # ---- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the first page again (a search, a filter, a sort, a change in the store)."""
        self._generation += 1
        self._loading = True
        self._read(self.first_page(), self._reset, reset=True)

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more and not self._loading and not self._fetching

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._read(self.next_page(self._cursor), self._append, reset=False)

    def _read(self, work: PageWork, take: Callable[[Page[Row]], None], reset: bool) -> None:
        generation = self._generation

        def job(session: Session) -> Page[Row] | None:
            if generation != self._generation:
                return None  # a newer list was asked for before this read started
            return work(session)

        def done(page: Page[Row] | None) -> None:
            if page is not None and generation == self._generation:
                take(page)

        def failed(error: BaseException) -> None:
            # The list must stop loading; the failure is kept by type only (no personal data).
            if generation == self._generation:
                self._errors.append(type(error).__name__)
                (self._reset if reset else self._append)(Page([], more=False))

        self.ctx.read(job, done, failed, owner=self)

    def _reset(self, page: Page[Row]) -> None:
        self.beginResetModel()
        self.rows = list(page.rows)
        self._total = page.total if page.total is not None else len(page.rows)
        self._more, self._cursor = page.more, page.cursor
        self._loading = self._fetching = False  # a page on its way belongs to the old list
        self.endResetModel()
        self.countChanged.emit(self._total)
        self.loaded.emit()

    def _append(self, page: Page[Row]) -> None:
        self._fetching = False
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self._more, self._cursor = page.more, page.cursor
        self.page_loaded.emit()

    # ---- what the view asks -------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many rows the list has (all of them, not only those fetched)."""
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._loading or self._fetching

    def id_at(self, row: int) -> uuid.UUID | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None  # type: ignore[attr-defined]

    def row_of(self, record_id: uuid.UUID) -> int | None:
        """The row of a record among those fetched so far, if any."""
        for i, row in enumerate(self.rows):
            if row.id == record_id:  # type: ignore[attr-defined]
                return i
        return None

    def load_errors(self) -> list[str]:
        return list(self._errors)

    def wait_for_loads(self, msecs: int = 5000) -> bool:
        """Wait until background reads have run and delivered (closing, tests)."""
        return tasks.wait_until_settled(msecs)

    # ---- Qt model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._context, self.columns[section].header)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.display(row)
        if role == ID_ROLE:
            return row.id  # type: ignore[attr-defined]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return self.extra_data(row, role)
