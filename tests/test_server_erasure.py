"""An erasure on the central record leaves no trace in its conflict log (issue 17): the values
kept from conflicts on the person's record, and on the notes of their individual
accompaniments (which may name them), go — and a newly enrolled laptop never gets them."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from stpaul_bench.central_record import ServerEnv
from stpaul_field.domain.privacy import ERASED_INDIVIDUAL_ACTIVITY, ERASED_PERSON
from stpaul_field.server.models import ConflictLog
from stpaul_field.sync import protocol as p
from tests.test_server_api import World, activity, beneficiary


@pytest.fixture
def record(server_env: ServerEnv) -> World:
    return World(server_env)


def _logged(world: World) -> list[tuple[str, str, object]]:
    with world.env.db.session() as s:
        return [(c.entity, c.field, c.lost) for c in s.scalars(select(ConflictLog))]


def test_the_conflict_log_forgets_an_erased_person_and_their_notes(record: World) -> None:
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

    # Marie erases the person: as the laptop sends it, the person and their meeting's notes.
    erased = marie.push(
        [
            marie.change("beneficiary", person, dict(ERASED_PERSON), base=10**6),
            marie.change("activity", meeting, dict(ERASED_INDIVIDUAL_ACTIVITY), base=10**6),
        ]
    )
    assert [r.status for r in erased.results] in (["applied", "applied"], ["merged", "merged"])
    assert _logged(record) == [("beneficiary", "notes", "Payet, à rappeler")]  # someone else's stays

    newcomer = record.laptop("chloe")  # a laptop enrolled after the erasure pulls the whole record
    request = p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4())
    answer = p.decode(newcomer.post(request).content, p.SyncResponse)
    texts = repr([c.model_dump() for c in answer.conflicts or []])
    assert "Ravenala" not in texts and "0692987654" not in texts and "Payet, à rappeler" in texts
