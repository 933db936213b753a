"""The desktop benches: nothing of theirs left alive for the bench after them, and a new
process's start measured against a bare PySide6 program launched the same way."""

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from stpaul_bench.harness import BenchContext
from stpaul_bench.ui_bench import process_starts, window_startup


def _main_windows() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)}


def test_window_start_destroys_its_windows_before_the_next_bench(qapp, tmp_path):
    # Deferred deletes wait for the next event loop: the windows of window-start were then
    # destroyed at the start of activity-list, where a run ended in a segmentation fault.
    # Only the bench's own windows count (a UI test run before may leave one to its garbage).
    before = _main_windows()
    figures = window_startup(BenchContext(tmp_path / "w", beneficiaries=200, activities=50))
    assert any("fenêtre nue" in f.name for f in figures)
    assert _main_windows() - before == set()


def test_window_start_times_a_new_process_against_a_bare_program_launched_the_same_way(qapp, tmp_path):
    figures = {
        f.name.split(" (")[0].split(",")[0]: f for f in process_starts(BenchContext(tmp_path / "p", 200, 50))
    }
    ours = figures["nouveau processus → fenêtre"]
    bare = figures["programme PySide6 nu"]
    ratio = figures["nouveau processus ÷ programme nu"]
    # The app opens a store and builds its window on top of what the bare program does.
    assert ours.value > bare.value > 0
    assert ratio.value == pytest.approx(ours.value / bare.value)
    assert (tmp_path / "p" / "window-start-process").is_dir()  # the demo store itself untouched


def test_the_bench_reads_the_line_the_apps_smoke_mode_prints():
    from stpaul_bench import smoke_line
    from stpaul_field.ui import smoke

    assert (smoke_line.SMOKE_ENV, smoke_line.REPORT_PREFIX) == (smoke.SMOKE_ENV, smoke.REPORT_PREFIX)
