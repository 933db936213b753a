"""The `stpaul-field` command: version, data directory, demo data."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from stpaul_field import __version__
from stpaul_field.cli import COMMANDS, main
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


def test_an_advisor_s_stpaul_field_has_no_bench_command(capsys, tmp_path):
    """The benchmarks are a developer's tool: `python -m stpaul_bench` (tests/bench/test_runner.py)."""
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "bench", "search"])
    assert "bench" not in COMMANDS


def test_ctrl_c_in_a_terminal_command_stops_it_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_args: object, _paths: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("stpaul_field.sync.sync_cli.run", interrupted)
    assert main(["--data-dir", str(tmp_path), "sync"]) == 130
    err = capsys.readouterr().err
    assert "Interrompu" in err and "Traceback" not in err
