"""A long pull says how far it has come and the time left (protocol 4, issue 22), and laptops
and servers of protocol 3 still sync with those of protocol 4, both ways, over HTTPS and by file."""

from __future__ import annotations

import itertools
import uuid
from pathlib import Path
from typing import Any

import pytest

from stpaul_field.server import sync_files
from stpaul_field.sync import file_sync
from stpaul_field.sync import protocol as p
from stpaul_field.sync.engine import Backoff, PullEstimate, SyncEngine, SyncProgress
from tests.sync_fixtures import Laptop, SyncWorld


class SyncResponseV3(p._Strict):
    """`SyncResponse` as protocol 3 defined it (a laptop of that version validates with it)."""

    protocol: int
    results: list[p.OpResult] = []
    changes: list[p.RecordState] = []
    conflicts: list[p.LoggedConflict] | None = None
    cursor: int
    more: bool = False
    clock: str = ""
    resync_required: bool = False


class FileAnswerV3(p._Strict):
    protocol: int
    cursor: int
    pages: list[SyncResponseV3]


class _Recorded:
    """The laptop's link, keeping every answer; `as_protocol_3` drops what protocol 4 added,
    as a central record not yet updated answers."""

    def __init__(self, inner: Any, as_protocol_3: bool = False) -> None:
        self.inner = inner
        self.as_protocol_3 = as_protocol_3
        self.answers: list[p.SyncResponse] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def sync(self, request: p.SyncRequest) -> p.SyncResponse:
        answer: p.SyncResponse = self.inner.sync(request)
        if self.as_protocol_3:
            answer = answer.model_copy(update={"last_seq": None, "protocol": 3})
        self.answers.append(answer)
        return answer


def _team_of(world: SyncWorld, people: int) -> Laptop:
    marie = world.laptop("marie")
    for i in range(people):
        marie.add_person(first_name=f"Personne {i}", last_name="GRONDIN")
    assert marie.sync().complete
    return marie


def _first_sync(world: SyncWorld, as_protocol_3: bool = False) -> tuple[list[SyncProgress], _Recorded]:
    fresh = world.laptop("marie")
    link = _Recorded(fresh.transport(), as_protocol_3)
    ticks = itertools.count()  # one second per reading of the clock
    engine = SyncEngine(
        fresh.store,
        link,  # type: ignore[arg-type]
        page_size=3,
        backoff=Backoff(max_tries=1),
        sleep=lambda _s: None,
        monotonic=lambda: float(next(ticks)),
    )
    seen: list[SyncProgress] = []
    try:
        assert engine.run(seen.append).complete
    finally:
        link.inner.close()
    return seen, link


def test_a_first_sync_shows_the_share_pulled_and_the_time_left(world: SyncWorld) -> None:
    _team_of(world, people=12)
    seen, link = _first_sync(world)
    assert len(link.answers) > 4
    last_seq = link.answers[-1].last_seq
    # The server says where the team's record ends; the last page's cursor reaches it.
    assert last_seq is not None and all(a.last_seq == last_seq for a in link.answers)
    assert link.answers[-1].cursor == last_seq
    pulling = [s for s in seen if s.phase == "pull"]
    assert pulling[0].pull_fraction is None  # before the first answer nothing is known
    fractions = [s.pull_fraction for s in pulling[1:]]
    start = 0  # a fresh laptop's cursor
    assert fractions == [pytest.approx((a.cursor - start) / (last_seq - start)) for a in link.answers[:-1]]
    assert fractions == sorted(fractions) and 0 < fractions[0] < fractions[-1] < 1
    left = [s.seconds_left for s in pulling[1:]]
    assert all(x is not None and x > 0 for x in left)
    assert left[-1] < left[0]  # the pace holds: less and less time left
    assert (seen[-1].phase, seen[-1].pull_fraction, seen[-1].seconds_left) == ("done", 1.0, 0.0)


def test_the_time_left_follows_the_pace_of_the_last_pages() -> None:
    estimate = PullEstimate(start=1000, started_at=50.0, window=2)
    estimate.after(cursor=1250, last_seq=2000, now=80.0)  # a quarter in 30 s
    assert (estimate.fraction, estimate.seconds_left) == (0.25, pytest.approx(90.0))
    estimate.after(cursor=1500, last_seq=2000, now=90.0)  # the next quarter in 10 s
    assert estimate.seconds_left == pytest.approx(40.0 / 0.5 * 0.5)  # half in 40 s: 40 s left
    estimate.after(cursor=1750, last_seq=2000, now=95.0)  # the window forgets the slow start
    assert estimate.seconds_left == pytest.approx(0.25 / (0.5 / 15))
    estimate.after(cursor=1750, last_seq=None, now=96.0)  # an older server's answer
    assert (estimate.fraction, estimate.seconds_left) == (None, None)
    estimate.after(cursor=1000, last_seq=1000, now=97.0)  # nothing to pull
    assert estimate.fraction is None


def test_a_laptop_of_protocol_4_syncs_with_a_server_of_protocol_3_without_a_total(
    world: SyncWorld,
) -> None:
    _team_of(world, people=7)
    seen, link = _first_sync(world, as_protocol_3=True)
    assert all(s.pull_fraction is None and s.seconds_left is None for s in seen if s.phase == "pull")
    assert seen[-1].phase == "done" and len(link.answers) > 2


def test_a_laptop_of_protocol_3_is_answered_without_the_field_it_does_not_know(world: SyncWorld) -> None:
    marie = _team_of(world, people=2)
    old = marie.raw_pull(3)
    assert "last_seq" not in old and old["protocol"] == 3
    SyncResponseV3.model_validate(old)  # what a laptop of protocol 3 accepts
    new = p.SyncResponse.model_validate(marie.raw_pull(4))
    assert new.protocol == 4 and new.last_seq == new.cursor > 0


def test_a_laptop_of_protocol_3_reads_its_answer_file(
    world: SyncWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paul = world.laptop("paul")
    person = paul.add_person(first_name="Judith", last_name="TÉCHER")
    assert paul.sync().complete
    marie = world.laptop("marie")
    monkeypatch.setattr(file_sync, "PROTOCOL_VERSION", 3)  # Marie's app not yet updated
    monkeypatch.setattr(file_sync, "FileAnswer", FileAnswerV3)
    written = file_sync.write_request(marie.store, tmp_path)
    imported = sync_files.import_request(world.env.db, written.path.read_bytes())
    answer = tmp_path / "reponse.stpaul-sync"
    answer.write_bytes(imported.answer)
    file_sync.read_answer(marie.store, answer)  # would refuse a page with `last_seq`
    assert marie.get("beneficiary", person).last_name == "TÉCHER"


def test_the_last_seq_is_read_from_the_team_seq_index(tmp_path: Path) -> None:
    # SQLite's plan (PostgreSQL's depends on its statistics): two index probes, no scan.
    from stpaul_bench.central_record import ServerEnv, sqlite_url
    from stpaul_field.server.pull import last_seq_of
    from tests.query_plans import plans_of

    env = ServerEnv.start(sqlite_url(tmp_path))
    try:
        with env.db.session() as s:
            (plan,) = plans_of(s.get_bind(), s, lambda: last_seq_of(s, uuid.uuid4()))
    finally:
        env.close()
    assert "SCAN record" not in plan and plan.count("SEARCH record USING COVERING INDEX") == 2, plan
