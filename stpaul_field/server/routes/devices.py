"""The team's enrolled devices (coordinator): list, revoke."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from stpaul_field.server import admin
from stpaul_field.server.deps import CoordinatorDep, DatabaseDep
from stpaul_field.server.errors import ERRORS, ApiError

router = APIRouter(prefix="/api/v1/devices", tags=["coordination"], responses=ERRORS)


class DeviceOut(BaseModel):
    id: uuid.UUID
    name: str
    advisor_id: uuid.UUID
    login: str
    created_at: str
    last_seen_at: str | None
    revoked_at: str | None


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


@router.get("", response_model=list[DeviceOut])
def devices(caller: CoordinatorDep, db: DatabaseDep) -> Any:
    """Les postes inscrits de l'équipe (coordinateur)."""
    with db.session() as s:
        return [_device_out(d) for d in admin.list_devices(s, caller.team_id)]


@router.post("/{device_id}/revoke", response_model=DeviceOut)
def revoke(device_id: uuid.UUID, caller: CoordinatorDep, db: DatabaseDep) -> Any:
    """Révoque un poste de l'équipe (perdu, volé) : sa prochaine requête est refusée."""
    try:
        with db.writer(sequenced=False) as s:
            return _device_out(
                admin.revoke_device(s, device_id, by=caller.advisor_id, team_id=caller.team_id)
            )
    except admin.AdminError as e:
        raise ApiError(404, str(e), "not_found") from None
