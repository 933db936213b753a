"""A request authenticated before a revocation and completed after it gets nothing (issue 17).

The sync endpoint authenticates a device before reading its body. A laptop that sends its
headers and a few bytes, then the rest once its device is revoked (or its advisor
disabled), must be refused: the push is not applied, no page is pulled. A body that
trickles is cut after `body_timeout_s`, on the default SQLite deployment as behind nginx.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from sqlalchemy import func, select

from stpaul_bench.central_record import ServerEnv
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.server import admin
from stpaul_field.server.models import Device, Record
from stpaul_field.sync import protocol as p


def _push(env: ServerEnv, token: str, record_id: uuid.UUID) -> bytes:
    change = p.Change(
        op_id=uuid.uuid4(),
        entity="beneficiary",
        record_id=record_id,
        base_version=0,
        fields={"first_name": "Hélène", "last_name": "Grondin", "phone": "0692123456"},
        stamp=HybridClock("marie").now().encode(),
    )
    return p.encode(p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=[change]))


async def _slow_post(
    env: ServerEnv, token: str, body: bytes, meanwhile: Callable[[], None], pause: float = 0.0
) -> httpx.Response:
    """POST /api/v1/sync: the headers and 10 bytes, then `meanwhile()`, then the rest."""

    async def chunks() -> AsyncIterator[bytes]:
        yield body[:10]  # read once the device is authenticated
        meanwhile()
        await asyncio.sleep(pause)
        yield body[10:]

    transport = httpx.ASGITransport(app=env.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://record") as client:
        return await client.post(
            "/api/v1/sync",
            content=chunks(),
            headers={"authorization": f"Bearer {token}", "content-type": p.SYNC_MEDIA_TYPE},
        )


def _beneficiaries(env: ServerEnv) -> int:
    with env.db.session() as s:
        return s.scalar(select(func.count()).select_from(Record).where(Record.entity == "beneficiary")) or 0


def _revoke(env: ServerEnv) -> Callable[[], None]:
    def revoke() -> None:
        with env.db.writer(sequenced=False) as s:
            device_id = s.scalars(select(Device.id)).one()
            admin.revoke_device(s, device_id)

    return revoke


def _disable(env: ServerEnv) -> Callable[[], None]:
    def disable() -> None:
        with env.db.writer() as s:
            admin.set_advisor_active(s, "marie", False)

    return disable


@pytest.mark.parametrize("revocation", [_revoke, _disable], ids=["device revoked", "advisor disabled"])
def test_a_push_whose_body_arrives_after_a_revocation_is_refused_and_not_applied(
    server_env: ServerEnv, revocation: Callable[[ServerEnv], Callable[[], None]]
) -> None:
    server_env.advisor("Saint-Paul", "marie")
    token = server_env.enrol("marie")
    body = _push(server_env, token, uuid.uuid4())
    r = asyncio.run(_slow_post(server_env, token, body, revocation(server_env)))
    assert r.status_code in (401, 403), r.text
    assert r.json()["code"] in ("device_revoked", "account_disabled")
    assert _beneficiaries(server_env) == 0


def test_a_pull_whose_body_arrives_after_a_revocation_returns_nothing(server_env: ServerEnv) -> None:
    server_env.advisor("Saint-Paul", "marie")
    token = server_env.enrol("marie")
    body = p.encode(p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4()))
    r = asyncio.run(_slow_post(server_env, token, body, _revoke(server_env)))
    assert r.status_code == 401 and r.json()["code"] == "device_revoked"
    assert "changes" not in r.text


def test_a_body_that_trickles_is_cut_with_a_french_408(server_env: ServerEnv) -> None:
    env = ServerEnv.start(server_env.db.url, body_timeout_s=0.5, seed_reference=False)
    try:
        env.advisor("Saint-Paul", "marie")
        token = env.enrol("marie")
        body = _push(env, token, uuid.uuid4())
        r = asyncio.run(_slow_post(env, token, body, lambda: None, pause=1.5))
        assert r.status_code == 408 and r.json()["code"] == "body_timeout"
        assert "trop lent" in r.json()["detail"] and r.headers["connection"] == "close"
        assert _beneficiaries(env) == 0
        # A body that arrives in time is served as usual.
        r = asyncio.run(_slow_post(env, token, body, lambda: None, pause=0.1))
        assert r.status_code == 200
    finally:
        env.close()


def test_the_laptop_takes_a_408_for_a_failing_link_and_retries_later() -> None:
    from stpaul_field.sync.errors import OfflineError
    from stpaul_field.sync.transport import Transport

    refusal = {"detail": "Envoi trop lent : la connexion est interrompue.", "code": "body_timeout"}
    transport = Transport("http://127.0.0.1:9", "jeton")
    transport._client = httpx.Client(
        transport=httpx.MockTransport(lambda _request: httpx.Response(408, json=refusal)),
        base_url="http://127.0.0.1:9",
    )
    with pytest.raises(OfflineError) as failure:
        transport.sync(p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4()))
    assert failure.value.retryable and "trop lent" in failure.value.message
