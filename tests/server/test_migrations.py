"""The server's migrations build exactly the schema its models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text

from stpaul_bench.central_record import (
    PASSWORD,
    ServerEnv,
    device_caller,
    drop_database,
    fresh_postgres_database,
    sqlite_url,
)
from stpaul_field.server import admin
from stpaul_field.server.db import Database
from stpaul_field.server.migrate import VERSION_TABLE, current_revision, head_revision, upgrade
from stpaul_field.server.models import Base, Record


def test_migrated_schema_matches_the_models(server_env: ServerEnv) -> None:
    engine = server_env.db.write_engine
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE, "compare_type": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    assert "ix_record_team_seq" in {ix["name"] for ix in inspect(engine).get_indexes("record")}


def test_migrating_again_is_a_no_op(server_env: ServerEnv) -> None:
    assert upgrade(server_env.db.write_engine) is False


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    url = fresh_postgres_database(request.getfixturevalue("postgres_url"))
    yield url
    drop_database(url)


def _uid(db: Database, value: uuid.UUID) -> object:
    """A UUID as raw SQL takes it: native on PostgreSQL, 32 hex digits on SQLite."""
    return value if db.is_postgres else value.hex


def test_a_record_from_the_first_schema_is_upgraded_in_place(empty_database: str) -> None:
    db = Database(empty_database)
    upgrade(db.write_engine, to="s0001")
    record_id = uuid.uuid4()
    with db.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO record (entity, id, team_id, seq, fields, field_seqs, field_stamps) "
                "VALUES ('venue', :id, NULL, 1, :fields, :seqs, :stamps)"
            ),
            {
                "id": _uid(db, record_id),
                "fields": json.dumps({"name": "Marla"}),
                "seqs": json.dumps({"name": 1}),
                "stamps": json.dumps({"name": "001700000000000-000000-server"}),
            },
        )
        conn.execute(text("UPDATE counter SET value = 1"))
    upgrade(db.write_engine)
    with db.session() as s:
        rec = s.get(Record, ("venue", record_id))
        assert rec is not None
        assert (rec.fields, rec.field_seqs, rec.field_devices) == ({"name": "Marla"}, {"name": 1}, {})
    db.dispose()


def test_a_logged_conflict_gets_the_team_of_its_record(empty_database: str) -> None:
    from stpaul_field.server.models import ConflictLog

    db = Database(empty_database)
    upgrade(db.write_engine, to="s0002")
    record_id, team_id = uuid.uuid4(), uuid.uuid4()

    with db.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO record (entity, id, team_id, seq, fields, field_seqs, field_stamps) "
                "VALUES ('beneficiary', :id, :team, 2, '{}', '{}', '{}')"
            ),
            {"id": _uid(db, record_id), "team": _uid(db, team_id)},
        )
        conn.execute(
            text(
                "INSERT INTO conflict_log "
                "(at, seq, entity, record_id, field, kept, lost, kept_stamp, lost_stamp) "
                "VALUES (CURRENT_TIMESTAMP, 2, 'beneficiary', :id, 'commune', '\"a\"', '\"b\"', 'k', 'l')"
            ),
            {"id": _uid(db, record_id)},
        )
    upgrade(db.write_engine)
    with db.session() as s:
        (logged,) = s.scalars(select(ConflictLog)).all()
        assert (logged.team_id, logged.lost) == (team_id, "b")
    db.dispose()


def test_an_operation_accepted_before_s0004_is_still_a_duplicate(empty_database: str) -> None:
    # Until s0004 accepted operations were also kept in `applied_op`; the journal, written in
    # the same transaction with the same op id, advisor and version, now answers alone.
    from stpaul_field.domain.hlc import HybridClock
    from stpaul_field.server.batch import apply_batch
    from stpaul_field.sync import protocol as p

    db = Database(empty_database)
    upgrade(db.write_engine, to="s0003")
    op_id, advisor, person = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()

    with db.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO journal (at, seq, advisor_id, device_id, entity, record_id, op, op_id) "
                "VALUES (CURRENT_TIMESTAMP, 7, :advisor, NULL, 'beneficiary', :person, 'create', :op)"
            ),
            {"advisor": _uid(db, advisor), "person": _uid(db, person), "op": _uid(db, op_id)},
        )
        conn.execute(
            text(
                "INSERT INTO applied_op (op_id, advisor_id, batch_id, version, created_at) "
                "VALUES (:op, :advisor, :batch, 7, CURRENT_TIMESTAMP)"
            ),
            {"op": _uid(db, op_id), "advisor": _uid(db, advisor), "batch": _uid(db, uuid.uuid4())},
        )
    upgrade(db.write_engine)
    assert "applied_op" not in inspect(db.write_engine).get_table_names()
    # The advisor's account and a device of theirs (every write checks the device again).
    with db.writer() as s, mock.patch.object(admin, "new_id", return_value=advisor):
        team_id = admin.create_team(s, "Saint-Paul").id
        admin.create_advisor(s, team_id, "marie", PASSWORD, first_name="Marie", last_name="Payet")
    caller = device_caller(db, advisor, team_id, "conseiller_numerique")

    replay = p.Change(
        op_id=op_id,
        entity="beneficiary",
        record_id=person,
        base_version=0,
        fields={"first_name": "Marie", "last_name": "HOARAU"},
        stamp=HybridClock("poste").now().encode(),
    )
    request = p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=[replay], cursor=0)
    (result,) = apply_batch(db, caller, request).results
    # Still a duplicate; its first answer is not stored with a batch of this device, so whether
    # the laptop held version 7 is unknown: no version (its next pull brings the record).
    assert (result.status, result.version) == ("duplicate", None)
    with db.session() as s:
        assert s.scalar(select(Record.id).where(Record.id == person)) is None  # nothing written again
    db.dispose()


def test_codes_renamed_by_the_coop_are_renamed_in_place_on_the_central_record(empty_database: str) -> None:
    from stpaul_field.server.models import ConflictLog

    db = Database(empty_database)
    upgrade(db.write_engine, to="s0004")
    person, workshop, venue = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    stamp = "001795000000000-000000-poste"
    documents = [
        ("beneficiary", person, {"first_name": "Hélène", "age_band": "plus_de_70", "notes": ""}),
        (
            "activity",
            workshop,
            {
                "themes": ["gerer_ses_contenus_numeriques"],
                "redirect_structure": None,
                "anon_age_bands": {"de_12_a_17": 2},
            },
        ),
        ("venue", venue, {"name": "de_12_a_17"}),  # not a coded field: left as it is
    ]
    with db.write_engine.begin() as conn:
        for seq, (entity, record_id, fields) in enumerate(documents, start=1):
            conn.execute(
                text(
                    "INSERT INTO record (entity, id, team_id, seq, fields, field_seqs, field_stamps) "
                    "VALUES (:entity, :id, NULL, :seq, :fields, :seqs, :stamps)"
                ),
                {
                    "entity": entity,
                    "id": _uid(db, record_id),
                    "seq": seq,
                    "fields": json.dumps(fields),
                    "seqs": json.dumps(dict.fromkeys(fields, seq)),
                    "stamps": json.dumps(dict.fromkeys(fields, stamp)),
                },
            )
        conn.execute(
            text(
                "INSERT INTO conflict_log "
                "(at, seq, entity, record_id, field, kept, lost, kept_stamp, lost_stamp) "
                "VALUES (CURRENT_TIMESTAMP, 1, 'beneficiary', :id, 'age_band', '\"de_18_a_24\"', "
                "'\"plus_de_70\"', 'k', 'l')"
            ),
            {"id": _uid(db, person)},
        )
        conn.execute(text("UPDATE counter SET value = 3"))
    upgrade(db.write_engine)
    with db.session() as s:
        records = {rec.entity: rec for rec in s.scalars(select(Record))}
        assert records["beneficiary"].fields["age_band"] == "soixante_dix_plus"
        assert records["activity"].fields["themes"] == ["gere_ses_contenus_numeriques"]
        assert records["activity"].fields["anon_age_bands"] == {"douze_dix_huit": 2}
        assert records["venue"].fields == {"name": "de_12_a_17"}
        # A rename is not a write: the versions stay.
        assert {rec.entity: rec.seq for rec in records.values()} == {
            "beneficiary": 1,
            "activity": 2,
            "venue": 3,
        }
        assert records["beneficiary"].field_seqs["age_band"] == 1
        logged = s.scalars(select(ConflictLog)).one()
        assert (logged.kept, logged.lost) == ("dix_huit_vingt_quatre", "soixante_dix_plus")
    db.dispose()
