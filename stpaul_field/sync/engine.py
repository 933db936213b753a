"""The client side of sync: push the outbox, pull the team's changes, until nothing is left.

    report = SyncEngine(store, transport_for(store)).run(progress, should_stop)

Each exchange pushes one bounded batch of the outbox and brings back one page of changes.
The batch's id and operations are written to the store before it is sent: if the answer is
lost, the same batch goes again and the server answers it without applying it twice. The
store is never written while waiting on the network (the UI keeps working), and each answer
is applied in one local transaction (`apply.py`).

Network failures and server errors are retried with exponential backoff and jitter; after
`max_tries` the run gives up with the last error, and the status keys (`sync.state`) say
since when the laptop is offline and why.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stpaul_field.store import backup, bulk_indexes, cipher
from stpaul_field.store.database import Store
from stpaul_field.store.models import OutboxEntry, utcnow
from stpaul_field.store.outbox import clock_for, heal_stamps, pending_count
from stpaul_field.sync import file_keys, quarantine, state
from stpaul_field.sync.apply import apply_answer
from stpaul_field.sync.errors import OfflineError, ProtocolError, ServerError, SyncError
from stpaul_field.sync.protocol import (
    DEFAULT_PAGE_SIZE,
    MAX_CHANGES_PER_BATCH,
    MAX_PAGE_SIZE,
    PROTOCOL_VERSION,
    Change,
    SyncRequest,
    SyncResponse,
)

log = logging.getLogger(__name__)
# A pull this large (a first sync) changes the tables' sizes enough to refresh the planner's
# statistics (`Store.refresh_statistics`).
FRESH_STATISTICS_AFTER = 10_000


class Link(Protocol):
    """What the engine needs of a transport (`transport.Transport`)."""

    round_trips: int
    bytes_sent: int
    bytes_received: int

    def sync(self, request: SyncRequest) -> SyncResponse: ...


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # "push" (sending queued changes), "pull" (receiving), "done"
    pushed: int
    to_push: int
    pulled: int
    round_trips: int
    # How far the pull has come (0–1) and the seconds left at this run's pace so far; None
    # while unknown (before the first answer, or a server of protocol 3 or older).
    pull_fraction: float | None = None
    seconds_left: float | None = None


class PullEstimate:
    """The pull's share done and the time left, from the sequence values: the run started at
    cursor `start` and the server says the team's record ends at `last_seq` (protocol 4).

    Every record takes one sequence value, so the share of the range crossed is the share of
    the records pulled (the other teams' values, spread over the same range, thin it evenly).
    The time left follows the pace of the last `window` pages: people come first in a
    record and cost more to apply than the participations that end it, so the pace of the
    whole run so far would overstate what is left.
    """

    def __init__(self, start: int, started_at: float, window: int = 10) -> None:
        self.start = start
        self.fraction: float | None = None
        self.seconds_left: float | None = None
        self._recent: deque[tuple[float, float]] = deque([(started_at, 0.0)], maxlen=window + 1)

    def after(self, cursor: int, last_seq: int | None, now: float) -> None:
        if last_seq is None or last_seq <= self.start:
            self.fraction = self.seconds_left = None
            return
        self.fraction = min(1.0, max(0.0, (cursor - self.start) / (last_seq - self.start)))
        self._recent.append((now, self.fraction))
        then, fraction_then = self._recent[0]  # `window` pages ago, or the run's start
        pace = (self.fraction - fraction_then) / (now - then) if now > then else 0.0
        self.seconds_left = (1 - self.fraction) / pace if pace > 0 else None


@dataclass
class SyncReport:
    pushed: int = 0  # changes the central record acknowledged (applied, duplicate or merged)
    pulled: int = 0  # records received
    rejected: int = 0  # changes refused in this run (quarantined, see `sync.quarantine`)
    conflicts: int = 0  # values that lost a real conflict, recorded for review
    round_trips: int = 0
    bytes_sent: int = 0  # request bodies, compressed
    bytes_received: int = 0
    complete: bool = False  # False when stopped on request before the end


@dataclass(frozen=True)
class Backoff:
    """Delays between tries: exponential, capped, with jitter (laptops do not retry in step)."""

    max_tries: int = 6
    base_s: float = 1.0
    cap_s: float = 60.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        return min(self.cap_s, self.base_s * 2**attempt) * rng.uniform(0.5, 1.0)


@dataclass(frozen=True)
class _Ahead:
    cursor: int  # the page asked for follows this cursor
    answer: Future[SyncResponse]


@dataclass
class _Batch:
    batch_id: uuid.UUID
    changes: list[Change]


def change_of(entry: OutboxEntry) -> Change:
    """An outbox entry as the protocol sends it (over HTTPS or in a sync file)."""
    return Change(
        op_id=entry.op_id,
        entity=entry.entity,  # type: ignore[arg-type]
        record_id=entry.record_id,
        base_version=entry.base_version,
        fields=entry.fields,
        stamp=entry.stamp,
    )


def sendable(session: Session, limit: int) -> list[OutboxEntry]:
    """The next `limit` changes to send, in order; records corrected since a refusal are queued
    again first (`quarantine`). The caller commits."""
    for entity, record_id in quarantine.edited_since_refused(session):
        quarantine.requeue(session, entity, record_id)
    return list(
        session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.rejected_reason.is_(None))
            .order_by(OutboxEntry.seq)
            .limit(limit)
        )
    )


class SyncEngine:
    # Pages asked for when the engine chooses (`page_size=None`): a day's sync fits in the
    # first; once an answer says more is waiting (a first sync, a laptop back after weeks),
    # the largest the protocol allows — a quarter of the exchanges and of the page
    # transactions (each a write to disk made durable), for a 2,000-record page of ~170 kB.
    first_page_size = DEFAULT_PAGE_SIZE
    long_pull_page_size = MAX_PAGE_SIZE
    read_ahead = True  # the next page of a long pull asked for while the last is applied

    def __init__(
        self,
        store: Store,
        transport: Link,
        *,
        batch_size: int = MAX_CHANGES_PER_BATCH,
        page_size: int | None = None,
        backoff: Backoff = Backoff(),
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        now: Callable[[], dt.datetime] = utcnow,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.transport = transport
        self.batch_size = min(batch_size, MAX_CHANGES_PER_BATCH)
        self.page_size = page_size  # None: chosen per exchange (`_page_size`)
        self.backoff = backoff
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.now = now
        self.monotonic = monotonic

    def run(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> SyncReport:
        """Sync until nothing is left to push or pull; raises a SyncError (French) if it cannot."""
        report = SyncReport()
        self._back_up_unsent()
        start = (self.transport.round_trips, self.transport.bytes_sent, self.transport.bytes_received)
        with self.store.session() as session:
            state.put_instant(session, state.LAST_ATTEMPT, self.now())
            first_pull = state.cursor(session) == 0
        # A first sync into a store with no activity: the list's and the reports' indexes are
        # built once at the end, however the run ends (`store.bulk_indexes`).
        deferred = first_pull and bulk_indexes.defer(self.store.engine)
        try:
            self._loop(report, progress or (lambda _p: None), should_stop or (lambda: False))
        except SyncError as error:
            self._failed(error)
            raise
        finally:
            if deferred:
                bulk_indexes.rebuild(self.store.engine)
            report.round_trips = self.transport.round_trips - start[0]
            report.bytes_sent = self.transport.bytes_sent - start[1]
            report.bytes_received = self.transport.bytes_received - start[2]
        if report.pulled >= FRESH_STATISTICS_AFTER:
            self.store.refresh_statistics()  # the planner's table sizes, after a bulk pull
        if report.complete:
            with self.store.session() as session:
                state.put_instant(session, state.LAST_SUCCESS, self.now())
                state.put(session, state.OFFLINE_SINCE, None)
                state.put(session, state.LAST_ERROR, None)
            file_keys.ensure_registered(self.store, self.transport)  # a laptop enrolled before
        return report

    def _back_up_unsent(self) -> None:
        """A backup before the sync when the outbox holds a change not yet in one: what only
        this laptop holds is kept even if the sync goes wrong half-way."""
        if self.store.paths is None:
            return
        with self.store.reader() as session:
            newest = session.scalar(
                select(func.max(OutboxEntry.created_at)).where(OutboxEntry.rejected_reason.is_(None))
            )
            done = state.get_instant(session, state.BACKED_UP_BEFORE_SYNC)
        if newest is None or (done is not None and done >= newest):
            return
        try:
            self.store.backup_now(backup.BEFORE_SYNC_REASON)
        except (OSError, cipher.sqlcipher.Error) as error:  # a full disk must not also stop the sync
            log.warning("backup before sync failed: %s", type(error).__name__)
            return
        with self.store.session() as session:
            state.put_instant(session, state.BACKED_UP_BEFORE_SYNC, newest)

    def _loop(
        self, report: SyncReport, progress: Callable[[SyncProgress], None], should_stop: Callable[[], bool]
    ) -> None:
        with self.store.session() as session:
            heal_stamps(session)  # a clock poisoned before (or set to 2099, now right) heals here
            to_push = pending_count(session)
            estimate = PullEstimate(state.cursor(session), self.monotonic())
        last: SyncResponse | None = None
        ahead: _Ahead | None = None
        # A page still being read ends (one request, no retry) before the run returns: the
        # caller may close the transport as soon as it does.
        with ThreadPoolExecutor(1, thread_name_prefix="sync-read-ahead") as reader:
            while True:
                progress(
                    SyncProgress(
                        "push" if to_push > report.pushed else "pull",
                        report.pushed,
                        to_push,
                        report.pulled,
                        self.transport.round_trips,
                        estimate.fraction,
                        estimate.seconds_left,
                    )
                )
                if should_stop():
                    return
                with self.store.reader() as session:
                    cursor = state.cursor(session)
                    clock = clock_for(session).last.encode()
                batch = _Batch(uuid.uuid4(), [])
                response = self._read_ahead_answer(ahead, cursor)
                ahead = None
                if response is None:
                    batch = self._next_batch()
                    request = SyncRequest(
                        protocol=PROTOCOL_VERSION,
                        batch_id=batch.batch_id,
                        changes=batch.changes,
                        cursor=cursor,
                        page_size=self._page_size(last),
                        clock=clock,
                    )
                    response = self._exchange(request, should_stop)
                last = response
                if self.read_ahead and not batch.changes and response.more and not response.resync_required:
                    ahead = self._read_ahead(reader, response, clock)
                applied = apply_answer(self.store, response)
                if batch.changes and not (applied.acknowledged or applied.rejected):
                    raise ProtocolError("Le serveur n'a répondu à aucune des modifications envoyées.")
                report.pushed += applied.acknowledged
                report.rejected += applied.rejected
                report.conflicts += applied.conflicts
                report.pulled += applied.pulled
                estimate.after(response.cursor, response.last_seq, self.monotonic())
                with self.store.reader() as session:
                    left = pending_count(session)
                to_push = max(to_push, report.pushed + report.rejected + left)
                if not left and not response.more and not response.resync_required:
                    report.complete = True
                    progress(
                        SyncProgress(
                            "done",
                            report.pushed,
                            to_push,
                            report.pulled,
                            self.transport.round_trips,
                            1.0,
                            0.0,
                        )
                    )
                    return

    def _read_ahead(self, reader: ThreadPoolExecutor, after: SyncResponse, clock: str) -> _Ahead:
        """Ask for the page after `after` while this thread applies it: during a long pull
        the server's time and the wire's overlap the laptop's writing. Only a pull (no
        change is sent), so nothing in the outbox waits on it or is sent twice."""
        request = SyncRequest(
            protocol=PROTOCOL_VERSION,
            batch_id=uuid.uuid4(),
            changes=[],
            cursor=after.cursor,
            page_size=self._page_size(after),
            clock=clock,
        )
        return _Ahead(after.cursor, reader.submit(self.transport.sync, request))

    def _read_ahead_answer(self, ahead: _Ahead | None, cursor: int) -> SyncResponse | None:
        """The page read ahead, if it follows the laptop's cursor; None: ask in the open
        (a failed read is then retried with backoff, and its error is the one reported)."""
        if ahead is None:
            return None
        try:
            response = ahead.answer.result()
        except SyncError:
            return None
        return response if ahead.cursor == cursor else None

    def _page_size(self, last: SyncResponse | None) -> int:
        if self.page_size is not None:
            return self.page_size
        return self.long_pull_page_size if last is not None and last.more else self.first_page_size

    def _next_batch(self) -> _Batch:
        """The batch still in flight, else the next one, written down before it is sent."""
        with self.store.session() as session:
            in_flight = state.in_flight(session)
            if in_flight is not None:
                batch_id, op_ids = in_flight
                entries = list(
                    session.scalars(
                        select(OutboxEntry).where(OutboxEntry.op_id.in_(op_ids)).order_by(OutboxEntry.seq)
                    )
                )
                if entries:
                    return _Batch(batch_id, [change_of(e) for e in entries])
            entries = sendable(session, self.batch_size)
            batch_id = uuid.uuid4()
            state.put_in_flight(session, batch_id if entries else None, [e.op_id for e in entries])
            return _Batch(batch_id, [change_of(e) for e in entries])

    def _exchange(self, request: SyncRequest, should_stop: Callable[[], bool]) -> SyncResponse:
        last: SyncError | None = None
        for attempt in range(self.backoff.max_tries):
            if attempt:
                self.sleep(self.backoff.delay(attempt - 1, self.rng))
                if should_stop():
                    break
            try:
                return self.transport.sync(request)
            except (OfflineError, ServerError) as error:
                last = error
        assert last is not None
        raise last

    def _failed(self, error: SyncError) -> None:
        with self.store.session() as session:
            if error.retryable and state.get(session, state.OFFLINE_SINCE) is None:
                state.put_instant(session, state.OFFLINE_SINCE, self.now())
            state.put(session, state.LAST_ERROR, error.message)
