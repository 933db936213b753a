"""The admin CLI `stpaul-field-server`: accounts, venues, devices, export, and `serve` itself."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from stpaul_bench.central_record import CHEAP_HASHING, ServerEnv, sqlite_url
from stpaul_field.domain.reference import reference_data
from stpaul_field.server.cli import main


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, value in CHEAP_HASHING.items():
        monkeypatch.setenv(f"STPAUL_SERVER_{name.upper()}", str(value))
    return tmp_path / "registre"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_accounts_devices_and_export_from_the_command_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = ("--data-dir", str(data_dir))
    assert run(capsys, "migrate", *d)[0] == 0
    code, out, _ = run(capsys, "create-team", "Saint-Paul", *d)
    assert code == 0 and "créée" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("un mot de passe solide\n"))
    code, out, _ = run(
        capsys,
        "create-advisor",
        "--team",
        "Saint-Paul",
        "--login",
        "Marie",
        "--first-name",
        "Marie",
        "--last-name",
        "Payet",
        "--password-stdin",
        *d,
    )
    assert code == 0 and "marie" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("court\n"))
    code, _, err = run(
        capsys, "create-advisor", "--team", "Saint-Paul", "--login", "paul", "--password-stdin", *d
    )
    assert code == 1 and "au moins" in err
    code, _, err = run(capsys, "create-team", "Saint-Paul", *d)
    assert code == 1 and "existe déjà" in err
    code, out, _ = run(
        capsys,
        "create-venue",
        "--name",
        "Case de Bellemène",
        "--team",
        "Saint-Paul",
        "--bassin",
        "saint_paul_centre",
        *d,
    )
    assert code == 0

    # A laptop enrols through the API; the CLI sees it and revokes it.
    env = ServerEnv.start(sqlite_url(data_dir))
    token = env.enrol("marie", "un mot de passe solide", device_name="PC de Marie")
    code, out, _ = run(capsys, "list-devices", *d)
    assert code == 0 and "PC de Marie" in out and "actif" in out
    device_id = out.split()[0]
    code, out, _ = run(capsys, "revoke-device", device_id, *d)
    assert code == 0 and "révoqué" in out
    assert "révoqué le" in run(capsys, "list-devices", *d)[1]
    from fastapi.testclient import TestClient

    r = TestClient(env.app).post(
        "/api/v1/sync",
        json={"protocol": 1, "batch_id": device_id},
        headers={"authorization": f"Bearer {token}"},
    )
    assert r.status_code == 401 and r.json()["code"] == "device_revoked"
    env.close()

    code, out, _ = run(capsys, "export", *d)
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["entity"] for r in rows} == {"venue", "advisor"}
    assert sum(r["entity"] == "venue" for r in rows) == len(reference_data()["venues"]) + 1
    assert all("password" not in json.dumps(r) for r in rows)
    target = data_dir / "conseillers.csv"
    code, out, _ = run(
        capsys, "export", "--entity", "advisor", "--format", "csv", "--output", str(target), *d
    )
    assert code == 0 and "1 enregistrement" in out
    advisors = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [(a["first_name"], a["last_name"], a["role"]) for a in advisors] == [
        ("Marie", "Payet", "conseiller_numerique")
    ]
    code, _, err = run(capsys, "export", "--format", "csv", *d)
    assert code == 1 and "--entity" in err

    code, out, _ = run(capsys, "disable-advisor", "marie", *d)
    assert code == 0
    exported = [json.loads(line) for line in run(capsys, "export", "--entity", "advisor", *d)[1].splitlines()]
    assert exported[0]["active"] is False
    assert run(capsys, "enable-advisor", "marie", *d)[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("un nouveau mot de passe\n"))
    assert run(capsys, "set-password", "marie", "--password-stdin", *d)[0] == 0
    env = ServerEnv.start(sqlite_url(data_dir))
    assert env.enrol("marie", "un nouveau mot de passe")
    env.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_export_to_a_file_is_owner_only_even_over_an_older_one(
    data_dir: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """The team's records (people, notes) on a server that other accounts may read: 0600."""
    import os
    import stat

    d = ("--data-dir", str(data_dir))
    assert run(capsys, "migrate", *d)[0] == 0
    target = data_dir / f"registre.{fmt}"
    target.write_text("ancien")
    target.chmod(0o644)
    previous = os.umask(0o022)  # a server's usual: new files readable by everyone
    try:
        code, out, _ = run(
            capsys, "export", "--entity", "venue", "--format", fmt, "--output", str(target), *d
        )
    finally:
        os.umask(previous)
    assert code == 0 and "exporté(s)" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and "Marla" in target.read_text(encoding="utf-8")
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".registre")] == []  # no temporary file


def test_a_password_is_never_a_command_line_argument(data_dir: Path) -> None:
    with pytest.raises(SystemExit):
        main(
            [
                "create-advisor",
                "--team",
                "x",
                "--login",
                "y",
                "--password",
                "secret",
                "--data-dir",
                str(data_dir),
            ]
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_starts_a_working_server_with_no_setup(data_dir: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "stpaul_field.server.cli",
            "serve",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "le serveur n'a pas démarré"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["status"] == "ok"
        assert httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert (data_dir / "central-record.sqlite3").exists()
    logs = proc.stderr.read().decode() if proc.stderr else ""
    request_lines = [json.loads(line) for line in logs.splitlines() if line.startswith("{")]
    assert any(line.get("event") == "request" and line.get("path") == "/health" for line in request_lines)
