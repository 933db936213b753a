"""GET /health: for the reverse proxy and the supervisor."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text

from stpaul_field import __version__
from stpaul_field.server import logs
from stpaul_field.server.deps import DatabaseDep
from stpaul_field.server.errors import error_response
from stpaul_field.sync.protocol import PROTOCOL_VERSION

router = APIRouter(tags=["exploitation"])


class Health(BaseModel):
    status: str
    version: str
    protocol: int


@router.get("/health", response_model=Health)
def health(db: DatabaseDep) -> Any:
    """For the reverse proxy and the supervisor: 200 when the database answers."""
    try:
        with db.session() as s:
            s.execute(text("SELECT 1"))
    except Exception:
        logs.event("health_db_down", level=40)
        return error_response(503, "Base de données injoignable.", "db_down")
    return Health(status="ok", version=__version__, protocol=PROTOCOL_VERSION)
