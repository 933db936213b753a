"""Conflicts kept by sync: readable labels, and settling them as ordinary local edits."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from stpaul_field.store import conflicts
from stpaul_field.store.activities import create_beneficiary
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Conflict, OutboxEntry, Venue
from stpaul_field.store.outbox import APPLYING_REMOTE
from stpaul_field.store.reference import local_advisor_id


def synced(store, person_id):
    """As if the record had been pulled: no outbox left, a server version."""
    with store.session() as s:
        s.get(Beneficiary, person_id).server_version = 7
        for entry in s.scalars(select(OutboxEntry)):
            s.delete(entry)


def outbox(store) -> list[OutboxEntry]:
    with store.reader() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


@pytest.fixture
def person(store):
    with store.session() as s:
        person = create_beneficiary(s, "Hélène", "Payet")
        s.get(Beneficiary, person).gender = "feminin"
    synced(store, person)
    return person


def add_conflict(store, **fields) -> Conflict:
    with store.session() as s:
        conflict = Conflict(**fields)
        s.add(conflict)
    return conflict


def test_open_conflicts_read_as_an_advisor_says_them(store, person):
    with store.session() as s:
        advisor = local_advisor_id(s)
        venue = s.scalars(select(Venue).order_by(Venue.name)).first()
        day = dt.date(2026, 11, 20)
        workshop = Activity(type="workshop", title="Messagerie", advisor_id=advisor, date=day)
        workshop.venue_id = venue.id
        s.add(workshop)
        advisor_name = s.get(Advisor, advisor).display_name
    add_conflict(
        store, entity="beneficiary", record_id=person, field="gender", kept_value="feminin", lost_value=None
    )
    add_conflict(
        store,
        entity="activity",
        record_id=workshop.id,
        field="themes",
        kept_value=["email", "bureautique"],
        lost_value=["email"],
        lost_is_mine=False,
        detected_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1),
    )
    add_conflict(
        store, entity="activity", record_id=workshop.id, field="venue_id", kept_value=str(venue.id),
        lost_value=None, resolved_at=dt.datetime.now(dt.UTC),
    )  # fmt: skip
    with store.reader() as s:
        themes, gender = conflicts.open_conflicts(s)
    assert (gender.record, gender.field_label, gender.kept, gender.lost) == (
        "PAYET Hélène",
        "Genre",
        "Féminin",
        "(vide)",
    )
    assert gender.lost_is_mine
    assert themes.record == "Atelier collectif « Messagerie » — 20/11/2026"
    assert (themes.field_label, themes.kept, themes.lost) == ("Thématiques", "E-mail, Bureautique", "E-mail")
    assert not themes.lost_is_mine
    with store.reader() as s:
        assert conflicts.open_conflicts(s, translate=str.upper)[1].kept == "FÉMININ"
        from stpaul_field.store.record_labels import value_label

        assert value_label(s, "advisor_id", str(advisor)) == advisor_name
        assert value_label(s, "date", "2026-11-20") == "20/11/2026"
        assert value_label(s, "duration_min", 90) == "1 h 30"
        assert value_label(s, "disability", True) == "oui"


def test_keep_mine_restores_my_lost_value_as_a_local_edit_that_syncs(store, person):
    mine = add_conflict(
        store, entity="beneficiary", record_id=person, field="phone", kept_value="0692000000",
        lost_value="0692123456", lost_is_mine=True,
    )  # fmt: skip
    with store.session() as s:
        s.info[APPLYING_REMOTE] = True  # the pulled (kept) value, as the engine applies it
        s.get(Beneficiary, person).phone = "0692000000"
    assert outbox(store) == []
    with store.session() as s:
        assert conflicts.keep_mine(s, mine.id) is True
    with store.reader() as s:
        assert s.get(Beneficiary, person).phone == "0692123456"
        assert s.get(Conflict, mine.id).resolved_at is not None
        assert conflicts.open_conflicts(s) == []
    [entry] = outbox(store)
    assert entry.record_id == person and entry.fields.keys() - {"updated_at"} == {"phone"}
    assert entry.fields["phone"] == "0692123456"
    assert entry.base_version == 7
    with store.session() as s, pytest.raises(conflicts.ConflictError):
        conflicts.keep_other(s, mine.id)


def test_keep_other_when_mine_was_kept_restores_theirs_and_keeping_the_winner_writes_nothing(store, person):
    theirs = add_conflict(
        store, entity="beneficiary", record_id=person, field="gender", kept_value="feminin",
        lost_value="non_communique", lost_is_mine=False,
    )  # fmt: skip
    already = add_conflict(
        store, entity="beneficiary", record_id=person, field="notes", kept_value="vue mardi",
        lost_value="vue lundi", lost_is_mine=False,
    )  # fmt: skip
    with store.session() as s:
        assert conflicts.keep_mine(s, already.id) is False  # my value is the one kept: nothing to write
    assert outbox(store) == []
    with store.session() as s:
        assert conflicts.keep_other(s, theirs.id) is True
    with store.reader() as s:
        assert s.get(Beneficiary, person).gender == "non_communique"
    [entry] = outbox(store)
    assert entry.fields.keys() - {"updated_at"} == {"gender"}
    assert entry.fields["gender"] == "non_communique"


def test_date_and_list_values_are_restored_with_their_types(store):
    with store.session() as s:
        workshop = Activity(type="workshop", advisor_id=local_advisor_id(s), date=dt.date(2026, 11, 20))
        s.add(workshop)
    conflict = add_conflict(
        store, entity="activity", record_id=workshop.id, field="date", kept_value="2026-11-20",
        lost_value="2026-11-21", lost_is_mine=True,
    )  # fmt: skip
    with store.session() as s:
        conflicts.keep_mine(s, conflict.id)
    with store.reader() as s:
        assert s.get(Activity, workshop.id).date == dt.date(2026, 11, 21)
