"""A sync file on a lost USB key reveals nobody (issue 20): the names, phones and notes of the
people it carries are nowhere in it in clear, in the request nor in its answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from stpaul_field.server import sync_files
from stpaul_field.store.models import Activity, Participation
from stpaul_field.sync import enrolment, file_sync
from tests.sync_fixtures import SyncWorld, activity_fields

MARIE_PEOPLE = [
    {"first_name": "Maëva", "last_name": "Lebon", "phone": "0692778899", "notes": "Dossier CAF en retard"},
    {
        "first_name": "Jean-Hugues",
        "last_name": "Grondin",
        "phone": "0262451203",
        "notes": "Curatelle renforcée",
    },
]
PAUL_PEOPLE = [{"first_name": "Ginette", "last_name": "Técher", "phone": "0693112233", "notes": "Suivi RSA"}]
ACCOMPANIMENT_NOTES = "Mme Lebon, RDV à la CAF de Saint-Paul"


def _needles(people: list[dict[str, str]]) -> set[str]:
    out = {ACCOMPANIMENT_NOTES, "Lebon"}
    for person in people:
        for value in person.values():
            out |= {value, value.upper(), value.lower()}
        phone = person["phone"]
        out |= {" ".join(phone[i : i + 2] for i in range(0, 10, 2)), phone[1:]}  # 06 92 …, 692…
    return out


ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def _assert_nobody_in(data: bytes, needles: set[str]) -> None:
    # zstd codes literals with Huffman: compressed alone, names would not show either. The
    # payload is zstd, so its frame's magic shows whether it went into the file unencrypted.
    assert ZSTD_MAGIC not in data
    for needle in needles:
        for encoded in {needle.encode(), needle.encode("latin-1", "ignore"), needle.encode("utf-16-le")}:
            assert encoded not in data, needle


def test_a_written_request_and_its_answer_name_nobody_in_clear(world: SyncWorld, tmp_path: Path) -> None:
    paul = world.laptop("paul")
    for fields in PAUL_PEOPLE:
        paul.add_person(**fields)
    paul.sync()
    marie = world.laptop("marie")
    people = [marie.add_person(**fields) for fields in MARIE_PEOPLE]
    with marie.store.session() as s:
        activity = Activity(
            **activity_fields(world.marie_id, date=dt.date(2026, 12, 1), notes=ACCOMPANIMENT_NOTES)
        )
        s.add(activity)
        s.flush()
        s.add(Participation(activity_id=activity.id, beneficiary_id=people[0], attended=True))
    request = file_sync.write_request(marie.store, tmp_path).path
    data = request.read_bytes()
    assert len(data) > 1000
    _assert_nobody_in(data, _needles(MARIE_PEOPLE))
    token = enrolment.device_token(marie.store, marie.enrolment)  # type: ignore[arg-type]
    assert token.encode() not in data  # carrying a file gives no right to sync

    answer = sync_files.import_request(world.env.db, data).answer
    _assert_nobody_in(answer, _needles(PAUL_PEOPLE + MARIE_PEOPLE))
    # And yet both carry them, for the one who may read them.
    (tmp_path / "reponse.stpaul-sync").write_bytes(answer)
    assert file_sync.read_answer(marie.store, tmp_path / "reponse.stpaul-sync").pulled >= 1
    assert {f["last_name"] for f in marie.records(("beneficiary",)).values()} >= {
        "Técher",
        "Lebon",
        "Grondin",
    }
