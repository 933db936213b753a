"""Reading and writing record documents inside one write transaction.

`RecordBook` is the only code that gives out change-sequence values; it must be used in
a `Database.writer()` transaction (which holds the write lock), so that sequence values
are assigned and committed in order. Writes are collected in memory and sent by `flush()`
as a few bulk statements, to keep the time the lock is held short.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from stpaul_field.domain.privacy import is_erased
from stpaul_field.server.models import ConflictLog, Counter, Journal, Record

SEQ_COUNTER = "change_seq"
_RECORD = Record.__table__
_COLUMNS = (
    Record.entity,
    Record.id,
    Record.team_id,
    Record.seq,
    Record.fields,
    Record.field_seqs,
    Record.field_stamps,
    Record.field_devices,
)


@dataclass
class RecordRow:
    """A record as this transaction sees it (attribute names of `models.Record`)."""

    entity: str
    id: uuid.UUID
    team_id: uuid.UUID | None
    seq: int
    fields: dict[str, Any]
    field_seqs: dict[str, int]
    field_stamps: dict[str, str]
    field_devices: dict[str, str]
    stored: bool = True  # already a row of the table (else: inserted at flush)
    dirty: bool = False


@dataclass
class _Pending:
    journal: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def insert_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """One executemany INSERT (pipelined by psycopg: one round trip, statements prepared once)."""
    if rows:
        session.execute(insert(table), rows)


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
        self._cache: dict[tuple[str, uuid.UUID], RecordRow | None] = {}
        self._seq: int | None = None
        self._pending = _Pending()

    def _load(self, entity: str, ids: list[uuid.UUID]) -> None:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.session.execute(
                select(*_COLUMNS).where(Record.entity == entity, Record.id.in_(chunk))
            ).all()
            for row in rows:
                self._cache[(entity, row.id)] = RecordRow(*row)
            for record_id in chunk:
                self._cache.setdefault((entity, record_id), None)

    def preload(self, keys: set[tuple[str, uuid.UUID]]) -> None:
        """Fetch many records at once (one query per entity) instead of one by one."""
        by_entity: dict[str, list[uuid.UUID]] = {}
        for entity, record_id in keys:
            if (entity, record_id) not in self._cache:
                by_entity.setdefault(entity, []).append(record_id)
        for entity, ids in by_entity.items():
            self._load(entity, ids)

    def get(self, entity: str, record_id: uuid.UUID) -> RecordRow | None:
        key = (entity, record_id)
        if key not in self._cache:
            self._load(entity, [record_id])
        return self._cache[key]

    def next_seq(self) -> int:
        if self._seq is None:
            value = self.session.scalar(select(Counter.value).where(Counter.name == SEQ_COUNTER))
            assert value is not None, "counter row missing: run the migrations"
            self._seq = value
        self._seq += 1
        return self._seq

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
        baseline: bool = False,
        journal_as: str | None = None,
    ) -> RecordRow:
        """Make `doc` the record's new state; `taken` fields get this write's seq and stamp.

        `baseline`: the fields are shipped with every laptop (reference data), so they count as
        version 0 — a laptop's first edit of them, based on version 0, is no conflict.
        `journal_as`: the journal's op when it says more than create/update (e.g. "anonymise").
        """
        seq = self.next_seq()
        rec = self.get(entity, record_id)
        before = None if rec is None else rec.fields
        if rec is None:
            rec = RecordRow(entity, record_id, team_id, seq, {}, {}, {}, {}, stored=False)
            self._cache[(entity, record_id)] = rec
        field_seqs = dict(rec.field_seqs)
        field_stamps = dict(rec.field_stamps)
        field_devices = dict(rec.field_devices)
        writer = "" if device_id is None else str(device_id)
        for name in taken:
            field_seqs[name] = 0 if baseline else seq
            field_stamps[name] = stamp
            field_devices[name] = writer
        rec.fields, rec.field_seqs, rec.field_stamps, rec.seq = dict(doc), field_seqs, field_stamps, seq
        rec.field_devices = field_devices
        rec.dirty = True
        self._pending.journal.append(
            {
                "at": self.now,
                "seq": seq,
                "advisor_id": advisor_id,
                "device_id": device_id,
                "entity": entity,
                "record_id": record_id,
                "op": journal_as or journal_op(before, doc),
                "op_id": op_id,
            }
        )
        return rec

    def lost_value(
        self,
        rec: RecordRow,
        name: str,
        kept: Any,
        lost: Any,
        kept_stamp: str,
        lost_stamp: str,
        device_id: uuid.UUID | None,
    ) -> None:
        """Keep a value that lost a real conflict on `rec` (written at its current seq)."""
        self._pending.conflicts.append(
            {
                "at": self.now,
                "seq": rec.seq,
                "entity": rec.entity,
                "record_id": rec.id,
                "field": name,
                "kept": kept,
                "lost": lost,
                "kept_stamp": kept_stamp,
                "lost_stamp": lost_stamp,
                "device_id": device_id,
                "team_id": rec.team_id,
            }
        )

    def _insert(self, table: Any, rows: list[dict[str, Any]]) -> None:
        insert_rows(self.session, table, rows)

    def flush(self) -> None:
        """Send the collected writes: a few bulk statements."""
        dirty = [r for r in self._cache.values() if r is not None and r.dirty]
        new = [r for r in dirty if not r.stored]
        changed = [r for r in dirty if r.stored]
        if new:
            self._insert(
                _RECORD,
                [
                    {
                        "entity": r.entity,
                        "id": r.id,
                        "team_id": r.team_id,
                        "seq": r.seq,
                        "fields": r.fields,
                        "field_seqs": r.field_seqs,
                        "field_stamps": r.field_stamps,
                        "field_devices": r.field_devices,
                    }
                    for r in new
                ],
            )
        if changed:
            statement = (
                update(_RECORD)
                .where(_RECORD.c.entity == bindparam("b_entity"), _RECORD.c.id == bindparam("b_id"))
                .values(
                    seq=bindparam("b_seq"),
                    fields=bindparam("b_fields"),
                    field_seqs=bindparam("b_field_seqs"),
                    field_stamps=bindparam("b_field_stamps"),
                    field_devices=bindparam("b_field_devices"),
                )
            )
            self.session.connection().execute(
                statement,
                [
                    {
                        "b_entity": r.entity,
                        "b_id": r.id,
                        "b_seq": r.seq,
                        "b_fields": r.fields,
                        "b_field_seqs": r.field_seqs,
                        "b_field_stamps": r.field_stamps,
                        "b_field_devices": r.field_devices,
                    }
                    for r in changed
                ],
            )
        for r in dirty:
            r.stored, r.dirty = True, False
        self._insert(Journal.__table__, self._pending.journal)
        self._insert(ConflictLog.__table__, self._pending.conflicts)
        # An erased person's values kept from conflicts would outlive the erasure: forgotten.
        erased = [r.id for r in dirty if r.entity == "beneficiary" and is_erased(r.fields)]
        if erased:
            self.session.execute(
                delete(ConflictLog.__table__).where(
                    ConflictLog.entity == "beneficiary", ConflictLog.record_id.in_(erased)
                )
            )
        self._pending = _Pending()
        if self._seq is not None:
            self.session.execute(
                update(Counter.__table__).where(Counter.name == SEQ_COUNTER).values(value=self._seq)
            )
