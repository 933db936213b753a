"""The synced fields of each entity, declared once: what travels between a laptop and the record.

Each entity's fields are a declarative mixin; the laptop's ORM models (`store.models`) are
these mixins plus local bookkeeping and indexes, and the central record's field specs
(`records.specs`) are derived from them. A new synced field is one line here (and a
migration on each side; see docs/architecture.md).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from stpaul_field.domain.clock import utcnow
from stpaul_field.domain.fields import Entity
from stpaul_field.domain.ids import new_id


class RecordFields:
    """Every synced record: a UUID made on the device, stamps, a tombstone instead of deletion."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class AdvisorFields:
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(40), default="conseiller_numerique")
    team_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    active: Mapped[bool] = mapped_column(default=True)


class VenueFields:
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="espace_numerique")
    bassin: Mapped[str | None] = mapped_column(String(40), default=None)
    commune: Mapped[str] = mapped_column(String(100), default="Saint-Paul")
    postcode: Mapped[str] = mapped_column(String(5), default="")
    insee_code: Mapped[str] = mapped_column(String(5), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)


class BeneficiaryFields:
    anonymous: Mapped[bool] = mapped_column(default=False)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")  # digits only
    no_phone: Mapped[bool] = mapped_column(default=False)
    email: Mapped[str] = mapped_column(String(200), default="")
    birth_year: Mapped[int | None] = mapped_column(default=None)
    address: Mapped[str] = mapped_column(String(200), default="")
    commune: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(5), default="")
    insee_code: Mapped[str] = mapped_column(String(5), default="")
    gender: Mapped[str | None] = mapped_column(String(20), default=None)
    age_band: Mapped[str | None] = mapped_column(String(40), default=None)  # widened by 0008
    social_status: Mapped[str | None] = mapped_column(String(20), default=None)
    disability: Mapped[bool] = mapped_column(default=False)
    family_carer: Mapped[bool] = mapped_column(default=False)
    homeless: Mapped[bool] = mapped_column(default=False)
    pass_numerique_vouchers: Mapped[int] = mapped_column(default=0)
    consent_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    already_accompanied: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("beneficiary.id"), default=None)


class ActivityFields:
    type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="done")
    advisor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("advisor.id"))
    co_advisor_ids: Mapped[list[str]] = mapped_column(default=list)
    date: Mapped[dt.date] = mapped_column()
    start_time: Mapped[dt.time | None] = mapped_column(default=None)
    duration_min: Mapped[int] = mapped_column(default=60)
    place_type: Mapped[str] = mapped_column(String(20), default="lieu_activite")
    venue_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("venue.id"), default=None)
    commune: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(5), default="")
    insee_code: Mapped[str] = mapped_column(String(5), default="")
    themes: Mapped[list[str]] = mapped_column(default=list)
    admin_themes: Mapped[list[str]] = mapped_column(default=list)
    procedure_name: Mapped[str] = mapped_column(String(200), default="")
    aidants_connect: Mapped[bool] = mapped_column(default=False)  # under a mandate (0009)
    equipment: Mapped[list[str]] = mapped_column(default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    autonomy: Mapped[str | None] = mapped_column(String(40), default=None)
    redirected: Mapped[bool] = mapped_column(default=False)
    redirect_structure: Mapped[str | None] = mapped_column(String(40), default=None)
    procedure_completion: Mapped[str | None] = mapped_column(String(40), default=None)  # 0015
    title: Mapped[str] = mapped_column(String(200), default="")
    level: Mapped[str | None] = mapped_column(String(20), default=None)
    anon_total: Mapped[int] = mapped_column(default=0)
    anon_already_accompanied: Mapped[int] = mapped_column(default=0)
    anon_genders: Mapped[dict[str, int]] = mapped_column(default=dict)
    anon_age_bands: Mapped[dict[str, int]] = mapped_column(default=dict)
    anon_statuses: Mapped[dict[str, int]] = mapped_column(default=dict)
    # A session of a workshop series (0012): its cycle, and its place in it (1, 2…). No foreign
    # key: SQLite adds one only by copying the table (100,000 rows); `REFERENCE_FIELDS` names it.
    series_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    session_number: Mapped[int | None] = mapped_column(default=None)


class WorkshopSeriesFields:
    """A cycle of workshops (« Découvrir l'ordinateur » in six sessions): what its sessions
    inherit when they are made. Each session is an ordinary workshop activity (counted as one)."""

    advisor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("advisor.id"))
    co_advisor_ids: Mapped[list[str]] = mapped_column(default=list)
    title: Mapped[str] = mapped_column(String(200), default="")
    themes: Mapped[list[str]] = mapped_column(default=list)
    level: Mapped[str | None] = mapped_column(String(20), default=None)
    place_type: Mapped[str] = mapped_column(String(20), default="lieu_activite")
    venue_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("venue.id"), default=None)
    commune: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(5), default="")
    insee_code: Mapped[str] = mapped_column(String(5), default="")
    equipment: Mapped[list[str]] = mapped_column(default=list)
    notes: Mapped[str] = mapped_column(Text, default="")


class ParticipationFields:
    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"))
    beneficiary_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("beneficiary.id"))
    registered: Mapped[bool] = mapped_column(default=True)
    attended: Mapped[bool | None] = mapped_column(default=None)  # None: not yet marked
    first_time: Mapped[bool] = mapped_column(default=False)


# Each entity's synced fields, besides `RecordFields`.
SYNCED_FIELDS: dict[Entity, type] = {
    "advisor": AdvisorFields,
    "venue": VenueFields,
    "beneficiary": BeneficiaryFields,
    "workshop_series": WorkshopSeriesFields,
    "activity": ActivityFields,
    "participation": ParticipationFields,
}
