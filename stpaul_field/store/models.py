"""SQLAlchemy models of the local store.

Synced entities share `SyncedMixin`: a UUID made on the device, created/updated stamps,
a tombstone (`deleted_at`) instead of physical deletion, and `server_version`, the
central record's version of the row this laptop last saw (0 = never synced).
The schema itself is owned by the Alembic migrations in `store/migrations/`;
a test checks that these models and the migrated schema agree.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, Index, String, Text, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from stpaul_field.domain.clock import utcnow
from stpaul_field.domain.ids import new_id
from stpaul_field.domain.text import register_sort_keys
from stpaul_field.records.sql import TYPE_ANNOTATION_MAP
from stpaul_field.records.synced import (
    ActivityFields,
    AdvisorFields,
    BeneficiaryFields,
    ParticipationFields,
    RecordFields,
    VenueFields,
    WorkshopSeriesFields,
)

__all__ = ["utcnow"]  # re-exported: the store's modules take the clock from here


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = TYPE_ANNOTATION_MAP

    def __init__(self, **kwargs: Any) -> None:
        # Fill Python-side defaults now rather than at INSERT, so that a new object
        # reads as it will be stored (the outbox serialises it before the flush).
        cls = type(self)
        for column in cls.__table__.columns:  # type: ignore[attr-defined]
            default = column.default
            if column.key not in kwargs and default is not None:
                kwargs[column.key] = default.arg(None) if default.is_callable else default.arg
        for key, value in kwargs.items():
            if not hasattr(cls, key):
                raise TypeError(f"{key!r} is not an attribute of {cls.__name__}")
            setattr(self, key, value)


class SyncedMixin(RecordFields):
    """A synced record on this laptop: its synced fields (`records.synced`) and local bookkeeping."""

    # Fields that never travel in a change: identity and local bookkeeping.
    LOCAL_FIELDS: ClassVar[frozenset[str]] = frozenset({"id", "server_version"})

    server_version: Mapped[int] = mapped_column(default=0)

    @classmethod
    def synced_fields(cls) -> list[str]:
        table = cls.__table__  # type: ignore[attr-defined]
        return [c.key for c in table.columns if c.key not in cls.LOCAL_FIELDS]


class Advisor(AdvisorFields, SyncedMixin, Base):
    __tablename__ = "advisor"
    ENTITY: ClassVar[str] = "advisor"

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Venue(VenueFields, SyncedMixin, Base):
    __tablename__ = "venue"
    ENTITY: ClassVar[str] = "venue"


class Beneficiary(BeneficiaryFields, SyncedMixin, Base):
    __tablename__ = "beneficiary"
    ENTITY: ClassVar[str] = "beneficiary"

    # The register's orders (`domain.text.register_sort_keys`), kept by the laptop, never synced: by
    # name, by first name, by commune (migrations 0005 and 0007).
    sort_name: Mapped[str] = mapped_column(String(210), default="")
    sort_first_name: Mapped[str] = mapped_column(String(210), default="")
    sort_commune: Mapped[str] = mapped_column(String(320), default="")

    LOCAL_FIELDS: ClassVar[frozenset[str]] = SyncedMixin.LOCAL_FIELDS | {
        "sort_name",
        "sort_first_name",
        "sort_commune",
    }

    __table_args__ = (
        Index("ix_beneficiary_phone", "phone"),
        Index("ix_beneficiary_name", "last_name", "first_name"),
        Index("ix_beneficiary_tombstone", "deleted_at", "merged_into_id", "id"),  # reports
        # The register: live people in name order with what the list shows, read from the
        # index alone (migration 0005).
        Index(
            "ix_beneficiary_register",
            *("deleted_at", "merged_into_id", "anonymous", "sort_name", "id", "last_name", "first_name"),
            *("birth_year", "phone", "no_phone", "commune", "disability", "family_carer", "homeless"),
            *("updated_at", "sort_first_name", "sort_commune"),  # the other orders' keys (0007)
        ),
    )

    @property
    def display_name(self) -> str:
        if self.anonymous:
            return "Anonyme"
        return f"{self.last_name.upper()} {self.first_name}".strip()


@event.listens_for(Beneficiary, "before_insert")
@event.listens_for(Beneficiary, "before_update")
def _keep_sort_keys(_mapper: Any, _connection: Any, person: Beneficiary) -> None:
    # Every ORM write of a person (local edit, pulled change, merge, erasure) goes through here;
    # bulk inserts (demo data) use `register_sort_keys` themselves.
    person.sort_name, person.sort_first_name, person.sort_commune = register_sort_keys(
        person.last_name, person.first_name, person.commune
    )


class WorkshopSeries(WorkshopSeriesFields, SyncedMixin, Base):
    """A cycle of workshop sessions (migration 0012); the sessions are `Activity` rows."""

    __tablename__ = "workshop_series"
    ENTITY: ClassVar[str] = "workshop_series"


class Activity(ActivityFields, SyncedMixin, Base):
    __tablename__ = "activity"
    ENTITY: ClassVar[str] = "activity"

    __table_args__ = (
        Index("ix_activity_date", "date"),
        Index("ix_activity_advisor_date", "advisor_id", "date"),
        Index("ix_activity_venue", "venue_id"),
        # The list's order, answered from the index alone (migration 0003).
        Index(
            "ix_activity_list",
            *("date", "start_time", "id", "deleted_at", "type", "status", "venue_id", "advisor_id"),
            *("themes", "co_advisor_ids"),  # the list's filters read the index alone (0006)
        ),
        # The list sorted by type, status or duration, from the index alone (0016).
        *(
            Index(
                f"ix_activity_by_{name}",
                key,
                *(c for c in ("date", "start_time", "id", "deleted_at", "type", "status") if c != key),
                *("venue_id", "advisor_id", "themes", "co_advisor_ids"),
            )
            for name, key in (("type", "type"), ("status", "status"), ("duration", "duration_min"))
        ),
        # reports (covering): see migration 0004
        Index("ix_activity_report", "date", "deleted_at", "status", "advisor_id", "anon_total", "id"),
        Index("ix_activity_counted", "id", "date", "deleted_at", "status"),
        Index("ix_activity_series", "series_id", "session_number"),  # a cycle's sessions (0012)
    )


class Participation(ParticipationFields, SyncedMixin, Base):
    """One beneficiary in one activity: one 'accompagnement', the unit of the monthly count."""

    __tablename__ = "participation"
    ENTITY: ClassVar[str] = "participation"

    # No unique (activity, beneficiary): two laptops may add the same person offline;
    # the app folds such doubles (sync/repair.py) instead of letting a pull fail on a constraint.
    __table_args__ = (
        Index("ix_participation_activity", "activity_id"),
        Index("ix_participation_beneficiary", "beneficiary_id"),
        # reports (covering): see migration 0004
        Index(
            "ix_participation_report", "activity_id", "deleted_at", "attended", "registered", "beneficiary_id"
        ),
        Index(
            "ix_participation_person", "beneficiary_id", "deleted_at", "attended", "registered", "activity_id"
        ),
    )


SYNCED_MODELS: dict[str, type[SyncedMixin]] = {
    m.ENTITY: m for m in (Advisor, Venue, Beneficiary, WorkshopSeries, Activity, Participation)
}


# ---- local only ------------------------------------------------------------------


class OutboxEntry(Base):
    """A local change not yet acknowledged by the central record.

    Written by the same transaction as the edit itself (see `store.outbox`).
    """

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[uuid.UUID]
    fields: Mapped[dict[str, Any]]
    base_version: Mapped[int] = mapped_column(default=0)
    stamp: Mapped[str] = mapped_column(String(60))  # hybrid logical clock
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    rejected_reason: Mapped[str | None] = mapped_column(Text, default=None)

    __table_args__ = (Index("ix_outbox_record", "entity", "record_id"),)


class SyncState(Base):
    """Small key/value facts about sync: device id, cursor, clock, last success."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Conflict(Base):
    """A value that lost a real conflict, kept so that an advisor can restore it."""

    __tablename__ = "conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[uuid.UUID]
    field: Mapped[str] = mapped_column(String(40))
    kept_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    lost_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    lost_is_mine: Mapped[bool] = mapped_column(default=True)
    detected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
