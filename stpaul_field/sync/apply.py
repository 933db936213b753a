"""Applying one answer of the central record to the laptop's store, in one local transaction.

First the results of the pushed operations (acknowledged entries leave the outbox, refused
ones are quarantined, conflicts recorded), then the pulled page, then the new cursor: a
crash leaves either all of it or none of it.

A pulled value never overwrites a field that still has a queued local edit (sent or not,
refused or not): the local value stays, the other fields take the pulled values. The queued
change keeps the version it was made on, so that the server still sees a field changed on
both sides as the real conflict it is and settles it (later stamp wins, the loser kept); the
answer then brings the winner back.

Conflicts pulled with a page (protocol 2) are the team's lost values logged by other
devices' pushes: the ones whose losing stamp is this laptop's are recorded here, as if its
own push had lost, so that its advisor sees the overwritten value. Their ids derive from the
conflict itself, so a page pulled twice (a resync) records nothing twice.

A row's `server_version` is the base of its next edit: it says "this laptop holds the
record as of that version". It only moves when that is true — a pulled state whose
protected fields hold the laptop's own values, or an acknowledged write once the record has
no other queued change, with the version the server gives it (none when the server merged
in a colleague's value this laptop has not pulled yet: `server.merge.Merged.holds`).
Otherwise a later edit would claim to know values it never showed the advisor, and the
server would overwrite them without recording a conflict.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from stpaul_field.domain.fields import current_fields
from stpaul_field.domain.hlc import MAX_COUNTER, MAX_LEAD_MS, Stamp, plausible
from stpaul_field.domain.privacy import is_erased
from stpaul_field.domain.text import register_sort_keys
from stpaul_field.records.wire import from_wire
from stpaul_field.store.conflicts import forget_person
from stpaul_field.store.database import Store
from stpaul_field.store.models import SYNCED_MODELS, Beneficiary, Conflict, OutboxEntry, SyncedMixin
from stpaul_field.store.outbox import (
    APPLYING_REMOTE,
    UPDATED_AT,
    clock_for,
    record_server_time,
    save_clock,
    trusted_ms,
)
from stpaul_field.sync import repair, state
from stpaul_field.sync.protocol import LoggedConflict, OpResult, RecordState, SyncResponse

REFUSED = "Refusé par le serveur (sans motif donné)."


@dataclass
class Applied:
    acknowledged: int = 0
    rejected: int = 0
    conflicts: int = 0
    pulled: int = 0
    rejected_ids: list[uuid.UUID] = field(default_factory=list)


@contextlib.contextmanager
def remote_session(store: Store) -> Iterator[Session]:
    """A transaction that records nothing in the outbox, with foreign keys checked off.

    Pages come in sequence order, not in dependency order: a participation may arrive a
    page before the last version of its activity. The central record is consistent; the
    laptop holds a prefix of it until the pull finishes.
    """
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or SQLite ignores it
        try:
            with store.sessions(bind=conn) as session, session.begin():
                session.info[APPLYING_REMOTE] = True
                yield session
        finally:
            try:
                raw.execute("PRAGMA foreign_keys=ON")
            except Exception:
                conn.invalidate()  # never hand a connection without its checks back to the pool


def _bump_version(session: Session, entity: str, record_id: uuid.UUID, version: int) -> None:
    model: Any = SYNCED_MODELS.get(entity)
    if model is None:
        return
    # updated_at given as itself: the column's onupdate must not restamp a row nobody edited.
    session.execute(
        update(model)
        .where(model.id == record_id, model.server_version < version)
        .values(server_version=version, updated_at=model.updated_at)
        .execution_options(synchronize_session=False)
    )


def apply_results(session: Session, results: list[OpResult], out: Applied) -> None:
    if not results:
        return
    by_op = {
        e.op_id: e
        for e in session.scalars(select(OutboxEntry).where(OutboxEntry.op_id.in_([r.op_id for r in results])))
    }
    versions: dict[tuple[str, uuid.UUID], int] = {}
    for result in results:
        entry = by_op.get(result.op_id)
        if entry is None:
            continue  # answered before (a replay whose first answer was applied)
        if result.status == "rejected":
            entry.rejected_reason = result.reason or REFUSED
            out.rejected += 1
            out.rejected_ids.append(entry.op_id)
            continue
        key = (entry.entity, entry.record_id)
        versions[key] = max(versions.get(key, 0), result.version or 0)
        for c in result.conflicts:
            session.add(
                Conflict(
                    entity=entry.entity,
                    record_id=entry.record_id,
                    field=c.field,
                    kept_value=c.kept,
                    lost_value=c.lost,
                    lost_is_mine=c.lost_is_mine,
                )
            )
            out.conflicts += 1
        session.delete(entry)
        out.acknowledged += 1
    session.flush()
    still_queued = _queued(session, [record_id for _, record_id in versions])
    for (entity, record_id), version in versions.items():
        if (entity, record_id) not in still_queued:
            _bump_version(session, entity, record_id, version)


def _queued(session: Session, ids: list[uuid.UUID]) -> set[tuple[str, uuid.UUID]]:
    out: set[tuple[str, uuid.UUID]] = set()
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(OutboxEntry.entity, OutboxEntry.record_id).where(
                OutboxEntry.record_id.in_(ids[start : start + 500])
            )
        )
        out.update((entity, record_id) for entity, record_id in rows)
    return out


def _protected(session: Session, states: list[RecordState]) -> dict[tuple[str, uuid.UUID], set[str]]:
    """Fields with a queued local edit, per record of the page."""
    out: dict[tuple[str, uuid.UUID], set[str]] = {}
    ids = list({s.record_id for s in states})
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(OutboxEntry.entity, OutboxEntry.record_id, OutboxEntry.fields).where(
                OutboxEntry.record_id.in_(ids[start : start + 500])
            )
        )
        for entity, record_id, fields in rows:
            out.setdefault((entity, record_id), set()).update(fields)
    return out


def apply_states(
    session: Session, states: list[RecordState], trusted: int, newer_only: bool = False
) -> Stamp | None:
    """Make the page's records the laptop's, but for fields with queued edits; the latest stamp seen.

    Only stamps `plausible` against `trusted` (ms) count: one forged, or from a clock in 2099,
    stored on the central record before it bounded them, is never adopted. `newer_only`: a state
    older than the version the laptop holds is left out (a page read late from an answer file;
    never over HTTPS, where a restored central record may rightly send lower versions)."""
    # Canonical stamps sort as text: the latest one not past the bound is the latest plausible.
    ceiling = f"{trusted + MAX_LEAD_MS:015d}-{MAX_COUNTER:06d}-~"
    protected = _protected(session, states)
    by_entity: dict[str, list[uuid.UUID]] = {}
    for s in states:
        by_entity.setdefault(s.entity, []).append(s.record_id)
    held: dict[tuple[str, uuid.UUID], SyncedMixin] = {}
    for entity, ids in by_entity.items():
        model: Any = SYNCED_MODELS.get(entity)
        if model is None:
            continue  # an entity of a newer server: ignored until the app is updated
        for start in range(0, len(ids), 500):  # one query per entity, not one per record
            for obj in session.scalars(select(model).where(model.id.in_(ids[start : start + 500]))):
                held[(entity, obj.id)] = obj
    latest = ""
    new_rows: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
    for s in states:
        model = SYNCED_MODELS.get(s.entity)
        if model is None:
            continue
        names = set(model.synced_fields())
        # A central record not yet updated may hold codes since renamed: stored as today's.
        fields = current_fields(s.entity, s.fields)
        values = {n: from_wire(s.entity, n, raw) for n, raw in fields.items() if n in names}
        key = (s.entity, s.record_id)
        obj = held.get(key)
        if newer_only and _held_version(obj, new_rows.get(key)) > s.version:
            continue
        if obj is None:
            # A record this laptop does not hold (all of a first sync): one INSERT per table below.
            # The same record twice in a page: the later wins, as field by field on a held row.
            row = new_rows.setdefault(key, {"id": s.record_id})
            row.update(values, server_version=s.version)
        else:
            keep = protected.get((s.entity, s.record_id), set())
            holds_it = True
            for name, value in values.items():
                if getattr(obj, name) != value:
                    if name not in keep:
                        setattr(obj, name, value)
                    elif name != UPDATED_AT:  # the edit's own time, not a value it claims to know
                        holds_it = False
            if holds_it:
                obj.server_version = s.version
            flag_modified(obj, "updated_at")  # keep the pulled (or local) stamp, no onupdate
        for text in s.field_stamps.values():
            if latest < text <= ceiling and _decode(text) is not None:
                latest = text
    _insert_new(session, new_rows)
    session.flush()
    return _decode(latest)


def _held_version(obj: SyncedMixin | None, row: dict[str, Any] | None) -> int:
    if obj is not None:
        return obj.server_version
    return row["server_version"] if row is not None else -1


def _insert_new(session: Session, new_rows: dict[tuple[str, uuid.UUID], dict[str, Any]]) -> None:
    """The page's new records, one executemany INSERT per table (and per set of fields sent).

    The ORM's per-object flush cost most of a first sync's time. A bulk INSERT skips the ORM's
    events: the outbox's (pulled changes record nothing anyway) and the register's sort keys,
    set here as `models._keep_sort_keys` sets them; the store's SQL triggers (search index,
    register count, activity tally) fire on every row as on any insert."""
    groups: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = {}
    for (entity, _id), row in new_rows.items():
        if entity == Beneficiary.ENTITY:
            row["sort_name"], row["sort_first_name"], row["sort_commune"] = register_sort_keys(
                row.get("last_name"), row.get("first_name"), row.get("commune")
            )
        groups.setdefault((entity, frozenset(row)), []).append(row)
    for (entity, _names), rows in groups.items():
        # Core, not the ORM's bulk insert: the ORM split a page into thousands of statements
        # (one per few rows, to fetch defaults back); a Core executemany is one statement.
        session.execute(insert(SYNCED_MODELS[entity].__table__), rows)
    # A person deleted before this laptop ever held them arrives after their participations
    # (pages come in server order) and the tally has no trigger on a person's insert: the
    # one on `deleted_at` recounts their activities, as it does when a held person is deleted.
    gone = [
        row["id"]
        for (entity, _id), row in new_rows.items()
        if entity == Beneficiary.ENTITY and row.get("deleted_at")
    ]
    for start in range(0, len(gone), 500):
        session.execute(
            update(Beneficiary)
            .where(Beneficiary.id.in_(gone[start : start + 500]))
            .values(deleted_at=Beneficiary.deleted_at, updated_at=Beneficiary.updated_at)
            .execution_options(synchronize_session=False)
        )


# Ids of conflicts learnt from a pull: the same logged conflict always gets the same id.
_PULLED_CONFLICT = uuid.UUID("8f3d5c3e-52b1-4c1e-9b7a-3f0a6c2d9e41")


def apply_pulled_conflicts(session: Session, conflicts: list[LoggedConflict], node: str) -> int:
    """Record the pulled conflicts whose lost value is this laptop's (`node`); how many were new."""
    added: set[uuid.UUID] = set()
    for c in conflicts:
        lost = _decode(c.lost_stamp)
        if lost is None or lost.node != node:
            continue  # another laptop's value lost: its own list shows it
        key = f"{c.entity}/{c.record_id}/{c.field}/{c.lost_stamp}"
        conflict_id = uuid.uuid5(_PULLED_CONFLICT, key)
        if conflict_id in added or session.get(Conflict, conflict_id) is not None:
            continue
        session.add(
            Conflict(
                id=conflict_id,
                entity=c.entity,
                record_id=c.record_id,
                field=c.field,
                kept_value=c.kept,
                lost_value=c.lost,
                lost_is_mine=True,
            )
        )
        added.add(conflict_id)
    session.flush()
    return len(added)


def _decode(text: str) -> Stamp | None:
    try:
        return Stamp.decode(text) if text else None
    except ValueError:
        return None


def _repair(session: Session, states: list[RecordState]) -> None:
    """What the page shows two laptops did apart (a person twice in a workshop, opposite
    merges), settled as local edits in the page's transaction (`repair.py`)."""
    pulled = [s.record_id for s in states if s.entity == "beneficiary"]
    parts = [s.record_id for s in states if s.entity == "participation"]
    if not pulled and not parts:
        return
    # Only a person merged into another can be in a merge cycle: one query for the page's
    # people instead of one per person (a third of a first sync's time).
    people: list[uuid.UUID] = []
    for start in range(0, len(pulled), 500):
        people += session.scalars(
            select(Beneficiary.id).where(
                Beneficiary.id.in_(pulled[start : start + 500]), Beneficiary.merged_into_id.is_not(None)
            )
        )
    text = state.get(session, state.ENROLMENT)
    advisor_id = uuid.UUID(json.loads(text)["advisor_id"]) if text else None
    with repair.local_edits(session):
        moved = repair.settle_merge_cycles(session, people, advisor_id)
        repair.fold_twin_participations(session, [*parts, *moved], advisor_id)


def apply_answer(store: Store, response: SyncResponse, pulled_from: int | None = None) -> Applied:
    """The whole answer in one local transaction: results, page, its conflicts, cursor, clock, batch done.

    `pulled_from`: the answer was read from a file, its page pulled after that cursor, perhaps
    long ago. Its results apply as over HTTPS (an operation answered before is skipped); its
    page only where it is news: not when this laptop has pulled past its end since, nor when it
    starts after this laptop's cursor (a gap would be skipped), and then only its records this
    laptop has not pulled since. The cursor never moves back, and the HTTPS batch in flight stays."""
    out = Applied()
    with remote_session(store) as session:
        apply_results(session, response.results, out)
        changes = response.changes
        if pulled_from is None:
            state.put_in_flight(session, None)
        else:
            held = state.cursor(session)
            if response.resync_required or not pulled_from <= held < response.cursor:
                return out  # results only: the page is old news, or not the next one
            changes = [c for c in changes if c.seq > held]
        if response.resync_required:
            state.put(session, state.CURSOR, "0")  # queued edits stay; the pull starts over
        else:
            server_time = _decode(response.clock)
            if server_time is not None and pulled_from is None:  # a file's time is past by nature
                record_server_time(session, server_time)
            trusted = trusted_ms(session)
            latest = apply_states(session, changes, trusted, newer_only=pulled_from is not None)
            out.pulled = len(changes)
            _repair(session, changes)
            state.put(session, state.CURSOR, str(response.cursor))
            # Later local edits are stamped after everything seen here, whatever the wall clock says
            # (but never after a stamp absurdly ahead of the best time known: see `domain.hlc`).
            clock = clock_for(session)
            out.conflicts += apply_pulled_conflicts(session, response.conflicts or [], clock.node)
            # A person erased elsewhere: the values this laptop kept from conflicts go too.
            for s in changes:
                if s.entity == "beneficiary" and is_erased(s.fields):
                    forget_person(session, s.record_id)
            for seen in (server_time, latest):
                if seen is not None and plausible(seen, trusted):
                    clock.observe(seen)
            save_clock(session, clock)
    return out
