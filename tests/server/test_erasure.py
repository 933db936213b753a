"""An erasure on the central record leaves no trace in its conflict log (issue 17): the values
kept from conflicts on the person's record, and on the notes of their individual
accompaniments (which may name them), go — and a newly enrolled laptop never gets them."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select

from stpaul_bench.central_record import ServerEnv
from stpaul_field.domain.privacy import ERASED_INDIVIDUAL_ACTIVITY, ERASED_PERSON
from stpaul_field.server.models import AppliedBatch, ConflictLog
from stpaul_field.sync import protocol as p
from tests.server.test_api import World, activity, beneficiary


@pytest.fixture
def record(server_env: ServerEnv) -> World:
    return World(server_env)


def _logged(world: World) -> list[tuple[str, str, object]]:
    with world.env.db.session() as s:
        return [(c.entity, c.field, c.lost) for c in s.scalars(select(ConflictLog))]


def _conflicts_then_erasure(record: World) -> None:
    """Conflicts on a person's phone, their meeting's notes and someone else's notes; then
    Marie erases the person."""
    marie = record.laptop("marie", wall=1_700_000_000_000)
    other_pc = record.laptop("marie", node="marie-pc2", wall=1_700_000_000_000 - 3_600_000)
    paul = record.laptop("paul", wall=1_700_000_000_000 - 3_600_000)
    person, meeting, someone = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    link = {"activity_id": str(meeting), "beneficiary_id": str(person)}
    results = marie.push(
        [
            marie.change("beneficiary", person, beneficiary(last_name="Ravenala")),
            marie.change("beneficiary", someone, beneficiary(last_name="Payet")),
            marie.change("activity", meeting, activity(record.marie_id, notes="")),
            marie.change("participation", uuid.uuid4(), link),
        ]
    ).results
    base_person, base_someone, base_meeting = (r.version or 0 for r in results[:3])
    # Conflicts that name people: the person's phone, the meeting's notes, someone else's notes.
    marie.push(
        [
            marie.change("beneficiary", person, {"phone": "0692000001"}, base=base_person),
            marie.change("activity", meeting, {"notes": "Mme Ravenala, dossier CAF"}, base=base_meeting),
            marie.change("beneficiary", someone, {"notes": "M. Payet"}, base=base_someone),
        ]
    )
    other_pc.push([other_pc.change("activity", meeting, {"notes": "Ravenala : RSA"}, base=base_meeting)])
    paul.push(
        [
            paul.change("beneficiary", person, {"phone": "0692987654"}, base=base_person),
            paul.change("beneficiary", someone, {"notes": "Payet, à rappeler"}, base=base_someone),
        ]
    )
    assert {field for _, field, _ in _logged(record)} == {"phone", "notes"} and len(_logged(record)) == 3

    # Paul notes something about the person that Marie has not seen when she erases them.
    paul.push(
        [paul.change("beneficiary", person, {"notes": "Ravenala : appeler le mardi"}, base=base_person)]
    )

    # Marie erases the person: as the laptop sends it, the person and their meeting's notes —
    # from the versions she had, so the erasure's own answer lists Paul's notes it overwrote.
    erased = marie.push(
        [
            marie.change("beneficiary", person, dict(ERASED_PERSON), base=base_person),
            marie.change("activity", meeting, dict(ERASED_INDIVIDUAL_ACTIVITY), base=base_meeting),
        ]
    )
    assert [r.status for r in erased.results] == ["merged", "applied"]


def test_the_conflict_log_forgets_an_erased_person_and_their_notes(record: World) -> None:
    _conflicts_then_erasure(record)
    assert _logged(record) == [("beneficiary", "notes", "Payet, à rappeler")]  # someone else's stays

    newcomer = record.laptop("chloe")  # a laptop enrolled after the erasure pulls the whole record
    request = p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4())
    answer = p.decode(newcomer.post(request).content, p.SyncResponse)
    texts = repr([c.model_dump() for c in answer.conflicts or []])
    assert "Ravenala" not in texts and "0692987654" not in texts and "Payet, à rappeler" in texts


def test_the_results_kept_for_replays_forget_an_erased_person_and_their_notes(record: World) -> None:
    """Each batch's answer is kept to answer a replay, conflicts (kept and lost values) included:
    the person's values and their meeting's notes go from it too, someone else's stay."""
    _conflicts_then_erasure(record)
    with record.env.db.session() as s:
        kept = json.dumps([b.results for b in s.scalars(select(AppliedBatch))], ensure_ascii=False)
    traces = ("0692000001", "0692987654", "Mme Ravenala, dossier CAF", "Ravenala : RSA", "appeler le mardi")
    for trace in traces:
        assert trace not in kept, trace
    assert "Payet, à rappeler" in kept and "M. Payet" in kept
