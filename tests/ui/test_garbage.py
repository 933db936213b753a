"""The cyclic garbage collector never runs on a worker thread once background work exists.

Freeing a UI-thread QObject from a worker crashes the process; `ui.garbage` moves collection
to the UI thread (a timer), and the test fixture collects between tests.
"""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QObject

from stpaul_field.ui import garbage, tasks


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_happens_on_the_ui_thread_only(qtbot) -> None:
    threads: list[str] = []

    def note(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    done: list[int] = []
    gc.callbacks.append(note)
    try:
        # A worker that allocates far past every threshold: automatic collection would run there.
        tasks.run_in_background(lambda: len([_Cycle() for _ in range(200_000)]), done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        assert not gc.isenabled()
        assert all(name == threading.main_thread().name for name in threads), threads
        # …and what it left is collected on the UI thread, by the timer.
        qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=5_000)
    finally:
        gc.callbacks.remove(note)
    assert threads and all(name == threading.main_thread().name for name in threads)


def test_a_qobject_in_a_cycle_is_freed_by_the_ui_thread_collection(qtbot) -> None:
    tasks.pool()  # background work exists: collection has moved to the UI thread
    freed: list[bool] = []
    holder = QObject()
    holder.destroyed.connect(lambda: freed.append(True))
    holder.me = holder  # type: ignore[attr-defined]  # a cycle: only the collector frees it
    del holder
    assert freed == []  # still there: nothing collects it but the collector
    thresholds = gc.get_threshold()
    gc.set_threshold(0, 0, 0)  # every generation is due
    try:
        garbage.collect()
    finally:
        gc.set_threshold(*thresholds)
    assert freed == [True]
