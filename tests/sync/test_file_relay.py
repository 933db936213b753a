"""A colleague's laptop relays a sync file over its own connection (issue 20): it authenticates the
delivery, the central record checks the file's own signature and applies it as its writer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from stpaul_field.server.models import Journal
from stpaul_field.sync import file_keys, file_sync
from stpaul_field.sync import sealed_file as sf
from stpaul_field.sync.errors import AuthError, ProtocolError, SyncError
from tests.sync.test_by_file import snapshot
from tests.sync.test_cli import cli
from tests.sync.test_sealed_file import _resigned
from tests.sync_fixtures import SyncWorld


def _flipped(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 0x01
    return bytes(changed)


def _journal_devices(world: SyncWorld) -> set:
    with world.env.db.session() as s:
        return set(s.scalars(select(Journal.device_id).where(Journal.op_id.is_not(None))))


def test_a_colleague_relays_the_file_and_brings_the_answer_back(world: SyncWorld, tmp_path: Path) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    paul.add_person(first_name="Chez Paul")
    paul.sync()
    made = [marie.add_person(first_name=f"Roche Plate {i}") for i in range(2)]
    request = file_sync.write_request(marie.store, tmp_path).path
    paul_before = snapshot(paul)
    (tmp_path / "retour").mkdir()
    with paul.transport() as link:
        answer = file_sync.relay(paul.store, link, request, tmp_path / "retour")  # type: ignore[arg-type]
    assert answer.parent == tmp_path / "retour" and answer.name.startswith("reponse-")
    assert all(("beneficiary", i) in world.server_records() for i in made)
    assert _journal_devices(world) == {marie.enrolment.device_id, paul.enrolment.device_id}  # type: ignore[union-attr]
    assert snapshot(paul) == paul_before  # the relay reads and keeps nothing of Marie's

    file_sync.read_answer(marie.store, answer)
    assert marie.outbox() == []
    assert marie.records() == world.server_records()
    # The same operations over HTTPS later: duplicates, nothing doubled.
    assert marie.sync().pulled == 0
    assert marie.records() == world.server_records()


def test_the_relay_needs_an_enrolled_laptop_of_the_team(world: SyncWorld, tmp_path: Path) -> None:
    marie = world.laptop("marie")
    marie.add_person()
    data = file_sync.write_request(marie.store, tmp_path).path.read_bytes()
    anonymous = httpx.post(
        world.live.url + "/api/v1/relay", content=data, headers={"content-type": sf.MEDIA_TYPE}
    )
    assert anonymous.status_code == 401
    world.env.advisor("Le Port", "lea", first_name="Léa", last_name="Grondin")
    lea = world.laptop("lea")
    with lea.transport() as link, pytest.raises(ProtocolError) as refused:
        link.relay(data)
    assert refused.value.message == sf.OTHER_TEAM
    with world.env.db.writer(sequenced=False) as s:
        from stpaul_field.server import admin

        admin.revoke_device(s, lea.enrolment.device_id)  # type: ignore[union-attr]
    with lea.transport() as link, pytest.raises(AuthError):
        link.relay(data)
    assert world.server_records() == {}


def test_the_central_record_checks_the_relayed_files_own_signature(world: SyncWorld, tmp_path: Path) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    marie.add_person()
    data = file_sync.write_request(marie.store, tmp_path).path.read_bytes()
    with paul.store.reader() as s:
        paul_keys = file_keys.load(s)
    assert paul_keys is not None
    forged = {
        sf.TAMPERED: _flipped(data, len(data) // 2),
        sf.TRUNCATED: data[:-10],
        sf.OTHER_SIGNER: _resigned(data, paul_keys.signing, claim_signer=True),
        sf.NOT_A_SYNC_FILE: b"rien",
    }
    with paul.transport() as link:
        for reason, body in forged.items():
            with pytest.raises(ProtocolError) as refused:
                link.relay(body)  # straight to the server, past the relaying laptop's own check
            assert refused.value.message == reason
    assert world.server_records() == {}
    # Signed by a key the central record never registered for anyone.
    stranger = _resigned(data, Ed25519PrivateKey.generate(), claim_signer=True)
    with paul.transport() as link, pytest.raises(ProtocolError) as refused:
        link.relay(stranger)
    assert refused.value.message == sf.OTHER_SIGNER
    # The relaying laptop refuses a damaged file before sending it.
    damaged = tmp_path / "abime.stpaul-sync"
    damaged.write_bytes(_flipped(data, 40))
    with paul.transport() as link, pytest.raises(SyncError) as refused:
        file_sync.relay(paul.store, link, damaged)  # type: ignore[arg-type]
    assert refused.value.message == sf.TAMPERED and link.round_trips == 0


def _server_cli(world: SyncWorld, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stpaul_field.server.cli", *args, "--database-url", world.env.db.url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_relay_and_import_from_the_command_line(world: SyncWorld, tmp_path: Path) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    marie.add_person(first_name="Maëlle")
    request = file_sync.write_request(marie.store, tmp_path).path
    paul.close()
    relayed = cli(paul, "sync", "--relay", str(request))
    assert relayed.returncode == 0, relayed.stderr
    assert "sa réponse est écrite" in relayed.stdout
    (answer,) = tmp_path.glob("reponse-*")
    assert file_sync.read_answer(marie.store, answer).acknowledged == 1

    broken = tmp_path / "abime.stpaul-sync"
    broken.write_bytes(_flipped(request.read_bytes(), 100))
    refused = _server_cli(world, "import-file", str(broken), "--answer-to", str(tmp_path))
    assert refused.returncode == 1 and sf.TAMPERED in refused.stderr
    nowhere = _server_cli(world, "import-file", str(request), "--answer-to", str(tmp_path / "absent"))
    assert nowhere.returncode == 1 and "importez le même fichier à nouveau" in nowhere.stderr
    again = cli(paul, "sync", "--relay", str(broken))
    assert again.returncode == 2 and sf.TAMPERED in again.stderr
