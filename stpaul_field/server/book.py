"""Reading and writing record documents inside one write transaction.

`RecordBook` is the only code that gives out change-sequence values. Until `flush()` they are
provisional (`PROVISIONAL` + n: above any real value, so comparisons with a device's base
version come out as they will with the real ones); `flush()` takes the real ones from the
counter and renumbers everything it writes, and `final()` maps a provisional value to its
real one. `flush()` must run in a `Database.writer()` transaction (which holds the write
lock), so that sequence values are assigned and committed in order.

A book may be filled on a read transaction, outside the lock (`batch.apply_batch` does, so
the lock is held only to write): if none of the records it read (`read_keys()`) was written
since (`written_since()` the counter value it started from), its writes are exactly those
the same work under the lock would make. Writes are collected in memory and sent by
`flush()` as a few bulk statements.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    BindParameter,
    ScalarSelect,
    Select,
    and_,
    bindparam,
    delete,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from stpaul_field.domain.fields import ENTITIES
from stpaul_field.domain.privacy import is_erased
from stpaul_field.server.bulk import chunks, insert_rows
from stpaul_field.server.merge import CO_WRITERS
from stpaul_field.server.models import AppliedBatch, ConflictLog, Counter, Journal, Record

SEQ_COUNTER = "change_seq"
# Sequence values handed out before `flush()` are this plus 1, 2, 3…: never stored.
PROVISIONAL = 1 << 62
# Core tables, not the mapped classes: a statement on mapped attributes goes through the ORM's
# compile and result layers, a good part of a sync's CPU on these hot paths.
_RECORD = Record.__table__
_COUNTER = Counter.__table__
_COLUMNS = (
    _RECORD.c.entity,
    _RECORD.c.id,
    _RECORD.c.team_id,
    _RECORD.c.seq,
    _RECORD.c.fields,
    _RECORD.c.field_seqs,
    _RECORD.c.field_stamps,
    _RECORD.c.field_devices,
)

# Statements built once (building and keying one costs as much as running it).
# Records by key: per entity "entity = … AND id IN (…)", OR-ed. (A row-value IN on
# (entity, id) is one term too, but SQLite scans the whole table for it.)
_ENTITIES: tuple[str, ...] = ENTITIES
_RECORDS = select(*_COLUMNS).where(
    or_(
        *(
            and_(_RECORD.c.entity == entity, _RECORD.c.id.in_(bindparam(entity, expanding=True)))
            for entity in _ENTITIES
        )
    )
)
_LOG = ConflictLog.__table__
_JOURNAL = Journal.__table__
_BATCHES = AppliedBatch.__table__
# The stored results of the batches that pushed operations on these records: the batch of an
# operation is its device's, written in the same transaction (journal `at` = batch `created_at`).
_BATCHES_OF_OPS = (
    select(_BATCHES.c.batch_id, _BATCHES.c.results, _JOURNAL.c.op_id)
    .join(
        _BATCHES,
        and_(_BATCHES.c.device_id == _JOURNAL.c.device_id, _BATCHES.c.created_at == _JOURNAL.c.at),
    )
    .where(
        _JOURNAL.c.op_id.is_not(None),
        _JOURNAL.c.entity == bindparam("entity"),
        _JOURNAL.c.record_id.in_(bindparam("ids", expanding=True)),
    )
)
_PARTICIPATIONS_OF = select(_RECORD.c.fields).where(
    _RECORD.c.entity == "participation",
    _RECORD.c.fields["beneficiary_id"].as_string().in_(bindparam("people", expanding=True)),
)
_INDIVIDUAL = select(_RECORD.c.id).where(
    _RECORD.c.entity == "activity",
    _RECORD.c.id.in_(bindparam("ids", expanding=True)),
    _RECORD.c.fields["type"].as_string() == "individual",
)
_COUNTER_VALUE = select(_COUNTER.c.value).where(_COUNTER.c.name == SEQ_COUNTER)
_TAKE_VALUES = (
    update(_COUNTER)
    .where(_COUNTER.c.name == SEQ_COUNTER)
    .values(value=_COUNTER.c.value + bindparam("taken"))
    .returning(_COUNTER.c.value)
)


def committed_counter(session: Session) -> int:
    """The last sequence value committed, as `session` sees it (0 before any write)."""
    return session.scalar(_COUNTER_VALUE) or 0


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
    field_devices: dict[str, Any]  # device per field; merge.CO_WRITERS: the co-writers
    stored: bool = True  # already a row of the table (else: inserted at flush)
    dirty: bool = False


@dataclass
class _Pending:
    journal: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


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
        self._given = 0  # provisional values handed out since the last flush
        self._base: int | None = None  # real value = base + (provisional - PROVISIONAL), at the last flush
        self._pending = _Pending()
        self.erased: list[uuid.UUID] = []  # people erased by this book's flushes

    def preload(self, keys: set[tuple[str, uuid.UUID]]) -> None:
        """Fetch many records at once (one statement for up to 500) instead of one by one."""
        for chunk in chunks([key for key in keys if key not in self._cache]):
            ids: dict[str, list[uuid.UUID]] = {entity: [] for entity in _ENTITIES}
            for entity, record_id in chunk:
                ids[entity].append(record_id)
            rows = self.session.execute(_RECORDS, ids).all()
            for row in rows:
                self._cache[(row.entity, row.id)] = RecordRow(*row)
            for key in chunk:
                self._cache.setdefault(key, None)

    def get(self, entity: str, record_id: uuid.UUID) -> RecordRow | None:
        key = (entity, record_id)
        if key not in self._cache:
            self.preload({key})
        return self._cache[key]

    def next_seq(self) -> int:
        """A provisional value (see the module's doc); `final()` gives the real one after flush."""
        self._given += 1
        return PROVISIONAL + self._given

    def final(self, seq: int) -> int:
        """The real value of `seq` (unchanged if it was not provisional); valid after `flush()`."""
        if seq <= PROVISIONAL:
            return seq
        assert self._base is not None, "final() before flush()"
        return self._base + (seq - PROVISIONAL)

    @staticmethod
    def counter_value() -> ScalarSelect[int]:
        """The last sequence value committed (as the transaction sees it), as a subquery."""
        return _COUNTER_VALUE.scalar_subquery()

    def read_keys(self) -> set[tuple[str, uuid.UUID]]:
        """Every record this book read, found or not (a write it makes reads the record first)."""
        return set(self._cache)

    @staticmethod
    def written_since(seen: int | BindParameter[int]) -> Select[tuple[str, uuid.UUID]]:
        """(entity, id) of the records written after the counter stood at `seen`: every write
        gives its record a new, larger seq, and records are never deleted (tombstones)."""
        return select(_RECORD.c.entity, _RECORD.c.id).where(_RECORD.c.seq > seen)

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
        co_writers: dict[str, list[list[str]]] | None = None,
    ) -> RecordRow:
        """Make `doc` the record's new state; `taken` fields get this write's seq and stamp.

        `baseline`: the fields are shipped with every laptop (reference data), so they count as
        version 0 — a laptop's first edit of them, based on version 0, is no conflict.
        `journal_as`: the journal's op when it says more than create/update (e.g. "anonymise").
        `co_writers`: devices that set a field's value again (`merge.Merged.co_writers`).
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
        # Who else set a field's value (`merge.CO_WRITERS`): forgotten once the value changes.
        also = {k: v for k, v in (field_devices.get(CO_WRITERS) or {}).items() if k not in taken}
        also.update(co_writers or {})
        field_devices.pop(CO_WRITERS, None)
        if also:
            field_devices[CO_WRITERS] = also
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

    def _renumber(self, dirty: list[RecordRow]) -> None:
        """Take real sequence values from the counter for the provisional ones handed out."""
        if not self._given:
            return
        top = self.session.scalar(_TAKE_VALUES, {"taken": self._given})
        assert top is not None, "counter row missing: run the migrations"
        self._base, self._given = top - self._given, 0
        final = self.final
        for r in dirty:
            r.seq = final(r.seq)
            r.field_seqs = {name: final(seq) for name, seq in r.field_seqs.items()}
        for row in (*self._pending.journal, *self._pending.conflicts):
            row["seq"] = final(row["seq"])

    def flush(self) -> None:
        """Send the collected writes, with their real sequence values: a few bulk statements."""
        dirty = [r for r in self._cache.values() if r is not None and r.dirty]
        self._renumber(dirty)
        if dirty:
            # New and changed records in one statement (under the lock, a record read as absent
            # is still absent: the upsert only ever inserts those).
            insert_rows(
                self.session,
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
                    for r in dirty
                ],
                update_on=("entity", "id"),
            )
        for r in dirty:
            r.stored, r.dirty = True, False
        insert_rows(self.session, Journal.__table__, self._pending.journal)
        insert_rows(self.session, ConflictLog.__table__, self._pending.conflicts)
        # An erased person's values kept from conflicts would outlive the erasure: forgotten.
        erased = [r.id for r in dirty if r.entity == "beneficiary" and is_erased(r.fields)]
        if erased:
            forget_people(self.session, erased)
            self.erased += erased
        self._pending = _Pending()


def forget_people(session: Session, people: list[uuid.UUID]) -> None:
    """Delete the values kept from conflicts that name erased people: their record's, and the
    notes of their individual accompaniments (as the laptops do, `store.conflicts.forget_person`),
    so that no later pull, a new laptop's included, gets them."""
    activities: set[uuid.UUID] = set()
    for chunk in chunks([str(p) for p in people]):
        for (doc,) in session.execute(_PARTICIPATIONS_OF, {"people": chunk}):
            with contextlib.suppress(KeyError, ValueError):
                activities.add(uuid.UUID(str(doc["activity_id"])))
    individual: list[uuid.UUID] = []
    for chunk in chunks(list(activities)):
        individual += session.scalars(_INDIVIDUAL, {"ids": chunk})
    for chunk in chunks(people):
        session.execute(delete(_LOG).where(_LOG.c.entity == "beneficiary", _LOG.c.record_id.in_(chunk)))
    for chunk in chunks(individual):
        notes = delete(_LOG).where(_LOG.c.entity == "activity", _LOG.c.field == "notes")
        session.execute(notes.where(_LOG.c.record_id.in_(chunk)))
    _forget_in_batches(session, people, individual)


def _forget_in_batches(session: Session, people: list[uuid.UUID], individual: list[uuid.UUID]) -> None:
    """The same values as the results stored for replays quote them (`applied_batch`: each
    operation's conflicts, kept and lost values): gone from the operations on these records."""
    batches: dict[uuid.UUID, dict[str, Any]] = {}
    about: dict[str, str] = {}  # op id -> its record's entity
    for entity, ids in (("beneficiary", people), ("activity", individual)):
        for chunk in chunks(ids):
            for batch_id, results, op_id in session.execute(
                _BATCHES_OF_OPS, {"entity": entity, "ids": chunk}
            ):
                batches[batch_id] = results
                about[str(op_id)] = entity
    for batch_id, results in batches.items():
        kept = []
        for result in results["results"]:
            entity = about.get(str(result["op_id"]))
            if entity is not None:
                # The person's every field; an accompaniment's notes only (as in the log).
                conflicts = result.get("conflicts") or []
                left = [c for c in conflicts if entity == "activity" and c["field"] != "notes"]
                result = {**result, "conflicts": left}
            kept.append(result)
        if kept != results["results"]:
            session.execute(
                update(_BATCHES).where(_BATCHES.c.batch_id == batch_id).values(results={"results": kept})
            )
