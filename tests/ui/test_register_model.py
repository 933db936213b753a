"""The register's table model over a few thousand people: pages, sort and search in SQL."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from stpaul_field.domain.text import fold, name_key
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.database import Store
from stpaul_field.store.models import Beneficiary
from stpaul_field.ui.register import RegisterView
from stpaul_field.ui.register.model import (
    COL_BIRTH_YEAR,
    COL_FIRST_NAME,
    COL_NAME,
    COL_PRIORITY,
    BeneficiaryTableModel,
)
from stpaul_field.ui.widgets.columns import ID_ROLE

PEOPLE = 3000
FIRST = ("Hélène", "Jean", "Marie", "Éric", "Zoé", "Sully", "Josette", "Gérard", "Nadia", "Loïc")
LAST = ("PAYET", "Hoarau", "GRONDIN", "Técher", "RIVIÈRE", "Fontaine", "boyer", "Maillot", "LEBON", "Éthève")


@pytest.fixture
def crowded(store: Store) -> Store:
    rng = random.Random(97415)
    with store.session() as s:
        s.add_all(
            Beneficiary(
                first_name=rng.choice(FIRST),
                last_name=rng.choice(LAST),
                birth_year=rng.choice([None, *range(1930, 2015)]),
                homeless=(i % 50 == 0),
            )
            for i in range(PEOPLE)
        )
    return store


@pytest.fixture
def model(qtbot, crowded: Store, ctx) -> Iterator[BeneficiaryTableModel]:
    m = BeneficiaryTableModel(ctx)
    yield m
    assert m.wait_for_loads(5000)


def settle(qtbot, model: BeneficiaryTableModel) -> None:
    qtbot.waitUntil(lambda: not model.is_loading, timeout=10000)


def test_pages_arrive_on_demand_until_every_row_is_there(
    qtbot, model: BeneficiaryTableModel, crowded: Store
) -> None:
    with qtbot.waitSignal(model.countChanged, timeout=10000) as counted:
        model.reload()
    settle(qtbot, model)
    assert counted.args == [PEOPLE] and model.total == PEOPLE
    assert model.rowCount() == model.PAGE_SIZE  # one page, not 3,000 rows
    assert model.canFetchMore()
    pages = 1
    while model.canFetchMore():
        model.fetchMore()
        settle(qtbot, model)
        pages += 1
    assert model.rowCount() == PEOPLE and pages == -(-PEOPLE // model.PAGE_SIZE)
    ids = [model.index(r, 0).data(ID_ROLE) for r in range(PEOPLE)]
    assert len(set(ids)) == PEOPLE  # keyset pages neither skip nor repeat a row
    # French order: accents and case folded, so « Éthève » sorts with the E, before « Fontaine ».
    with crowded.reader() as s:
        people = {p.id: p for p in s.scalars(select(Beneficiary))}
    keys = [name_key(people[i].last_name, people[i].first_name) for i in ids]
    assert keys == sorted(keys)
    lasts = [people[i].last_name for i in ids]
    assert lasts.index("Éthève") < lasts.index("Fontaine") < lasts.index("Técher")


def test_sort_by_birth_year_descending_is_done_in_sql(qtbot, model: BeneficiaryTableModel) -> None:
    model.reload()
    settle(qtbot, model)
    model.sort(COL_BIRTH_YEAR, Qt.SortOrder.DescendingOrder)
    settle(qtbot, model)
    while model.canFetchMore() and model.rowCount() < 1000:
        model.fetchMore()
        settle(qtbot, model)
    years = [int(model.index(r, COL_BIRTH_YEAR).data() or 0) for r in range(model.rowCount())]
    assert years[0] == 2014 and years == sorted(years, reverse=True)
    model.sort(COL_PRIORITY, Qt.SortOrder.AscendingOrder)  # not sortable: nothing reloads
    assert not model.is_loading


def test_search_resets_to_the_matches(qtbot, model: BeneficiaryTableModel) -> None:
    model.set_query("eric tech")
    settle(qtbot, model)
    firsts = {model.index(r, COL_FIRST_NAME).data() for r in range(model.rowCount())}
    lasts = {fold(model.index(r, COL_NAME).data()) for r in range(model.rowCount())}
    assert model.total > 0 and firsts == {"Éric"} and lasts == {"techer"}


def test_scrolling_the_list_fetches_the_next_page(qtbot, crowded: Store, ctx) -> None:
    view = RegisterView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == view.model.PAGE_SIZE, timeout=10000)
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 * view.model.PAGE_SIZE, timeout=10000)
    assert view.count_label.text() == "Bénéficiaires : 3\u202f000"
    assert view.model.wait_for_loads(5000)


def test_broad_search_counts_up_to_the_cap_and_still_pages_to_the_end(qtbot, crowded: Store, ctx) -> None:
    view = RegisterView(ctx)
    qtbot.addWidget(view)
    view.model.count_cap = 250
    view.show()
    view.search.setText("e")  # Éric, Éthève, Hélène… far more than 250 people
    view.apply_search()
    qtbot.waitUntil(lambda: not view.model.is_loading and view.model.rowCount() > 0, timeout=10000)
    assert view.model.count_is_capped and view.count_label.text() == "Trouvés : plus de 250"
    while view.model.canFetchMore():
        view.model.fetchMore()
        qtbot.waitUntil(lambda: not view.model.is_loading, timeout=10000)
    with crowded.reader() as s:
        expected = len(reg.register_page(s, "e", limit=PEOPLE))
    assert view.model.rowCount() == expected > 250
    assert view.model.wait_for_loads(5000)


def test_column_headers_follow_the_ui_language(qapp, ctx) -> None:
    from stpaul_field.ui import i18n

    def headers() -> list[str]:
        m = BeneficiaryTableModel(ctx)
        return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]

    assert headers()[:3] == ["Nom", "Prénom", "Né(e) en"]
    try:
        i18n.install(qapp, "en")
        assert headers()[:3] == ["Last name", "First name", "Born in"]
    finally:
        i18n.install(qapp, "fr")
