"""Enrolling a laptop: the token's keeping, and the work recorded before enrolment."""

from __future__ import annotations

import stat

import keyring
import pytest
from sqlalchemy import select

from stpaul_field.server.models import Record
from stpaul_field.server.testing import (  # noqa: F401 (fixtures)
    server_env,
    server_postgres_url,
    server_sqlite_template,
)
from stpaul_field.store.keys import KEYRING_SERVICE
from stpaul_field.store.models import Activity, Advisor, Participation
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.sync import enrolment
from stpaul_field.sync.errors import NotEnrolledError
from tests.sync_fixtures import SyncWorld, activity_fields
from tests.test_store_encryption import MemoryKeyring


def test_without_a_keyring_the_token_is_in_an_owner_only_file(world: SyncWorld) -> None:
    laptop = world.laptop("marie")
    path = laptop.paths.data / enrolment.TOKEN_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    kept = enrolment.load_enrolment(laptop.store)
    assert kept is not None and kept.advisor_id == world.marie_id and kept.display_name == "Marie Payet"
    token = enrolment.device_token(laptop.paths, kept)
    # The enrolment in the store never holds the token.
    assert token and token not in kept.to_json()
    path.unlink()
    with pytest.raises(NotEnrolledError, match="enrôlez"):
        enrolment.transport_for(laptop.store, laptop.paths)


def test_with_a_keyring_the_token_is_kept_there(world: SyncWorld) -> None:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        laptop = world.laptop("marie")
        assert laptop.enrolment is not None
        ((service, account),) = memory.secrets
        assert service == KEYRING_SERVICE and str(laptop.enrolment.device_id) in account
        assert not (laptop.paths.data / enrolment.TOKEN_FILE).exists()
        laptop.add_person()
        assert laptop.sync().pushed == 1
    finally:
        keyring.set_keyring(previous)


def test_a_laptop_not_enrolled_cannot_sync(world: SyncWorld) -> None:
    laptop = world.laptop(None)
    with pytest.raises(NotEnrolledError) as refused:
        enrolment.transport_for(laptop.store, laptop.paths)
    assert "enrol --server" in refused.value.message


def test_work_recorded_before_enrolment_is_the_enrolling_advisors_and_syncs(world: SyncWorld) -> None:
    laptop = world.laptop(None)
    person = laptop.add_person()
    with laptop.store.session() as s:
        placeholder = local_advisor_id(s)
        activity = Activity(**activity_fields(placeholder, title=""))
        s.add(activity)
        s.flush()
        s.add(Participation(activity_id=activity.id, beneficiary_id=person, attended=True))
    laptop.edit("activity", activity.id, notes="avant l'enrôlement")
    laptop.enrol("marie")
    with laptop.store.reader() as s:
        assert local_advisor_id(s) == world.marie_id
        assert s.get(Activity, activity.id).advisor_id == world.marie_id
        assert s.get(Advisor, placeholder).deleted_at is not None
    report = laptop.sync()
    assert report.complete and report.rejected == 0 and laptop.outbox() == []
    with world.env.db.session() as s:
        stored = s.get(Record, ("activity", activity.id))
        assert stored.fields["advisor_id"] == str(world.marie_id)
        assert stored.fields["notes"] == "avant l'enrôlement"
        assert s.scalar(select(Record).where(Record.id == placeholder)) is None  # never sent
    # Recorded after enrolment, work is the advisor's from the start.
    with laptop.store.reader() as s:
        me = local_advisor_id(s)
    with laptop.store.session() as s:
        s.add(Activity(**activity_fields(me)))
    assert laptop.sync().rejected == 0
    # The advisor's own record arrived with the pull, with the server's names.
    assert laptop.get("advisor", world.marie_id).last_name == "Payet"
