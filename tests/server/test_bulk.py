"""Many rows in one statement (`server.bulk.insert_rows`): every value comes back as written.

On PostgreSQL the rows travel as one JSON document; what a JSON round trip could bend —
quotes, backslashes, accents, emoji, nested values, UTC datetimes, NULLs, big integers —
must come back exactly as SQLAlchemy's own INSERT would have stored it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select

from stpaul_bench.central_record import ServerEnv
from stpaul_field.server.bulk import insert_rows
from stpaul_field.server.models import ConflictLog, Journal, Record

AWKWARD = [
    'Dit « bonjour », puis "au revoir" \\ fin',
    "Éthève — île de La Réunion 🌋",
    {"adresse": {"rue": "Chemin l'Étang", "n": 12}, "liste": [1, 2.5, None, True]},
    None,
    2**53 + 1,
]


def test_rows_come_back_exactly(server_env: ServerEnv) -> None:
    at = dt.datetime(2026, 11, 30, 9, 15, 30, 123456, tzinfo=dt.UTC)
    person = uuid.uuid4()
    journal = [
        {
            "at": at + dt.timedelta(seconds=i),
            "seq": 10**12 + i,
            "advisor_id": uuid.uuid4() if i % 2 else None,
            "device_id": None,
            "entity": "beneficiary",
            "record_id": person,
            "op": "update",
            "op_id": uuid.uuid4(),
        }
        for i in range(3)
    ]
    conflicts = [
        {
            "at": at,
            "seq": 7,
            "entity": "beneficiary",
            "record_id": person,
            "field": f"champ{i}",
            "kept": value,
            "lost": AWKWARD[-1 - i],
            "kept_stamp": "001700000000000-000000-a",
            "lost_stamp": "001700000000000-000000-b",
            "device_id": uuid.uuid4(),
            "team_id": None,
        }
        for i, value in enumerate(AWKWARD)
    ]
    with server_env.db.writer(sequenced=False) as s:
        insert_rows(s, Journal.__table__, journal)
        insert_rows(s, ConflictLog.__table__, conflicts)
    with server_env.db.session() as s:
        columns = (Journal.__table__.c[k] for k in journal[0])
        mine = Journal.record_id == person  # the record also holds the reference venues' rows
        stored = s.execute(select(*columns).where(mine).order_by(Journal.seq)).all()
        assert [dict(row._mapping) for row in stored] == journal
        logged = s.execute(
            select(ConflictLog.field, ConflictLog.kept, ConflictLog.lost).order_by(ConflictLog.id)
        )
        assert [tuple(row) for row in logged] == [(c["field"], c["kept"], c["lost"]) for c in conflicts]


def test_an_upsert_inserts_new_rows_and_updates_existing_ones(server_env: ServerEnv) -> None:
    team = uuid.uuid4()

    def record(record_id: uuid.UUID, seq: int, notes: Any) -> dict[str, Any]:
        return {
            "entity": "beneficiary",
            "id": record_id,
            "team_id": team,
            "seq": seq,
            "fields": {"notes": notes},
            "field_seqs": {"notes": seq},
            "field_stamps": {"notes": f"stamp {seq}"},
            "field_devices": {"notes": ""},
        }

    kept, changed, new = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    key, table = ("entity", "id"), Record.__table__
    base = 10**9  # above the reference venues' seqs
    with server_env.db.writer(sequenced=False) as s:
        first = [record(kept, base + 1, "gardé"), record(changed, base + 2, "avant")]
        insert_rows(s, table, first, update_on=key)
    with server_env.db.writer(sequenced=False) as s:
        later = [record(changed, base + 3, AWKWARD[2]), record(new, base + 4, AWKWARD[1])]
        insert_rows(s, table, later, update_on=key)
    with server_env.db.session() as s:
        people = s.scalars(select(Record).where(Record.entity == "beneficiary"))
        rows = {r.id: (r.seq - base, r.fields["notes"]) for r in people}
    assert rows[kept] == (1, "gardé")
    assert rows[changed] == (3, AWKWARD[2])
    assert rows[new] == (4, AWKWARD[1])
