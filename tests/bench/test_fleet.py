"""The `sync-many` load generator: plain HTTP exchanges that the real protocol then checks."""

from __future__ import annotations

import shutil
import socket
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from stpaul_bench import fleet
from stpaul_bench.central_record import ServerEnv, serve_in_thread, sqlite_url
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.sync import protocol as p

TEAM = "Saint-Paul"


@pytest.fixture
def served(tmp_path: Path, server_sqlite_template: Path) -> Iterator[tuple[ServerEnv, str]]:
    shutil.copy(server_sqlite_template, tmp_path / "central-record.sqlite3")
    env = ServerEnv.start(sqlite_url(tmp_path))
    live = serve_in_thread(env.app)
    yield env, live.url
    live.stop()
    env.close()


def _person(clock: HybridClock, name: str) -> p.Change:
    return p.Change(
        op_id=uuid.uuid4(),
        entity="beneficiary",
        record_id=uuid.uuid4(),
        base_version=0,
        fields={"first_name": "Line", "last_name": name, "no_phone": True},
        stamp=clock.now().encode(),
    )


def _laptop(env: ServerEnv, login: str, changes: list[p.Change], **options: Any) -> fleet.SimulatedLaptop:
    env.advisor(TEAM, login)
    return fleet.SimulatedLaptop(env.enrol(login), changes, **options)


def _run(laptops: list[fleet.SimulatedLaptop], url: str) -> None:
    firsts = fleet.prepare(laptops)
    fleet.burst(laptops, firsts, url, timeout=30)
    fleet.check(laptops)


def test_laptops_push_then_pull_every_page(served: tuple[ServerEnv, str]) -> None:
    env, url = served
    clock = HybridClock("aaaaaaaaaaaa")
    marie = _laptop(env, "marie", [_person(clock, f"GRONDIN {k}") for k in range(7)])
    paul = _laptop(env, "paul", [])
    _run([paul], url)  # the reference data: paul is now in sync
    assert paul.error is None and paul.exchanges == 1 and paul.pulled > 0
    in_sync = p.decode(paul.answers[-1], p.SyncResponse).cursor

    _run([marie], url)
    assert marie.error is None and marie.seconds is not None

    # Paul pulls marie's 7 people in pages of 3, with his own new person pushed first.
    again = fleet.SimulatedLaptop(paul.token, [_person(clock, "HOARAU")], cursor=in_sync, page_size=3)
    _run([again], url)
    assert again.error is None, again.error
    # 3 + 3 + 2: his own person comes back too, in a page after the exchange that pushed it.
    assert (again.exchanges, again.pulled) == (3, 8)
    assert again.seconds is not None and again.seconds >= again.own_seconds > 0


def test_a_refused_token_and_a_rejected_change_are_errors_with_the_servers_reason(
    served: tuple[ServerEnv, str],
) -> None:
    env, url = served
    clock = HybridClock("bbbbbbbbbbbb")
    impostor = fleet.SimulatedLaptop("pas-un-jeton", [_person(clock, "PAYET")])
    orphan = p.Change(
        op_id=uuid.uuid4(),
        entity="participation",
        record_id=uuid.uuid4(),
        base_version=0,
        fields={"activity_id": str(uuid.uuid4()), "beneficiary_id": str(uuid.uuid4()), "attended": True},
        stamp=clock.now().encode(),
    )
    rejected = _laptop(env, "chloe", [orphan])
    fine = _laptop(env, "lucas", [_person(clock, "RIVIERE")])
    _run([impostor, rejected, fine], url)
    assert impostor.error is not None and impostor.error.startswith("HTTP 401 : ")
    assert rejected.error is not None and rejected.error.startswith("refusé : ")
    assert impostor.seconds is None and rejected.seconds is None
    assert fine.error is None and fine.seconds is not None


def test_a_server_that_does_not_answer_is_an_error_not_a_hang() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nobody listens there
    laptop = fleet.SimulatedLaptop("jeton", [])
    fleet.burst([laptop], fleet.prepare([laptop]), f"http://127.0.0.1:{port}", timeout=5)
    assert laptop.error is not None and laptop.error.startswith("échange interrompu")
    assert laptop.seconds is None


@pytest.mark.parametrize(
    "reply",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",  # not zstd
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",  # no length
        b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\ncut",  # closed before the end
        b"not http at all\r\n\r\n",
    ],
)
def test_an_unreadable_answer_is_an_error_for_that_laptop(reply: bytes) -> None:
    listener = socket.create_server(("127.0.0.1", 0))

    def answer_once() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(reply)

    thread = threading.Thread(target=answer_once, daemon=True)
    thread.start()
    laptop = fleet.SimulatedLaptop("jeton", [])
    port = listener.getsockname()[1]
    fleet.burst([laptop], fleet.prepare([laptop]), f"http://127.0.0.1:{port}", timeout=5)
    thread.join(5)
    listener.close()
    assert laptop.error is not None and laptop.error.startswith("échange interrompu"), laptop.error
    assert laptop.seconds is None
