"""`stpaul-field enrol` and `stpaul-field sync` from a terminal, and a sync killed mid-pull."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
import uuid

from sqlalchemy import text

from stpaul_bench.central_record import PASSWORD
from stpaul_field.server.auth import authenticate
from stpaul_field.server.exchange import exchange
from stpaul_field.server.records import new_document
from stpaul_field.store.database import Store
from stpaul_field.sync import protocol as p
from stpaul_field.sync import state
from tests.sync_fixtures import Laptop, SyncWorld


def cli(laptop: Laptop, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stpaul_field", "--data-dir", str(laptop.paths.data.parent), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_enrol_and_sync_exit_codes(world: SyncWorld) -> None:
    laptop = world.laptop(None)
    refused = cli(laptop, "enrol", "--server", "http://registre.example.org", "--user", "marie")
    assert refused.returncode == 2 and "https" in refused.stderr
    wrong = cli(laptop, "enrol", "--server", world.live.url, "--user", "marie", stdin="faux\n")
    assert wrong.returncode == 2 and "Identifiant ou mot de passe incorrect." in wrong.stderr
    done = cli(laptop, "enrol", "--server", world.live.url, "--user", "marie", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "Marie Payet" in done.stdout

    laptop.add_person()
    ok = cli(laptop, "sync")
    assert ok.returncode == 0, ok.stderr
    assert "Synchronisation : 1/1 envoyée(s)" in ok.stderr and "1 modification(s) envoyée(s)" in ok.stdout

    laptop.add_person(first_name="Sans", last_name="", phone="987", notes="Suivi psychiatrique")
    partly = cli(laptop, "sync")
    assert partly.returncode == 1
    assert "refusée(s)" in partly.stdout and "Le nom est obligatoire." in partly.stdout
    assert "987" not in partly.stdout and "psychiatrique" not in partly.stdout  # only what helps find it

    with world.env.db.writer(sequenced=False) as s:
        s.execute(text("UPDATE device SET revoked_at = CURRENT_TIMESTAMP"))
    revoked = cli(laptop, "sync")
    assert revoked.returncode == 2 and "révoqué" in revoked.stderr


def _fill_the_record(world: SyncWorld, count: int) -> None:
    """Beneficiaries written straight into the central record, as another laptop would have."""
    caller = authenticate(world.env.db, f"Bearer {world.env.enrol('paul')}")
    now = dt.datetime.now(dt.UTC)
    for start in range(0, count, 500):
        changes = [
            p.Change(
                op_id=uuid.uuid4(),
                entity="beneficiary",
                record_id=uuid.uuid4(),
                base_version=0,
                fields={**new_document("beneficiary", now), "first_name": f"P{i}", "last_name": "Hoarau"},
                stamp=f"{int(now.timestamp() * 1000):015d}-{i:06d}-serveur",
            )
            for i in range(start, min(count, start + 500))
        ]
        answer = exchange(
            world.env.db, caller, p.SyncRequest(protocol=1, batch_id=uuid.uuid4(), changes=changes)
        )
        assert all(r.status == "applied" for r in answer.results)


CHILD = """
import sys
from stpaul_field.paths import AppPaths
from stpaul_field.store.database import Store
from stpaul_field.sync.engine import SyncEngine
from stpaul_field.sync.enrolment import transport_for

paths = AppPaths.under(sys.argv[1])
store = Store.open(paths, upgrade=False)
with transport_for(store) as transport:
    SyncEngine(store, transport, page_size=25).run()
"""


def test_a_sync_killed_while_applying_a_pull_leaves_a_store_that_opens_and_finishes(world: SyncWorld) -> None:
    _fill_the_record(world, 1500)
    laptop = world.laptop("marie")
    laptop.add_person(first_name="Avant")  # an unsent edit that must survive the kill
    rng = random.Random(9)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(laptop.paths.data.parent)])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait until pages are being applied
            with laptop.store.reader() as s:
                if state.cursor(s) > 0:
                    break
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.3))
        assert child.poll() is None, "the pull finished before it could be killed"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    laptop.close()
    store = Store.open(laptop.paths)
    laptop.store = store
    with store.reader() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        halfway = state.cursor(s)
    assert halfway > 0
    report = laptop.sync()
    assert report.complete and laptop.outbox() == []
    assert laptop.records() == world.server_records()
