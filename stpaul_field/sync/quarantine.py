"""Changes the central record refused: kept on the laptop with its reason, never deleted.

A refused change stays in the outbox with `rejected_reason` set and is left out of later
pushes, so it never blocks the others. Once the advisor has corrected the record (any new
edit of it) or asks to send it again (`resend`), the record's queued changes are folded into
one change carrying the record's current values, so that the correction travels together
with what was refused (a creation refused for a missing name, then the name added).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.ids import new_id
from stpaul_field.records.wire import to_wire
from stpaul_field.store.models import (
    SYNCED_MODELS,
    Activity,
    Beneficiary,
    OutboxEntry,
    Participation,
    SyncedMixin,
)
from stpaul_field.sync import state


@dataclass(frozen=True)
class Quarantined:
    op_id: uuid.UUID
    entity: str
    record_id: uuid.UUID
    label: str  # what the advisor needs to find the record: a name, or a date and a title
    reason: str  # the server's, in French
    created_at: dt.datetime


def record_label(session: Session, obj: SyncedMixin | None, entity: str) -> str:
    """What the advisor needs to find a record: « Bénéficiaire PAYET Hélène », « Activité du
    20/11/2026 Tablette », « Participation de PAYET Hélène — Activité du 20/11/2026 Tablette »."""
    kind = v.ENTITY_LABELS.label(entity)
    if isinstance(obj, Beneficiary):
        return f"{kind} {obj.display_name}".strip()
    if isinstance(obj, Activity):
        return f"{kind} du {obj.date:%d/%m/%Y} {obj.title}".strip()
    if isinstance(obj, Participation):
        person = session.get(Beneficiary, obj.beneficiary_id)
        activity = session.get(Activity, obj.activity_id)
        who = person.display_name if person is not None else "personne inconnue"
        return f"{kind} de {who} — {record_label(session, activity, 'activity')}"
    name = getattr(obj, "name", "") or getattr(obj, "display_name", "")
    return f"{kind} {name}".strip()


def rejected_entries(session: Session) -> list[Quarantined]:
    rows = session.scalars(
        select(OutboxEntry).where(OutboxEntry.rejected_reason.is_not(None)).order_by(OutboxEntry.seq)
    )
    out = []
    for entry in rows:
        model = SYNCED_MODELS.get(entry.entity)
        obj = session.get(model, entry.record_id) if model is not None else None
        out.append(
            Quarantined(
                entry.op_id,
                entry.entity,
                entry.record_id,
                record_label(session, obj, entry.entity),
                entry.rejected_reason or "",
                entry.created_at,
            )
        )
    return out


@dataclass(frozen=True)
class Pending:
    label: str  # as `record_label`
    change: str  # « Création », « Modification » or « Suppression »
    created_at: dt.datetime


PENDING_SHOWN = 500  # the list is read at once: the oldest this many, the rest counted


def pending_entries(session: Session, limit: int = PENDING_SHOWN) -> list[Pending]:
    """The changes waiting to leave (not refused), oldest first: what a laptop not yet
    enrolled holds, listed rather than only counted."""
    rows = session.scalars(
        select(OutboxEntry)
        .where(OutboxEntry.rejected_reason.is_(None))
        .order_by(OutboxEntry.seq)
        .limit(limit)
    )
    out = []
    for entry in rows:
        model = SYNCED_MODELS.get(entry.entity)
        obj = session.get(model, entry.record_id) if model is not None else None
        if entry.fields.get("deleted_at") is not None:
            change = "Suppression"
        elif entry.base_version == 0:
            change = "Création"
        else:
            change = "Modification"
        out.append(Pending(record_label(session, obj, entry.entity), change, entry.created_at))
    return out


def requeue(
    session: Session, entity: str, record_id: uuid.UUID, in_flight: Collection[uuid.UUID] = ()
) -> OutboxEntry | None:
    """Fold the record's queued changes (but those being sent) into one, cleared for sending.

    The folded change is based on the oldest base of its parts, so that the server still sees
    as conflicts the fields others changed meanwhile; it carries the latest stamp.
    """
    entries = [
        e
        for e in session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.entity == entity, OutboxEntry.record_id == record_id)
            .order_by(OutboxEntry.seq)
        )
        if e.op_id not in in_flight
    ]
    model = SYNCED_MODELS.get(entity)
    obj = session.get(model, record_id) if model is not None else None
    if not entries or obj is None:
        return None
    names = [n for n in type(obj).synced_fields() if any(n in e.fields for e in entries)]
    folded = OutboxEntry(
        op_id=new_id(),
        entity=entity,
        record_id=record_id,
        fields={n: to_wire(getattr(obj, n)) for n in names},
        base_version=min(e.base_version for e in entries),
        stamp=max(e.stamp for e in entries),
        created_at=min(e.created_at for e in entries),
    )
    for e in entries:
        session.delete(e)
    session.flush()  # the old rows go before the new one takes their place in the order
    session.add(folded)
    return folded


def resend(session: Session, op_id: uuid.UUID) -> bool:
    """Send a refused change again (with its record's other queued changes). False if unknown."""
    entry = session.scalar(select(OutboxEntry).where(OutboxEntry.op_id == op_id))
    if entry is None:
        return False
    return requeue(session, entry.entity, entry.record_id, state.in_flight_ops(session)) is not None


def edited_since_refused(session: Session) -> list[tuple[str, uuid.UUID]]:
    """Records with a refused change and a later edit not refused: ready to be sent again."""
    refused: dict[tuple[str, uuid.UUID], int] = {}
    later: set[tuple[str, uuid.UUID]] = set()
    for seq, entity, record_id, reason in session.execute(
        select(OutboxEntry.seq, OutboxEntry.entity, OutboxEntry.record_id, OutboxEntry.rejected_reason)
        .where(
            OutboxEntry.record_id.in_(
                select(OutboxEntry.record_id).where(OutboxEntry.rejected_reason.is_not(None))
            )
        )
        .order_by(OutboxEntry.seq)
    ):
        key = (entity, record_id)
        if reason is not None:
            refused[key] = seq
        elif key in refused:
            later.add(key)
    return sorted(later)
