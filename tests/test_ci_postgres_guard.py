"""The guard that makes PostgreSQL tests mandatory in CI works (it can fail)."""

import subprocess
import sys
import textwrap
from pathlib import Path


def test_a_skipped_postgres_test_fails_when_postgres_is_required(tmp_path: Path):
    (tmp_path / "conftest.py").write_text(
        (Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "test_pg.py").write_text(
        textwrap.dedent("""
        import pytest

        @pytest.mark.postgres
        def test_needs_pg(postgres_url):
            pass
    """),
        encoding="utf-8",
    )
    base = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "markers=postgres",
        str(tmp_path),
    ]
    env_no_pg = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parent.parent)}
    relaxed = subprocess.run(base, env=env_no_pg, capture_output=True, text=True, check=False)
    assert relaxed.returncode == 0, relaxed.stdout
    assert "1 skipped" in relaxed.stdout
    strict = subprocess.run(
        base, env={**env_no_pg, "STPAUL_REQUIRE_POSTGRES": "1"}, capture_output=True, text=True, check=False
    )
    assert strict.returncode == 1
    assert "1 error" in strict.stdout or "1 failed" in strict.stdout
    assert "PostgreSQL" in strict.stdout
