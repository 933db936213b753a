"""The team's advisors' accounts (coordinator): create."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from stpaul_field.server import admin
from stpaul_field.server.deps import CoordinatorDep, DatabaseDep
from stpaul_field.server.errors import ERRORS, ApiError
from stpaul_field.sync.protocol import Text

router = APIRouter(prefix="/api/v1/advisors", tags=["coordination"], responses=ERRORS)


class AdvisorCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    login: Text = Field(min_length=1, max_length=100)
    password: Text = Field(min_length=1, max_length=200)
    role: Text = Field(default="conseiller_numerique", max_length=40)
    first_name: Text = Field(default="", max_length=100)
    last_name: Text = Field(default="", max_length=100)


class AdvisorCreated(BaseModel):
    advisor_id: uuid.UUID


@router.post("", response_model=AdvisorCreated, status_code=201)
def add_advisor(body: AdvisorCreate, caller: CoordinatorDep, db: DatabaseDep) -> Any:
    """Crée le compte d'un conseiller de l'équipe (coordinateur)."""
    try:
        with db.writer() as s:
            advisor_id = admin.create_advisor(
                s, caller.team_id, body.login, body.password, body.role, body.first_name, body.last_name
            )
    except admin.AdminError as e:
        raise ApiError(422, str(e), "invalid") from None
    return AdvisorCreated(advisor_id=advisor_id)
