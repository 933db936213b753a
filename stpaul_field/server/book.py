"""Reading and writing record documents inside one write transaction.

`RecordBook` is the only code that gives out change-sequence values; it must be used in
a `Database.writer()` transaction (which holds the write lock), so that sequence values
are assigned and committed in order.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stpaul_field.server.models import Counter, Journal, Record

SEQ_COUNTER = "change_seq"


def journal_op(before: dict[str, Any] | None, after: dict[str, Any]) -> str:
    if before is None:
        return "create"
    was_deleted = before.get("deleted_at") is not None
    is_deleted = after.get("deleted_at") is not None
    if is_deleted and not was_deleted:
        return "delete"
    if was_deleted and not is_deleted:
        return "restore"
    return "update"


class RecordBook:
    def __init__(self, session: Session, now: dt.datetime) -> None:
        self.session = session
        self.now = now
        self._cache: dict[tuple[str, uuid.UUID], Record | None] = {}
        self._counter: Counter | None = None

    def preload(self, keys: set[tuple[str, uuid.UUID]]) -> None:
        """Fetch many records at once (one query per entity) instead of one by one."""
        by_entity: dict[str, list[uuid.UUID]] = {}
        for entity, record_id in keys:
            if (entity, record_id) not in self._cache:
                by_entity.setdefault(entity, []).append(record_id)
        for entity, ids in by_entity.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                found = self.session.scalars(
                    select(Record).where(Record.entity == entity, Record.id.in_(chunk))
                ).all()
                for rec in found:
                    self._cache[(entity, rec.id)] = rec
                for record_id in chunk:
                    self._cache.setdefault((entity, record_id), None)

    def get(self, entity: str, record_id: uuid.UUID) -> Record | None:
        key = (entity, record_id)
        if key not in self._cache:
            self._cache[key] = self.session.get(Record, key)
        return self._cache[key]

    def next_seq(self) -> int:
        if self._counter is None:
            self._counter = self.session.get(Counter, SEQ_COUNTER)
            assert self._counter is not None, "counter row missing: run the migrations"
        self._counter.value += 1
        return self._counter.value

    def put(
        self,
        entity: str,
        record_id: uuid.UUID,
        team_id: uuid.UUID | None,
        doc: dict[str, Any],
        taken: list[str],
        stamp: str,
        *,
        advisor_id: uuid.UUID | None,
        device_id: uuid.UUID | None,
        op_id: uuid.UUID | None = None,
    ) -> Record:
        """Store `doc` as the record's new state; `taken` fields get this write's seq and stamp."""
        seq = self.next_seq()
        rec = self.get(entity, record_id)
        before = None if rec is None else rec.fields
        if rec is None:
            rec = Record(
                entity=entity,
                id=record_id,
                team_id=team_id,
                seq=seq,
                fields={},
                field_seqs={},
                field_stamps={},
            )
            self.session.add(rec)
            self._cache[(entity, record_id)] = rec
        field_seqs = dict(rec.field_seqs)
        field_stamps = dict(rec.field_stamps)
        for name in taken:
            field_seqs[name] = seq
            field_stamps[name] = stamp
        # New dicts, so that the ORM sees the change (JSON columns are not mutation-tracked).
        rec.fields, rec.field_seqs, rec.field_stamps, rec.seq = dict(doc), field_seqs, field_stamps, seq
        self.session.add(
            Journal(
                at=self.now,
                seq=seq,
                advisor_id=advisor_id,
                device_id=device_id,
                entity=entity,
                record_id=record_id,
                op=journal_op(before, doc),
                op_id=op_id,
            )
        )
        return rec
