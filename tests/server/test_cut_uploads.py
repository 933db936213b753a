"""An upload cut mid-body is a client that went away, not a server error (issue 16, item 5).

Over a satellite link about a third of the cuts fall inside the request body: the server
must log them as what they are (a dropped upload, at INFO), never a 500 with a traceback.
"""

from __future__ import annotations

import logging
import socket
import time
import uuid
from collections.abc import Iterator

import pytest

from stpaul_bench.central_record import ServerEnv, serve_in_thread
from stpaul_field.server import logs

TEAM = "Saint-Paul"


class _Events(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def named(self, name: str) -> list[logging.LogRecord]:
        return [r for r in self.records if r.getMessage() == name]


@pytest.fixture
def events() -> Iterator[_Events]:
    handler = _Events()
    level = logs.log.level
    logs.log.addHandler(handler)
    logs.log.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logs.log.removeHandler(handler)
        logs.log.setLevel(level)


def _cut_upload(url: str, path: str, headers: dict[str, str], declared: int, sent: bytes) -> None:
    host, port = url.removeprefix("http://").split(":")
    head = f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {declared}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(head.encode() + sent)
        time.sleep(0.05)  # the server is reading the body when the link drops


def _wait_for(events: _Events, count: int) -> list[logging.LogRecord]:
    deadline = time.monotonic() + 10
    while len(events.named("request")) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    return events.named("request")


def test_an_upload_cut_mid_body_is_no_server_error(server_env: ServerEnv, events: _Events) -> None:
    server_env.advisor(TEAM, "marie", first_name="Marie", last_name="Payet")
    token = server_env.enrol("marie")
    events.records.clear()  # the enrolment's own request
    live = serve_in_thread(server_env.app)
    try:
        body = b'{"protocol": 2, "batch_id": "' + str(uuid.uuid4()).encode() + b'", "changes": ['
        sync = {"authorization": f"Bearer {token}", "content-type": "application/json"}
        _cut_upload(live.url, "/api/v1/sync", sync, 100_000, body)
        enrol = {"content-type": "application/json"}
        _cut_upload(live.url, "/api/v1/enrol", enrol, 5_000, b'{"login": "marie", "pass')
        requests = _wait_for(events, 2)
    finally:
        live.stop()

    assert events.named("unexpected_error") == []
    assert not [r for r in events.records if r.levelno >= logging.ERROR]
    assert [getattr(r, "fields", {}).get("status") for r in requests] == [499, 499]
    cut = events.named("upload_cut")
    assert len(cut) == 2 and all(r.levelno == logging.INFO for r in cut)
