"""The desktop benches leave nothing of theirs alive for the bench that runs after them."""

from PySide6.QtWidgets import QApplication, QMainWindow

from stpaul_bench.harness import BenchContext
from stpaul_bench.ui_bench import window_startup


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
