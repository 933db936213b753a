"""Enrolling a laptop: the token's keeping, and the work recorded before enrolment."""

from __future__ import annotations

import uuid

import keyring
import pytest
from sqlalchemy import func, select

from stpaul_field.server.models import Record
from stpaul_field.store import demo
from stpaul_field.store.database import Store
from stpaul_field.store.keys import KEYRING_SERVICE
from stpaul_field.store.models import Activity, Advisor, Participation
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.sync import enrolment, state
from stpaul_field.sync.errors import NotEnrolledError
from tests.store.test_encryption import MemoryKeyring
from tests.sync_fixtures import Laptop, SyncWorld, activity_fields


def test_without_a_keyring_the_token_is_kept_in_the_encrypted_store_only(world: SyncWorld) -> None:
    laptop = world.laptop("marie")
    kept = enrolment.load_enrolment(laptop.store)
    assert kept is not None and kept.advisor_id == world.marie_id and kept.display_name == "Marie Payet"
    token = enrolment.device_token(laptop.store, kept)
    # The enrolment's JSON never holds the token, and no file of the laptop shows it in clear.
    assert token and token not in kept.to_json()
    laptop.store.close()
    for path in laptop.paths.data.parent.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    laptop.store = Store.open(laptop.paths, upgrade=False)
    assert laptop.sync().complete
    with laptop.store.session() as s:
        state.put(s, state.DEVICE_TOKEN, None)
    with pytest.raises(NotEnrolledError, match="inscrivez"):
        enrolment.transport_for(laptop.store)


def test_with_a_keyring_the_token_is_kept_there(world: SyncWorld) -> None:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        laptop = world.laptop("marie")
        assert laptop.enrolment is not None
        ((service, account),) = memory.secrets
        assert service == KEYRING_SERVICE and str(laptop.enrolment.device_id) in account
        assert enrolment.device_token(laptop.store, laptop.enrolment) == memory.secrets[(service, account)]
        with laptop.store.reader() as s:
            assert state.get(s, state.DEVICE_TOKEN) is None  # not in the store too
        laptop.add_person()
        assert laptop.sync().pushed == 1
    finally:
        keyring.set_keyring(previous)


def test_a_laptop_not_enrolled_cannot_sync(world: SyncWorld) -> None:
    laptop = world.laptop(None)
    with pytest.raises(NotEnrolledError) as refused:
        enrolment.transport_for(laptop.store)
    assert "enrol --server" in refused.value.message


def _accompaniment_before_enrolment(laptop: Laptop) -> tuple[uuid.UUID, Activity]:
    """An accompaniment recorded by the laptop's placeholder advisor, before it is enrolled."""
    person = laptop.add_person()
    with laptop.store.session() as s:
        placeholder = local_advisor_id(s)
        activity = Activity(**activity_fields(placeholder, title=""))
        s.add(activity)
        s.flush()
        s.add(Participation(activity_id=activity.id, beneficiary_id=person, attended=True))
    return placeholder, activity


def test_work_recorded_before_enrolment_is_the_enrolling_advisors_and_syncs(world: SyncWorld) -> None:
    laptop = world.laptop(None)
    placeholder, activity = _accompaniment_before_enrolment(laptop)
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


def test_demo_data_changes_hands_at_enrolment_but_is_never_sent(world: SyncWorld) -> None:
    # `seed-demo` writes local-only records (nothing queued). Enrolling used to queue the
    # hand-over of its activities as updates of records the central record never received,
    # and it refused each (« Champ obligatoire manquant : Type d'activité, Date »).
    laptop = world.laptop(None)
    counts = demo.seed(laptop.store, beneficiaries=20, activities=15)
    placeholder, own = _accompaniment_before_enrolment(laptop)
    laptop.enrol("marie")
    with laptop.store.reader() as s:
        demo_ids = set(s.scalars(select(Activity.id).where(Activity.id != own.id)))
        assert len(demo_ids) == counts["activities"]
        assert (
            s.scalar(select(func.count()).select_from(Activity).where(Activity.advisor_id == placeholder))
            == 0
        )
    assert {e.record_id for e in laptop.outbox() if e.entity == "activity"} == {own.id}
    report = laptop.sync()
    assert report.complete and report.rejected == 0 and laptop.outbox() == []
    with world.env.db.session() as s:
        sent = set(s.scalars(select(Record.id).where(Record.entity == "activity")))
    assert own.id in sent and not sent & demo_ids
