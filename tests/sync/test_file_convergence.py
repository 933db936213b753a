"""Convergence by file (hypothesis, issue 20): Marie works days in Mafate and her work goes down
on a USB key — relayed by Paul's laptop, imported at the office, or sent over HTTPS later — while
Paul edits and syncs online; answers are read in any order, some twice, some never. In the end,
after everyone has synced, every store and the central record hold the same records, every
value written is there (each field has one writer, so none may lose), and nothing is doubled:
each person was created once on the central record."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from stpaul_field.server import sync_files
from stpaul_field.server.models import Journal
from stpaul_field.store.models import Beneficiary
from stpaul_field.sync import file_sync, quarantine, state
from tests.sync_fixtures import Laptop, SyncWorld

MARIE, PAUL = 0, 1
# Each field has one writer: Marie writes the notes, Paul the commune.
FIELD = {MARIE: "notes", PAUL: "commune"}
PICK = st.integers(0, 1000)
STEP = st.one_of(
    st.tuples(st.just("person"), st.integers(0, 1)),
    st.tuples(st.just("edit"), st.integers(0, 1), PICK),
    st.tuples(st.just("write")),
    st.tuples(st.just("relay"), PICK),
    st.tuples(st.just("office"), PICK),
    st.tuples(st.just("read"), PICK),
    st.tuples(st.just("sync"), st.integers(0, 1)),
)

# Always tried: a file relayed, the same operations imported at the office and sent over HTTPS,
# answers read newest first, then the oldest twice, with Paul's edits in between.
CARRIED_THREE_WAYS = [
    ("person", PAUL),
    ("sync", PAUL),
    ("sync", MARIE),
    ("person", MARIE),
    ("edit", MARIE, 0),
    ("write",),
    ("edit", PAUL, 0),
    ("sync", PAUL),
    ("person", MARIE),
    ("write",),
    ("relay", 0),
    ("office", 1),
    ("edit", MARIE, 1),
    ("read", 1),
    ("read", 0),
    ("read", 0),
    ("relay", 1),
    ("sync", MARIE),
    ("read", 2),
]


class Scenario:
    def __init__(self, world: SyncWorld, tmp: Path) -> None:
        self.world = world
        self.tmp = tmp
        self.laptops: list[Laptop] = [world.laptop("marie"), world.laptop("paul")]
        self.people: list[uuid.UUID] = []
        self.expected: dict[tuple[uuid.UUID, str], Any] = {}
        self.files: list[Path] = []
        self.answers: list[Path] = []
        self.made = 0

    def _name(self) -> str:
        self.made += 1
        return f"{self.made:04d}"

    def _own(self, who: int) -> set[uuid.UUID]:
        return {p for p in self.people if self.laptops[who].get("beneficiary", p) is not None}

    def step(self, step: tuple[Any, ...]) -> None:
        kind = step[0]
        marie, paul = self.laptops
        if kind == "person":
            who = step[1]
            person = self.laptops[who].add_person(first_name=f"Prénom {self._name()}")
            self.people.append(person)
        elif kind == "edit":
            who, pick = step[1], step[2]
            mine = sorted(self._own(who))
            if not mine:
                return
            person = mine[pick % len(mine)]
            value = f"{FIELD[who]} {self._name()}"
            self.laptops[who].edit("beneficiary", person, **{FIELD[who]: value})
            self.expected[(person, FIELD[who])] = value
        elif kind == "write":
            where = self.tmp / f"cle-{len(self.files)}"
            where.mkdir()
            self.files.append(file_sync.write_request(marie.store, where).path)
        elif kind in ("relay", "office") and self.files:
            request = self.files[step[1] % len(self.files)]
            if kind == "relay":
                with paul.transport() as link:
                    answer = file_sync.relay(paul.store, link, request)
            else:
                imported = sync_files.import_request(self.world.env.db, request.read_bytes())
                answer = request.with_name(f"reponse-bureau-{len(self.answers)}.stpaul-sync")
                answer.write_bytes(imported.answer)
            self.answers.append(answer)
        elif kind == "read" and self.answers:
            self.read(self.answers[step[1] % len(self.answers)])
        elif kind == "sync":
            self.laptops[step[1]].sync()

    def versions(self) -> tuple[int, dict[uuid.UUID, int]]:
        with self.laptops[MARIE].store.reader() as s:
            held = dict(s.execute(select(Beneficiary.id, Beneficiary.server_version)).all())
            return state.cursor(s), held

    def read(self, answer: Path) -> None:
        """An answer, read at any time: the cursor and no record's version ever go back."""
        cursor, held = self.versions()
        file_sync.read_answer(self.laptops[MARIE].store, answer)
        after_cursor, after = self.versions()
        assert after_cursor >= cursor
        assert all(after[i] >= version for i, version in held.items())

    def check(self) -> None:
        marie, paul = self.laptops
        for answer in reversed(self.answers):  # every answer read once more, late: nothing moves
            self.read(answer)
        for laptop in (marie, paul, marie):
            assert laptop.sync().complete
        mine = {("beneficiary", p) for p in self.people}
        server = {k: v for k, v in self.world.server_records().items() if k in mine}
        assert set(server) == mine  # nothing lost
        for laptop in (marie, paul):
            held = {k: v for k, v in laptop.records(("beneficiary",)).items() if k in mine}
            assert held == server, laptop.name
            assert laptop.outbox() == []
            with laptop.store.reader() as s:
                assert quarantine.rejected_entries(s) == []
        for (person, field), value in self.expected.items():
            assert server[("beneficiary", person)][field] == value, (person, field)
        with self.world.env.db.session() as s:
            created = dict(
                s.execute(
                    select(Journal.record_id, func.count())
                    .where(Journal.record_id.in_(self.people), Journal.op == "create")
                    .group_by(Journal.record_id)
                ).all()
            )
        assert created == dict.fromkeys(self.people, 1)  # nothing doubled


def _examples(world: SyncWorld, tmp_path: Path, count: int) -> None:
    runs = iter(range(10_000))

    @settings(max_examples=count, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(steps=st.lists(STEP, min_size=4, max_size=25))
    @example(steps=CARRIED_THREE_WAYS)
    def scenario(steps: list[tuple[Any, ...]]) -> None:
        tmp = tmp_path / f"run-{next(runs)}"
        tmp.mkdir()
        run = Scenario(world, tmp)
        try:
            for step in steps:
                run.step(step)
            run.check()
        finally:
            for laptop in run.laptops:
                laptop.close()
                world.laptops.remove(laptop)

    scenario()


def test_work_carried_by_file_relayed_and_resent_converges(world: SyncWorld, tmp_path: Path) -> None:
    _examples(world, tmp_path, 1 if world.env.db.is_postgres else 4)


@pytest.mark.slow
def test_work_carried_by_file_converges_long_run(world: SyncWorld, tmp_path: Path) -> None:
    _examples(world, tmp_path, 10 if world.env.db.is_postgres else 60)
