"""The laptop whose value lost to another laptop's later push finds it in its own conflicts list.

Protocol 2: each answer carries the conflicts logged in the page's sequence window; a laptop
records those whose losing stamp is its own. Protocol-1 clients get answers without them.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from stpaul_bench.central_record import ServerEnv, sqlite_url
from stpaul_field.server.auth import authenticate
from stpaul_field.server.caller import Caller
from stpaul_field.server.pull import Page, page_conflicts, pull_page
from stpaul_field.store.conflicts import keep_mine
from stpaul_field.store.models import Conflict
from stpaul_field.sync import enrolment, state
from stpaul_field.sync import protocol as p
from tests.query_plans import plans_of
from tests.sync_fixtures import AHEAD_MS, HOUR_MS, Laptop, SyncWorld

BASE_MS = AHEAD_MS


class SyncResponseV1(p._Strict):
    """`SyncResponse` as protocol 1 defined it (a client of that version validates with it)."""

    protocol: int
    results: list[p.OpResult] = []
    changes: list[p.RecordState] = []
    cursor: int
    more: bool = False
    clock: str = ""
    resync_required: bool = False


def _paul_overwrites_marie(world: SyncWorld, people: int = 1) -> tuple[Laptop, Laptop, list[uuid.UUID]]:
    """Marie pushes a commune first; Paul (later stamps) then pushes his: Paul's wins."""
    marie, paul = world.laptop("marie"), world.laptop("paul")
    marie.set_wall(lambda: BASE_MS)
    paul.set_wall(lambda: BASE_MS + HOUR_MS)
    persons = [marie.add_person(commune="Saint-Paul") for _ in range(people)]
    marie.sync()
    paul.sync()
    for person in persons:
        marie.edit("beneficiary", person, commune="La Saline")
    marie.sync()
    for person in persons:
        paul.edit("beneficiary", person, commune="Le Guillaume")
    assert paul.sync().rejected == 0
    return marie, paul, persons


def _conflicts(laptop: Laptop) -> list[Conflict]:
    with laptop.store.reader() as s:
        return list(s.scalars(select(Conflict)))


def _caller(world: SyncWorld, laptop: Laptop) -> Caller:
    assert laptop.enrolment is not None
    return authenticate(world.env.db, f"Bearer {enrolment.device_token(laptop.store, laptop.enrolment)}")


def test_the_laptop_whose_value_lost_sees_it_after_its_next_sync(world: SyncWorld) -> None:
    chloe = world.laptop("chloe")  # same team, not involved
    chloe.sync()
    marie, paul, (person,) = _paul_overwrites_marie(world)
    assert [c.lost_is_mine for c in _conflicts(paul)] == [False]  # the pusher learnt it from its results

    report = marie.sync()
    assert report.conflicts == 1
    (conflict,) = _conflicts(marie)
    assert (conflict.entity, conflict.record_id, conflict.field) == ("beneficiary", person, "commune")
    assert (conflict.kept_value, conflict.lost_value, conflict.lost_is_mine) == (
        "Le Guillaume",
        "La Saline",
        True,
    )
    assert marie.get("beneficiary", person).commune == "Le Guillaume"

    assert chloe.sync().conflicts == 0 and _conflicts(chloe) == []  # another laptop's loss

    # « Garder la mienne »: Marie's value comes back, and reaches Paul.
    with marie.store.session() as s:
        assert keep_mine(s, conflict.id) is True
    assert marie.sync().conflicts == 0
    paul.sync()
    assert paul.get("beneficiary", person).commune == "La Saline"
    assert [c.resolved_at is not None for c in _conflicts(marie)] == [True]


def test_pulling_the_same_window_again_records_nothing_twice(world: SyncWorld) -> None:
    marie, _paul, _ = _paul_overwrites_marie(world)
    assert marie.sync().conflicts == 1
    with marie.store.session() as s:
        state.put(s, state.CURSOR, "0")  # a resync from scratch
    assert marie.sync().conflicts == 0
    assert len(_conflicts(marie)) == 1


def test_a_protocol_1_client_is_still_served_without_the_conflicts(world: SyncWorld) -> None:
    marie, _paul, _ = _paul_overwrites_marie(world)
    old = marie.raw_pull(1)
    assert "conflicts" not in old and old["protocol"] == 1
    SyncResponseV1.model_validate(old)
    new = p.SyncResponse.model_validate(marie.raw_pull(2))
    assert new.protocol == 2 and new.conflicts is not None
    assert [(c.field, c.kept, c.lost) for c in new.conflicts] == [("commune", "Le Guillaume", "La Saline")]


def test_a_window_with_too_many_conflicts_is_cut_and_the_cursor_stays_right(world: SyncWorld) -> None:
    marie, paul, persons = _paul_overwrites_marie(world, people=3)
    caller = _caller(world, marie)
    seen: list[p.LoggedConflict] = []
    cursor, more, pages = 0, True, 0
    with world.env.db.session() as s:
        while more:
            page = pull_page(s, caller.team_id, cursor, 1000)
            conflicts, page = page_conflicts(s, caller.team_id, caller.device_id, cursor, page, limit=2)
            assert len(conflicts) <= 2
            assert all(cursor < c.seq <= page.cursor for c in conflicts)
            assert all(cursor < row[0] <= page.cursor for row in page.rows)
            seen += conflicts
            cursor, more, pages = page.cursor, page.more, pages + 1
        assert sorted(c.record_id for c in seen) == sorted(persons)
        assert pages >= 2
        # The pusher's own conflicts are not sent back to it.
        paul_caller = _caller(world, paul)
        page = pull_page(s, caller.team_id, 0, 1000)
        assert page_conflicts(s, caller.team_id, paul_caller.device_id, 0, page)[0] == []


def test_the_conflicts_of_a_window_are_read_through_the_team_seq_index(tmp_path) -> None:
    # SQLite's plan (PostgreSQL's depends on its statistics).
    env = ServerEnv.start(sqlite_url(tmp_path))
    try:
        with env.db.session() as s:
            (plan,) = plans_of(
                s.get_bind(), s, lambda: page_conflicts(s, uuid.uuid4(), uuid.uuid4(), 0, Page([], 10, False))
            )
    finally:
        env.close()
    assert "ix_conflict_log_team_seq" in plan and "SCAN conflict_log" not in plan, plan
