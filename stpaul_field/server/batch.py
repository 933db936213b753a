"""Applying one pushed batch: one transaction, a result per operation, idempotent.

A batch already applied (same `batch_id`) answers with its stored results and applies
nothing. An operation already accepted in another batch (same `op_id`) answers
`duplicate`. Every other operation is merged field by field (`merge.py`), checked against
the scope rules (`scope.py`) and the record's validation (`records.py`), then stored with
the next change-sequence value; a refusal is a `rejected` result with a French reason and
never stops the rest of the batch.

What does not depend on the record's current state (the stamp, field names and value
types) is checked before the write lock is taken, so that the lock is held briefly.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from stpaul_field.domain.hlc import Stamp
from stpaul_field.domain.values import TIME_ZONE
from stpaul_field.server.book import RecordBook, RecordRow, insert_rows
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.merge import merge
from stpaul_field.server.models import AppliedBatch, AppliedOp
from stpaul_field.server.records import (
    SPECS,
    FieldValueError,
    coerce,
    missing_required,
    new_document,
    record_errors,
)
from stpaul_field.server.scope import write_refusal
from stpaul_field.store.models import utcnow
from stpaul_field.sync.protocol import Change, FieldConflict, OpResult, SyncRequest

UNKNOWN_RECORD = "Cet enregistrement n'existe pas dans votre équipe."


class BatchIdTaken(Exception):
    """The batch id was already used by another device."""


@dataclass
class BatchOutcome:
    results: list[OpResult]
    # Sequence values written by this very request whose state the device already holds
    # exactly (its own write, on the latest version, without conflict): not echoed back.
    known_to_device: set[int] = field(default_factory=set)
    high_seq: int = 0  # the largest sequence value this request assigned (0: none)


@dataclass(frozen=True)
class Parsed:
    """A change whose stamp and values passed the checks that need no database."""

    change: Change
    stamp: Stamp
    values: dict[str, Any]
    as_sent: bool  # every value was already in its canonical form (the device holds what is stored)


def rejected(change: Change, reason: str) -> OpResult:
    return OpResult(op_id=change.op_id, status="rejected", reason=reason)


def parse(change: Change) -> Parsed | OpResult:
    try:
        stamp = Stamp.decode(change.stamp)
    except ValueError:
        return rejected(change, "Horodatage de la modification illisible.")
    specs = SPECS[change.entity]
    unknown = sorted(name for name in change.fields if name not in specs)
    if unknown:
        return rejected(change, f"Champ inconnu : {', '.join(unknown)[:200]}.")
    try:
        values = {name: coerce(specs[name], raw) for name, raw in change.fields.items()}
    except FieldValueError as e:
        return rejected(change, str(e))
    as_sent = all(values[name] == raw for name, raw in change.fields.items())
    return Parsed(change, stamp, values, as_sent)


def visible(caller: Caller, rec: RecordRow) -> bool:
    return rec.team_id == caller.team_id or (rec.team_id is None and rec.entity == "venue")


class _Applier:
    def __init__(self, book: RecordBook, caller: Caller, batch_id: uuid.UUID) -> None:
        self.book = book
        self.caller = caller
        self.batch_id = batch_id
        self.today = book.now.astimezone(ZoneInfo(TIME_ZONE)).date()
        self.prior_ops: dict[uuid.UUID, tuple[uuid.UUID, int]] = {}  # op id -> (advisor, version)
        self.in_batch: dict[uuid.UUID, OpResult] = {}
        self.accepted: list[dict[str, Any]] = []
        # Per record written here: does the device hold exactly the server's state?
        self.clean: dict[tuple[str, uuid.UUID], bool] = {}

    def preload(self, changes: list[Change]) -> None:
        ids = list({c.op_id for c in changes})
        session = self.book.session
        for start in range(0, len(ids), 500):
            rows = session.execute(
                select(AppliedOp.op_id, AppliedOp.advisor_id, AppliedOp.version).where(
                    AppliedOp.op_id.in_(ids[start : start + 500])
                )
            )
            for op_id, advisor_id, version in rows:
                self.prior_ops[op_id] = (advisor_id, version)
        keys = {(c.entity, c.record_id) for c in changes}
        for c in changes:
            if c.entity == "participation":
                for ref, name in (("activity", "activity_id"), ("beneficiary", "beneficiary_id")):
                    with contextlib.suppress(ValueError):
                        keys.add((ref, uuid.UUID(str(c.fields.get(name)))))
        self.book.preload(keys)

    def resolve(self, entity: str, record_id: str) -> dict[str, Any] | None:
        try:
            rec = self.book.get(entity, uuid.UUID(record_id))
        except ValueError:
            return None
        if rec is None or not visible(self.caller, rec):
            return None
        return rec.fields

    def apply(self, item: Parsed | OpResult, change: Change) -> OpResult:
        if change.op_id in self.in_batch:
            first = self.in_batch[change.op_id]
            if first.status == "rejected":
                return first
            return first.model_copy(update={"status": "duplicate", "conflicts": []})
        prior = self.prior_ops.get(change.op_id)
        if prior is not None:
            advisor_id, version = prior
            if advisor_id != self.caller.advisor_id:
                result = rejected(change, "Identifiant d'opération déjà utilisé par un autre compte.")
            else:
                result = OpResult(op_id=change.op_id, status="duplicate", version=version)
        elif isinstance(item, OpResult):
            result = item
        else:
            result = self._apply_new(item)
        self.in_batch[change.op_id] = result
        return result

    def _apply_new(self, parsed: Parsed) -> OpResult:
        change, values = parsed.change, parsed.values
        caller, book = self.caller, self.book
        key = (change.entity, change.record_id)
        rec = book.get(*key)
        if rec is not None and not visible(caller, rec):
            return rejected(change, UNKNOWN_RECORD)
        if rec is None:
            doc = new_document(change.entity, book.now)
            if change.entity == "advisor":
                doc["team_id"] = str(caller.team_id)
            doc.update(values)
            taken, conflicts = list(doc), []
            before = None
            clean = parsed.as_sent and set(values) >= set(doc)
        else:
            before = rec.fields
            merged = merge(
                before,
                rec.field_seqs,
                rec.field_stamps,
                rec.field_devices,
                values,
                change.base_version,
                parsed.stamp,
                change.stamp,
                str(caller.device_id),
            )
            doc, taken, conflicts = merged.doc, merged.taken, merged.conflicts
            up_to_date = rec.seq <= change.base_version or self.clean.get(key) is True
            clean = parsed.as_sent and up_to_date and not conflicts

        missing = missing_required(change.entity, doc)
        if missing:
            return rejected(change, f"Champ obligatoire manquant : {', '.join(missing)}.")
        refusal = write_refusal(caller, change.entity, before, doc, self.resolve)
        if refusal:
            return rejected(change, refusal)
        errors = record_errors(change.entity, doc, self.today)
        if errors:
            return rejected(change, " ".join(errors)[:1000])

        rec = book.put(
            change.entity,
            change.record_id,
            caller.team_id if rec is None else rec.team_id,
            doc,
            taken,
            change.stamp,
            advisor_id=caller.advisor_id,
            device_id=caller.device_id,
            op_id=change.op_id,
        )
        self.clean[key] = clean
        for c in conflicts:
            book.lost_value(rec, c.field, c.kept, c.lost, c.kept_stamp, c.lost_stamp, caller.device_id)
        self.accepted.append(
            {
                "op_id": change.op_id,
                "advisor_id": caller.advisor_id,
                "batch_id": self.batch_id,
                "version": rec.seq,
                "created_at": book.now,
            }
        )
        return OpResult(
            op_id=change.op_id,
            status="merged" if conflicts else "applied",
            version=rec.seq,
            conflicts=[
                FieldConflict(field=c.field, kept=c.kept, lost=c.lost, lost_is_mine=c.lost_is_mine)
                for c in conflicts
            ],
        )


def apply_batch(db: Database, caller: Caller, request: SyncRequest) -> BatchOutcome:
    """Apply `request.changes` in one transaction under the write lock."""
    if not request.changes:
        return BatchOutcome([])
    parsed = [parse(change) for change in request.changes]  # before the lock
    with db.writer() as session:
        prior = session.get(AppliedBatch, request.batch_id)
        if prior is not None:
            if prior.device_id != caller.device_id:
                raise BatchIdTaken
            return BatchOutcome([OpResult.model_validate(r) for r in prior.results["results"]])
        now = utcnow()
        book = RecordBook(session, now)
        applier = _Applier(book, caller, request.batch_id)
        applier.preload(request.changes)
        results = [applier.apply(item, change) for item, change in zip(parsed, request.changes, strict=True)]
        book.flush()
        insert_rows(session, AppliedOp.__table__, applier.accepted)
        session.add(
            AppliedBatch(
                batch_id=request.batch_id,
                device_id=caller.device_id,
                created_at=now,
                results={"results": [r.model_dump(mode="json") for r in results]},
            )
        )
        known = set()
        for key, clean in applier.clean.items():
            rec = book.get(*key)
            if clean and rec is not None:
                known.add(rec.seq)
    high = max((r.version or 0 for r in results if r.status in ("applied", "merged")), default=0)
    return BatchOutcome(results, known, high)
