"""`python -m stpaul_bench`: the benchmarks' command, out of the advisor's app."""

import os
import subprocess
import sys

from stpaul_bench.runner import main


def test_bench_refuses_an_unknown_benchmark(capsys, tmp_path):
    assert main(["nope"]) == 2
    assert "inconnu" in capsys.readouterr().out


def test_bench_prints_figures_with_goal_and_ratio(capsys, tmp_path):
    code = main(
        [
            "search",
            "register",
            "store-open",
            "--beneficiaries",
            "300",
            "--activities",
            "10",
            "--work-dir",
            str(tmp_path / "w"),
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "recherche par frappe p95 (300 bénéficiaires)" in out
    assert "ouverture du poste + 1re page" in out
    assert "≤ 30 ms" in out
    # Each keystroke bench divides its p95 by the bare FTS5 query's, measured in the same run.
    assert "recherche : p95 ÷ FTS5 nue p95" in out and "≤ 1.5 ×" in out
    assert "registre : frappe : p95 ÷ FTS5 nue p95" in out and "≤ 2 ×" in out


def test_a_document_bench_then_a_window_bench_run_in_one_process(tmp_path):
    # The sheets bench makes Qt's application for documents; the window bench after it
    # still needs widgets: a fresh interpreter, as `python -m stpaul_bench` runs.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    sizes = ["--beneficiaries", "200", "--activities", "50", "--work-dir", str(tmp_path / "w")]
    command = [sys.executable, "-m", "stpaul_bench"]
    done = subprocess.run(
        [*command, "sheets", "window-start", *sizes],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "feuille d'émargement 30 inscrits" in done.stdout
    assert "lancement → fenêtre utilisable (200 bénéficiaires)" in done.stdout
    # Our start divided by a bare PySide6 window's, both timed in the same run.
    assert "lancement ÷ fenêtre nue (meilleurs, même passe)" in done.stdout
