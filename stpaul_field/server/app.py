"""The ASGI app of the central record: `create_app()`.

    app = create_app("sqlite:///tmp/record.sqlite3")        # or postgresql+psycopg://…
    app.state.db                                               # the Database (see admin.py)

Routes are in `routes/` by resource (health, enrol and sync, devices, advisors), their
dependencies in `deps.py`. OpenAPI at /openapi.json and /docs. No CORS: only the desktop
app calls this API.
"""

from __future__ import annotations

import gc
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from stpaul_field import __version__
from stpaul_field.server import admin, logs, security
from stpaul_field.server.db import Database
from stpaul_field.server.deps import Slots
from stpaul_field.server.errors import INTERNAL, ApiError, error_response
from stpaul_field.server.exchange import exchange
from stpaul_field.server.middleware import Guard
from stpaul_field.server.migrate import upgrade
from stpaul_field.server.routes import ROUTERS, sync, sync_files
from stpaul_field.server.settings import ServerSettings
from stpaul_field.server.wire import SYNC_MEDIA_TYPE, describe_errors

__all__ = ["create_app", "exchange", "prepare"]

_HTTP_FR = {
    404: "Adresse inconnue sur ce serveur.",
    405: "Méthode non autorisée pour cette adresse.",
}


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
    app.state.sync_slots = Slots(settings.sync_concurrency)
    app.state.password_slots = Slots(settings.password_checks)
    _document_raw_bodies(app, (*sync.RAW_BODIES, *sync_files.RAW_BODIES))
    _install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.add_middleware(
        Guard, max_bytes=settings.max_request_bytes + 64 * 1024, body_timeout_s=settings.body_timeout_s
    )
    return app


def _install_error_handlers(app: FastAPI) -> None:
    """Every error answers an `ErrorBody` with a French detail, FastAPI's own ones too."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.detail, exc.code, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, describe_errors(list(exc.errors())), "invalid_body")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = _HTTP_FR.get(exc.status_code, "Requête refusée.")
        return error_response(exc.status_code, detail, "http_error", getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Reached only by an error of the middleware itself (`Guard` answers the others).
        logs.event("unexpected_error", level=40, error=type(exc).__name__, where=logs.where(exc))
        return error_response(500, INTERNAL, "internal")


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
    # Long-lived objects out of the collector's sight (docs/server.md, « Performance notes »).
    gc.collect()
    gc.freeze()
    return app
