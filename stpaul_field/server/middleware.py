"""`Guard`, the app's one middleware: security headers, the body's size and time bounds, one log
line a request, and the answer to an unexpected error."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stpaul_field.server import logs
from stpaul_field.server.errors import INTERNAL, error_response
from stpaul_field.sync.protocol import ErrorBody

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "strict-transport-security": "max-age=31536000",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
}
# The interactive docs load Swagger UI's script and style from its CDN.
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; "
    "connect-src 'self'; frame-ancestors 'none'"
)


class _Body(Exception):
    """The body grew past the limit while being read (no Content-Length)."""


class _SlowBody(Exception):
    """The body did not arrive within the time allowed (a trickle, or a stalled link)."""


class Guard:
    """Pure ASGI middleware: security headers, body size and time bounds, one structured log line
    per request.

    uvicorn has no body timeout: a client may send its headers and then trickle the body for
    ever, holding a connection, and a request authenticated before a revocation would complete
    long after it. The whole body must arrive within `body_timeout_s` of the request's start."""

    def __init__(self, app: ASGIApp, max_bytes: int, body_timeout_s: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state: dict[str, Any] = {"status": 500, "sent": False, "size": 0}
        path = scope.get("path", "")
        is_docs = path in ("/docs", "/docs/oauth2-redirect")

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"], state["sent"] = message["status"], True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if is_docs:
                    headers["content-security-policy"] = DOCS_CSP
            await send(message)

        deadline = asyncio.get_running_loop().time() + self.body_timeout_s

        async def bounded_receive() -> Message:
            if state.get("body_done"):  # after the body: waiting for a disconnect is not bounded
                return await receive()
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                raise _SlowBody from None
            if message["type"] == "http.request":
                state["size"] += len(message.get("body", b""))
                if state["size"] > self.max_bytes:
                    raise _Body
                state["body_done"] = not message.get("more_body", False)
            return message

        declared = dict(scope.get("headers") or ()).get(b"content-length", b"")
        try:
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise _Body
            await self.app(scope, bounded_receive, guarded_send)
        except _Body:
            if not state["sent"]:
                body = ErrorBody(
                    detail="Envoi trop volumineux : synchronisez en plusieurs fois.", code="too_large"
                )
                await JSONResponse(body.model_dump(), status_code=413)(scope, receive, guarded_send)
        except _SlowBody:
            if not state["sent"]:
                body = ErrorBody(
                    detail="Envoi trop lent : la connexion est interrompue, la synchronisation "
                    "reprendra d'elle-même.",
                    code="body_timeout",
                )
                response = JSONResponse(body.model_dump(), status_code=408, headers={"connection": "close"})
                await response(scope, receive, guarded_send)
        except Exception as error:
            # Never re-raised: Starlette's outer error middleware and uvicorn would log the whole
            # traceback with the exception's text — PostgreSQL's DETAIL and CONTEXT quote the
            # values of the record (a person's phone, notes) — and uvicorn would drop the
            # keep-alive connection. Logged here by its type and our code's line only.
            state["status"] = 500
            logs.event("unexpected_error", level=40, error=type(error).__name__, where=logs.where(error))
            if not state["sent"]:
                await error_response(500, INTERNAL, "internal")(scope, receive, guarded_send)
        finally:
            logs.event(
                "request",
                method=scope.get("method"),
                # The route's template, never the raw path (it could carry anything a client typed).
                path=getattr(scope.get("route"), "path", None) or "(hors route)",
                status=state["status"],
                ms=round((time.perf_counter() - started) * 1000, 1),
                device=(scope.get("state") or {}).get("device_id"),
                **(scope.get("state") or {}).get("log", {}),
            )
