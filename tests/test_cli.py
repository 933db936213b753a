"""The `stpaul-field` command: version, data directory, demo data."""

import os
import subprocess
import sys

from sqlalchemy import func, select

from stpaul_field import __version__
from stpaul_field.cli import main
from stpaul_field.paths import AppPaths
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Beneficiary, OutboxEntry, Participation


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exit_:
        assert exit_.code == 0
    assert capsys.readouterr().out.strip() == f"stpaul-field {__version__}"


def test_seed_demo_fills_only_the_given_data_dir(tmp_path, capsys):
    target = tmp_path / "demo"
    assert main(["--data-dir", str(target), "seed-demo", "--beneficiaries", "120", "--activities", "80"]) == 0
    assert "120 bénéficiaires" in capsys.readouterr().out
    paths = AppPaths.under(target)
    assert paths.store_file.exists()
    store = Store.open(paths)
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Beneficiary)) == 120
        assert s.scalar(select(func.count()).select_from(Activity)) == 80
        assert s.scalar(select(func.count()).select_from(Participation)) >= 80
        # Demo data stays on the laptop: nothing queued for the central record.
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    store.close()


def test_seed_demo_is_reproducible(tmp_path):
    def first_names(seed_dir):
        main(["--data-dir", str(seed_dir), "seed-demo", "--beneficiaries", "30", "--activities", "0"])
        store = Store.open(AppPaths.under(seed_dir))
        with store.reader() as s:
            out = sorted(s.scalars(select(Beneficiary.first_name + Beneficiary.last_name)))
        store.close()
        return out

    assert first_names(tmp_path / "a") == first_names(tmp_path / "b")


def test_negative_counts_are_refused(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "seed-demo", "--beneficiaries", "-1"]) == 2
    assert "positifs" in capsys.readouterr().out


def test_environment_variable_chooses_the_data_dir(tmp_path):
    env = dict(os.environ, STPAUL_FIELD_DATA_DIR=str(tmp_path / "via-env"))
    done = subprocess.run(
        [sys.executable, "-m", "stpaul_field", "seed-demo", "--beneficiaries", "3", "--activities", "0"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "via-env" / "data" / "stpaul-field.sqlite3").exists()


def test_bench_refuses_an_unknown_benchmark(capsys, tmp_path):
    assert main(["--data-dir", str(tmp_path), "bench", "nope"]) == 2
    assert "inconnu" in capsys.readouterr().out


def test_bench_prints_figures_with_goal_and_ratio(capsys, tmp_path):
    code = main(
        [
            "--data-dir",
            str(tmp_path),
            "bench",
            "search",
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


def test_a_document_bench_then_a_window_bench_run_in_one_process(tmp_path):
    # The sheets bench makes Qt's application for documents; the window bench after it
    # still needs widgets: a fresh interpreter, as `stpaul-field bench` runs.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    sizes = ["--beneficiaries", "200", "--activities", "50", "--work-dir", str(tmp_path / "w")]
    command = [sys.executable, "-m", "stpaul_field", "--data-dir", str(tmp_path), "bench"]
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
