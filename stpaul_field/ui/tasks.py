"""Run store work off the UI thread and bring the result back to it.

One helper for the whole app (like Anki's QueryOp/CollectionOp): `run_in_background(work,
on_done, on_error)` queues `work` on a single worker thread — store operations then run in
the order they were asked for, as SQLite serialises writes anyway — and calls
`on_done(result)` or `on_error(exception)` on the UI thread. Workers never touch widgets. If
the `owner` widget is gone by then, the callbacks are dropped.

Long network work (a sync, an enrolment) goes through `run_long(work, on_progress, …)`
instead: a second worker thread, so that a sync of several minutes never holds up the store
work of the screens, and `work(report)` may call `report(x)` as often as it likes — each `x`
reaches `on_progress` on the UI thread.

Why plain threads and one relay for the app's life, not a QThreadPool of QRunnables: the
pool deletes a finished runnable on its worker thread, and with it the last references to
the job's closure, callbacks and owner — a Qt object of the UI thread freed from another
thread, which crashes the process now and then (segfaults seen in CI while closing a window
during a sync). Here a job is a record in `_jobs` that the worker only reads; the UI thread
removes it after delivering, so everything a job holds is freed on the UI thread.

Tests use `pending()` / `wait_until_settled()` to check that no worker is left behind.
"""

from __future__ import annotations

import logging
import queue
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, Qt, Signal, Slot

from stpaul_field.ui import garbage

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(eq=False)
class _Job:
    work: Callable[[], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[Any], None] | None
    owner: QObject | None
    result: Any = None
    error: BaseException | None = None

    def owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)


def failure_details(error: BaseException) -> str:
    """An exception's type and where it rose, for the log: its message may quote a record."""
    frames = traceback.extract_tb(error.__traceback__)
    return f"{type(error).__name__} at " + " < ".join(f"{f.name}:{f.lineno}" for f in reversed(frames))


_jobs: dict[int, _Job] = {}
_lock = threading.Lock()
_ids = count(1)


class _Relay(QObject):
    """Lives on the UI thread for the app's whole life; workers emit job ids, the queued
    slots deliver there."""

    finished = Signal(int)
    progress = Signal(int, object)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.progress.connect(self._report, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object)
    def _report(self, job_id: int, value: Any) -> None:
        with _lock:
            job = _jobs.get(job_id)
        if job is not None and job.on_progress is not None and not job.owner_gone():
            job.on_progress(value)

    @Slot(int)
    def _deliver(self, job_id: int) -> None:
        with _lock:
            job = _jobs.get(job_id)
        if job is None:
            return
        try:
            if job.owner_gone():
                return
            if job.error is None:
                if job.on_done is not None:
                    job.on_done(job.result)
            elif job.on_error is not None:
                job.on_error(job.error)
            else:
                log.error("store work failed: %s", failure_details(job.error))
        finally:
            with _lock:
                del _jobs[job_id]  # the last reference: freed here, on the UI thread


_relay_object: _Relay | None = None


def _relay() -> _Relay:
    """The app's relay (made on first use, on the UI thread, owned by the application)."""
    global _relay_object
    if _relay_object is None or not shiboken6.isValid(_relay_object):
        _relay_object = _Relay(QCoreApplication.instance())
    return _relay_object


class Lane:
    """One worker thread running jobs in the order queued."""

    def __init__(self, name: str) -> None:
        self._queue: queue.Queue[int] = queue.Queue()
        self._idle = threading.Condition()
        self._outstanding = 0  # queued or running, result not yet handed to the relay
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()

    def start(self, job_id: int) -> None:
        with self._idle:
            self._outstanding += 1
        self._queue.put(job_id)

    def busy(self) -> bool:
        with self._idle:
            return self._outstanding > 0

    def wait_for_done(self, timeout_ms: int) -> bool:
        """Block until no job is queued or running, at most `timeout_ms`; True if idle."""
        with self._idle:
            return self._idle.wait_for(lambda: self._outstanding == 0, timeout_ms / 1000)

    def _serve(self) -> None:
        while True:
            job_id = self._queue.get()
            self._run(job_id)
            with self._idle:
                self._outstanding -= 1
                self._idle.notify_all()

    @staticmethod
    def _run(job_id: int) -> None:
        # Only reads the record: what it holds stays referenced by `_jobs` until delivered.
        with _lock:
            job = _jobs[job_id]
        try:
            job.result = job.work()
        except BaseException as exc:  # handed to the UI thread, never lost
            job.error = exc
        relay = _relay_object
        del job
        if relay is not None:
            relay.finished.emit(job_id)


_lane: Lane | None = None
_long_lane: Lane | None = None


def pool() -> Lane:
    """The store-work lane."""
    global _lane
    if _lane is None:
        garbage.install()  # from now on, threads allocate: Qt objects are freed on this thread only
        _lane = Lane("store-work")
    return _lane


def long_pool() -> Lane:
    """The long-work lane (syncs, enrolments, imports)."""
    global _long_lane
    if _long_lane is None:
        garbage.install()
        _long_lane = Lane("long-work")
    return _long_lane


def _lanes() -> list[Lane]:
    return [lane for lane in (_lane, _long_lane) if lane is not None]


def _new_id() -> tuple[int, _Relay]:
    """A job id, and the relay made here, on the UI thread, before any worker emits."""
    return next(_ids), _relay()


def _queue(lane: Lane, job_id: int, job: _Job) -> None:
    with _lock:
        _jobs[job_id] = job
    lane.start(job_id)


def run_in_background(
    work: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Queue `work`; its result (or exception) comes back on the UI thread."""
    job_id, _ = _new_id()
    _queue(pool(), job_id, _Job(work, on_done, on_error, None, owner))


def run_long(
    work: Callable[[Callable[[Any], None]], T],
    on_progress: Callable[[Any], None] | None = None,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Queue long `work(report)` on the long-work lane; `report(x)` reaches `on_progress`."""
    job_id, relay = _new_id()

    def report(value: Any) -> None:
        relay.progress.emit(job_id, value)

    _queue(long_pool(), job_id, _Job(lambda: work(report), on_done, on_error, on_progress, owner))


def pending() -> int:
    """Jobs queued, running, or whose result has not yet reached the UI thread."""
    with _lock:
        return len(_jobs)


def wait_until_settled(timeout_ms: int = 5000) -> bool:
    """Process events until every job has delivered; False if some are still out."""
    deadline = QDeadlineTimer(timeout_ms)

    def busy() -> bool:
        return any(lane.busy() for lane in _lanes())

    while (pending() or busy()) and not deadline.hasExpired():
        for lane in _lanes():
            lane.wait_for_done(10)
        QCoreApplication.processEvents()
    return pending() == 0 and not busy()
