"""The one helper that runs store work off the UI thread and brings the result back."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from stpaul_field.ui import tasks


def test_work_runs_elsewhere_and_the_result_comes_back_on_the_ui_thread(qtbot):
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["work"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["done"] = threading.get_ident()
        seen["result"] = result

    tasks.run_in_background(work, done)
    assert tasks.pending() == 1
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["work"] != ui_thread and seen["done"] == ui_thread
    assert tasks.wait_until_settled() and tasks.pending() == 0


def test_errors_reach_the_error_callback(qtbot):
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("Base de données verrouillée")

    tasks.run_in_background(work, lambda _r: errors.append(AssertionError("not here")), errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_jobs_run_in_the_order_asked(qtbot):
    order: list[int] = []
    for i in range(5):
        tasks.run_in_background(lambda i=i: i, order.append)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=5000)
    assert order == [0, 1, 2, 3, 4]


def test_result_for_a_closed_screen_is_dropped(qtbot):
    screen = QWidget()
    got: list[int] = []
    gate = threading.Event()
    tasks.run_in_background(lambda: gate.wait(5) and 1, got.append, owner=screen)
    screen.deleteLater()
    qtbot.waitUntil(lambda: not _alive(screen), timeout=5000)
    gate.set()
    assert tasks.wait_until_settled()
    assert got == []


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_long_work_reports_progress_and_never_holds_up_store_work(qtbot):
    ui_thread = threading.get_ident()
    gate = threading.Event()
    progress: list[tuple[int, int]] = []
    done: list[str] = []

    def sync(report) -> str:
        for step in range(3):
            report(step)
        gate.wait(5)  # a sync waiting on a slow link
        return "fini"

    tasks.run_long(sync, lambda x: progress.append((x, threading.get_ident())), done.append)
    # Store work asked meanwhile is answered while the long work still runs.
    quick: list[int] = []
    tasks.run_in_background(lambda: 7, quick.append)
    qtbot.waitUntil(lambda: quick == [7] and len(progress) == 3, timeout=5000)
    assert done == [] and tasks.pending() == 1
    assert [p[0] for p in progress] == [0, 1, 2] and {p[1] for p in progress} == {ui_thread}
    gate.set()
    qtbot.waitUntil(lambda: done == ["fini"], timeout=5000)
    assert tasks.wait_until_settled()


def test_what_a_job_holds_is_freed_on_the_ui_thread_never_on_the_worker(qtbot):
    # A job's closure may hold the last reference to a screen: freeing a Qt object of the UI
    # thread from a worker crashes the process (the CI segfaults while closing during a sync).
    ui_thread = threading.get_ident()
    freed_on: list[int] = []

    class Held:
        def __del__(self) -> None:
            freed_on.append(threading.get_ident())

    results: list[int] = []
    for expected, long in enumerate((False, True), start=1):
        held = Held()
        if long:
            tasks.run_long(lambda report, h=held: 1, None, results.append)
        else:
            tasks.run_in_background(lambda h=held: 1, results.append)
        del held
        assert tasks.wait_until_settled()
        qtbot.waitUntil(lambda n=expected: len(freed_on) == n, timeout=5000)
    assert results == [1, 1]
    assert freed_on == [ui_thread, ui_thread]
