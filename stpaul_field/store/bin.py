"""The bin (« Corbeille »): deleting is a tombstone, restoring clears it.

Nothing is ever deleted physically: `deleted_at` travels through sync like any change, so
a delete or a restore reaches the central record and the other laptops. A person folded
into another by a merge is also tombstoned, but is not in the bin: the merge is undone by
nobody's click, and their history already lives on the kept fiche.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import false, func, select
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.store.models import Activity, Beneficiary, SyncedMixin, utcnow

KIND_BENEFICIARY = "beneficiary"
KIND_ACTIVITY = "activity"


class BinError(ValueError):
    """A delete or restore that cannot be done; the message is French, for the advisor."""


def delete(session: Session, obj: SyncedMixin) -> None:
    """Put a record in the bin (tombstone). Deleting twice keeps the first date."""
    if isinstance(obj, Beneficiary) and obj.merged_into_id is not None:
        raise BinError("Cette fiche a été fusionnée avec une autre ; elle n'est plus à supprimer.")
    if obj.deleted_at is None:
        obj.deleted_at = utcnow()
        session.flush()


def restore(session: Session, obj: SyncedMixin) -> None:
    """Take a record out of the bin."""
    if isinstance(obj, Beneficiary) and obj.merged_into_id is not None:
        raise BinError("Cette fiche a été fusionnée avec une autre : elle ne se restaure pas.")
    if obj.deleted_at is not None:
        obj.deleted_at = None
        session.flush()


@dataclass(frozen=True, slots=True)
class BinEntry:
    kind: str  # KIND_BENEFICIARY or KIND_ACTIVITY
    id: uuid.UUID
    label: str
    detail: str
    deleted_at: dt.datetime


def _deleted_people() -> list[object]:
    return [
        Beneficiary.deleted_at.is_not(None),
        Beneficiary.merged_into_id.is_(None),
        Beneficiary.anonymous == false(),
    ]


def deleted_beneficiaries(session: Session, limit: int = 200, offset: int = 0) -> list[BinEntry]:
    """Followed people in the bin, last deleted first."""
    stmt = (
        select(Beneficiary)
        .where(*_deleted_people())
        .order_by(Beneficiary.deleted_at.desc(), Beneficiary.id)
        .limit(limit)
        .offset(offset)
    )
    out = []
    for b in session.scalars(stmt):
        detail = " · ".join(x for x in (str(b.birth_year or ""), b.commune) if x)
        out.append(BinEntry(KIND_BENEFICIARY, b.id, b.display_name, detail, b.deleted_at))  # type: ignore[arg-type]
    return out


def deleted_activities(session: Session, limit: int = 200, offset: int = 0) -> list[BinEntry]:
    """Activities in the bin, last deleted first."""
    stmt = (
        select(Activity)
        .where(Activity.deleted_at.is_not(None))
        .order_by(Activity.deleted_at.desc(), Activity.id)
        .limit(limit)
        .offset(offset)
    )
    out = []
    for a in session.scalars(stmt):
        label = a.title or ", ".join(v.THEMES.labels(a.themes)) or v.ACTIVITY_TYPES.label(a.type)
        detail = f"{v.ACTIVITY_TYPES.label(a.type)} du {a.date:%d/%m/%Y}"
        out.append(BinEntry(KIND_ACTIVITY, a.id, label, detail, a.deleted_at))  # type: ignore[arg-type]
    return out


def deleted_count(session: Session) -> int:
    people = session.scalar(select(func.count()).select_from(Beneficiary).where(*_deleted_people())) or 0
    activities = (
        session.scalar(select(func.count()).select_from(Activity).where(Activity.deleted_at.is_not(None)))
        or 0
    )
    return people + activities


def deleted_entries(session: Session, limit: int = 500) -> list[BinEntry]:
    """People and activities in the bin together, last deleted first (the bin's list)."""
    entries = deleted_beneficiaries(session, limit) + deleted_activities(session, limit)
    entries.sort(key=lambda e: e.deleted_at, reverse=True)
    return entries[:limit]


def record_of(session: Session, kind: str, record_id: uuid.UUID) -> SyncedMixin:
    model: type[SyncedMixin] = Beneficiary if kind == KIND_BENEFICIARY else Activity
    obj = session.get(model, record_id)
    if obj is None:
        raise BinError("Cet élément n'existe plus sur ce poste.")
    return obj
