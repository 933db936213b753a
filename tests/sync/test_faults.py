"""A link that drops at any byte of a request or an answer: after retries, nothing lost or doubled.

A cut in a request may leave the server with half a batch (nothing applied); a cut in the
answer comes after the server committed, and the client must replay the same batch.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

import pytest
from sqlalchemy import func, select

from stpaul_bench.link_proxy import Cut, LinkProxy
from stpaul_field.server.models import Journal
from stpaul_field.sync.engine import Backoff
from tests.sync_fixtures import SyncWorld

MAX_REQUEST, MAX_RESPONSE = 900, 1600


def run_trials(world: SyncWorld, count: int, seed: int) -> None:
    rng = random.Random(seed)
    marie = world.laptop("marie")
    people: list[uuid.UUID] = []
    made = 0
    with LinkProxy.to_url(world.live.url) as link:
        for _trial in range(count):
            # A small day: a new person, an edit, now and then a deletion or a restoration.
            people.append(marie.add_person(first_name=f"P{len(people)}"))
            marie.edit("beneficiary", rng.choice(people), notes=f"note {rng.random():.6f}")
            if rng.random() < 0.3:
                deleted = dt.datetime.now(dt.UTC) if rng.random() < 0.5 else None
                marie.edit("beneficiary", rng.choice(people), deleted_at=deleted)
            made += len(marie.outbox())
            link.plan([Cut.random(rng, MAX_REQUEST, MAX_RESPONSE) for _ in range(rng.choice((1, 1, 2)))])
            report = marie.sync(link.url, batch_size=2, page_size=3, backoff=Backoff(max_tries=6))
            assert report.complete and marie.outbox() == []
            link.close_connections()  # the next trial's plan starts on a fresh connection
        cut_share = link.stats.cuts / count
    assert cut_share > 0.6, f"only {cut_share:.0%} of trials were cut"
    with world.env.db.session() as s:
        people = Journal.entity == "beneficiary"
        applied = s.scalar(select(func.count()).select_from(Journal).where(Journal.op_id.is_not(None)))
        journaled = s.scalar(select(func.count()).select_from(Journal).where(people))
        distinct = s.scalar(select(func.count(func.distinct(Journal.op_id))).where(people))
    # Every change applied once: none lost (made), none doubled (distinct operations).
    assert journaled == distinct == applied == made
    assert marie.records() == world.server_records()


def test_cuts_at_random_bytes_lose_and_double_nothing(world: SyncWorld) -> None:
    run_trials(world, 30 if world.env.db.is_postgres else 300, seed=6)


@pytest.mark.slow
def test_cuts_at_random_bytes_lose_and_double_nothing_long_run(world: SyncWorld) -> None:
    run_trials(world, 3000, seed=66)
