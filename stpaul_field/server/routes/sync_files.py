"""Sync files (issue 20): a device registers its keys for them, or relays a colleague's file."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from stpaul_field.server import sync_files
from stpaul_field.server.deps import DatabaseDep, SettingsDep, SyncSlotsDep, caller_of
from stpaul_field.server.errors import ERRORS, ApiError
from stpaul_field.server.wire import SYNC_MEDIA_TYPE, body_schema, media_type, parse, read_body, respond
from stpaul_field.sync.protocol import DeviceKeys, ServerKeys
from stpaul_field.sync.sealed_file import MEDIA_TYPE

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


# A file is bytes: its own media type, or any octet stream (what the OpenAPI names, for its tools).
FILE_TYPES = (MEDIA_TYPE, "application/octet-stream")


@router.post(
    "/relay",
    response_class=Response,
    responses={200: {"content": {MEDIA_TYPE: {}}, "description": "le fichier de réponse"}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
async def relay(
    request: Request, db: DatabaseDep, settings: SettingsDep, sync_slots: SyncSlotsDep
) -> Response:
    """Transmet la demande de synchronisation d'un collègue (un fichier) ; rend sa réponse (un fichier)."""
    async with sync_slots():
        relayer = await run_in_threadpool(caller_of, request)
    raw = await read_body(request, settings.max_request_bytes)
    if media_type(request) not in FILE_TYPES:
        raise ApiError(
            415, f"Type de contenu non pris en charge : utilisez {MEDIA_TYPE}.", "unsupported_media_type"
        )
    async with sync_slots():
        imported = await run_in_threadpool(sync_files.import_request, db, raw, relayer)
    request.state.log = {
        "changes": imported.changes,
        "pulled": imported.pulled,
        "rejected": imported.rejected,
    }
    return Response(imported.answer, media_type=MEDIA_TYPE)
