"""POST /api/v1/enrol and /api/v1/sync: bodies in JSON or zstd JSON (`sync.protocol`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from stpaul_field.server import security
from stpaul_field.server.auth import begin_login, finish_login
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.deps import DatabaseDep, PasswordSlotsDep, SettingsDep, SyncSlotsDep, caller_of
from stpaul_field.server.errors import ERRORS
from stpaul_field.server.exchange import Answer, answer
from stpaul_field.server.wire import (
    SYNC_MEDIA_TYPE,
    body_schema,
    media_type,
    parse,
    read_body,
    respond,
    respond_json,
)
from stpaul_field.sync.protocol import EnrolRequest, EnrolResponse, SyncRequest, SyncResponse

router = APIRouter(prefix="/api/v1", tags=["synchronisation"], responses=ERRORS)
# Bodies these routes read themselves (zstd or JSON): `create_app` adds them to the OpenAPI.
RAW_BODIES = (EnrolRequest, SyncRequest)
ENROL_MAX_BYTES = 64 * 1024


def _answer_and_bytes(db: Database, caller: Caller, body: SyncRequest) -> tuple[Answer, bytes]:
    result = answer(db, caller, body)  # one trip to the thread pool for both
    return result, result.json_bytes()


@router.post("/enrol", response_model=EnrolResponse, openapi_extra=body_schema(EnrolRequest))
async def enrol_device(
    request: Request, db: DatabaseDep, settings: SettingsDep, password_slots: PasswordSlotsDep
) -> Response:
    """Inscrit un poste : identifiant et mot de passe du conseiller contre un jeton de poste."""
    raw = await read_body(request, ENROL_MAX_BYTES)
    ctype = media_type(request)
    body = parse(raw, ctype, EnrolRequest)
    client = request.client.host if request.client else "inconnu"
    attempt = await run_in_threadpool(begin_login, db, settings, body, client)
    # Verified even for an unknown login, so that timing does not tell which logins exist;
    # a few at a time (each takes `argon2_memory_kib`), the attempt already counted.
    async with password_slots():
        ok = await run_in_threadpool(security.verify_password, attempt.password_hash, body.password)
    enrolled = await run_in_threadpool(finish_login, db, attempt, ok, body.device_name)
    request.state.device_id = str(enrolled.device_id)
    return respond(enrolled, ctype == SYNC_MEDIA_TYPE)


@router.post("/sync", response_model=SyncResponse, openapi_extra=body_schema(SyncRequest))
async def sync(
    request: Request, db: DatabaseDep, settings: SettingsDep, sync_slots: SyncSlotsDep
) -> Response:
    """Pousse un lot de modifications et reçoit une page des changements après le curseur."""
    # Who is asking before reading what they send: unknown clients never upload 8 MiB.
    # Authentication takes a turn too (docs/server.md, « Performance notes »).
    async with sync_slots():
        caller = await run_in_threadpool(caller_of, request, True)
    raw = await read_body(request, settings.max_request_bytes)
    ctype = media_type(request)
    body = parse(raw, ctype, SyncRequest)
    async with sync_slots():
        result, payload = await run_in_threadpool(_answer_and_bytes, db, caller, body)
    request.state.log = {
        "changes": len(body.changes),
        "pulled": len(result.page.rows),
        "rejected": sum(r.status == "rejected" for r in result.head.results),
    }
    return respond_json(payload, ctype == SYNC_MEDIA_TYPE)
