"""The ASGI app of the central record: `create_app()`.

    app = create_app("sqlite:///tmp/record.sqlite3")        # or postgresql+psycopg://…
    app.state.db                                               # the Database (see admin.py)

Endpoints: POST /api/v1/enrol, POST /api/v1/sync (zstd JSON of `sync.protocol`, or plain
JSON), coordinator endpoints under /api/v1/devices and /api/v1/advisors, GET /health,
OpenAPI at /openapi.json and /docs. No CORS: only the desktop app calls this API.
"""

from __future__ import annotations

import asyncio
import gc
import time
import uuid
import weakref
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stpaul_field import __version__
from stpaul_field.server import admin, logs, security
from stpaul_field.server.auth import authenticate, begin_login, finish_login
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.errors import ApiError
from stpaul_field.server.exchange import Answer, answer, exchange
from stpaul_field.server.migrate import upgrade
from stpaul_field.server.settings import ServerSettings
from stpaul_field.server.wire import (
    SYNC_MEDIA_TYPE,
    body_schema,
    describe_errors,
    media_type,
    parse,
    read_body,
    respond,
    respond_json,
)
from stpaul_field.sync.protocol import (
    PROTOCOL_VERSION,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    SyncRequest,
    SyncResponse,
    Text,
)

__all__ = ["create_app", "exchange", "prepare"]

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
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 409, 413, 415, 422, 426, 429)
}


class _Body(Exception):
    """The body grew past the limit while being read (no Content-Length)."""


class _SlowBody(Exception):
    """The body did not arrive within the time allowed (a trickle, or a stalled link)."""


INTERNAL = "Erreur interne du serveur : réessayez plus tard ou prévenez votre coordinateur."


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
                await _error(500, INTERNAL, "internal")(scope, receive, guarded_send)
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


def _error(status: int, detail: str, code: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(ErrorBody(detail=detail, code=code).model_dump(), status_code=status, headers=headers)


_HTTP_FR = {
    404: "Adresse inconnue sur ce serveur.",
    405: "Méthode non autorisée pour cette adresse.",
}


class DeviceOut(BaseModel):
    id: uuid.UUID
    name: str
    advisor_id: uuid.UUID
    login: str
    created_at: str
    last_seen_at: str | None
    revoked_at: str | None


class AdvisorCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    login: Text = Field(min_length=1, max_length=100)
    password: Text = Field(min_length=1, max_length=200)
    role: Text = Field(default="conseiller_numerique", max_length=40)
    first_name: Text = Field(default="", max_length=100)
    last_name: Text = Field(default="", max_length=100)


class AdvisorCreated(BaseModel):
    advisor_id: uuid.UUID


class Health(BaseModel):
    status: str
    version: str
    protocol: int


def _answer_and_bytes(db: Database, caller: Caller, body: SyncRequest) -> tuple[Answer, bytes]:
    result = answer(db, caller, body)  # one trip to the thread pool for both
    return result, result.json_bytes()


def caller_of(request: Request, defer_seen: bool = False) -> Caller:
    """The authenticated device (a dependency: runs in the thread pool, it reads the database).

    `defer_seen`: the request's own write records that the device was seen (a sync)."""
    caller = authenticate(request.app.state.db, request.headers.get("authorization"), defer_seen)
    request.state.device_id = str(caller.device_id)
    return caller


def coordinator_of(request: Request) -> Caller:
    caller = caller_of(request)
    if not caller.is_coordinator:
        raise ApiError(403, "Réservé aux coordinateurs.", "forbidden")
    return caller


Coordinator = Annotated[Caller, Depends(coordinator_of)]


def _device_out(d: admin.DeviceInfo) -> DeviceOut:
    def iso(value: Any) -> str | None:
        return None if value is None else value.isoformat()

    return DeviceOut(
        id=d.id,
        name=d.name,
        advisor_id=d.advisor_id,
        login=d.login,
        created_at=iso(d.created_at) or "",
        last_seen_at=iso(d.last_seen_at),
        revoked_at=iso(d.revoked_at),
    )


def create_app(
    database_url: str | None = None,
    *,
    settings: ServerSettings | None = None,
    data_dir: str | None = None,
    migrate: bool = True,
) -> FastAPI:
    """The app, on `database_url` (else the settings' URL, else SQLite under the data directory).

    `migrate`: bring the schema up to date and seed the reference venues first (idempotent,
    safe with several workers starting at once on PostgreSQL).
    """
    settings = settings or ServerSettings.from_env(database_url=database_url, data_dir=data_dir)
    if database_url:
        settings = settings.model_copy(update={"database_url": database_url})
    db = Database(settings.resolved_database_url(), pool_size=settings.pool_size)
    security.configure_hashing(settings.argon2_time_cost, settings.argon2_memory_kib)
    if migrate:
        prepare(db, settings)

    app = FastAPI(
        title="stpaul-field — registre central",
        version=__version__,
        description=(
            "Le registre central de Saint-Paul avec lequel les postes des conseillers se synchronisent. "
            f"Les corps de /api/v1/enrol et /api/v1/sync sont en JSON, ou en JSON compressé zstd "
            f"({SYNC_MEDIA_TYPE}) : la réponse suit le format de la requête."
        ),
    )
    app.state.db = db
    app.state.settings = settings
    # Pushes are serialised by the write lock. With every exchange let in at once, a worker's
    # threads fight for the GIL with the one holding the lock, which then holds it longer: at
    # 200 laptops at once (bench sync-many, 2 cores) the lock was held for the whole burst.
    # Two at a time per worker (`sync_concurrency`): while one waits for PostgreSQL (the write
    # lock, its commit's WAL flush), the other works (fsync on: p99 2.2 -> 2.05 s; one at a
    # time is better only without durable commits). Authentication takes a turn too.
    sync_slots = _per_loop_semaphore(settings.sync_concurrency)
    password_slots = _per_loop_semaphore(settings.password_checks)

    _document_raw_bodies(app, (EnrolRequest, SyncRequest))

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.detail, exc.code, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, describe_errors(list(exc.errors())), "invalid_body")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = _HTTP_FR.get(exc.status_code, "Requête refusée.")
        return _error(exc.status_code, detail, "http_error", getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Reached only by an error of the middleware itself (`Guard` answers the others).
        logs.event("unexpected_error", level=40, error=type(exc).__name__, where=logs.where(exc))
        return _error(500, INTERNAL, "internal")

    @app.get("/health", response_model=Health, tags=["exploitation"])
    def health() -> Any:
        """For the reverse proxy and the supervisor: 200 when the database answers."""
        try:
            with db.session() as s:
                s.execute(text("SELECT 1"))
        except Exception:
            logs.event("health_db_down", level=40)
            return _error(503, "Base de données injoignable.", "db_down")
        return Health(status="ok", version=__version__, protocol=PROTOCOL_VERSION)

    @app.post(
        "/api/v1/enrol",
        response_model=EnrolResponse,
        responses=ERRORS,
        openapi_extra=body_schema(EnrolRequest),
        tags=["synchronisation"],
    )
    async def enrol_device(request: Request) -> Response:
        """Inscrit un poste : identifiant et mot de passe du conseiller contre un jeton de poste."""
        raw = await read_body(request, 64 * 1024)
        ctype = media_type(request)
        body = parse(raw, ctype, EnrolRequest)
        client = request.client.host if request.client else "inconnu"
        attempt = await run_in_threadpool(begin_login, db, settings, body, client)
        # Verified even for an unknown login, so that timing does not tell which logins exist;
        # a few at a time (each takes `argon2_memory_kib`), the attempt already counted.
        async with password_slots():
            ok = await run_in_threadpool(security.verify_password, attempt.password_hash, body.password)
        answer = await run_in_threadpool(finish_login, db, attempt, ok, body.device_name)
        request.state.device_id = str(answer.device_id)
        return respond(answer, ctype == SYNC_MEDIA_TYPE)

    @app.post(
        "/api/v1/sync",
        response_model=SyncResponse,
        responses=ERRORS,
        openapi_extra=body_schema(SyncRequest),
        tags=["synchronisation"],
    )
    async def sync(request: Request) -> Response:
        """Pousse un lot de modifications et reçoit une page des changements après le curseur."""
        # Who is asking before reading what they send: unknown clients never upload 8 MiB.
        # Authentication takes a turn too: let in at once, 200 of them held 20 connections per
        # worker, and PostgreSQL forked a backend for each connection the pool opened beyond 10.
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

    @app.get("/api/v1/devices", response_model=list[DeviceOut], responses=ERRORS, tags=["coordination"])
    def devices(caller: Coordinator) -> Any:
        """Les postes inscrits de l'équipe (coordinateur)."""
        with db.session() as s:
            return [_device_out(d) for d in admin.list_devices(s, caller.team_id)]

    @app.post(
        "/api/v1/devices/{device_id}/revoke",
        response_model=DeviceOut,
        responses=ERRORS,
        tags=["coordination"],
    )
    def revoke(device_id: uuid.UUID, caller: Coordinator) -> Any:
        """Révoque un poste de l'équipe (perdu, volé) : sa prochaine requête est refusée."""
        try:
            with db.writer(sequenced=False) as s:
                return _device_out(
                    admin.revoke_device(s, device_id, by=caller.advisor_id, team_id=caller.team_id)
                )
        except admin.AdminError as e:
            raise ApiError(404, str(e), "not_found") from None

    @app.post(
        "/api/v1/advisors",
        response_model=AdvisorCreated,
        status_code=201,
        responses=ERRORS,
        tags=["coordination"],
    )
    def add_advisor(body: AdvisorCreate, caller: Coordinator) -> Any:
        """Crée le compte d'un conseiller de l'équipe (coordinateur)."""
        try:
            with db.writer() as s:
                advisor_id = admin.create_advisor(
                    s, caller.team_id, body.login, body.password, body.role, body.first_name, body.last_name
                )
        except admin.AdminError as e:
            raise ApiError(422, str(e), "invalid") from None
        return AdvisorCreated(advisor_id=advisor_id)

    app.add_middleware(
        Guard, max_bytes=settings.max_request_bytes + 64 * 1024, body_timeout_s=settings.body_timeout_s
    )
    return app


def _per_loop_semaphore(size: int) -> Callable[[], asyncio.Semaphore]:
    """A semaphore of `size` for the running event loop (tests run one app in several loops)."""
    slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
        weakref.WeakKeyDictionary()
    )

    def current() -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if loop not in slots:
            slots[loop] = asyncio.Semaphore(size)
        return slots[loop]

    return current


def _document_raw_bodies(app: FastAPI, models: tuple[type[BaseModel], ...]) -> None:
    """Add the schemas of the bodies the endpoints read themselves (zstd or JSON) to the OpenAPI."""
    from fastapi.openapi.utils import get_openapi
    from pydantic.json_schema import models_json_schema

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            _, extra = models_json_schema(
                [(m, "validation") for m in models], ref_template="#/components/schemas/{model}"
            )
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            for name, definition in extra.get("$defs", {}).items():
                schemas.setdefault(name, definition)
            _add_links(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


# OpenAPI links: which answer gives a value another operation takes, so that a stateful fuzzer
# (schemathesis) chains real requests — enrol a device, then revoke that very device.
_LINKS = {
    ("/api/v1/enrol", "post", "200"): {
        "RevokeEnrolledDevice": ("/api/v1/devices/{device_id}/revoke", "$response.body#/device_id")
    },
    ("/api/v1/devices", "get", "200"): {
        "RevokeListedDevice": ("/api/v1/devices/{device_id}/revoke", "$response.body#/0/id")
    },
}


def _add_links(schema: dict[str, Any]) -> None:
    paths = schema.get("paths", {})
    for (path, method, status), links in _LINKS.items():
        response = paths[path][method]["responses"][status]
        for name, (target, expression) in links.items():
            operation_id = paths[target]["post"]["operationId"]
            response.setdefault("links", {})[name] = {
                "operationId": operation_id,
                "parameters": {"device_id": expression},
            }


def prepare(db: Database, settings: ServerSettings) -> None:
    """Migrations, then the reference venues; several workers may run it at once."""
    upgrade(db.write_engine)
    if settings.seed_reference:
        with db.writer() as s:
            admin.seed_reference(s)


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` (the CLI's `serve`): settings from STPAUL_SERVER_* only."""
    settings = ServerSettings.from_env()
    logs.configure(settings.log_level)
    # The CLI migrated before starting the workers.
    app = create_app(settings=settings, migrate=False)
    # What the worker holds from here on (modules, the app, SQLAlchemy's and pydantic's
    # structures) lives as long as it does: out of the collector's sight, a full collection
    # under load walks only what requests allocate.
    gc.collect()
    gc.freeze()
    return app
