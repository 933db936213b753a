"""A fresh laptop's first sync (issue 22): pages applied in bulk, and resumed where it stopped."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import event

from stpaul_field.domain.counting import CountingRule
from stpaul_field.domain.report_model import Period
from stpaul_field.store import beneficiaries as register
from stpaul_field.store import bulk_indexes
from stpaul_field.store import statistics as st
from stpaul_field.store.database import Store
from stpaul_field.store.models import SYNCED_MODELS, Activity, Participation
from stpaul_field.sync import apply, state
from stpaul_field.sync import engine as engine_module
from stpaul_field.sync.engine import Backoff, SyncEngine
from stpaul_field.sync.errors import OfflineError
from stpaul_field.sync.protocol import SyncRequest, SyncResponse
from tests.sync_fixtures import Laptop, SyncWorld, activity_fields

NOVEMBER = Period.month(2026, 11)
RULE = CountingRule(dt.date(2026, 12, 1))
PEOPLE = [("Hélène", "GRONDIN"), ("Jean-Marc", "PAYET"), ("Éloïse", "HOARAU"), ("Teddy", "GRONDIN")]


def _team_history(world: SyncWorld) -> Laptop:
    """Marie records people, a workshop and individual follow-ups, row by row, and syncs them."""
    marie = world.laptop("marie")
    people = [marie.add_person(first_name=first, last_name=last) for first, last in PEOPLE]
    with marie.store.session() as s:
        for day, person in enumerate(people[:3], start=3):
            act = Activity(**activity_fields(world.marie_id, date=dt.date(2026, 11, day), status="done"))
            s.add(act)
            s.flush()
            s.add(Participation(activity_id=act.id, beneficiary_id=person, registered=True, attended=True))
        workshop = Activity(
            **activity_fields(world.marie_id, type="workshop", date=dt.date(2026, 11, 20), status="done")
        )
        s.add(workshop)
        s.flush()
        for person in people:
            s.add(
                Participation(activity_id=workshop.id, beneficiary_id=person, registered=True, attended=True)
            )
    marie.edit("beneficiary", people[1], deleted_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))  # a tombstone
    assert marie.sync().complete
    return marie


def _what_the_advisor_sees(laptop: Laptop) -> tuple[object, ...]:
    with laptop.store.reader() as s:
        return (
            register.register_count(s),
            [(r.last_name, r.first_name) for r in register.register_page(s)],
            [(r.last_name, r.first_name) for r in register.register_page(s, "grond")],
            register.register_count(s, "hoar"),
            st.monthly_evolution(s, NOVEMBER.start, None, RULE),
            st.period_figures(s, NOVEMBER, st.team_scope(), RULE),
        )


def test_a_bulk_first_sync_is_searched_counted_and_tallied_as_rows_recorded_one_by_one(
    world: SyncWorld,
) -> None:
    marie = _team_history(world)
    fresh = world.laptop("marie")
    inserts: list[str] = []

    def count(_conn, _cursor, statement: str, _params, _context, executemany: bool) -> None:  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO beneficiary "):
            inserts.append(statement)

    event.listen(fresh.store.engine, "before_cursor_execute", count)
    report = fresh.sync(page_size=4)  # a person deleted in a later page than their workshops
    event.remove(fresh.store.engine, "before_cursor_execute", count)

    assert report.complete and report.round_trips > 3
    assert 0 < len(inserts) <= report.round_trips  # a page's people in one INSERT, not one each
    seen = _what_the_advisor_sees(fresh)
    assert seen == _what_the_advisor_sees(marie)
    assert seen[0] == 3 and seen[2] == [("GRONDIN", "Hélène"), ("GRONDIN", "Teddy")]
    assert fresh.outbox() == []  # pulled changes are never sent back
    assert fresh.records() == marie.records()


class _CutAfter:
    """A link that answers `pages` exchanges, then is cut (every later request fails)."""

    def __init__(self, inner: object, pages: int | None) -> None:
        self.inner = inner
        self.pages = pages
        self.cursors: list[int] = []
        self.page_sizes: list[int] = []
        self.answers: list[SyncResponse] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def sync(self, request: SyncRequest) -> SyncResponse:
        if self.pages is not None and len(self.cursors) >= self.pages:
            raise OfflineError("Registre central injoignable.")
        self.cursors.append(request.cursor)
        self.page_sizes.append(request.page_size)
        answer: SyncResponse = self.inner.sync(request)  # type: ignore[attr-defined]
        self.answers.append(answer)
        return answer


def _run(laptop: Laptop, pages: int | None = None) -> tuple[_CutAfter, bool]:
    link = _CutAfter(laptop.transport(), pages)
    engine = SyncEngine(laptop.store, link, page_size=3, backoff=Backoff(max_tries=1), sleep=lambda _s: None)  # type: ignore[arg-type]
    try:
        return link, engine.run().complete
    except OfflineError:
        return link, False
    finally:
        link.inner.close()  # type: ignore[attr-defined]


def test_a_first_sync_cut_mid_way_resumes_from_its_last_page_and_ends_as_an_uncut_one(
    world: SyncWorld,
) -> None:
    marie = _team_history(world)
    whole, complete = _run(world.laptop("marie"))
    assert complete and len(whole.cursors) > 4

    cut = world.laptop("marie")
    _cut, complete = _run(cut, pages=3)
    assert not complete
    with cut.store.reader() as s:
        reached = state.cursor(s)
    assert reached == whole.cursors[3]  # three pages kept, each with its cursor

    second, complete = _run(cut)
    assert complete
    assert second.cursors == whole.cursors[3:]  # only the rest was asked for
    assert cut.records() == marie.records()
    assert _what_the_advisor_sees(cut) == _what_the_advisor_sees(marie)


def test_a_page_that_fails_half_applied_leaves_neither_its_rows_nor_its_cursor(
    world: SyncWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process killed while a page is written: the page's transaction is kept whole or not at all."""
    _team_history(world)
    laptop = world.laptop("marie")
    real = apply._repair
    calls = 0

    def killed_on_third_page(session, states) -> None:  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt  # the page's rows are inserted by now
        real(session, states)

    before = set(laptop.records(tuple(SYNCED_MODELS)))  # its reference data, its advisor
    monkeypatch.setattr(apply, "_repair", killed_on_third_page)
    link = _CutAfter(laptop.transport(), None)
    engine = SyncEngine(laptop.store, link, page_size=3, sleep=lambda _s: None)  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        engine.run()
    link.inner.close()  # type: ignore[attr-defined]
    kept = {(c.entity, c.record_id) for page in link.answers[:2] for c in page.changes}
    with laptop.store.reader() as s:
        assert state.cursor(s) == link.answers[1].cursor
    assert set(laptop.records(tuple(SYNCED_MODELS))) == before | kept  # nothing of the third page

    monkeypatch.setattr(apply, "_repair", real)
    resumed, complete = _run(laptop)
    assert complete and resumed.cursors[0] == link.answers[1].cursor


def test_a_long_pull_asks_for_the_largest_pages_once_an_answer_says_more_is_waiting(
    world: SyncWorld,
) -> None:
    """The engine's own choice (no page size given): the first page as a day's sync asks it,
    the larger one for the rest of a long pull; a fixed page size is kept for every exchange."""
    marie = _team_history(world)
    fresh = world.laptop("marie")
    link = _CutAfter(fresh.transport(), None)
    engine = SyncEngine(fresh.store, link, sleep=lambda _s: None)  # type: ignore[arg-type]
    engine.first_page_size, engine.long_pull_page_size = 2, 5  # the protocol's 500 and 2,000, small
    assert engine.run().complete
    link.inner.close()  # type: ignore[attr-defined]
    assert link.page_sizes == [2] + [5] * (len(link.page_sizes) - 1) and len(link.page_sizes) > 2
    assert all(len(a.changes) <= 5 for a in link.answers) and len(link.answers[1].changes) == 5
    assert fresh.records() == marie.records()

    fixed, complete = _run(world.laptop("marie"))  # page_size=3
    assert complete and set(fixed.page_sizes) == {3}


def test_a_long_pull_reads_the_next_page_while_it_applies_the_last_and_asks_the_same_pages(
    world: SyncWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read ahead: the request for page N+1 reaches the server before page N is applied; the
    pages asked are those of an engine that waits, and the laptop ends the same."""
    marie = _team_history(world)
    plain = world.laptop("marie")
    link = _CutAfter(plain.transport(), None)
    engine = SyncEngine(plain.store, link, page_size=3, sleep=lambda _s: None)  # type: ignore[arg-type]
    engine.read_ahead = False
    assert engine.run().complete
    link.inner.close()  # type: ignore[attr-defined]

    fresh = world.laptop("marie")
    ahead = _CutAfter(fresh.transport(), None)
    real = engine_module.apply_answer
    waited: list[bool] = []

    def applied_once_the_next_is_asked(store, response, *args):  # type: ignore[no-untyped-def]
        if response.more:
            deadline = time.monotonic() + 10
            while len(ahead.answers) <= len(waited) + 1 and time.monotonic() < deadline:
                time.sleep(0.005)
            waited.append(len(ahead.answers) > len(waited) + 1)
        return real(store, response, *args)

    monkeypatch.setattr(engine_module, "apply_answer", applied_once_the_next_is_asked)
    engine = SyncEngine(fresh.store, ahead, page_size=3, sleep=lambda _s: None)  # type: ignore[arg-type]
    assert engine.run().complete
    ahead.inner.close()  # type: ignore[attr-defined]
    assert waited and all(waited)
    assert ahead.cursors == link.cursors
    assert fresh.records() == plain.records() == marie.records()
    assert _what_the_advisor_sees(fresh) == _what_the_advisor_sees(marie)


def test_a_page_read_ahead_that_fails_is_asked_again_in_the_open(world: SyncWorld) -> None:
    marie = _team_history(world)
    fresh = world.laptop("marie")

    class _FailsSecond(_CutAfter):
        def sync(self, request: SyncRequest) -> SyncResponse:
            if len(self.cursors) == 1 and not getattr(self, "failed", False):
                self.failed = True
                raise OfflineError("Registre central injoignable.")
            return super().sync(request)

    link = _FailsSecond(fresh.transport(), None)
    engine = SyncEngine(fresh.store, link, page_size=3, backoff=Backoff(max_tries=2), sleep=lambda _s: None)  # type: ignore[arg-type]
    report = engine.run()
    link.inner.close()  # type: ignore[attr-defined]
    assert report.complete and link.failed
    assert fresh.records() == marie.records()


def _index_sql(laptop: Laptop) -> dict[str, str]:
    marks = ", ".join("?" * len(bulk_indexes.DEFERRED))
    with laptop.store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE name IN ({marks})", bulk_indexes.DEFERRED
        )
        return dict(rows.all())


def test_a_first_sync_builds_the_list_sort_indexes_once_at_the_end(
    world: SyncWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    marie = _team_history(world)
    expected = _index_sql(marie)
    assert set(expected) == set(bulk_indexes.DEFERRED)
    fresh = world.laptop("marie")
    real = engine_module.apply_answer
    during: list[dict[str, str]] = []

    def seen(store, response, *args):  # type: ignore[no-untyped-def]
        during.append(_index_sql(fresh))
        return real(store, response, *args)

    monkeypatch.setattr(engine_module, "apply_answer", seen)
    assert fresh.sync(page_size=4).complete
    assert len(during) > 2 and all(d == {} for d in during)  # none kept row by row
    assert _index_sql(fresh) == expected  # the same indexes as a laptop that never pulled
    with fresh.store.reader() as s:
        assert state.get(s, bulk_indexes.KEY) is None
    assert _what_the_advisor_sees(fresh) == _what_the_advisor_sees(marie)

    monkeypatch.setattr(engine_module, "apply_answer", real)
    marie.add_person(first_name="Lucie", last_name="PAYET")
    during.clear()
    monkeypatch.setattr(engine_module, "apply_answer", seen)
    assert marie.sync().complete and fresh.sync().complete  # a later sync keeps them
    assert during and all(d == expected for d in during)


def test_a_first_sync_cut_mid_way_leaves_the_store_its_indexes(world: SyncWorld) -> None:
    marie = _team_history(world)
    cut = world.laptop("marie")
    _link, complete = _run(cut, pages=2)
    assert not complete
    assert _index_sql(cut) == _index_sql(marie)


def test_a_store_killed_while_its_indexes_were_dropped_builds_them_at_opening(world: SyncWorld) -> None:
    laptop = world.laptop("marie")
    expected = _index_sql(laptop)
    assert bulk_indexes.defer(laptop.store.engine)  # the first step of a first sync, then killed
    assert _index_sql(laptop) == {}
    laptop.store.close()
    laptop.store = Store.open(laptop.paths)
    assert _index_sql(laptop) == expected
    with laptop.store.reader() as s:
        assert state.get(s, bulk_indexes.KEY) is None
