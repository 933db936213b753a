"""Every server error logged holds no value of any pushed record (issue 17), on PostgreSQL too.

The central record runs under uvicorn (a real HTTP server in a thread); every logger —
uvicorn's, Starlette's, SQLAlchemy's, ours — is captured at DEBUG with a formatter that prints
tracebacks, and the process's stderr too. Laptops push hostile records (NUL characters,
overflowing date-times, huge cursors, forged stamps) and then a database error that quotes the
record is forced: PostgreSQL's own, through a check switched off for the test. Each error is
logged (by type and line) and none of the pushed values appears anywhere.
"""

from __future__ import annotations

import io
import logging
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from stpaul_bench.central_record import ServerEnv, serve_in_thread
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.server import logs, records
from stpaul_field.sync import protocol as p

PHONE, NOTES, EMAIL = "0692424242", "Suivi-RSA-confidentiel", "helene.grondin@example.re"
NAMES = ("Hélène-Épreuve", "Grondin-Épreuve")
VALUES = (PHONE, NOTES, EMAIL, *NAMES)
CLOCK = HybridClock("journal")


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Every log record of the process, formatted with tracebacks, in one buffer."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    json_handler = logging.StreamHandler(out)
    json_handler.setFormatter(logs.JsonFormatter())
    loggers = [logging.getLogger(n) for n in ("", "uvicorn", "uvicorn.error", "uvicorn.access")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.DEBUG)
    logs.log.addHandler(json_handler)
    try:
        yield out
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.removeHandler(handler)
            lg.setLevel(level)
        logs.log.removeHandler(json_handler)


def person(**fields: Any) -> dict[str, Any]:
    change = p.Change(
        op_id=uuid.uuid4(),
        entity="beneficiary",
        record_id=uuid.uuid4(),
        base_version=0,
        fields={"first_name": NAMES[0], "last_name": NAMES[1], "phone": PHONE, "notes": NOTES, **fields},
        stamp=CLOCK.now().encode(),
    )
    return change.model_dump(mode="json")


def test_no_server_error_logged_holds_a_pushed_value(
    server_env: ServerEnv,
    captured: io.StringIO,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    server_env.advisor("Saint-Paul", "marie")
    token = server_env.enrol("marie")
    live = serve_in_thread(server_env.app)
    statuses = []
    try:
        with httpx.Client(base_url=live.url, headers={"authorization": f"Bearer {token}"}) as client:

            def sync(changes: list[dict[str, Any]], **extra: Any) -> int:
                body = {"protocol": p.PROTOCOL_VERSION, "batch_id": str(uuid.uuid4()), "changes": changes}
                try:
                    status = client.post("/api/v1/sync", json={**body, **extra}).status_code
                except httpx.TransportError:  # the server dropped the connection
                    status = -1
                statuses.append(status)
                return status

            hostile = [
                person(email="m\u0000@x.re"),
                person(consent_at="9999-12-31T23:59:59-01:00"),
                person(deleted_at="0001-01-01T00:00:00+01:00"),
                person(email=EMAIL, notes=NOTES + "\u0000"),
                {**person(), "stamp": "9" * 66},
            ]
            assert sync(hostile) == 200
            assert sync([person(email=EMAIL)], cursor=2**63) == 422
            enrol = {"login": NAMES[0] + "\u0000", "password": PHONE, "device_name": NOTES}
            statuses.append(client.post("/api/v1/enrol", json=enrol).status_code)
            # A database error that quotes the record: the NUL checks switched off (the wire's and
            # the records' rules), PostgreSQL refuses the JSON (SQLite takes it: no error there,
            # and nothing logged either).
            real = records.coerce
            with monkeypatch.context() as patched:
                patched.setattr(
                    "stpaul_field.server.batch.coerce",
                    lambda spec, raw: raw if isinstance(raw, str) else real(spec, raw),
                )
                patched.setattr("stpaul_field.domain.validation.unstorable", lambda text: None)
                sync([person(email=EMAIL + "\u0000")])
            last = sync([person(email=EMAIL)])
    finally:
        live.stop()
    logged = captured.getvalue()
    err = capfd.readouterr()
    everything = logged + err.out + err.err
    assert all(status < 500 for status in statuses[:3]), statuses
    if server_env.db.is_postgres:
        assert statuses[3] == 500 and "unexpected_error" in logged and "DataError" in logged
    assert "request" in logged  # the capture works: the request lines are there
    for value in VALUES:
        assert value not in everything, f"{value} in a log"
    assert "DETAIL" not in everything and "CONTEXT" not in everything
    assert last == 200  # the connection the error was answered on still serves
