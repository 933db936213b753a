"""Run store work off the UI thread and bring the result back to it.

One helper for the whole app (like Anki's QueryOp/CollectionOp): `run_in_background(work,
on_done, on_error)` queues `work` on a single-thread pool — store operations then run in the
order they were asked for, as SQLite serialises writes anyway — and calls `on_done(result)`
or `on_error(exception)` on the UI thread. Workers never touch widgets. If the `owner`
widget is gone by then, the callbacks are dropped.

Long network work (a sync, an enrolment) goes through `run_long(work, on_progress, …)`
instead: the same relay, on a second single-thread pool so that a sync of several minutes
never holds up the store work of the screens, and `work(report)` may call `report(x)` as
often as it likes — each `x` reaches `on_progress` on the UI thread.

Tests use `pending()` / `wait_until_settled()` to check that no worker is left behind.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from stpaul_field.ui import garbage

T = TypeVar("T")
log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
_long_pool: QThreadPool | None = None
_in_flight: set[_Relay] = set()
_lock = threading.Lock()


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        garbage.install()  # from now on, threads allocate: Qt objects are freed on this thread only
        _pool = QThreadPool()
        _pool.setObjectName("store-work")
        _pool.setMaxThreadCount(1)
    return _pool


def long_pool() -> QThreadPool:
    global _long_pool
    if _long_pool is None:
        garbage.install()
        _long_pool = QThreadPool()
        _long_pool.setObjectName("long-work")
        _long_pool.setMaxThreadCount(1)
    return _long_pool


def _pools() -> list[QThreadPool]:
    return [p for p in (_pool, _long_pool) if p is not None]


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, the queued slot calls back there."""

    finished = Signal(object, object)
    progress = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None,
        on_progress: Callable[[Any], None] | None = None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._owner = owner
        self._has_owner = owner is not None
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.progress.connect(self._report, Qt.ConnectionType.QueuedConnection)

    def _owner_gone(self) -> bool:
        return self._has_owner and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _report(self, value: Any) -> None:
        if self._on_progress is not None and not self._owner_gone():
            self._on_progress(value)

    @Slot(object, object)
    def _deliver(self, result: Any, error: BaseException | None) -> None:
        try:
            if self._owner_gone():
                return
            if error is None:
                if self._on_done is not None:
                    self._on_done(result)
            elif self._on_error is not None:
                self._on_error(error)
            else:
                log.error("store work failed", exc_info=error)
        finally:
            with _lock:
                _in_flight.discard(self)
            self.deleteLater()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # handed to the UI thread, never lost
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


def run_in_background(
    work: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Queue `work`; its result (or exception) comes back on the UI thread."""
    relay = _Relay(on_done, on_error, owner)
    with _lock:
        _in_flight.add(relay)
    pool().start(_Job(work, relay))


def run_long(
    work: Callable[[Callable[[Any], None]], T],
    on_progress: Callable[[Any], None] | None = None,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Queue long `work(report)` on the long-work pool; `report(x)` reaches `on_progress`."""
    relay = _Relay(on_done, on_error, owner, on_progress)
    with _lock:
        _in_flight.add(relay)
    long_pool().start(_Job(lambda: work(relay.progress.emit), relay))


def pending() -> int:
    """Jobs queued, running, or whose result has not yet reached the UI thread."""
    with _lock:
        return len(_in_flight)


def wait_until_settled(timeout_ms: int = 5000) -> bool:
    """Process events until every job has delivered; False if some are still out."""
    deadline = QDeadlineTimer(timeout_ms)

    def busy() -> bool:
        return any(p.activeThreadCount() for p in _pools())

    # A job's thread stays active a moment after its result was handed over: wait for both.
    while (pending() or busy()) and not deadline.hasExpired():
        for p in _pools():
            p.waitForDone(10)
        QCoreApplication.processEvents()
    return pending() == 0 and not busy()
