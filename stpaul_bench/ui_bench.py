"""Benchmarks of the desktop app (registered in `stpaul_bench.runner`).

- launch to a usable main window (store opened off the UI thread, window shown, today's
  agenda on screen) with the demo store of `--beneficiaries` people, in this process against
  a bare QMainWindow, and as a person starts it (a new `python -m stpaul_field` process, to
  its window shown) against a bare PySide6 program launched the same way;
- the activities list: a new filter (count + first page) and the next page while
  scrolling, over `--activities` activities (the agenda's week: `reports_bench.agenda_week`).
Run offscreen when there is no display.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time

from stpaul_bench.harness import BENCH_PASSPHRASE, BenchContext, Figure, percentile

ROUNDS = 5
PROCESS_ROUNDS = 3


def qt_application():  # type: ignore[no-untyped-def]
    """The QApplication the UI benches need (made offscreen when there is no screen)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from stpaul_field.ui.app import configure

    app = QApplication.instance() or QApplication([])
    configure(app)
    return app


def _launch_once(ctx: BenchContext, app) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop, QTimer

    from stpaul_field import settings as st
    from stpaul_field.ui.app import Launcher

    paths = ctx.demo_store()
    loop = QEventLoop()
    shown: dict[str, object] = {}

    def ready(window) -> None:  # type: ignore[no-untyped-def]
        shown["window"] = window
        # Usable: the agenda of today is on screen (its first load has come back).
        window.agenda.loaded.connect(loop.quit)

    launcher = Launcher(paths, st.Settings(paths.settings_file), ask_venue=False)
    launcher.ready.connect(ready)
    launcher.failed.connect(lambda message: (shown.setdefault("error", message), loop.quit()))
    QTimer.singleShot(60_000, loop.quit)
    started = time.perf_counter()
    launcher.start(show_splash=True, passphrase=BENCH_PASSPHRASE)
    loop.exec()
    elapsed = time.perf_counter() - started
    if "error" in shown or "window" not in shown:
        raise RuntimeError(f"la fenêtre ne s'est pas ouverte : {shown.get('error', 'délai dépassé')}")
    return elapsed, shown["window"]


def _bare_window_once(app) -> float:  # type: ignore[no-untyped-def]
    """Seconds from nothing to a bare QMainWindow shown and exposed: the platform's own cost."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMainWindow

    started = time.perf_counter()
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    if not QTest.qWaitForWindowExposed(window, 10_000):
        raise RuntimeError("la fenêtre nue n'a pas été affichée")
    elapsed = time.perf_counter() - started
    window.close()
    window.deleteLater()
    _delete_now()
    return elapsed


def _delete_now() -> None:
    """Destroy now what `deleteLater` was asked for.

    `processEvents` never runs deferred deletes: outside an event loop they wait for the next
    loop to start, so the windows of `window-start` were destroyed at the start of the next
    bench (`activity-list`), mid-way through its own work, against stores already closed.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def window_startup(ctx: BenchContext) -> list[Figure]:
    from stpaul_field.ui import tasks

    app = qt_application()
    samples, bare = [], []
    _bare_window_once(app)  # the first window of the process loads the platform plugin and fonts
    for _ in range(ROUNDS):
        # Ours and the bare window alternate, so that a load on the machine falls on both.
        bare.append(_bare_window_once(app))
        elapsed, window = _launch_once(ctx, app)
        samples.append(elapsed)
        window.close()  # type: ignore[attr-defined]
        tasks.wait_until_settled(10_000)
        window.ctx.store.close()  # type: ignore[attr-defined]
        window.deleteLater()  # type: ignore[attr-defined]
        _delete_now()
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    return [
        Figure(
            f"lancement → fenêtre utilisable ({n} bénéficiaires), meilleur", min(samples) * 1000, "ms", 1000
        ),
        Figure(
            f"lancement → fenêtre utilisable ({n} bénéficiaires), médiane",
            statistics.median(samples) * 1000,
            "ms",
            1000,
        ),
        Figure("fenêtre PySide6 nue (QMainWindow affichée), meilleur", min(bare) * 1000, "ms"),
        Figure("lancement ÷ fenêtre nue (meilleurs, même passe)", min(samples) / min(bare), "×"),
        *process_starts(ctx),
    ]


def process_starts(ctx: BenchContext) -> list[Figure]:
    """A new process to its main window, as a person starts the app, against a bare PySide6
    program launched the same way, alternated so that a load falls on both.

    The in-process figures above start after the interpreter and Qt are loaded; these add
    what a person waits for first: Python, the imports, the platform plugin.
    """
    from stpaul_bench.packaging_bench import start_once

    platform = "xcb" if os.environ.get("DISPLAY") else "offscreen"
    copy = ctx.work_dir / "window-start-process"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ctx.demo_store().data.parent, copy)  # the app writes its settings: a copy
    app = [sys.executable, "-m", "stpaul_field"]
    bare_program = [sys.executable, "-m", "stpaul_bench.bare_window"]
    ours, bare = [], []
    for _ in range(PROCESS_ROUNDS):
        bare.append(start_once(bare_program, platform=platform))
        ours.append(start_once(app, copy, platform=platform))
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    return [
        Figure(
            f"nouveau processus → fenêtre ({n} bénéficiaires, {platform}), meilleur",
            min(ours) * 1000,
            "ms",
            1000,
        ),
        Figure(f"programme PySide6 nu, même lancement ({platform}), meilleur", min(bare) * 1000, "ms"),
        Figure("nouveau processus ÷ programme nu (meilleurs, même passe)", min(ours) / min(bare), "×"),
    ]


def activity_list(ctx: BenchContext) -> list[Figure]:
    import datetime as dt

    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from stpaul_field import settings as st
    from stpaul_field.domain import values as v
    from stpaul_field.store import activities as acts
    from stpaul_field.ui import tasks
    from stpaul_field.ui.activities_view import COLUMNS, ActivitiesModel
    from stpaul_field.ui.context import AppContext

    qt_application()
    paths = ctx.demo_store()
    store = ctx.open_store(paths)

    def until_loaded(model: ActivitiesModel, action, signal=None) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        # From the click to the new rows on screen (the query runs off the UI thread), and
        # how long the click itself held the UI thread.
        signal = signal or model.loaded
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        started = time.perf_counter()
        action()
        held = time.perf_counter() - started
        loop.exec()
        elapsed = time.perf_counter() - started
        signal.disconnect(loop.quit)
        return elapsed, held

    try:
        context = AppContext(store, st.Settings(paths.settings_file), paths)
        model = ActivitiesModel(context)
        today = dt.date.today()
        month = acts.ActivityFilter(date_from=today.replace(day=1), date_to=today)
        filters = [acts.ActivityFilter(), month]
        filters += [acts.ActivityFilter(theme=t) for t in v.THEMES.codes[:6]]
        filters += [acts.ActivityFilter(type="workshop"), acts.ActivityFilter(status="planned")]
        filter_times = [until_loaded(model, lambda f=flt: model.set_filter(f))[0] for flt in filters]
        until_loaded(model, lambda: model.set_filter(acts.ActivityFilter()))
        # Scrolling 2,500 rows down: each page is read off the UI thread.
        pages = [until_loaded(model, model.fetchMore, model.page_loaded) for _ in range(25)]
        # Every sort key, as a click on its column header (issue 22: each < 150 ms).
        sort_times = {
            column.sort_key: until_loaded(model, lambda c=number: model.sort(c, Qt.SortOrder.AscendingOrder))[
                0
            ]
            for number, column in enumerate(COLUMNS)
            if column.sort_key is not None
        }
        tasks.wait_until_settled(30_000)
    finally:
        store.close()
    m = f"{ctx.activities:,}".replace(",", " ")
    return [
        Figure(
            f"liste des activités : nouveau filtre → affiché, p95 ({m} activités, hors fil UI)",
            percentile(filter_times, 95) * 1000,
            "ms",
            150,
        ),
        Figure(
            "liste des activités : page suivante au défilement, fil UI tenu, p95",
            percentile([held for _, held in pages], 95) * 1000,
            "ms",
            33,
        ),
        Figure(
            "liste des activités : page suivante → affichée (hors fil UI), p95",
            percentile([shown for shown, _ in pages], 95) * 1000,
            "ms",
        ),
        *(
            Figure(f"liste des activités : tri « {key} » → première page affichée", elapsed * 1000, "ms", 150)
            for key, elapsed in sort_times.items()
        ),
    ]
