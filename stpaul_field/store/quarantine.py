"""Changes the central record refused: kept on the laptop with the server's reason.

Nothing refused is ever deleted: the advisor reads why (in French, from the server),
corrects the record in its usual form if needed, and sends it again with « Renvoyer ».
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from stpaul_field.store import record_labels as labels
from stpaul_field.store.models import OutboxEntry


@dataclass(frozen=True)
class RejectedChange:
    seq: int
    entity: str
    record_id: uuid.UUID
    record: str
    fields: str  # the changed fields, by their labels
    reason: str
    created_at: dt.datetime


def rejected_changes(session: Session, translate: labels.Translate = labels.as_is) -> list[RejectedChange]:
    """The refused changes, oldest first (the order they would be sent in)."""
    entries = session.scalars(
        select(OutboxEntry).where(OutboxEntry.rejected_reason.is_not(None)).order_by(OutboxEntry.seq)
    )
    return [
        RejectedChange(
            seq=e.seq,
            entity=e.entity,
            record_id=e.record_id,
            record=labels.record_label(session, e.entity, e.record_id, translate),
            fields=", ".join(labels.field_label(name, translate) for name in sorted(e.fields)),
            reason=e.rejected_reason or "",
            created_at=e.created_at,
        )
        for e in entries
    ]


def resend(session: Session, seqs: list[int]) -> int:
    """Put refused changes back in the queue of the next sync; returns how many."""
    entries = session.scalars(
        select(OutboxEntry).where(OutboxEntry.seq.in_(seqs), OutboxEntry.rejected_reason.is_not(None))
    ).all()
    for entry in entries:
        entry.rejected_reason = None
    session.flush()
    return len(entries)
