"""Bodies of the sync API: zstd JSON (`SYNC_MEDIA_TYPE`) or plain JSON, bounded, protocol-checked."""

from __future__ import annotations

from typing import Any, TypeVar

import zstandard
from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from starlette.requests import ClientDisconnect

from stpaul_field.server import jsontext, logs
from stpaul_field.server.errors import ApiError
from stpaul_field.sync.protocol import (
    MAX_BODY_BYTES,
    MIN_PROTOCOL_VERSION,
    PROTOCOL_VERSION,
    SYNC_MEDIA_TYPE,
    encode,
)

M = TypeVar("M", bound=BaseModel)
# Pull pages: level 3 makes a 500-record page within 2 % of level 6's size for a sixth of the
# CPU (2 ms against 13 ms, measured) — the server's CPU is what 200 laptops syncing at once share.
COMPRESSION_LEVEL = 3
JSON_TYPE = "application/json"


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 beyond `limit` bytes (before reading it all).

    A link that drops mid-upload is the field's daily weather, not a server error: logged at
    INFO and answered 499 (nobody reads it; the laptop retries the same batch)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large(limit)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise too_large(limit)
            chunks.append(chunk)
    except ClientDisconnect:
        logs.event("upload_cut", received=size)
        raise ApiError(499, "Envoi interrompu : la connexion a été coupée.", "client_disconnected") from None
    return b"".join(chunks)


def too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        f"Envoi trop volumineux (plus de {limit // 1024} Kio) : synchronisez en plusieurs fois.",
        "too_large",
    )


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def protocol_refusal(protocol: object) -> ApiError | None:
    """The 426 for a protocol number we do not speak; None for ours (or no number at all)."""
    if not isinstance(protocol, int) or isinstance(protocol, bool):
        return None
    if protocol < MIN_PROTOCOL_VERSION:
        return ApiError(
            426,
            "Cette version de stpaul-field est trop ancienne pour le serveur : "
            "installez la mise à jour de l'application, puis synchronisez à nouveau. "
            "Vos saisies restent sur ce poste en attendant.",
            "protocol_too_old",
        )
    if protocol > PROTOCOL_VERSION:
        return ApiError(
            426,
            "Le serveur n'est pas encore à jour pour cette version de l'application : "
            "prévenez votre coordinateur. Vos saisies restent sur ce poste en attendant.",
            "protocol_too_new",
        )
    return None


def parse(raw: bytes, content_type: str, model: type[M]) -> M:
    """Decode a body of `content_type` into `model`, or raise a 4xx ApiError with a French reason."""
    if content_type == SYNC_MEDIA_TYPE:
        try:
            raw = zstandard.ZstdDecompressor().decompress(raw, max_output_size=MAX_BODY_BYTES)
        except zstandard.ZstdError:
            raise ApiError(
                400, "Corps de requête illisible (compression zstd invalide ou trop grand).", "bad_body"
            ) from None
    elif content_type != JSON_TYPE:
        raise ApiError(
            415,
            f"Type de contenu non pris en charge : utilisez {SYNC_MEDIA_TYPE} ou {JSON_TYPE}.",
            "unsupported_media_type",
        )
    try:
        # One pass from bytes to the model (pydantic-core parses the JSON itself).
        message = model.model_validate_json(raw)
    except ValidationError as error:
        _refuse_old_or_new(raw)  # a client of another protocol gets told so, not a field list
        if any(item["type"] == "json_invalid" for item in error.errors()):
            raise ApiError(400, "Corps de requête illisible : JSON invalide.", "bad_body") from None
        raise ApiError(422, describe(error), "invalid_body") from None
    refusal = protocol_refusal(getattr(message, "protocol", None))
    if refusal:
        raise refusal
    return message


def _refuse_old_or_new(raw: bytes) -> None:
    """Raise the protocol refusal when the body, valid JSON, names a protocol we do not speak."""
    try:
        data = jsontext.loads(raw)
    except ValueError:
        return
    refusal = protocol_refusal(data.get("protocol")) if isinstance(data, dict) else None
    if refusal:
        raise refusal


def describe(error: ValidationError) -> str:
    return describe_errors(list(error.errors()))


def describe_errors(errors: list[Any]) -> str:
    """A French summary of pydantic's errors: where, and pydantic's own words."""
    parts = []
    for item in errors[:5]:
        where = ".".join(str(p) for p in item.get("loc", ())) or "corps"
        parts.append(f"« {where} » : {item.get('msg', 'invalide')}")
    more = len(errors) - 5
    suffix = f" (et {more} autres)" if more > 0 else ""
    return "Requête invalide — " + " ; ".join(parts) + suffix + "."


def respond(model: BaseModel, compressed: bool) -> Response:
    if compressed:
        return Response(encode(model), media_type=SYNC_MEDIA_TYPE)
    return Response(model.model_dump_json(), media_type=JSON_TYPE)


def respond_json(body: bytes, compressed: bool) -> Response:
    """A body already serialised to JSON, compressed like `protocol.encode` does when asked."""
    if compressed:
        return Response(
            zstandard.ZstdCompressor(level=COMPRESSION_LEVEL).compress(body), media_type=SYNC_MEDIA_TYPE
        )
    return Response(body, media_type=JSON_TYPE)


def body_schema(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI `requestBody` for an endpoint that reads its body itself (zstd or JSON)."""
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {
        "requestBody": {
            "required": True,
            "content": {
                JSON_TYPE: {"schema": ref},
                # The same message, its JSON compressed with zstd (`sync.protocol.encode`).
                SYNC_MEDIA_TYPE: {"schema": ref},
            },
        }
    }
