"""Sync truth (issue 16): no colleague's value overwritten unseen, no person lost or counted twice.

Each test is one case an independent harness found on the real engine and server, over HTTP,
on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import select

from stpaul_field.server.models import Record
from stpaul_field.store.models import Conflict, OutboxEntry
from stpaul_field.store.serialize import to_wire
from tests.sync_fixtures import AHEAD_MS, Laptop, SyncWorld

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
