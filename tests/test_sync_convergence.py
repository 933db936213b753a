"""Convergence (hypothesis): three laptops edit shared records offline and sync in any order.

Marie has two laptops, Paul one; their clocks are hours apart and jump backwards. They
create, edit and delete beneficiaries, activities and participations, and sync whenever.
After everyone has synced twice, the three stores and the central record hold the same
data, and every value written survives — unless it was overwritten by an edit made where
it was seen, or it lost a real conflict to a concurrent write, and then it is in the
conflict list of the very laptop that wrote it (as its own lost value), whichever laptop
pushed first; no laptop lists another laptop's lost value as its own.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from stpaul_field.store.models import Activity, Beneficiary, Conflict, Participation
from stpaul_field.store.serialize import to_wire
from stpaul_field.sync import quarantine
from tests.sync_fixtures import AHEAD_MS, HOUR_MS, Laptop, SyncWorld, activity_fields

BASE_MS = AHEAD_MS  # laptops' clocks stay within [-11 h, +11 h] of it (see `step`)
LAPTOP = st.integers(0, 2)
PICK = st.integers(0, 1000)
STEP = st.one_of(
    st.tuples(st.just("person"), LAPTOP),
    st.tuples(st.just("edit"), LAPTOP, PICK, st.sampled_from(["notes", "first_name", "commune"])),
    st.tuples(st.just("delete"), LAPTOP, PICK),
    st.tuples(st.just("activity"), LAPTOP),
    st.tuples(st.just("edit_activity"), LAPTOP, PICK, st.sampled_from(["notes", "commune"])),
    st.tuples(st.just("delete_activity"), LAPTOP, PICK),
    st.tuples(st.just("participant"), LAPTOP, PICK, PICK),
    st.tuples(st.just("sync"), LAPTOP),
    st.tuples(st.just("clock"), LAPTOP, st.integers(-8, 8)),
)

# Always tried: the laptop that pushes first loses (the other's stamp is later, its clock 3 h
# ahead), so only the pull can tell it.
SECOND_PUSHER_WINS = [
    ("person", 0),
    ("sync", 0),
    ("sync", 2),
    ("edit", 0, 0, "commune"),
    ("edit", 2, 0, "commune"),
    ("sync", 0),
    ("sync", 2),
]


class Scenario:
    def __init__(self, world: SyncWorld) -> None:
        self.world = world
        self.laptops: list[Laptop] = [world.laptop(login) for login in ("marie", "paul", "marie")]
        self.advisors = [world.marie_id, world.paul_id, world.marie_id]
        self.offsets = [0, -5 * HOUR_MS, 3 * HOUR_MS]
        self.tick = 0
        for i, laptop in enumerate(self.laptops):
            laptop.set_wall(lambda i=i: BASE_MS + self.tick * 1000 + self.offsets[i])
        self.people: list[uuid.UUID] = []
        self.activities: list[uuid.UUID] = []
        self.counter = 0
        # (entity, record id, field, wire value, index of the laptop that wrote it)
        self.writes: list[tuple[str, uuid.UUID, str, Any, int]] = []
        self.superseded: set[tuple[str, uuid.UUID, str, Any]] = set()

    def value(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def local(self, laptop: Laptop, model: Any, ids: list[uuid.UUID], pick: int, **where: Any) -> Any:
        with laptop.store.reader() as s:
            rows = [r for r in (s.get(model, i) for i in ids) if r is not None]
            rows = [r for r in rows if all(getattr(r, k) == v for k, v in where.items())]
        return rows[pick % len(rows)] if rows else None

    def write(self, i: int, entity: str, obj: Any, **fields: Any) -> None:
        for name, value in fields.items():
            self.superseded.add((entity, obj.id, name, to_wire(getattr(obj, name))))
            self.writes.append((entity, obj.id, name, to_wire(value), i))
        self.laptops[i].edit(entity, obj.id, **fields)

    def step(self, step: tuple[Any, ...]) -> None:
        self.tick += 1
        kind, i = step[0], step[1]
        laptop, advisor = self.laptops[i], self.advisors[i]
        if kind == "person":
            fields = {"first_name": self.value("p"), "notes": self.value("n"), "commune": self.value("c")}
            person = laptop.add_person(**fields)
            self.people.append(person)
            self.writes += [("beneficiary", person, k, v, i) for k, v in fields.items()]
        elif kind == "edit":
            person = self.local(laptop, Beneficiary, self.people, step[2])
            if person is not None:
                self.write(i, "beneficiary", person, **{step[3]: self.value(step[3][0])})
        elif kind == "delete":
            person = self.local(laptop, Beneficiary, self.people, step[2], deleted_at=None)
            if person is not None:
                stamp = dt.datetime.fromtimestamp((BASE_MS + self.tick * 1000) / 1000, dt.UTC)
                self.write(i, "beneficiary", person, deleted_at=stamp + dt.timedelta(microseconds=self.tick))
        elif kind == "activity":
            with laptop.store.session() as s:
                activity = Activity(
                    **activity_fields(advisor, notes=self.value("a"), commune=self.value("c"))
                )
                s.add(activity)
            self.activities.append(activity.id)
            self.writes += [
                ("activity", activity.id, k, getattr(activity, k), i) for k in ("notes", "commune")
            ]
        elif kind in ("edit_activity", "delete_activity"):
            activity = self.local(laptop, Activity, self.activities, step[2], advisor_id=advisor)
            if activity is None:
                return
            if kind == "edit_activity":
                self.write(i, "activity", activity, **{step[3]: self.value(step[3][0])})
            elif activity.deleted_at is None:
                stamp = dt.datetime.fromtimestamp((BASE_MS + self.tick * 1000) / 1000, dt.UTC)
                self.write(i, "activity", activity, deleted_at=stamp + dt.timedelta(microseconds=self.tick))
        elif kind == "participant":
            activity = self.local(laptop, Activity, self.activities, step[2], advisor_id=advisor)
            person = self.local(laptop, Beneficiary, self.people, step[3])
            if activity is not None and person is not None:
                with laptop.store.session() as s:
                    s.add(Participation(activity_id=activity.id, beneficiary_id=person.id, attended=True))
        elif kind == "sync":
            laptop.sync(batch_size=3, page_size=4)
        else:
            # Forwards or backwards, but never more than a day ahead of the central record
            # (such a clock's changes are refused: tests/test_sync_poisoned_clock.py).
            self.offsets[i] = max(-11 * HOUR_MS, min(11 * HOUR_MS, self.offsets[i] + step[2] * HOUR_MS))

    def check(self) -> None:
        for _ in range(2):
            for laptop in self.laptops:
                laptop.sync(batch_size=3, page_size=4)
        for laptop in self.laptops:
            with laptop.store.reader() as s:
                assert quarantine.rejected_entries(s) == []
            assert laptop.outbox() == []
        mine = set(self.people) | set(self.activities)
        server = {k: v for k, v in self.world.server_records().items() if k[1] in mine or _of(v, mine)}
        for laptop in self.laptops:
            local = {k: v for k, v in laptop.records().items() if k[1] in mine or _of(v, mine)}
            assert local == server, laptop.name
        own_lost = [self.own_lost_values(laptop) for laptop in self.laptops]
        for entity, record_id, name, value, i in self.writes:
            final = server[(entity, record_id)][name]
            key = (entity, record_id, name, value)
            assert final == value or key in own_lost[i] or key in self.superseded, (key, final, i)
        for i, lost in enumerate(own_lost):
            mine_written = {w[:4] for w in self.writes if w[4] == i}
            assert lost <= mine_written, self.laptops[i].name  # never another laptop's loss

    def own_lost_values(self, laptop: Laptop) -> set[tuple[str, uuid.UUID, str, Any]]:
        """The values this laptop lists as its own that lost a conflict."""
        with laptop.store.reader() as s:
            rows = s.scalars(select(Conflict).where(Conflict.lost_is_mine.is_(True)))
            return {(c.entity, c.record_id, c.field, c.lost_value) for c in rows}


def _of(fields: dict[str, Any], mine: set[uuid.UUID]) -> bool:
    """A participation of this scenario's records."""
    return any(str(fields.get(k)) in {str(m) for m in mine} for k in ("activity_id", "beneficiary_id"))


def _run(world: SyncWorld, steps: list[tuple[Any, ...]]) -> None:
    scenario = Scenario(world)
    try:
        for step in steps:
            scenario.step(step)
        scenario.check()
    finally:
        for laptop in scenario.laptops:
            laptop.close()
            world.laptops.remove(laptop)


def _examples(world: SyncWorld, count: int) -> None:
    @settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        database=None,
    )
    @given(steps=st.lists(STEP, min_size=4, max_size=30))
    @example(steps=SECOND_PUSHER_WINS)
    def scenario(steps: list[tuple[Any, ...]]) -> None:
        _run(world, steps)

    scenario()


def test_three_laptops_converge_and_lose_no_write(world: SyncWorld) -> None:
    _examples(world, 4 if world.env.db.is_postgres else 12)


@pytest.mark.slow
def test_three_laptops_converge_and_lose_no_write_long_run(world: SyncWorld) -> None:
    _examples(world, 25 if world.env.db.is_postgres else 120)
