"""Hostile or broken clocks (issue 17, item 1): one stamp must never stop the team's syncs.

A forged stamp (66 nines) or a laptop set to 2099 used to be accepted by the central record,
adopted by every laptop that pulled the record (or got it echoed back as the server's clock),
and from then on every edit of those laptops carried a stamp the protocol refuses.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from stpaul_field.domain.hlc import MAX_COUNTER, MAX_LEAD_MS, HybridClock, Stamp, wall_ms
from stpaul_field.server.batch import CLOCK_AHEAD
from stpaul_field.server.models import Record
from stpaul_field.store.models import OutboxEntry, SyncState
from stpaul_field.store.outbox import HLC_KEY
from stpaul_field.sync import protocol as p
from stpaul_field.sync import quarantine
from tests.sync_fixtures import Laptop, SyncWorld

POISON = "9" * 66 + "-000000-x"  # what was seen in the field
YEAR_2099_MS = int(dt.datetime(2099, 1, 1, tzinfo=dt.UTC).timestamp() * 1000)
STAMP_2099 = Stamp(YEAR_2099_MS, 0, "futur").encode()


# ---- the codec ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        POISON,
        "1-0-a",  # not fixed-width
        "+01700000000000-000000-a",
        " 01700000000000-000000-a",
        "0017000000_0000-000000-a",
        "00170000000000٣-000000-a",  # an Arabic-Indic digit: int() takes it
        "001700000000000-0000001-a",  # seven-digit counter
        "001700000000000-000000-",  # no node
        "001700000000000-000000-nœud",
        "001700000000000-000000-" + "n" * 41,
        "001700000000000-000000-a\n",
    ],
)
def test_the_codec_accepts_only_its_own_canonical_form(text: str) -> None:
    with pytest.raises(ValueError):
        Stamp.decode(text)


def test_every_stamp_a_clock_makes_is_canonical_even_when_its_counter_fills() -> None:
    clock = HybridClock("a", Stamp(1_700_000_000_000, MAX_COUNTER - 1, "a"), wall=lambda: 0)
    stamps = [clock.now() for _ in range(3)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3
    assert all(Stamp.decode(s.encode()) == s for s in stamps)
    clock.observe(Stamp(1_800_000_000_000, MAX_COUNTER, "b"))
    assert Stamp.decode(clock.last.encode()) == clock.last > Stamp(1_800_000_000_000, MAX_COUNTER, "b")


# ---- the central record ---------------------------------------------------------------------


def _change(record_id: uuid.UUID, stamp: str, **fields: object) -> p.Change:
    fields = {"first_name": "Hélène", "last_name": "Grondin", **fields}
    return p.Change(
        op_id=uuid.uuid4(),
        entity="beneficiary",
        record_id=record_id,
        base_version=0,
        fields=fields,
        stamp=stamp,
    )


def _push(world: SyncWorld, token: str, changes: list[p.Change], clock: str = "") -> p.SyncResponse:
    client = TestClient(world.env.app)
    request = p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=changes, clock=clock)
    r = client.post(
        "/api/v1/sync",
        content=p.encode(request),
        headers={"authorization": f"Bearer {token}", "content-type": p.SYNC_MEDIA_TYPE},
    )
    assert r.status_code == 200, r.text
    return p.decode(r.content, p.SyncResponse)


def test_the_central_record_refuses_a_stamp_from_the_future_and_takes_the_rest(world: SyncWorld) -> None:
    token = world.env.enrol("marie")
    now = Stamp(wall_ms(), 0, "marie").encode()
    ahead = Stamp(wall_ms() + MAX_LEAD_MS + 60_000, 0, "marie").encode()
    changes = [_change(uuid.uuid4(), s) for s in (STAMP_2099, now, ahead)]
    answer = _push(world, token, changes, clock=STAMP_2099)
    assert [r.status for r in answer.results] == ["rejected", "applied", "rejected"]
    assert answer.results[0].reason == CLOCK_AHEAD and "heure" in CLOCK_AHEAD
    # The answer's clock is the server's own time, not the laptop's echoed back.
    assert Stamp.decode(answer.clock).millis <= wall_ms()
    assert world.server_records().keys() == {("beneficiary", changes[1].record_id)}


def test_a_stamp_stored_before_the_bound_never_wins_again(world: SyncWorld) -> None:
    token = world.env.enrol("marie")
    person = uuid.uuid4()
    first = _push(world, token, [_change(person, Stamp(wall_ms(), 0, "a").encode(), commune="Saint-Paul")])
    with world.env.db.writer(sequenced=False) as s:  # as an older server accepted it
        s.execute(update(Record).where(Record.id == person).values(field_stamps={"commune": STAMP_2099}))
    other = world.env.enrol("paul")
    later = _change(person, Stamp(wall_ms(), 5, "b").encode(), commune="La Saline")
    later = later.model_copy(update={"base_version": 0, "fields": {"commune": "La Saline"}})
    answer = _push(world, other, [later])
    assert first.results[0].status == "applied"
    assert answer.results[0].status == "merged"
    assert world.server_records()[("beneficiary", person)]["commune"] == "La Saline"


# ---- laptops --------------------------------------------------------------------------------


def _clock(laptop: Laptop) -> str:
    with laptop.store.reader() as s:
        row = s.get(SyncState, HLC_KEY)
        return row.value if row is not None else ""


def _sane(stamp: str) -> bool:
    return Stamp.decode(stamp).millis <= wall_ms() + MAX_LEAD_MS


def test_a_laptop_never_adopts_a_poisoned_stamp_it_pulls(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = marie.add_person()
    marie.sync()
    with world.env.db.writer(sequenced=False) as s:  # stored by an older server, forged or from 2099
        s.execute(
            update(Record)
            .where(Record.id == person)
            .values(field_stamps={"first_name": POISON, "notes": STAMP_2099})
        )
    assert paul.sync().pulled >= 1
    assert _sane(_clock(paul))
    paul.edit("beneficiary", person, notes="Paul")
    (entry,) = paul.outbox()
    assert _sane(entry.stamp)
    report = paul.sync()
    assert report.complete and report.pushed == 1 and report.rejected == 0


def test_a_poisoned_laptop_heals_at_its_next_sync(world: SyncWorld) -> None:
    marie = world.laptop("marie")
    person = marie.add_person()
    marie.sync()
    marie.edit("beneficiary", person, notes="à rappeler")
    # What an older version left behind: its clock, and the stamp of its next edit (86 characters).
    with marie.store.session() as s:
        s.get(SyncState, HLC_KEY).value = POISON  # type: ignore[union-attr]
        s.execute(update(OutboxEntry).values(stamp=Stamp(10**66, 1, "x").encode()))
    report = marie.sync()
    assert report.complete and report.pushed == 1 and report.rejected == 0
    assert marie.outbox() == []
    assert world.server_records()[("beneficiary", person)]["notes"] == "à rappeler"
    assert _sane(_clock(marie))


def test_a_laptop_in_2099_neither_wins_nor_drags_the_others_then_heals(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = marie.add_person(commune="Saint-Paul")
    marie.sync()
    paul.sync()
    paul.set_wall(lambda: YEAR_2099_MS)
    paul.edit("beneficiary", person, commune="Le Guillaume")
    marie.edit("beneficiary", person, commune="La Saline")
    report = paul.sync()
    assert report.rejected == 1
    with paul.store.reader() as s:
        (item,) = quarantine.rejected_entries(s)
    assert item.reason == CLOCK_AHEAD
    marie.sync()
    assert world.server_records()[("beneficiary", person)]["commune"] == "La Saline"
    with world.env.db.session() as s:
        stamps = [st for r in s.scalars(select(Record)) for st in r.field_stamps.values()]
    assert stamps and all(_sane(st) for st in stamps)
    assert _sane(_clock(marie))
    # Paul's date is put right: his kept change goes, stamped again, as a real conflict now.
    paul.set_wall(wall_ms)
    report = paul.sync()
    assert report.complete and report.rejected == 0 and paul.outbox() == []
    assert _sane(_clock(paul))
    assert world.server_records()[("beneficiary", person)]["commune"] == "Le Guillaume"
