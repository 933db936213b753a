"""Keys for sync files (issue 20): made at enrolment or at the next online sync, registered with
the device on the central record; a revoked laptop's file is refused."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from stpaul_field.server import admin, sync_files
from stpaul_field.server.errors import ApiError
from stpaul_field.server.models import Device, Journal
from stpaul_field.sync import file_keys, file_sync, state
from stpaul_field.sync import sealed_file as sf
from stpaul_field.sync.errors import ProtocolError, SyncError
from tests.sync_fixtures import Laptop, SyncWorld


def _device(world: SyncWorld, laptop: Laptop) -> Device:
    assert laptop.enrolment is not None
    with world.env.db.session() as s:
        device = s.get(Device, laptop.enrolment.device_id)
        assert device is not None
        return device


def _request_file(laptop: Laptop, tmp_path) -> bytes:  # type: ignore[no-untyped-def]
    return file_sync.write_request(laptop.store, tmp_path).path.read_bytes()


def test_enrolment_gives_the_laptop_its_keys_and_the_central_records(world: SyncWorld) -> None:
    laptop = world.laptop("marie")
    keys = file_keys.registered(laptop.store)
    device = _device(world, laptop)
    assert (device.signing_key, device.box_key) == (
        keys.device_keys().signing_key,
        keys.device_keys().box_key,
    )
    assert keys.server == sync_files.identity(world.env.db).public(device.team_id)
    # Each laptop its own pair.
    other = file_keys.registered(world.laptop("paul").store)
    assert other.device_keys() != keys.device_keys() and other.server == keys.server


def test_a_laptop_enrolled_before_gets_its_keys_at_its_next_online_sync(world: SyncWorld, tmp_path) -> None:
    laptop = world.laptop("marie")
    # As an enrolment by the previous version left it: no keys on either side.
    with laptop.store.session() as s:
        state.put(s, state.FILE_KEYS, None)
    with world.env.db.writer(sequenced=False) as s:
        device = s.get(Device, laptop.enrolment.device_id)  # type: ignore[union-attr]
        device.signing_key = device.box_key = None  # type: ignore[union-attr]
    with pytest.raises(SyncError) as refused:
        file_sync.write_request(laptop.store, tmp_path)
    assert refused.value.message == file_keys.NO_KEYS
    laptop.add_person(first_name="Maëlle")
    assert laptop.sync().complete
    keys = file_keys.registered(laptop.store)
    assert _device(world, laptop).signing_key == keys.device_keys().signing_key
    opened = sync_files.open_request(world.env.db, _request_file(laptop, tmp_path))
    assert opened.caller.device_id == laptop.enrolment.device_id  # type: ignore[union-attr]
    with world.env.db.session() as s:
        ops = s.scalars(select(Journal.op).where(Journal.device_id == laptop.enrolment.device_id))  # type: ignore[union-attr]
        assert "keys" in list(ops)


def test_a_central_record_not_yet_updated_leaves_sync_and_enrolment_whole(world: SyncWorld) -> None:
    laptop = world.laptop("marie")
    with laptop.store.session() as s:
        state.put(s, state.FILE_KEYS, None)

    class OldServer:
        def register_keys(self, _keys):  # type: ignore[no-untyped-def]
            raise ProtocolError("Requête refusée par le serveur (404).")

    file_keys.ensure_registered(laptop.store, OldServer())  # no error
    with laptop.store.reader() as s:
        kept = file_keys.load(s)
    assert kept is not None and kept.server is None  # made, kept, registered at a later sync
    assert laptop.sync().complete
    assert file_keys.registered(laptop.store).device_keys() == kept.device_keys()


def test_a_revoked_laptops_file_is_refused_before_anything_is_applied(world: SyncWorld, tmp_path) -> None:
    laptop = world.laptop("marie")
    laptop.add_person(first_name="Maëlle")
    data = _request_file(laptop, tmp_path)
    before = world.server_records()
    with world.env.db.writer(sequenced=False) as s:
        admin.revoke_device(s, laptop.enrolment.device_id)  # type: ignore[union-attr]
    with pytest.raises(ApiError) as refused:
        sync_files.import_request(world.env.db, data)
    assert refused.value.status == 422 and "révoqué" in refused.value.detail
    assert "rien n'a été appliqué" in refused.value.detail
    assert world.server_records() == before


def test_a_file_signed_by_keys_the_central_record_does_not_know_is_refused(
    world: SyncWorld, tmp_path
) -> None:
    laptop = world.laptop("marie")
    # The laptop's keys replaced without registering them (a store restored elsewhere…).
    with laptop.store.session() as s:
        kept = file_keys.load(s)
        assert kept is not None
        file_keys._save(
            s, file_keys.FileKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), kept.server)
        )
    with pytest.raises(ApiError) as refused:
        sync_files.open_request(world.env.db, _request_file(laptop, tmp_path))
    assert refused.value.detail == sf.OTHER_SIGNER
    # Registered at enrolment again, they are the device's.
    laptop.enrol("marie")
    assert sync_files.open_request(world.env.db, _request_file(laptop, tmp_path)).caller
