"""The outbox: every local change to a synced record, written in the edit's own transaction.

A `before_flush` hook turns the session's new and changed synced objects into outbox
entries, so no code path can change a record and forget to sync it, and a crash can lose
neither the edit nor its entry without the other. Sessions that apply changes pulled from
the central record set `session.info[APPLYING_REMOTE] = True` and record nothing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session, sessionmaker

from stpaul_field.domain.hlc import HybridClock, Stamp
from stpaul_field.domain.ids import new_id
from stpaul_field.store.models import OutboxEntry, SyncedMixin, SyncState
from stpaul_field.store.serialize import to_wire

APPLYING_REMOTE = "applying_remote"
HLC_KEY = "hlc"
DEVICE_KEY = "device_id"
# session.info key of a wall clock (() -> ms) to use instead of the system's: tests of laptops
# whose clocks are wrong set it through `store.sessions.configure(info=...)`.
WALL_CLOCK = "wall_clock"
# Stamps are bookkeeping, not the advisor's data: they never cause a change to be sent.
_NOT_A_CHANGE = frozenset({"updated_at"})


def changed_fields(obj: SyncedMixin, is_new: bool) -> dict[str, Any]:
    names = type(obj).synced_fields()
    if is_new:
        return {n: to_wire(getattr(obj, n)) for n in names}
    state = sa_inspect(obj)
    out: dict[str, Any] = {}
    for n in names:
        if n in _NOT_A_CHANGE:
            continue
        if state.attrs[n].history.has_changes():
            out[n] = to_wire(getattr(obj, n))
    return out


def _state(session: Session, key: str) -> SyncState | None:
    return session.get(SyncState, key)


def device_id(session: Session) -> str:
    """This laptop's id, made on first use and kept in the store."""
    row = _state(session, DEVICE_KEY)
    if row is None:
        row = SyncState(key=DEVICE_KEY, value=new_id().hex)
        session.add(row)
    return row.value


def clock_for(session: Session) -> HybridClock:
    # The random tail of the UUIDv7 (its head is a timestamp, the same on two laptops set up at once).
    node = device_id(session)[-12:]
    row = _state(session, HLC_KEY)
    last = Stamp.decode(row.value) if row is not None else None
    wall = session.info.get(WALL_CLOCK)
    return HybridClock(node, last) if wall is None else HybridClock(node, last, wall)


def save_clock(session: Session, clock: HybridClock) -> None:
    row = _state(session, HLC_KEY)
    if row is None:
        session.add(SyncState(key=HLC_KEY, value=clock.last.encode()))
    else:
        row.value = clock.last.encode()


def _record_changes(session: Session, flush_context: Any, instances: Any) -> None:
    if session.info.get(APPLYING_REMOTE):
        return
    pending: list[tuple[SyncedMixin, dict[str, Any]]] = []
    for obj in session.new:
        if isinstance(obj, SyncedMixin):
            pending.append((obj, changed_fields(obj, is_new=True)))
    for obj in session.dirty:
        if isinstance(obj, SyncedMixin) and session.is_modified(obj, include_collections=False):
            fields = changed_fields(obj, is_new=False)
            if fields:
                pending.append((obj, fields))
    if not pending:
        return
    clock = clock_for(session)
    for obj, fields in pending:
        if obj.id is None:
            obj.id = new_id()
        session.add(
            OutboxEntry(
                op_id=new_id(),
                entity=type(obj).ENTITY,  # type: ignore[attr-defined]
                record_id=obj.id,
                fields=fields,
                base_version=obj.server_version or 0,
                stamp=clock.now().encode(),
            )
        )
    save_clock(session, clock)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _record_changes)


def pending_count(session: Session) -> int:
    from sqlalchemy import func

    return (
        session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.rejected_reason.is_(None))
        )
        or 0
    )
