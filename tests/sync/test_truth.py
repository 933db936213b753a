"""Sync truth (issue 16): no colleague's value overwritten unseen, no person lost or counted twice.

Each test is one case an independent harness found on the real engine and server, over HTTP,
on SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from stpaul_field.records.wire import to_wire
from stpaul_field.server.models import Record
from stpaul_field.store.beneficiaries import merge_beneficiaries, register_count
from stpaul_field.store.models import Activity, Conflict, OutboxEntry, Participation
from tests.sync_fixtures import AHEAD_MS, Laptop, SyncWorld, activity_fields

BASE_MS = AHEAD_MS
MINUTE_MS = 60_000


def _conflicts(laptop: Laptop) -> list[Conflict]:
    with laptop.store.reader() as s:
        return list(s.scalars(select(Conflict).order_by(Conflict.field)))


def _stop_after(exchanges: int) -> tuple[list[int], object]:
    """A `should_stop` that lets `exchanges` exchanges through (a cut between pages does the same)."""
    calls = [0]

    def should_stop() -> bool:
        calls[0] += 1
        return calls[0] > exchanges

    return calls, should_stop


def test_an_edit_between_pages_never_overwrites_a_merged_value_it_has_not_seen(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    marie.set_wall(lambda: BASE_MS + MINUTE_MS)  # Marie's edits are the later ones
    paul.set_wall(lambda: BASE_MS)
    person = marie.add_person(notes="Premier contact.")
    marie.sync()
    paul.sync()
    # Paul changes the notes; the team has more than a page of changes waiting for Marie.
    paul.edit("beneficiary", person, notes="Rappeler lundi (Paul).")
    for n in range(6):
        paul.add_person(first_name=f"Autre{n}")
    paul.sync()

    # Marie's push is merged with Paul's notes; that state is not in her first page.
    marie.edit("beneficiary", person, first_name="Hélène-Marie")
    _calls, stop = _stop_after(1)
    engine = marie.engine(page_size=2)
    try:
        assert not engine.run(should_stop=stop).complete  # type: ignore[arg-type]
    finally:
        engine.transport.close()  # type: ignore[attr-defined]
    # Before the next page, she edits the notes still showing the old ones.
    assert marie.get("beneficiary", person).notes == "Premier contact."
    marie.edit("beneficiary", person, notes="Vu mardi (Marie).")
    marie.sync()
    paul.sync()

    # Her later edit wins, but Paul's value was never seen by her: it is a kept conflict, on
    # the server and on Paul's laptop (whose value lost).
    assert world.server_records()[("beneficiary", person)]["notes"] == "Vu mardi (Marie)."
    assert [(c.field, c.kept_value, c.lost_value, c.lost_is_mine) for c in _conflicts(paul)] == [
        ("notes", "Vu mardi (Marie).", "Rappeler lundi (Paul).", True)
    ]
    assert [(c.field, c.lost_value) for c in _conflicts(marie)] == [("notes", "Rappeler lundi (Paul).")]
    assert marie.records() == paul.records() == world.server_records()


def _updated_at(laptop: Laptop, person: object) -> str:
    return to_wire(laptop.get("beneficiary", person).updated_at)


def test_the_time_of_the_last_edit_is_the_same_everywhere(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = marie.add_person()
    marie.sync()
    paul.sync()
    created = _updated_at(marie, person)
    marie.edit("beneficiary", person, notes="Rappeler jeudi.")
    assert marie.sync().rejected == 0
    paul.sync()
    server = world.env.db
    with server.session() as s:
        stored = s.get(Record, ("beneficiary", person))
        assert stored is not None
        on_server = stored.fields["updated_at"]
    assert _updated_at(marie, person) == on_server == _updated_at(paul, person) != created


def test_an_edit_from_a_laptop_that_does_not_send_its_time_still_converges(world: SyncWorld) -> None:
    marie = world.laptop("marie")
    person = marie.add_person()
    marie.sync()
    marie.edit("beneficiary", person, notes="Rappeler jeudi.")
    with marie.store.session() as s:  # an older laptop: updates did not carry the stamp
        for entry in s.scalars(select(OutboxEntry)):
            entry.fields = {k: v for k, v in entry.fields.items() if k != "updated_at"}
    marie.sync()
    with world.env.db.session() as s:
        stored = s.get(Record, ("beneficiary", person))
        assert stored is not None
        on_server = stored.fields["updated_at"]
    assert _updated_at(marie, person) == on_server


def _live_participations(records: dict, activity: uuid.UUID) -> list[tuple[str, Any]]:
    live = [
        (str(f["beneficiary_id"]), f["attended"])
        for (entity, _id), f in records.items()
        if entity == "participation" and str(f["activity_id"]) == str(activity) and f["deleted_at"] is None
    ]
    return sorted(live, key=str)


def _workshop(world: SyncWorld, marie: Laptop) -> uuid.UUID:
    with marie.store.session() as s:
        activity = Activity(
            **activity_fields(
                world.marie_id, type="workshop", title="Atelier", co_advisor_ids=[str(world.paul_id)]
            )
        )
        s.add(activity)
    return activity.id


def test_co_leaders_adding_the_same_person_offline_leave_one_participation(world: SyncWorld) -> None:
    marie, paul, chloe = world.laptop("marie"), world.laptop("paul"), world.laptop("chloe")
    person = marie.add_person()
    workshop = _workshop(world, marie)
    marie.sync()
    paul.sync()
    for laptop, attended in ((marie, None), (paul, True)):  # offline, both add her
        with laptop.store.session() as s:
            s.add(Participation(activity_id=workshop, beneficiary_id=person, attended=attended))
    marie.sync()
    assert paul.sync().rejected == 0
    marie.sync()
    chloe.sync()

    one = [(str(person), True)]
    assert _live_participations(world.server_records(), workshop) == one
    for laptop in (marie, paul, chloe):
        assert _live_participations(laptop.records(), workshop) == one, laptop.name
        assert laptop.records() == world.server_records(), laptop.name
    assert marie.outbox() == paul.outbox() == []


def _live_people(records: dict, ids: set[uuid.UUID]) -> list[uuid.UUID]:
    return sorted(
        record_id
        for (entity, record_id), f in records.items()
        if entity == "beneficiary"
        and record_id in ids
        and f["deleted_at"] is None
        and not f["merged_into_id"]
    )


def test_opposite_merges_on_two_laptops_leave_one_person(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    first = marie.add_person(first_name="Hélène")
    second = marie.add_person(first_name="Helene")
    workshop = _workshop(world, marie)
    with marie.store.session() as s:
        s.add(Participation(activity_id=workshop, beneficiary_id=first, attended=True))
        s.add(Participation(activity_id=workshop, beneficiary_id=second, attended=False))
    marie.sync()
    paul.sync()
    with marie.store.session() as s:  # offline, each merges the other way
        merge_beneficiaries(s, second, first)
    with paul.store.session() as s:
        merge_beneficiaries(s, first, second)
    marie.sync()
    assert paul.sync().rejected == 0
    marie.sync()

    survivor = min(first, second)
    server = world.server_records()
    assert _live_people(server, {first, second}) == [survivor]
    other = max(first, second)
    assert str(server[("beneficiary", other)]["merged_into_id"]) == str(survivor)
    assert _live_participations(server, workshop) == [(str(survivor), True)]
    for laptop in (marie, paul):
        assert laptop.records() == server, laptop.name
        with laptop.store.reader() as s:
            assert register_count(s) == 1


def test_every_laptop_whose_equal_value_lost_is_told(world: SyncWorld) -> None:
    marie, paul, chloe = world.laptop("marie"), world.laptop("paul"), world.laptop("chloe")
    for n, laptop in enumerate((marie, paul, chloe)):  # Chloé's edit is the latest
        laptop.set_wall(lambda n=n: BASE_MS + n * MINUTE_MS)
    person = marie.add_person(commune="Saint-Paul")
    marie.sync()
    paul.sync()
    chloe.sync()
    marie.edit("beneficiary", person, commune="La Saline")  # offline, all three
    paul.edit("beneficiary", person, commune="La Saline")
    chloe.edit("beneficiary", person, commune="Le Guillaume")
    for laptop in (marie, paul, chloe, marie, paul):
        assert laptop.sync().rejected == 0

    assert world.server_records()[("beneficiary", person)]["commune"] == "Le Guillaume"
    for laptop in (marie, paul):
        lost = [(c.field, c.kept_value, c.lost_value, c.lost_is_mine) for c in _conflicts(laptop)]
        assert lost == [("commune", "Le Guillaume", "La Saline", True)], laptop.name
    assert [c.lost_is_mine for c in _conflicts(chloe)] == [False]
    assert marie.records() == paul.records() == chloe.records() == world.server_records()


def test_repairs_see_the_half_pulled_in_an_earlier_page(world: SyncWorld) -> None:
    """Issue 16: repairs run on each pulled page, but they look at the whole store — the twin
    participation or the other side of a merge cycle that an earlier page (or this laptop)
    brought. Marie's second laptop pulls one record a page and is the first to see both
    halves: it folds and settles alone (Paul's own repairs are still queued on his laptop)."""
    marie, paul, second = world.laptop("marie"), world.laptop("paul"), world.laptop("marie")
    person = marie.add_person(first_name="Josette")
    first_id, second_id = marie.add_person(first_name="Hélène"), marie.add_person(first_name="Helene")
    workshop = _workshop(world, marie)
    for laptop in (marie, paul, second):
        laptop.sync()
    for laptop in (marie, paul):  # offline: both add Josette, and merge the other way
        with laptop.store.session() as s:
            s.add(Participation(activity_id=workshop, beneficiary_id=person, attended=True))
    with marie.store.session() as s:
        merge_beneficiaries(s, second_id, first_id)
    with paul.store.session() as s:
        merge_beneficiaries(s, first_id, second_id)
    marie.sync()
    calls = [0]

    def after_one_exchange() -> bool:
        calls[0] += 1
        return calls[0] > 1

    engine = paul.engine()
    try:  # Paul pushes and pulls once: his repairs are made, queued, not sent
        engine.run(should_stop=after_one_exchange)
    finally:
        engine.transport.close()  # type: ignore[attr-defined]
    assert paul.outbox()

    engine = second.engine(page_size=1)
    try:
        engine.run()
    finally:
        engine.transport.close()  # type: ignore[attr-defined]
    server = world.server_records()
    assert _live_participations(server, workshop) == [(str(person), True)]
    assert _live_people(server, {first_id, second_id}) == [min(first_id, second_id)]
    for laptop in (paul, marie, second):
        assert laptop.sync().rejected == 0
    for laptop in (marie, paul, second):
        assert laptop.records() == world.server_records(), laptop.name
