"""Python's cyclic garbage collector runs on the UI thread only.

Qt objects caught in reference cycles (a widget and its slots, the relay of a background job)
are freed by the cyclic collector, which runs in whichever thread happens to allocate when a
threshold is crossed — a store worker, a sync. Freeing a QObject of the UI thread from another
thread crashes the process (the likely cause of a segfault seen once in CI, in a worker
emitting its result; it did not reproduce in 15 runs of that test alone).
As Anki does: automatic collection off once background work starts, and a timer on the UI
thread collects what the same thresholds call for.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

INTERVAL_MS = 500
_timer: QTimer | None = None


def install() -> None:
    """Move collection to the UI thread (idempotent; call it on the UI thread)."""
    global _timer
    app = QCoreApplication.instance()
    if _timer is not None or app is None:
        return
    gc.disable()
    _timer = QTimer(app)
    _timer.setInterval(INTERVAL_MS)
    _timer.timeout.connect(collect)
    _timer.start()


def collect() -> None:
    """Collect the generations whose counts passed their thresholds, as automatic GC would."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in range(3):
        if counts[generation] <= thresholds[generation]:
            break
        gc.collect(generation)
