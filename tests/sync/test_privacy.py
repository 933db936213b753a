"""People's rights through sync: an erasure or the server's retention reaches every laptop,
and a revoked laptop cannot bring an erased person back (issue 9)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from stpaul_field.server import admin
from stpaul_field.server.retention import apply_server_retention
from stpaul_field.store.models import Activity, Participation
from stpaul_field.store.privacy import erase_person
from stpaul_field.sync.errors import AuthError
from tests.sync_fixtures import AHEAD_MS, Laptop, SyncWorld, activity_fields

IDENTIFYING = {"first_name": "Maëva", "last_name": "Lebon", "phone": "0692778899", "notes": "Dossier CAF"}


def _followed_person(laptop: Laptop, advisor_id: uuid.UUID, day: dt.date) -> tuple[uuid.UUID, uuid.UUID]:
    """A person with an individual accompaniment whose notes name her."""
    person = laptop.add_person(**IDENTIFYING, birth_year=1984, commune="La Possession")
    with laptop.store.session() as s:
        activity = Activity(**activity_fields(advisor_id, date=day, notes="Mme Lebon, RDV CAF"))
        s.add(activity)
        s.flush()
        s.add(Participation(activity_id=activity.id, beneficiary_id=person, attended=True))
    return person, activity.id


def _assert_erased(laptop: Laptop, person: uuid.UUID, activity: uuid.UUID) -> None:
    seen = laptop.get("beneficiary", person)
    assert seen.anonymous and seen.birth_year is None
    assert (seen.first_name, seen.last_name, seen.phone, seen.notes) == ("", "", "", "")
    assert seen.commune == "La Possession"  # kept for the statistics
    assert laptop.get("activity", activity).notes == ""


def test_an_erasure_reaches_a_second_laptop_through_sync(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person, activity = _followed_person(marie, world.marie_id, dt.date(2026, 11, 20))
    marie.sync()
    paul.sync()
    assert paul.get("beneficiary", person).last_name == "Lebon"

    with marie.store.session() as s:
        erase_person(s, person)
    report = marie.sync()
    assert report.complete and report.rejected == 0
    paul.sync()

    for laptop in (marie, paul):
        _assert_erased(laptop, person, activity)
    server = world.server_records(("beneficiary",))[("beneficiary", person)]
    assert server["anonymous"] and server["last_name"] == "" and server["phone"] == ""
    assert marie.records() == paul.records() == world.server_records()


def test_a_revoked_laptop_cannot_bring_an_erased_person_back(world: SyncWorld) -> None:
    marie, lost = world.laptop("marie"), world.laptop("paul")
    person, activity = _followed_person(marie, world.marie_id, dt.date(2026, 11, 20))
    marie.sync()
    lost.sync()
    # The lost laptop still holds her and an edit of her made before it was lost.
    lost.edit("beneficiary", person, phone="0692000111", notes="Nouvelle adresse")
    assert lost.enrolment is not None
    with world.env.db.writer(sequenced=False) as s:
        admin.revoke_device(
            s, lost.enrolment.device_id, by=world.coord_id, team_id=world.env.teams["Saint-Paul"]
        )
    with marie.store.session() as s:
        erase_person(s, person)
    marie.sync()

    with pytest.raises(AuthError) as refused:
        lost.sync()
    assert "révoqué" in refused.value.message
    server = world.server_records(("beneficiary",))[("beneficiary", person)]
    assert server["anonymous"] and server["phone"] == "" and server["notes"] == ""
    # And the other laptops stay erased.
    marie.sync()
    _assert_erased(marie, person, activity)


def test_the_servers_retention_reaches_the_laptops(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    idle, idle_activity = _followed_person(marie, world.marie_id, dt.date(2023, 3, 2))
    active, _ = _followed_person(marie, world.marie_id, dt.date(2026, 11, 20))
    marie.sync()
    paul.sync()

    outcome = apply_server_retention(world.env.db, years=2, today=dt.date(2026, 11, 30))
    assert outcome.people == 1
    marie.sync()
    paul.sync()
    for laptop in (marie, paul):
        _assert_erased(laptop, idle, idle_activity)
        assert laptop.get("beneficiary", active).last_name == "Lebon"
    assert marie.records() == paul.records() == world.server_records()


def test_an_erasure_clears_the_notes_of_another_advisors_accompaniments(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person, _ = _followed_person(marie, world.marie_id, dt.date(2026, 11, 20))
    marie.sync()
    paul.sync()
    with paul.store.session() as s:
        pauls = Activity(**activity_fields(world.paul_id, notes="Mme Lebon rappellera"))
        s.add(pauls)
        s.flush()
        s.add(Participation(activity_id=pauls.id, beneficiary_id=person, attended=True))
    paul.sync()
    marie.sync()

    with marie.store.session() as s:
        erase_person(s, person)
    report = marie.sync()
    paul.sync()
    assert report.rejected == 0
    assert paul.get("activity", pauls.id).notes == ""
    assert marie.records() == paul.records() == world.server_records()
    # Clearing is all an erasure may do to another advisor's accompaniment.
    marie.edit("activity", pauls.id, notes="Réécrit par Marie")
    assert marie.sync().rejected == 1
    assert world.server_records(("activity",))[("activity", pauls.id)]["notes"] == ""


def test_an_erasure_forgets_the_values_kept_from_conflicts_everywhere(world: SyncWorld) -> None:
    from sqlalchemy import select

    from stpaul_field.server.models import ConflictLog
    from stpaul_field.store.models import Conflict

    marie, paul = world.laptop("marie"), world.laptop("paul")
    marie.set_wall(lambda: AHEAD_MS)
    paul.set_wall(lambda: AHEAD_MS + 60_000)  # Paul's edit is the later one
    person, _ = _followed_person(marie, world.marie_id, dt.date(2026, 11, 20))
    marie.sync()
    paul.sync()
    marie.edit("beneficiary", person, phone="0692111111")
    paul.edit("beneficiary", person, phone="0692222222")
    marie.sync()
    paul.sync()
    marie.sync()  # Marie learns that her value lost
    kept = {}
    for laptop in (marie, paul):
        with laptop.store.reader() as s:
            kept[laptop.name] = s.scalars(select(Conflict).where(Conflict.record_id == person)).all()
    assert kept[marie.name] and kept[marie.name][0].lost_value == "0692111111"
    with world.env.db.session() as s:
        assert s.scalars(select(ConflictLog).where(ConflictLog.record_id == person)).all()

    with paul.store.session() as s:
        erase_person(s, person)
    paul.sync()
    marie.sync()
    for laptop in (marie, paul):
        with laptop.store.reader() as s:
            assert s.scalars(select(Conflict).where(Conflict.record_id == person)).all() == []
    with world.env.db.session() as s:
        assert s.scalars(select(ConflictLog).where(ConflictLog.record_id == person)).all() == []
