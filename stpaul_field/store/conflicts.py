"""Values that lost a real conflict during sync, and the advisor's answer to each.

The engine keeps every overwritten value in `Conflict` (see `sync`); here an advisor
reads them with labels (which person or activity, which field, both values) and settles
each one. Restoring the value that lost is an ordinary local edit: it goes to the outbox
and reaches the central record with the next sync, like any other change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from stpaul_field.records.wire import from_wire
from stpaul_field.store import record_labels as labels
from stpaul_field.store.models import SYNCED_MODELS, Activity, Conflict, Participation, utcnow


class ConflictError(ValueError):
    """A conflict that cannot be settled; the message is French, for the advisor."""


@dataclass(frozen=True)
class ConflictRow:
    id: uuid.UUID
    entity: str
    record_id: uuid.UUID
    field: str
    record: str  # 'PAYET Hélène', 'Atelier collectif « Messagerie » — 20/11/2026'…
    field_label: str
    kept: str  # the value the record holds now
    lost: str  # the value that was overwritten
    lost_is_mine: bool  # True: my value lost, the other laptop's was kept


def open_conflicts(session: Session, translate: labels.Translate = labels.as_is) -> list[ConflictRow]:
    """Conflicts not yet settled, latest first."""
    rows = session.scalars(
        select(Conflict).where(Conflict.resolved_at.is_(None)).order_by(Conflict.detected_at.desc())
    )
    return [
        ConflictRow(
            id=c.id,
            entity=c.entity,
            record_id=c.record_id,
            field=c.field,
            record=labels.record_label(session, c.entity, c.record_id, translate),
            field_label=labels.field_label(c.field, translate),
            kept=labels.value_label(session, c.field, c.kept_value, translate),
            lost=labels.value_label(session, c.field, c.lost_value, translate),
            lost_is_mine=c.lost_is_mine,
        )
        for c in rows
    ]


def keep_mine(session: Session, conflict_id: uuid.UUID) -> bool:
    """Settle with this laptop's value; True if that meant restoring it (a local edit)."""
    conflict = _open(session, conflict_id)
    return _settle(session, conflict, restore=conflict.lost_is_mine)


def keep_other(session: Session, conflict_id: uuid.UUID) -> bool:
    """Settle with the other laptop's value; True if that meant restoring it (a local edit)."""
    conflict = _open(session, conflict_id)
    return _settle(session, conflict, restore=not conflict.lost_is_mine)


def _open(session: Session, conflict_id: uuid.UUID) -> Conflict:
    conflict = session.get(Conflict, conflict_id)
    if conflict is None or conflict.resolved_at is not None:
        raise ConflictError("Ce conflit a déjà été réglé.")
    return conflict


def _settle(session: Session, conflict: Conflict, *, restore: bool) -> bool:
    if restore:
        model = SYNCED_MODELS.get(conflict.entity)
        record = session.get(model, conflict.record_id) if model is not None else None
        if record is None:
            raise ConflictError("La fiche concernée n'est pas (ou plus) sur ce poste.")
        value: Any = from_wire(conflict.entity, conflict.field, conflict.lost_value)
        # Through the ORM: the outbox hook records the edit in this same transaction.
        setattr(record, conflict.field, value)
    conflict.resolved_at = utcnow()
    session.flush()
    return restore


def forget_person(session: Session, person_id: uuid.UUID) -> int:
    """Delete the kept values of an erased person: their record's conflicts, and the notes of
    their individual accompaniments (which may name them). Returns how many went."""
    theirs = (
        select(Participation.activity_id)
        .join(Activity, Activity.id == Participation.activity_id)
        .where(Participation.beneficiary_id == person_id, Activity.type == "individual")
    )
    gone = session.execute(
        delete(Conflict).where(
            or_(
                and_(Conflict.entity == "beneficiary", Conflict.record_id == person_id),
                and_(
                    Conflict.entity == "activity", Conflict.field == "notes", Conflict.record_id.in_(theirs)
                ),
            )
        )
    )
    return gone.rowcount or 0
