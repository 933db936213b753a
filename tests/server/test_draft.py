"""A push is drafted outside the write lock and written under it (`server/batch.py`).

Whatever lands between the draft and the lock, the outcome must be the one a serial server
gives: a colleague's write to a record the draft read makes it draft again under the lock;
an unrelated write leaves the draft as it is, with its sequence values taken after the
colleague's; a replay of the same batch that got in first is answered from its stored results.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from stpaul_bench.central_record import ServerEnv
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.server import batch
from stpaul_field.server.auth import authenticate
from stpaul_field.server.book import SEQ_COUNTER
from stpaul_field.server.caller import Caller
from stpaul_field.server.models import Counter, Journal, Record
from stpaul_field.sync import protocol as p

TEAM = "Saint-Paul"
EARLIER, LATER = 1_700_000_000_000, 1_700_000_060_000  # the laptops' clocks (ms)


class Device:
    def __init__(self, env: ServerEnv, login: str, wall: int) -> None:
        env.advisor(TEAM, login)
        self.caller: Caller = authenticate(env.db, f"Bearer {env.enrol(login)}")
        self.clock = HybridClock(login, wall=lambda: wall)

    def request(self, *changes: p.Change) -> p.SyncRequest:
        return p.SyncRequest(
            protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=list(changes), cursor=0
        )

    def change(self, record_id: uuid.UUID, fields: dict[str, Any], base: int = 0) -> p.Change:
        return p.Change(
            op_id=uuid.uuid4(),
            entity="beneficiary",
            record_id=record_id,
            base_version=base,
            fields=fields,
            stamp=self.clock.now().encode(),
        )


@pytest.fixture
def between(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Callable[[], None]], list[int]]]:
    """`between(work)`: run `work` once, right after the next push's first draft (outside the
    lock, before it is written). Returns the list of drafts made per push, filled as they go."""
    drafts: list[int] = []
    real = batch._draft

    def arm(work: Callable[[], None]) -> list[int]:
        pending = [work]

        def draft(session: Any, caller: Caller, request: p.SyncRequest, parsed: Any) -> Any:
            result = real(session, caller, request, parsed)
            drafts.append(request.changes[0].op_id.int)
            if pending:
                pending.pop()()
            return result

        monkeypatch.setattr(batch, "_draft", draft)
        return drafts

    yield arm


def _record(env: ServerEnv, record_id: uuid.UUID) -> Record:
    with env.db.session() as s:
        rec = s.get(Record, ("beneficiary", record_id))
        assert rec is not None
        return rec


def _sequence_is_whole(env: ServerEnv) -> None:
    """Every value up to the counter was given once: records' and journal's seqs agree."""
    with env.db.session() as s:
        counter = s.scalar(select(Counter.value).where(Counter.name == SEQ_COUNTER))
        seqs = s.scalars(select(Journal.seq).where(Journal.seq.is_not(None)).order_by(Journal.seq)).all()
        assert seqs == list(range(1, counter + 1))
        assert s.scalar(select(func.max(Record.seq))) == counter


def test_a_colleague_writing_the_same_record_meanwhile_makes_the_push_draft_again(
    server_env: ServerEnv,
    between: Callable[[Callable[[], None]], list[int]],
) -> None:
    env = server_env
    anne, bruno = Device(env, "anne", LATER), Device(env, "bruno", EARLIER)
    person = uuid.uuid4()
    created = batch.apply_batch(
        env.db, anne.caller, anne.request(anne.change(person, {"first_name": "Marie", "last_name": "HOARAU"}))
    )
    base = created.results[0].version
    assert base is not None

    # Bruno's edit of the same field, from the same base, lands after Anne's push is drafted.
    bruno_edit = bruno.request(bruno.change(person, {"notes": "Rappel lundi."}, base))
    bruno_outcome: list[batch.BatchOutcome] = []
    anne_edit = anne.request(anne.change(person, {"notes": "Rappel mardi."}, base))
    drafts = between(lambda: bruno_outcome.append(batch.apply_batch(env.db, bruno.caller, bruno_edit)))
    outcome = batch.apply_batch(env.db, anne.caller, anne_edit)

    # Anne's push was drafted twice: before Bruno's write, then again under the lock.
    assert drafts.count(anne_edit.changes[0].op_id.int) == 2
    bruno_version = bruno_outcome[0].results[0].version
    assert bruno_version is not None and bruno_version > base
    # As on a serial server: Anne's later stamp wins, Bruno's value is reported as lost.
    result = outcome.results[0]
    assert result.status == "merged"
    assert result.version is not None and result.version > bruno_version
    assert [(c.field, c.kept, c.lost, c.lost_is_mine) for c in result.conflicts] == [
        ("notes", "Rappel mardi.", "Rappel lundi.", False)
    ]
    rec = _record(env, person)
    assert rec.fields["notes"] == "Rappel mardi."
    assert rec.seq == result.version
    assert rec.field_seqs["notes"] == result.version
    _sequence_is_whole(env)


def test_an_unrelated_write_meanwhile_keeps_the_draft_and_its_values_come_after(
    server_env: ServerEnv,
    between: Callable[[Callable[[], None]], list[int]],
) -> None:
    env = server_env
    anne, bruno = Device(env, "anne", LATER), Device(env, "bruno", EARLIER)
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    other: list[batch.BatchOutcome] = []
    bruno_push = bruno.request(bruno.change(theirs, {"first_name": "Paul", "last_name": "GRONDIN"}))
    anne_push = anne.request(
        anne.change(mine, {"first_name": "Marie", "last_name": "HOARAU"}),
        anne.change(mine, {"notes": "Premier rendez-vous."}),
    )
    drafts = between(lambda: other.append(batch.apply_batch(env.db, bruno.caller, bruno_push)))
    outcome = batch.apply_batch(env.db, anne.caller, anne_push)

    assert drafts.count(anne_push.changes[0].op_id.int) == 1  # nothing it read moved
    bruno_version = other[0].results[0].version
    versions = [r.version for r in outcome.results]
    assert [r.status for r in outcome.results] == ["applied", "applied"]
    assert bruno_version is not None
    assert versions == [bruno_version + 1, bruno_version + 2]
    assert outcome.high_seq == bruno_version + 2
    rec = _record(env, mine)
    assert rec.seq == bruno_version + 2
    assert rec.field_seqs["first_name"] == bruno_version + 1
    assert rec.field_seqs["notes"] == bruno_version + 2
    with env.db.session() as s:
        stored = dict(s.execute(select(Journal.op_id, Journal.seq).where(Journal.op_id.is_not(None))).all())
    assert stored[anne_push.changes[0].op_id] == bruno_version + 1
    assert stored[anne_push.changes[1].op_id] == bruno_version + 2
    _sequence_is_whole(env)


def test_a_replay_that_got_in_first_is_answered_from_its_stored_results(
    server_env: ServerEnv,
    between: Callable[[Callable[[], None]], list[int]],
) -> None:
    # The laptop retried a push whose answer it lost, while the first attempt was still running.
    env = server_env
    anne = Device(env, "anne", LATER)
    person = uuid.uuid4()
    push = anne.request(anne.change(person, {"first_name": "Marie", "last_name": "HOARAU"}))
    first: list[batch.BatchOutcome] = []
    between(lambda: first.append(batch.apply_batch(env.db, anne.caller, push)))
    again = batch.apply_batch(env.db, anne.caller, push)

    assert [r.model_dump() for r in again.results] == [r.model_dump() for r in first[0].results]
    with env.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Journal).where(Journal.record_id == person)) == 1
    _sequence_is_whole(env)
