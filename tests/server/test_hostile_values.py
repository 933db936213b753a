"""Hostile values (issue 17, items 2 and 3): refused per operation or with a clear 4xx, never a 500.

A NUL character (PostgreSQL stores none), a date-time that overflows once converted to UTC,
a cursor past PostgreSQL's bigint: each used to make the push a 500 (and the valid records of
the same batch were lost with it, the keep-alive connection dropped, and uvicorn's traceback
logged PostgreSQL's CONTEXT line, which quotes the record's values).
"""

from __future__ import annotations

import http.client
import json
import logging
import uuid
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from stpaul_bench.central_record import ServerEnv, serve_in_thread
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.server import records
from stpaul_field.sync import protocol as p

CLOCK = HybridClock("hostile")
NUL_REASON = "caractère nul"


@pytest.fixture
def marie(server_env: ServerEnv) -> str:
    server_env.advisor("Saint-Paul", "marie")
    return server_env.enrol("marie")


def change(entity: p.Entity, **fields: Any) -> p.Change:
    return p.Change(
        op_id=uuid.uuid4(),
        entity=entity,
        record_id=uuid.uuid4(),
        base_version=0,
        fields=fields,
        stamp=CLOCK.now().encode(),
    )


def person(**fields: Any) -> p.Change:
    return change("beneficiary", **{"first_name": "Hélène", "last_name": "Grondin", **fields})


def push(env: ServerEnv, token: str, changes: list[p.Change], client: TestClient | None = None) -> Any:
    request = p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=changes)
    return (client or TestClient(env.app)).post(
        "/api/v1/sync",
        content=request.model_dump_json(),
        headers={"authorization": f"Bearer {token}", "content-type": "application/json"},
    )


def stored(env: ServerEnv) -> set[uuid.UUID]:
    from sqlalchemy import select

    from stpaul_field.server.models import Record

    with env.db.session() as s:
        return set(s.scalars(select(Record.id).where(Record.entity == "beneficiary")))


# ---- item 2: NUL characters -----------------------------------------------------------------


def test_a_nul_character_is_refused_per_operation_and_the_rest_of_the_batch_goes_through(
    server_env: ServerEnv, marie: str
) -> None:
    good = person(phone="0692123456")
    hostile = [
        person(email="m\u0000@x.re", phone="0692999999", notes="suivi RSA"),
        person(notes="\u0000"),
        change("activity", themes=["prendre_en_main_du_materiel\u0000"]),
        change("activity", anon_genders={"femme\u0000": 2}),
    ]
    unknown_name = person()
    unknown_name = unknown_name.model_copy(update={"fields": {**unknown_name.fields, "e\u0000mail": "x"}})
    r = push(server_env, marie, [*hostile, good, unknown_name])
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [res["status"] for res in results] == ["rejected"] * 4 + ["applied", "rejected"]
    assert all(NUL_REASON in res["reason"] for res in results[:4])
    assert "\u0000" not in results[5]["reason"] and "inconnu" in results[5]["reason"]
    assert stored(server_env) == {good.record_id}
    # The next sync of the same laptop goes through as well.
    assert push(server_env, marie, [person()]).status_code == 200


@pytest.mark.parametrize("field", ["login", "password", "device_name"])
def test_a_nul_character_in_the_enrolment_is_a_clear_4xx(
    server_env: ServerEnv, marie: str, field: str
) -> None:
    body = {"login": "marie", "password": "mot-de-passe", "device_name": "PC", field: "ma\u0000rie"}
    r = TestClient(server_env.app).post("/api/v1/enrol", json=body)
    assert r.status_code == 422, r.text
    assert NUL_REASON in r.json()["detail"]


def test_a_database_error_is_logged_without_its_text_and_answered_500(
    server_env: ServerEnv, marie: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever a database refuses one day, its message (which may quote values) reaches no log."""
    real = records.coerce

    def failing(spec: records.FieldSpec, raw: Any) -> Any:
        if raw == "0692999999":
            raise RuntimeError(f"DETAIL: value {raw} CONTEXT: JSON data suivi RSA")  # as psycopg's
        return real(spec, raw)

    monkeypatch.setattr("stpaul_field.server.batch.coerce", failing)
    caplog.set_level(logging.DEBUG)
    client = TestClient(server_env.app)  # raises what escapes the app: nothing may
    r = push(server_env, marie, [person(phone="0692999999", notes="suivi RSA")], client)
    assert r.status_code == 500 and r.json()["code"] == "internal"
    logged = "\n".join(
        f"{rec.getMessage()} {getattr(rec, 'fields', '')} {rec.exc_text or ''} {rec.exc_info or ''}"
        for rec in caplog.records
    )
    assert "unexpected_error" in logged and "RuntimeError" in logged
    assert "0692999999" not in logged and "suivi RSA" not in logged and "DETAIL" not in logged


# ---- item 3: overflows ----------------------------------------------------------------------

OVERFLOWING = ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00", "0001-01-01T00:00:00"]


def test_a_date_time_that_overflows_is_refused_per_operation(server_env: ServerEnv, marie: str) -> None:
    changes = [person(consent_at=v) for v in OVERFLOWING] + [person(deleted_at=v) for v in OVERFLOWING]
    good = person(consent_at="2026-11-20T10:00:00+04:00")
    r = push(server_env, marie, [*changes, good])
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [res["status"] for res in results] == ["rejected"] * len(changes) + ["applied"]
    assert all("date" in res["reason"] for res in results[:-1])
    assert stored(server_env) == {good.record_id}


def _raw_sync(cursor: int) -> bytes:
    return json.dumps(
        {"protocol": p.PROTOCOL_VERSION, "batch_id": str(uuid.uuid4()), "cursor": cursor}
    ).encode()


def test_a_cursor_past_the_sequence_is_a_4xx_and_the_connection_stays_open(
    server_env: ServerEnv, marie: str
) -> None:
    live = serve_in_thread(server_env.app)
    try:
        url = urlsplit(live.url)
        conn = http.client.HTTPConnection(url.hostname or "", url.port)
        headers = {"authorization": f"Bearer {marie}", "content-type": "application/json"}
        answers = []
        for cursor in (2**63, 2**64, 2**63 - 1, 0):
            conn.request("POST", "/api/v1/sync", body=_raw_sync(cursor), headers=headers)
            sock = conn.sock
            response = conn.getresponse()
            answers.append((response.status, response.getheader("connection")))
            response.read()
            assert conn.sock is sock and sock is not None  # the same connection, kept alive
        assert [status for status, _ in answers] == [422, 422, 200, 200]
        assert all(header != "close" for _, header in answers)
        conn.close()
    finally:
        live.stop()
