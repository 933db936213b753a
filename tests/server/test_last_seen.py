"""A device's last-seen time (shown to coordinators) follows its syncs, at most once a minute.

A sync records it in the transaction of its own push, so that it commits once (one WAL flush
under the write lock, not two); a request that writes nothing records it on its own.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import update

from stpaul_bench.central_record import ServerEnv
from stpaul_field.domain.clock import utcnow
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.server.auth import authenticate
from stpaul_field.server.batch import apply_batch
from stpaul_field.server.models import Device
from stpaul_field.sync import protocol as p

YESTERDAY = dt.timedelta(days=1)


def _enrolled(env: ServerEnv) -> tuple[str, uuid.UUID]:
    env.advisor("Saint-Paul", "anne")
    header = f"Bearer {env.enrol('anne')}"
    device_id = authenticate(env.db, header).device_id
    with env.db.writer(sequenced=False) as s:  # last synced yesterday
        s.execute(update(Device).values(last_seen_at=utcnow() - YESTERDAY))
    return header, device_id


def _last_seen(env: ServerEnv, device_id: uuid.UUID) -> dt.datetime:
    with env.db.session() as s:
        device = s.get(Device, device_id)
        assert device is not None and device.last_seen_at is not None
        return device.last_seen_at


def _request(*changes: p.Change) -> p.SyncRequest:
    return p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=list(changes), cursor=0)


def test_a_push_records_the_device_seen_in_its_own_transaction(server_env: ServerEnv) -> None:
    header, device_id = _enrolled(server_env)
    before = utcnow()
    caller = authenticate(server_env.db, header, defer_seen=True)
    assert caller.seen_due
    assert _last_seen(server_env, device_id) < before - YESTERDAY / 2  # not written yet

    change = p.Change(
        op_id=uuid.uuid4(),
        entity="beneficiary",
        record_id=uuid.uuid4(),
        base_version=0,
        fields={"first_name": "Marie", "last_name": "HOARAU"},
        stamp=HybridClock("anne").now().encode(),
    )
    apply_batch(server_env.db, caller, _request(change))
    assert _last_seen(server_env, device_id) >= before

    # Within the minute: nothing more to record.
    assert not authenticate(server_env.db, header, defer_seen=True).seen_due


def test_a_pull_only_sync_and_other_requests_record_it_too(server_env: ServerEnv) -> None:
    header, device_id = _enrolled(server_env)
    before = utcnow()
    apply_batch(server_env.db, authenticate(server_env.db, header, defer_seen=True), _request())
    assert _last_seen(server_env, device_id) >= before

    with server_env.db.writer(sequenced=False) as s:
        s.execute(update(Device).values(last_seen_at=utcnow() - YESTERDAY))
    caller = authenticate(server_env.db, header)  # a coordinator's request, say: written at once
    assert not caller.seen_due
    assert _last_seen(server_env, device_id) >= before
