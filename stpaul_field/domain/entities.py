"""The records advisors make, as plain data: what a form fills and validation checks.

The store's models carry the same attribute names, so `validation` accepts either.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import TypeVar

from stpaul_field.domain.fields import outcome_fields

_T = TypeVar("_T")


def _with_outcomes(cls: type[_T]) -> type[_T]:
    """Give the form's data one attribute per outcome of `fields.CODED_FIELDS` (a code or None),
    before `dataclass` makes them fields: a new outcome is declared in that table only."""
    for name in outcome_fields():
        cls.__annotations__[name] = "str | None"
        setattr(cls, name, None)
    return cls


@dataclass
class BeneficiaryData:
    anonymous: bool = False
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    no_phone: bool = False
    email: str = ""
    birth_year: int | None = None
    address: str = ""
    commune: str = ""
    postcode: str = ""
    insee_code: str = ""
    gender: str | None = None
    age_band: str | None = None
    social_status: str | None = None
    disability: bool = False
    family_carer: bool = False
    homeless: bool = False
    pass_numerique_vouchers: int = 0
    consent_at: dt.datetime | None = None
    already_accompanied: bool = False
    notes: str = ""


@dataclass
@_with_outcomes
class ActivityData:
    type: str = "individual"
    status: str = "done"
    advisor_id: uuid.UUID | None = None
    co_advisor_ids: list[str] = field(default_factory=list)
    date: dt.date | None = None
    start_time: dt.time | None = None
    duration_min: int = 60
    place_type: str = "lieu_activite"
    venue_id: uuid.UUID | None = None
    commune: str = ""
    postcode: str = ""
    insee_code: str = ""
    themes: list[str] = field(default_factory=list)
    admin_themes: list[str] = field(default_factory=list)
    procedure_name: str = ""
    # A démarche done under an Aidants Connect mandate: the flag only (the mandate and its
    # journal are Aidants Connect's, never copied here).
    aidants_connect: bool = False
    equipment: list[str] = field(default_factory=list)
    notes: str = ""
    # individual
    autonomy: str | None = None
    redirected: bool = False
    redirect_structure: str | None = None
    # and the outcomes of the coded-field table (`_with_outcomes`): « Démarche finalisée »…
    # workshop
    title: str = ""
    level: str | None = None
    anon_total: int = 0
    anon_already_accompanied: int = 0
    anon_genders: dict[str, int] = field(default_factory=dict)
    anon_age_bands: dict[str, int] = field(default_factory=dict)
    anon_statuses: dict[str, int] = field(default_factory=dict)


@dataclass
class SeriesData:
    """A workshop series as its creation form fills it: what every session inherits."""

    advisor_id: uuid.UUID | None = None
    co_advisor_ids: list[str] = field(default_factory=list)
    title: str = ""
    themes: list[str] = field(default_factory=list)
    level: str | None = None
    place_type: str = "lieu_activite"
    venue_id: uuid.UUID | None = None
    commune: str = ""
    postcode: str = ""
    insee_code: str = ""
    equipment: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True)
class SessionSlot:
    """When one session of a series takes place (Réunion time)."""

    date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None

    @property
    def duration_min(self) -> int:
        if self.start_time is None or self.end_time is None:
            return 0
        start = self.start_time.hour * 60 + self.start_time.minute
        return self.end_time.hour * 60 + self.end_time.minute - start
