"""Sync files (issue 20): a device registers its keys for them."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from stpaul_field.server import sync_files
from stpaul_field.server.deps import DatabaseDep, caller_of
from stpaul_field.server.errors import ERRORS
from stpaul_field.server.wire import SYNC_MEDIA_TYPE, body_schema, media_type, parse, read_body, respond
from stpaul_field.sync.protocol import DeviceKeys, ServerKeys

router = APIRouter(prefix="/api/v1", tags=["synchronisation"], responses=ERRORS)
RAW_BODIES = (DeviceKeys,)
KEYS_MAX_BYTES = 4 * 1024


@router.post("/device-keys", response_model=ServerKeys, openapi_extra=body_schema(DeviceKeys))
async def device_keys(request: Request, db: DatabaseDep) -> Response:
    """Enregistre les clés publiques du poste (fichiers de synchronisation) ; rend celles du serveur."""
    caller = await run_in_threadpool(caller_of, request)
    raw = await read_body(request, KEYS_MAX_BYTES)
    ctype = media_type(request)
    body = parse(raw, ctype, DeviceKeys)
    keys = await run_in_threadpool(sync_files.register_keys, db, caller, body)
    return respond(keys, ctype == SYNC_MEDIA_TYPE)
