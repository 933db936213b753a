"""Applying one pushed batch: one transaction, a result per operation, idempotent.

A batch already applied (same `batch_id`) answers with its stored results and applies
nothing. An operation already accepted in another batch (same `op_id`) answers
`duplicate`. Every other operation is merged field by field (`merge.py`), checked against
the scope rules (`scope.py`) and the record's validation (`records.py`), then stored with
the next change-sequence value; a refusal is a `rejected` result with a French reason and
never stops the rest of the batch.

The write lock is held only to write. What does not depend on the record's current state
(the stamp, field names and value types) is checked first; the batch is then drafted on a
read transaction, outside the lock, with provisional sequence values (`book.RecordBook`).
Under the lock, one statement tells whether anything the draft read was written since it
started (`_Applier.since_draft`): if not, the draft is written as it is; if so (a
colleague's push touched the same record meanwhile, rare), it is drafted again under the
lock. Either way the outcome is the one a fully serial server would give: a draft that is
written stands on exactly the state the lock holder sees. (bench sync-many: the lock held
~4 ms a push instead of ~13.)
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import String, and_, bindparam, literal_column, null, select, union_all
from sqlalchemy.orm import Session

from stpaul_field.domain.clock import utcnow
from stpaul_field.domain.fields import current_fields
from stpaul_field.domain.hlc import Stamp, plausible, wall_ms
from stpaul_field.domain.values import TIME_ZONE
from stpaul_field.records.wire import to_wire
from stpaul_field.server.auth import mark_seen, still_allowed
from stpaul_field.server.book import RecordBook, RecordRow, forget_people
from stpaul_field.server.bulk import chunks, insert_rows
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.merge import merge
from stpaul_field.server.models import AppliedBatch, Journal
from stpaul_field.server.records import (
    SPECS,
    FieldValueError,
    coerce,
    missing_reason,
    missing_required,
    new_document,
    record_errors,
    shown,
)
from stpaul_field.server.scope import write_refusal
from stpaul_field.sync.protocol import Change, FieldConflict, OpResult, SyncRequest

_JOURNAL = Journal.__table__
_BATCHES = AppliedBatch.__table__
# Statements built once (building and keying one costs as much as running it, at ~20 a sync).
# An operation accepted before has its journal row (op id, advisor, version).
_PRIOR_OPS = select(_JOURNAL.c.op_id, _JOURNAL.c.advisor_id, _JOURNAL.c.seq).where(
    _JOURNAL.c.op_id.in_(bindparam("ops", expanding=True))
)
# The draft's first statement: the operations accepted and the counter (the row without op
# id; second, so that the result's columns take the journal's types).
_COUNTER_AND_PRIOR_OPS = union_all(
    _PRIOR_OPS,
    select(null(), null(), RecordBook.counter_value()),
)
_OP_KIND, _BATCH_KIND = "op", "batch"  # never an entity's name
_ACCEPTED_OPS = select(literal_column(f"'{_OP_KIND}'", String), _JOURNAL.c.op_id).where(
    _JOURNAL.c.op_id.in_(bindparam("ops", expanding=True))
)
# Under the lock, one statement: the records written since the draft's counter value, which of
# the batch's operations are accepted, and whether the batch itself was applied meanwhile.
_SINCE_DRAFT = union_all(
    RecordBook.written_since(bindparam("seen")),
    _ACCEPTED_OPS,
    select(literal_column(f"'{_BATCH_KIND}'", String), _BATCHES.c.batch_id).where(
        _BATCHES.c.batch_id == bindparam("batch")
    ),
)
# The first results of operations accepted before: the batch that wrote an operation is the
# one its device sent in that very transaction (the journal's `at` is the batch's `created_at`).
_FIRST_RESULTS = (
    select(_JOURNAL.c.op_id, _BATCHES.c.results)
    .join(
        _BATCHES,
        and_(_BATCHES.c.device_id == _JOURNAL.c.device_id, _BATCHES.c.created_at == _JOURNAL.c.at),
    )
    .where(_JOURNAL.c.op_id.in_(bindparam("ops", expanding=True)))
)
_PRIOR_BATCH = select(_BATCHES.c.device_id, _BATCHES.c.results).where(
    _BATCHES.c.batch_id == bindparam("batch")
)
UPDATED_AT = "updated_at"
UNKNOWN_RECORD = "Cet enregistrement n'existe pas dans votre équipe."
CLOCK_AHEAD = (
    "Modification datée de plus de 24 h après l'heure du serveur : la date ou l'heure de ce "
    "poste est fausse. Mettez le poste à l'heure, puis synchronisez à nouveau (la modification "
    "est gardée et repartira)."
)


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


def parse(change: Change, now_ms: int) -> Parsed | OpResult:
    """`now_ms`: the server's time; a stamp too far ahead of it is refused (`domain.hlc`)."""
    try:
        stamp = Stamp.decode(change.stamp)
    except ValueError:
        return rejected(change, "Horodatage de la modification illisible.")
    if not plausible(stamp, now_ms):
        return rejected(change, CLOCK_AHEAD)
    specs = SPECS[change.entity]
    unknown = sorted(name for name in change.fields if name not in specs)
    if unknown:
        return rejected(change, f"Champ inconnu : {', '.join(map(shown, unknown))[:200]}.")
    try:
        values = {name: coerce(specs[name], raw) for name, raw in change.fields.items()}
    except FieldValueError as e:
        return rejected(change, str(e))
    # A laptop on an older version may still spell a code the Coop has renamed: stored as the
    # current code (never refused for it), and echoed back since the device does not hold it.
    values = current_fields(change.entity, values)
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
        self.results: list[OpResult] = []
        self.seen = 0  # the counter when the draft started
        self.prior_ops: dict[uuid.UUID, tuple[uuid.UUID, int]] = {}  # op id -> (advisor, version)
        self.first_results: dict[uuid.UUID, OpResult] = {}  # of those, as first answered
        self.in_batch: dict[uuid.UUID, OpResult] = {}
        # Per record written here: does the device hold exactly the server's state?
        self.clean: dict[tuple[str, uuid.UUID], bool] = {}
        # Operations written here, and those after which the device may claim the new version
        # (no other device's value merged in that it has not seen: `merge.Merged.holds`).
        self.written: set[uuid.UUID] = set()
        self.holds: set[uuid.UUID] = set()

    def preload(self, changes: list[Change]) -> None:
        session = self.book.session
        first, *rest = chunks(list({c.op_id for c in changes})) or [[]]
        # The counter first (with the first operations, one snapshot): later reads may see
        # more than it says, never less (see `since_draft`).
        rows = list(session.execute(_COUNTER_AND_PRIOR_OPS, {"ops": first}))
        for chunk in rest:
            rows += session.execute(_PRIOR_OPS, {"ops": chunk})
        for op_id, advisor_id, version in rows:
            if op_id is None:
                assert version is not None, "counter row missing: run the migrations"
                self.seen = version
            else:
                self.prior_ops[op_id] = (advisor_id, version)
        self._load_first_results()
        keys = {(c.entity, c.record_id) for c in changes}
        # The records the scope rules will look up: a participation's activity and person, an
        # activity's (or a series') leaders, a session's series (see `scope.write_refusal`).
        for c in changes:
            refs: list[tuple[str, Any]] = []
            if c.entity == "participation":
                refs = [
                    ("activity", c.fields.get("activity_id")),
                    ("beneficiary", c.fields.get("beneficiary_id")),
                ]
            elif c.entity in ("activity", "workshop_series"):
                leaders = c.fields.get("co_advisor_ids")
                refs = [
                    ("advisor", c.fields.get("advisor_id")),
                    ("workshop_series", c.fields.get("series_id")),
                ]
                refs += [("advisor", a) for a in leaders] if isinstance(leaders, list) else []
            for ref, value in refs:
                if value is not None:
                    with contextlib.suppress(ValueError):
                        keys.add((ref, uuid.UUID(str(value))))
        self.book.preload(keys)

    def _load_first_results(self) -> None:
        """The results operations accepted before got, for their replay in another batch (the
        laptop re-batched after a lost answer): their version only if the device held it then,
        their conflicts — told once, in that answer, which never arrived."""
        for chunk in chunks(list(self.prior_ops)):
            for op_id, stored in self.book.session.execute(_FIRST_RESULTS, {"ops": chunk}):
                for raw in stored["results"]:
                    if raw["op_id"] == str(op_id):
                        self.first_results[op_id] = OpResult.model_validate(raw)

    def since_draft(self, session: Session, request: SyncRequest) -> tuple[bool, bool]:
        """Under the lock: (was the batch applied meanwhile, is the draft still current?).

        Current: no record the draft read was written since it started, and none of the
        batch's operations was accepted elsewhere. One statement for a batch of up to 500."""
        first, *rest = chunks(list({c.op_id for c in request.changes})) or [[]]
        rows = list(
            session.execute(_SINCE_DRAFT, {"seen": self.seen, "ops": first, "batch": request.batch_id})
        )
        for chunk in rest:
            rows += session.execute(_ACCEPTED_OPS, {"ops": chunk})
        read = self.book.read_keys()
        applied = any(kind == _BATCH_KIND for kind, _key in rows)
        moved = any(
            key not in self.prior_ops if kind == _OP_KIND else (kind, key) in read
            for kind, key in rows
            if kind != _BATCH_KIND
        )
        return applied, not moved

    def write(self, session: Session, request: SyncRequest) -> BatchOutcome:
        """Write the draft in `session` (under the lock), with its real sequence values."""
        book = self.book
        book.session = session
        book.flush()
        results, high = [], 0
        for r in self.results:
            if r.op_id in self.written and r.version is not None:  # (in-batch duplicates too)
                version = book.final(r.version)
                high = max(high, version)
                r = r.model_copy(update={"version": version if r.op_id in self.holds else None})
            results.append(r)
        insert_rows(
            session,
            _BATCHES,
            [
                {
                    "batch_id": request.batch_id,
                    "device_id": self.caller.device_id,
                    "created_at": book.now,
                    "results": {"results": [r.model_dump(mode="json") for r in results]},
                }
            ],
        )
        if book.erased:  # the flush forgot them in the batches before this one; this one too
            forget_people(session, book.erased)
        known = set()
        for key, clean in self.clean.items():
            rec = book.get(*key)
            if clean and rec is not None:
                known.add(rec.seq)
        return BatchOutcome(results, known, high)

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
            advisor_id, _version = prior
            if advisor_id != self.caller.advisor_id:
                result = rejected(change, "Identifiant d'opération déjà utilisé par un autre compte.")
            else:
                # As first answered; with no stored answer (written by an older server), no
                # version: the laptop keeps its base and its next pull brings the record.
                first_result = self.first_results.get(change.op_id)
                result = OpResult(
                    op_id=change.op_id,
                    status="duplicate",
                    version=first_result.version if first_result is not None else None,
                    conflicts=first_result.conflicts if first_result is not None else [],
                )
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
            holds, co_writers, also_lost = True, {}, []
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
                int(book.now.timestamp() * 1000),
            )
            doc, taken, conflicts, holds = merged.doc, merged.taken, merged.conflicts, merged.holds
            co_writers, also_lost = merged.co_writers, merged.also_lost
            up_to_date = rec.seq <= change.base_version or self.clean.get(key) is True
            clean = parsed.as_sent and up_to_date and not conflicts
            if UPDATED_AT not in values:
                # A laptop older than issue 16 does not send the stamp of its edit: the server
                # gives it the time of this write and sends it back, so every copy agrees.
                doc[UPDATED_AT] = to_wire(book.now)
                taken.append(UPDATED_AT)
                clean = False

        missing = missing_required(change.entity, doc)
        if missing:
            return rejected(change, missing_reason(missing))
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
            co_writers=co_writers,
        )
        self.clean[key] = clean
        self.written.add(change.op_id)
        if holds:
            self.holds.add(change.op_id)
        for c in [*conflicts, *also_lost]:
            book.lost_value(rec, c.field, c.kept, c.lost, c.kept_stamp, c.lost_stamp, caller.device_id)
        return OpResult(
            op_id=change.op_id,
            status="merged" if conflicts else "applied",
            version=rec.seq,
            conflicts=[
                FieldConflict(field=c.field, kept=c.kept, lost=c.lost, lost_is_mine=c.lost_is_mine)
                for c in conflicts
            ],
        )


def _draft(
    session: Session, caller: Caller, request: SyncRequest, parsed: list[Parsed | OpResult]
) -> _Applier:
    """Every operation merged and checked against the record as `session` sees it; nothing written."""
    applier = _Applier(RecordBook(session, utcnow()), caller, request.batch_id)
    applier.preload(request.changes)
    pairs = zip(parsed, request.changes, strict=True)
    applier.results = [applier.apply(item, change) for item, change in pairs]
    return applier


def apply_batch(db: Database, caller: Caller, request: SyncRequest) -> BatchOutcome:
    """Apply `request.changes` in one transaction, holding the write lock only to write.

    A device's last-seen time that is due (`caller.seen_due`) is written in that same
    transaction (or in one of its own when there is nothing to apply)."""
    if not request.changes:
        if caller.seen_due:
            with db.writer(sequenced=False) as session:
                mark_seen(session, caller)
        return BatchOutcome([])
    now_ms = wall_ms()
    parsed = [parse(change, now_ms) for change in request.changes]
    with db.session() as session:
        draft = _draft(session, caller, request, parsed)
    with db.writer() as session:
        # Authenticated when the request began: revoked or disabled while its body arrived?
        still_allowed(session, caller)
        if caller.seen_due:
            mark_seen(session, caller)
        applied, current = draft.since_draft(session, request)
        if applied:
            prior = session.execute(_PRIOR_BATCH, {"batch": request.batch_id}).one()
            if prior.device_id != caller.device_id:
                raise BatchIdTaken
            return BatchOutcome([OpResult.model_validate(r) for r in prior.results["results"]])
        if not current:
            draft = _draft(session, caller, request, parsed)  # under the lock, nothing moves
        return draft.write(session, request)
