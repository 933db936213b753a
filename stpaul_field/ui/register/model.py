"""The register's list: a table model over store pages, searched and sorted in SQL.

Rows arrive a page at a time (`canFetchMore`/`fetchMore`), so 100,000 people never sit in
memory at once unless someone scrolls through them all. Queries run off the UI thread
through the one door, `ctx.read` (a one-letter search over 100,000 names costs tens of
milliseconds, more than a frame); paging, stale results and the columns are the shared
`widgets.paged_model.PagedModel`'s, as for the Activités list.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    Qt,
)
from sqlalchemy.orm import Session

from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.search import COUNT_CAP
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.register.display import local_date, phone_text, priority_labels
from stpaul_field.ui.widgets.columns import Column, column_number
from stpaul_field.ui.widgets.paged_model import Page, PagedModel, PageWork


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


class BeneficiaryTableModel(PagedModel[reg.RegisterRow]):
    """Followed people of the register; `set_query` searches, `sort` orders, pages load lazily
    (each page read after the last row shown: a keyset page, never an offset)."""

    PAGE_SIZE = 200
    count_cap = COUNT_CAP  # a search counts its matches up to here (« plus de 1 000 »)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, COLUMNS, "BeneficiaryTableModel", parent)
        self._query = ""
        self._sort = reg.SORT_NAME
        self._descending = False
        self._sort_column = COL_NAME
        app = QCoreApplication.instance()
        if app is not None:
            # A query still running when the app quits must end before the interpreter does.
            app.aboutToQuit.connect(self.wait_for_loads)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_OF_COLUMN.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and (self.rows or self._loading):
            return
        self._sort, self._descending, self._sort_column = key, descending, column
        self.reload()

    @property
    def query(self) -> str:
        return self._query

    @property
    def count_is_capped(self) -> bool:
        """True when a search matched more than `count_cap` people (`total` is then a floor)."""
        return bool(self._query.strip()) and self._total > self.count_cap

    def sort_column(self) -> int:
        return self._sort_column

    def set_query(self, query: str) -> None:
        if query == self._query and (self.rows or self._loading):
            return
        self._query = query
        self.reload()

    # The cursor is (the last row read, how many rows so far, the list's count).
    def first_page(self) -> PageWork:
        query, sort, descending, size, cap = (
            self._query,
            self._sort,
            self._descending,
            self.PAGE_SIZE,
            self.count_cap,
        )

        def work(session: Session) -> Page[reg.RegisterRow]:
            count = reg.register_count(session, query)
            rows = reg.register_page(session, query, sort, descending, size)
            return self._page(rows, 0, count, bool(query.strip()) and count > cap)

        return work

    def next_page(self, cursor: tuple[reg.RegisterRow | None, int, int]) -> PageWork:
        after, read, count = cursor
        query, sort, descending, size = self._query, self._sort, self._descending, self.PAGE_SIZE
        capped = self.count_is_capped

        def work(session: Session) -> Page[reg.RegisterRow]:
            rows = reg.register_page(session, query, sort, descending, size, after)
            page = self._page(rows, read, count, capped)
            return Page(page.rows, page.more, page.cursor)  # the count is the first page's

        return work

    def _page(
        self, rows: list[reg.RegisterRow], read: int, count: int, capped: bool
    ) -> Page[reg.RegisterRow]:
        # A short page ends the list; so does reaching an exact count (saves one empty query).
        done = read + len(rows)
        more = len(rows) == self.PAGE_SIZE and (capped or done < count)
        return Page(rows, more, (rows[-1] if rows else None, done, count), count)
