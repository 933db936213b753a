"""Every local change is queued for sync in the same transaction as the change."""

import datetime as dt

from sqlalchemy import select

from stpaul_field.domain.hlc import Stamp
from stpaul_field.records.wire import to_wire
from stpaul_field.store.database import Store
from stpaul_field.store.models import Beneficiary, OutboxEntry
from stpaul_field.store.outbox import APPLYING_REMOTE, pending_count


def entries(store: Store) -> list[OutboxEntry]:
    with store.reader() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_create_queues_every_field_and_edit_only_what_changed(store: Store):
    with store.session() as session:
        person = Beneficiary(first_name="Hélène", last_name="Payet")
        session.add(person)
    with store.session() as session:
        session.get(Beneficiary, person.id).phone = "0692123456"

    created, edited = entries(store)
    assert created.entity == "beneficiary" and created.record_id == person.id
    assert created.fields["first_name"] == "Hélène"
    assert created.fields["anonymous"] is False
    assert created.base_version == 0
    # An edit also sends its time (issue 16): every copy of the record then agrees on it.
    with store.reader() as session:
        updated_at = to_wire(session.get(Beneficiary, person.id).updated_at)
    assert edited.fields == {"phone": "0692123456", "updated_at": updated_at}
    assert updated_at > created.fields["updated_at"]
    assert Stamp.decode(edited.stamp) > Stamp.decode(created.stamp)


def test_tombstone_is_a_queued_change(store: Store):
    with store.session() as session:
        person = Beneficiary(first_name="Jean", last_name="Grondin")
        session.add(person)
    with store.session() as session:
        session.get(Beneficiary, person.id).deleted_at = dt.datetime.now(dt.UTC)
    assert "deleted_at" in entries(store)[-1].fields
    with store.reader() as session:
        assert session.get(Beneficiary, person.id) is not None  # never physically deleted


def test_edit_is_based_on_the_version_last_pulled(store: Store):
    with store.session() as session:
        session.info[APPLYING_REMOTE] = True
        person = Beneficiary(first_name="Jean", last_name="Grondin", server_version=41)
        session.add(person)
    assert entries(store) == []  # a pulled record is not sent back
    with store.session() as session:
        session.get(Beneficiary, person.id).notes = "rappeler lundi"
    assert entries(store)[0].base_version == 41


def test_rolled_back_edit_leaves_no_outbox_entry(store: Store):
    try:
        with store.session() as session:
            session.add(Beneficiary(first_name="Jean", last_name="Grondin"))
            session.flush()
            assert pending_count(session) == 1
            raise RuntimeError
    except RuntimeError:
        pass
    assert entries(store) == []


def test_saving_without_change_queues_nothing(store: Store):
    with store.session() as session:
        person = Beneficiary(first_name="Jean", last_name="Grondin")
        session.add(person)
    with store.session() as session:
        session.get(Beneficiary, person.id).first_name = "Jean"
    assert len(entries(store)) == 1
