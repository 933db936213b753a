"""The register's list: a table model over store pages, searched and sorted in SQL.

Rows arrive a page at a time (`canFetchMore`/`fetchMore`), so 100,000 people never sit in
memory at once unless someone scrolls through them all. Queries run off the UI thread
through `ui.tasks` (a one-letter search over 100,000 names costs tens of milliseconds, more
than a frame). Each load carries a generation number; a result that arrives after a newer
search was typed is dropped, and a load whose search is already stale does not even run.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.database import Store
from stpaul_field.store.search import COUNT_CAP
from stpaul_field.ui import tasks
from stpaul_field.ui.register.display import local_date, phone_text, priority_labels
from stpaul_field.ui.widgets.columns import ID_ROLE, Column, column_number
from stpaul_field.ui.widgets.entries_model import AnyIndex, EntriesTableModel


def _phone(row: reg.RegisterRow) -> str:
    return phone_text(
        row.phone, row.no_phone, QCoreApplication.translate("BeneficiaryTableModel", "pas de téléphone")
    )


# The register's columns, in order; the markers column has no sort key (not sortable).
# QT_TRANSLATE_NOOP lets lupdate find the headers, which the model translates.
COLUMNS: tuple[Column[reg.RegisterRow], ...] = (
    Column(
        "name",
        QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Nom"),
        lambda r: r.last_name.upper(),
        reg.SORT_NAME,
    ),
    Column(
        "first_name",
        QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Prénom"),
        lambda r: r.first_name,
        reg.SORT_FIRST_NAME,
    ),
    Column(
        "birth_year",
        QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Né(e) en"),
        lambda r: str(r.birth_year) if r.birth_year else "",
        reg.SORT_BIRTH_YEAR,
    ),
    Column("phone", QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Téléphone"), _phone, reg.SORT_PHONE),
    Column(
        "commune",
        QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Commune"),
        lambda r: r.commune,
        reg.SORT_COMMUNE,
    ),
    Column(
        "priority",
        QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Public prioritaire"),
        lambda r: ", ".join(priority_labels(r)),
        tooltip=lambda r: ", ".join(priority_labels(r)) or None,
    ),
    Column(
        "updated",
        QT_TRANSLATE_NOOP("BeneficiaryTableModel", "Modifiée le"),
        lambda r: local_date(r.updated_at),
        reg.SORT_UPDATED,
    ),
)
COL_NAME, COL_FIRST_NAME, COL_BIRTH_YEAR, COL_PHONE, COL_COMMUNE, COL_PRIORITY, COL_UPDATED = (
    column_number(COLUMNS, name)
    for name in ("name", "first_name", "birth_year", "phone", "commune", "priority", "updated")
)
# The store's sort key behind each sortable column.
SORT_OF_COLUMN = {number: c.sort_key for number, c in enumerate(COLUMNS) if c.sort_key is not None}


@dataclass
class _Request:
    generation: int
    query: str
    sort: str
    descending: bool
    after: reg.RegisterRow | None
    with_count: bool
    count_cap: int


class BeneficiaryTableModel(EntriesTableModel):
    """Followed people of the register; `set_query` searches, `sort` orders, pages load lazily."""

    PAGE_SIZE = 200
    count_cap = COUNT_CAP  # a search counts its matches up to here (« plus de 1 000 »)

    loaded = Signal()  # a reset or a page has arrived
    countChanged = Signal(int)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._entries: list[reg.RegisterRow] = []
        self._total = 0
        self._query = ""
        self._sort = reg.SORT_NAME
        self._descending = False
        self._sort_column = COL_NAME
        self._generation = 0  # the load a result must still belong to, to be shown
        self._errors: list[str] = []
        self._fetching = False
        self._loading = False
        self._exhausted = False
        self._headers = [self.tr(c.header) for c in COLUMNS]
        app = QCoreApplication.instance()
        if app is not None:
            # A query still running when the app quits must end before the interpreter does.
            app.aboutToQuit.connect(self.wait_for_loads)

    # ---- what the view asks -------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        row = self._entries[index.row()]
        column = COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.display(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None

    def canFetchMore(self, parent: AnyIndex | None = None) -> bool:
        if parent is not None and parent.isValid():
            return False
        return not self._loading and not self._fetching and not self._exhausted

    def fetchMore(self, parent: AnyIndex | None = None) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._submit(after=self._entries[-1] if self._entries else None, with_count=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_OF_COLUMN.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and (self._entries or self._loading):
            return
        self._sort, self._descending, self._sort_column = key, descending, column
        self.reload()

    # ---- what the register view asks ----------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def total(self) -> int:
        """How many people match the current search (all of them, not only the rows fetched)."""
        return self._total

    @property
    def count_is_capped(self) -> bool:
        """True when a search matched more than `count_cap` people (`total` is then a floor)."""
        return bool(self._query.strip()) and self._total > self.count_cap

    @property
    def is_loading(self) -> bool:
        return self._loading or self._fetching

    def sort_column(self) -> int:
        return self._sort_column

    def set_query(self, query: str) -> None:
        if query == self._query and (self._entries or self._loading):
            return
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Load the first page again (after a search, a sort, or a change in the store)."""
        self._loading = True
        self._submit(after=None, with_count=True)

    def id_at(self, row: int) -> uuid.UUID | None:
        return self._entries[row].id if 0 <= row < len(self._entries) else None

    def row_of(self, person_id: uuid.UUID) -> int | None:
        """The row of a person among those fetched so far, if any."""
        for i, row in enumerate(self._entries):
            if row.id == person_id:
                return i
        return None

    def wait_for_loads(self, msecs: int = 5000) -> bool:
        """Wait until background loads have run and delivered (closing, tests)."""
        return tasks.wait_until_settled(msecs)

    # ---- loading --------------------------------------------------------------------

    def _submit(self, after: reg.RegisterRow | None, with_count: bool) -> None:
        if with_count:
            self._generation += 1  # a new list: whatever is in flight is stale
        request = _Request(
            self._generation,
            self._query,
            self._sort,
            self._descending,
            after,
            with_count,
            self.count_cap,
        )
        store, page = self.store, self.PAGE_SIZE

        def load() -> tuple[list[reg.RegisterRow], int] | None:
            # Runs off the UI thread: one count and/or one page.
            if request.generation != self._generation:
                return None  # a newer search was typed before this one started
            with store.reader() as session:
                count = reg.register_count(session, request.query) if request.with_count else -1
                rows = reg.register_page(
                    session, request.query, request.sort, request.descending, page, request.after
                )
            return rows, count

        def loaded(result: tuple[list[reg.RegisterRow], int] | None) -> None:
            if result is not None:
                self._take(request, *result)

        def failed(error: BaseException) -> None:
            # The list must stop loading; the failure is kept by type only (no personal data).
            self._errors.append(type(error).__name__)
            self._take(request, [], 0)

        tasks.run_in_background(load, loaded, failed, owner=self)

    def _take(self, request: _Request, rows: list[reg.RegisterRow], count: int) -> None:
        if request.generation != self._generation:
            return
        if request.with_count:
            self.beginResetModel()
            self._entries = list(rows)
            self._total = count
            self._loading = False
            self._fetching = False
            self._exhausted = self._is_last_page(rows)
            self.endResetModel()
            self.countChanged.emit(count)
        else:
            self._fetching = False
            if rows:
                first = len(self._entries)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._entries.extend(rows)
                self.endInsertRows()
            self._exhausted = self._is_last_page(rows)
        self.loaded.emit()

    def _is_last_page(self, page: list[reg.RegisterRow]) -> bool:
        # A short page ends the list; so does reaching an exact count (saves one empty query).
        if len(page) < self.PAGE_SIZE:
            return True
        return not self.count_is_capped and len(self._entries) >= self._total

    def load_errors(self) -> list[str]:
        return list(self._errors)
