"""The outbox: every local change to a synced record, written in the edit's own transaction.

A `before_flush` hook turns the session's new and changed synced objects into outbox
entries, so no code path can change a record and forget to sync it, and a crash can lose
neither the edit nor its entry without the other. Sessions that apply changes pulled from
the central record set `session.info[APPLYING_REMOTE] = True` and record nothing.

The laptop's hybrid clock is kept sane here too: a saved clock that is not a canonical stamp,
or is further ahead than `domain.hlc.MAX_LEAD_MS` of the best time this laptop knows (its
wall clock, or the central record's time in its last answer, whichever is later), was
poisoned (a forged stamp pulled by an older version, a clock once set to 2099): it starts
again from that time, and the queued changes it stamped are stamped again (`heal_stamps`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session, sessionmaker

from stpaul_field.domain.hlc import HybridClock, Stamp, plausible, wall_ms
from stpaul_field.domain.ids import new_id
from stpaul_field.records.wire import to_wire
from stpaul_field.store.models import OutboxEntry, SyncedMixin, SyncState, utcnow

APPLYING_REMOTE = "applying_remote"
HLC_KEY = "hlc"
SERVER_TIME_KEY = "server_time"  # ms: the central record's clock in its last answer
DEVICE_KEY = "device_id"
# session.info key of a wall clock (() -> ms) to use instead of the system's: tests of laptops
# whose clocks are wrong set it through `store.sessions.configure(info=...)`.
WALL_CLOCK = "wall_clock"
# Stamps are bookkeeping, not the advisor's data: they never cause a change to be sent — but
# a change sends the time of its edit, so that the central record and every laptop agree on
# it (the register's « dernière modification » order reads it).
UPDATED_AT = "updated_at"
_NOT_A_CHANGE = frozenset({UPDATED_AT})


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
    if out and UPDATED_AT in names:
        # Set here, before the flush, the column's onupdate leaves it as it is.
        obj.updated_at = utcnow()
        out[UPDATED_AT] = to_wire(obj.updated_at)
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


def _server_time(session: Session) -> int:
    row = _state(session, SERVER_TIME_KEY)
    return int(row.value) if row is not None and row.value.isdigit() else 0


def record_server_time(session: Session, stamp: Stamp) -> None:
    row = _state(session, SERVER_TIME_KEY)
    if row is None:
        session.add(SyncState(key=SERVER_TIME_KEY, value=str(stamp.millis)))
    else:
        row.value = str(stamp.millis)


def trusted_ms(session: Session) -> int:
    """The latest time this laptop has reason to believe: its wall clock or the server's."""
    wall = session.info.get(WALL_CLOCK) or wall_ms
    return max(wall(), _server_time(session))


def clock_for(session: Session) -> HybridClock:
    # The random tail of the UUIDv7 (its head is a timestamp, the same on two laptops set up at once).
    node = device_id(session)[-12:]
    row = _state(session, HLC_KEY)
    last = None
    if row is not None:
        try:
            last = Stamp.decode(row.value)
        except ValueError:
            last = None
        if last is None or not plausible(last, trusted_ms(session)):
            last = Stamp(_server_time(session), 0, node)  # poisoned: start again from the server's time
    wall = session.info.get(WALL_CLOCK)
    return HybridClock(node, last) if wall is None else HybridClock(node, last, wall)


def heal_stamps(session: Session) -> int:
    """Stamp again the queued changes a poisoned clock stamped, and send the refused ones again.

    Such a change was refused by the central record (stamp too far ahead, or unreadable) or
    could not even be sent (longer than the protocol allows). Its new stamp is now, from the
    healed clock. How many were healed."""
    trusted = trusted_ms(session)
    poisoned = []
    for seq, stamp in session.execute(select(OutboxEntry.seq, OutboxEntry.stamp)):
        try:
            sane = plausible(Stamp.decode(stamp), trusted)
        except ValueError:
            sane = False
        if not sane:
            poisoned.append(seq)
    if not poisoned:
        return 0
    clock = clock_for(session)
    healed = select(OutboxEntry).where(OutboxEntry.seq.in_(poisoned)).order_by(OutboxEntry.seq)
    for entry in session.scalars(healed):
        entry.stamp = clock.now().encode()
        entry.rejected_reason = None
    save_clock(session, clock)
    return len(poisoned)


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
