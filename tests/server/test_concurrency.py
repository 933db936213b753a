"""Concurrent pushes and pulls on PostgreSQL: no cursor ever skips a change, no write is lost.

Writers push batches from several threads (each its own connection and transaction) while
readers pull small pages and advance their cursors. Every committed record must reach every
reader, and concurrent edits of different fields of one shared record must all survive.
"""

from __future__ import annotations

import random
import threading
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from stpaul_bench.central_record import ServerEnv, reset
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.server.auth import authenticate
from stpaul_field.server.exchange import exchange
from stpaul_field.server.models import Record
from stpaul_field.server.pull import pull_page
from stpaul_field.sync import protocol as p

pytestmark = pytest.mark.postgres

WRITERS = 4
BATCHES = 12
PER_BATCH = 5
READERS = 3
# Each writer owns one field of the shared beneficiary.
OWN_FIELDS = ("address", "commune", "email", "notes")


@pytest.fixture
def env(server_postgres_url: str) -> Any:
    env = ServerEnv.start(server_postgres_url, pool_size=WRITERS + READERS + 2)
    reset(env.db)
    yield env
    env.close()


def _value(field: str, writer: int, batch: int) -> str:
    return f"w{writer}b{batch}@example.re" if field == "email" else f"w{writer} b{batch}"


def test_concurrent_pushes_and_pulls_never_skip_or_lose_a_change(env: ServerEnv) -> None:
    callers = []
    for i in range(WRITERS + READERS):
        env.advisor("Saint-Paul", f"conseiller{i}")
        callers.append(authenticate(env.db, f"Bearer {env.enrol(f'conseiller{i}')}"))
    team_id = callers[0].team_id
    shared = uuid.uuid4()
    setup = HybridClock("setup")
    first = p.Change(
        op_id=uuid.uuid4(),
        entity="beneficiary",
        record_id=shared,
        base_version=0,
        fields={"first_name": "Partagée", "last_name": "Fiche"},
        stamp=setup.now().encode(),
    )
    exchange(env.db, callers[0], p.SyncRequest(protocol=1, batch_id=uuid.uuid4(), changes=[first]))

    written: set[uuid.UUID] = {shared}
    lock = threading.Lock()
    errors: list[BaseException] = []
    writers_done = threading.Event()
    start = threading.Barrier(WRITERS + READERS)

    def writer(i: int) -> None:
        try:
            clock = HybridClock(f"writer{i}")
            rng = random.Random(i)
            start.wait()
            for b in range(BATCHES):
                ids = [uuid.uuid4() for _ in range(PER_BATCH)]
                changes = [
                    p.Change(
                        op_id=uuid.uuid4(),
                        entity="beneficiary",
                        record_id=r,
                        base_version=0,
                        fields={"first_name": f"W{i}", "last_name": f"B{b}"},
                        stamp=clock.now().encode(),
                    )
                    for r in ids
                ]
                field = OWN_FIELDS[i]
                changes.insert(
                    rng.randrange(len(changes) + 1),
                    p.Change(
                        op_id=uuid.uuid4(),
                        entity="beneficiary",
                        record_id=shared,
                        base_version=0,
                        fields={field: _value(field, i, b)},
                        stamp=clock.now().encode(),
                    ),
                )
                answer = exchange(
                    env.db,
                    callers[i],
                    p.SyncRequest(protocol=1, batch_id=uuid.uuid4(), changes=changes, page_size=1),
                )
                assert all(r.status in ("applied", "merged") for r in answer.results), answer.results
                with lock:
                    written.update(ids)
        except BaseException as e:
            errors.append(e)

    seen: list[set[uuid.UUID]] = [set() for _ in range(READERS)]
    cursors = [0] * READERS

    def reader(k: int) -> None:
        try:
            start.wait()
            while True:
                done = writers_done.is_set()  # read before the pull: a last full drain follows
                while True:
                    with env.db.session() as s:
                        page = pull_page(s, team_id, cursors[k], page_size=7)
                    assert all(c.seq > cursors[k] for c in page.changes)
                    seen[k].update(c.record_id for c in page.changes)
                    cursors[k] = page.cursor
                    if not page.more:
                        break
                if done:
                    return
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    readers = [threading.Thread(target=reader, args=(k,)) for k in range(READERS)]
    for t in threads + readers:
        t.start()
    for t in threads:
        t.join(timeout=120)
    writers_done.set()
    for t in readers:
        t.join(timeout=120)
    assert not errors, errors

    with env.db.session() as s:
        stored = s.scalars(select(Record).where(Record.entity == "beneficiary")).all()
        max_seq = max(r.seq for r in s.scalars(select(Record)).all())
    assert {r.id for r in stored} == written
    assert len(written) == 1 + WRITERS * BATCHES * PER_BATCH
    # No reader's cursor jumped over a change committed by a concurrent transaction.
    for k in range(READERS):
        assert written <= seen[k], f"reader {k} missed {len(written - seen[k])} records"
        assert cursors[k] == max_seq
    # Every writer's last value of its own field survived the concurrent edits of the others.
    shared_state = next(r for r in stored if r.id == shared).fields
    for i in range(WRITERS):
        assert shared_state[OWN_FIELDS[i]] == _value(OWN_FIELDS[i], i, BATCHES - 1)
