"""The client engine against a real central record (SQLite and PostgreSQL), over HTTP."""

from __future__ import annotations

import datetime as dt
import time
import uuid

import pytest
from sqlalchemy import func, select, text

from stpaul_field.domain.reference import reference_data
from stpaul_field.server.models import Journal
from stpaul_field.store import cipher
from stpaul_field.store.activities import delete_activity
from stpaul_field.store.backup import BEFORE_SYNC_REASON, describe_backups
from stpaul_field.store.models import Activity, Conflict, Participation, Venue
from stpaul_field.sync import quarantine, state
from stpaul_field.sync.engine import SyncProgress
from tests.sync_fixtures import AHEAD_MS, SyncWorld, activity_fields


def test_creates_edits_and_deletes_travel_between_two_laptops(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = marie.add_person(phone="0692123456")
    with marie.store.session() as s:
        activity = Activity(**activity_fields(world.marie_id))
        s.add(activity)
        s.flush()
        s.add(Participation(activity_id=activity.id, beneficiary_id=person, attended=True))
    seen: list[SyncProgress] = []
    report = marie.engine().run(seen.append)
    assert report.complete and report.pushed == 3 and report.rejected == 0
    assert report.round_trips == 1 and report.bytes_sent > 0 and report.bytes_received > 0
    assert seen[-1].phase == "done" and seen[-1].pushed == 3
    assert marie.outbox() == []

    report = paul.sync()
    assert report.complete and report.pulled >= 3
    assert paul.get("beneficiary", person).phone == "0692123456"
    assert paul.get("activity", activity.id).advisor_id == world.marie_id

    paul.edit("beneficiary", person, notes="Revient jeudi")
    with marie.store.session() as s:
        delete_activity(s, activity.id)
    paul.sync()
    marie.sync()
    paul.sync()
    assert marie.get("beneficiary", person).notes == "Revient jeudi"
    assert paul.get("activity", activity.id).deleted_at is not None
    assert marie.records() == paul.records() == world.server_records()
    with marie.store.reader() as s:
        assert state.get(s, state.LAST_SUCCESS) and state.get(s, state.LAST_ERROR) is None


def test_a_pulled_value_never_overwrites_an_unsent_local_edit(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = marie.add_person()
    marie.sync()
    paul.sync()
    marie.edit("beneficiary", person, notes="Marie", email="helene@example.re")
    marie.sync()
    engine = paul.engine()
    real = engine.transport.sync
    between: list[tuple[str, str, list]] = []

    def edit_while_on_the_network(request):
        if not between:  # Paul edits while his first exchange is on its way
            paul.edit("beneficiary", person, notes="Paul")
        else:  # the first answer (Marie's values) is applied; Paul's edit is still queued
            kept = paul.get("beneficiary", person)
            queued = [{k: v for k, v in e.fields.items() if k != "updated_at"} for e in paul.outbox()]
            between.append((kept.notes, kept.email, queued))
        between.append(("", "", []))
        return real(request)

    engine.transport.sync = edit_while_on_the_network  # type: ignore[method-assign]
    assert engine.run().complete
    assert between[1] == ("Paul", "helene@example.re", [{"notes": "Paul"}])
    # Pushed next, it is the real conflict it is: settled by the later stamp, the loser kept.
    marie.sync()
    assert marie.get("beneficiary", person).notes == paul.get("beneficiary", person).notes == "Paul"
    with paul.store.reader() as s:
        (conflict,) = s.scalars(select(Conflict)).all()
    assert (conflict.field, conflict.kept_value, conflict.lost_value) == ("notes", "Paul", "Marie")
    assert conflict.lost_is_mine is False


def test_a_refused_record_is_quarantined_in_french_and_the_others_pass(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    good = marie.add_person()
    bad = marie.add_person(last_name="", phone="12")
    other = marie.add_person(first_name="Jean")
    report = marie.sync()
    assert report.complete and report.pushed == 2 and report.rejected == 1
    with marie.store.reader() as s:
        (item,) = quarantine.rejected_entries(s)
    assert item.record_id == bad and "Le nom est obligatoire." in item.reason
    assert item.label.startswith("Bénéficiaire")
    # Quarantined, it is left out of later syncs and blocks nothing.
    marie.add_person(first_name="Nadia")
    assert marie.sync().rejected == 0 and len(marie.outbox()) == 1
    paul.sync()
    assert paul.get("beneficiary", good) and paul.get("beneficiary", other)
    assert paul.get("beneficiary", bad) is None
    # Corrected by the advisor, it goes again with its whole record.
    marie.edit("beneficiary", bad, last_name="Boyer", phone="0692000000")
    report = marie.sync()
    assert report.rejected == 0 and marie.outbox() == []
    paul.sync()
    assert paul.get("beneficiary", bad).last_name == "Boyer"


def test_resend_folds_a_refused_change_and_sends_it_again(world: SyncWorld) -> None:
    paul, marie = world.laptop("paul"), world.laptop("marie")
    # Refused for a reason that can go away: Marie may not edit an activity she does not lead.
    paul.sync()
    with paul.store.session() as s:
        workshop = activity_fields(world.paul_id, type="workshop", title="Premiers pas", anon_total=3)
        activity = Activity(**workshop)
        s.add(activity)
    paul.sync()
    marie.sync()
    marie.edit("activity", activity.id, notes="vu")
    assert marie.sync().rejected == 1
    with marie.store.reader() as s:
        (item,) = quarantine.rejected_entries(s)
    assert "animez" in item.reason and item.label == "Activité du 20/11/2026 Premiers pas"
    paul.edit("activity", activity.id, co_advisor_ids=[str(world.marie_id)])
    assert paul.sync().rejected == 0
    with marie.store.session() as s:
        assert quarantine.resend(s, item.op_id)
    assert marie.sync().rejected == 0 and marie.outbox() == []
    paul.sync()
    assert paul.get("activity", activity.id).notes == "vu"


def test_conflicts_are_recorded_on_the_laptop_whose_value_lost(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    marie.set_wall(lambda: AHEAD_MS)
    paul.set_wall(lambda: AHEAD_MS - 3 * 3_600_000)  # three hours behind
    person = marie.add_person()
    marie.sync()
    paul.sync()
    marie.edit("beneficiary", person, commune="La Saline")
    paul.edit("beneficiary", person, commune="Le Guillaume", notes="Paul")
    marie.sync()
    report = paul.sync()
    assert report.conflicts == 1
    with paul.store.reader() as s:
        (conflict,) = s.scalars(select(Conflict)).all()
    assert (conflict.kept_value, conflict.lost_value) == ("La Saline", "Le Guillaume")
    assert conflict.lost_is_mine
    # Paul's laptop took the winner back; his other field went through.
    assert paul.get("beneficiary", person).commune == "La Saline"
    marie.sync()
    assert marie.get("beneficiary", person).notes == "Paul"
    # Having seen Marie's stamp, Paul's next edit wins although his clock is still behind.
    paul.edit("beneficiary", person, commune="Le Guillaume")
    paul.sync()
    marie.sync()
    assert marie.get("beneficiary", person).commune == "Le Guillaume"


def test_a_venue_edited_by_the_coordinator_reaches_a_laptop(world: SyncWorld) -> None:
    coordinator, marie = world.laptop("chloe"), world.laptop("marie")
    marla = uuid.UUID(reference_data()["venues"][0]["id"])
    coordinator.edit("venue", marla, address="Îlet de Marla")
    assert coordinator.sync().rejected == 0
    marie.sync()
    with marie.store.reader() as s:
        assert s.get(Venue, marla).address == "Îlet de Marla"


def test_state_keys_say_offline_then_clear_on_success(world: SyncWorld) -> None:
    marie = world.laptop("marie")
    marie.add_person()
    from stpaul_field.sync.errors import OfflineError

    engine = marie.engine(url="http://127.0.0.1:9")  # nothing listens there
    with pytest.raises(OfflineError) as failure:
        engine.run()
    assert "injoignable" in failure.value.message
    with marie.store.reader() as s:
        assert state.get(s, state.OFFLINE_SINCE) and "injoignable" in (state.get(s, state.LAST_ERROR) or "")
        assert state.get(s, state.LAST_SUCCESS) is None
    assert marie.sync().complete
    with marie.store.reader() as s:
        assert state.get(s, state.OFFLINE_SINCE) is None and state.get(s, state.LAST_ERROR) is None
        assert state.get_instant(s, state.LAST_SUCCESS) <= dt.datetime.now(dt.UTC)


def test_a_lost_answer_is_replayed_and_applies_nothing_twice(world: SyncWorld) -> None:
    marie = world.laptop("marie")
    for i in range(3):
        marie.add_person(first_name=f"P{i}")
    engine = marie.engine()
    real = engine.transport.sync
    calls = []

    def lose_first_answer(request):  # the server commits, the answer never arrives
        calls.append(request.batch_id)
        response = real(request)
        if len(calls) == 1:
            from stpaul_field.sync.errors import OfflineError

            raise OfflineError("coupé")
        return response

    engine.transport.sync = lose_first_answer  # type: ignore[method-assign]
    report = engine.run()
    assert report.complete and report.pushed == 3 and calls[0] == calls[1]
    with world.env.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Journal).where(Journal.entity == "beneficiary")) == 3


def test_a_participation_pulled_before_the_last_version_of_its_activity(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = marie.add_person()
    with marie.store.session() as s:
        activity = Activity(**activity_fields(world.marie_id))
        s.add(activity)
        s.flush()
        s.add(Participation(activity_id=activity.id, beneficiary_id=person, attended=True))
    marie.sync()
    marie.edit("activity", activity.id, notes="compte rendu")  # the activity's state is now the newest
    marie.sync()
    assert paul.sync(page_size=1).complete
    assert paul.records() == marie.records() == world.server_records()
    with paul.store.reader() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []


class FlakyLink:
    """A transport that fails `failures` times with `error`, then answers an empty page."""

    def __init__(self, failures: int, error: Exception) -> None:
        self.failures, self.error = failures, error
        self.round_trips = self.bytes_sent = self.bytes_received = 0

    def sync(self, request):  # type: ignore[no-untyped-def]
        from stpaul_field.sync.protocol import SyncResponse

        self.round_trips += 1
        if self.failures:
            self.failures -= 1
            raise self.error
        return SyncResponse(protocol=1, cursor=request.cursor)


def test_retries_back_off_exponentially_with_jitter_then_give_up(store) -> None:
    import random

    from stpaul_field.sync.engine import Backoff, SyncEngine
    from stpaul_field.sync.errors import OfflineError, ServerError

    waits: list[float] = []
    backoff = Backoff(max_tries=5, base_s=1.0, cap_s=5.0)
    engine = SyncEngine(store, FlakyLink(4, ServerError("panne")), backoff=backoff, sleep=waits.append)
    assert engine.run().complete
    assert len(waits) == 4
    for attempt, wait in enumerate(waits):
        ceiling = min(5.0, 2.0**attempt)
        assert ceiling / 2 <= wait <= ceiling
    waits.clear()
    engine = SyncEngine(
        store, FlakyLink(99, OfflineError("coupé")), backoff=backoff, sleep=waits.append, rng=random.Random(1)
    )
    with pytest.raises(OfflineError):
        engine.run()
    assert len(waits) == 4 and engine.transport.round_trips == 5
    # Asked to stop while waiting: no more tries.
    stop_after_first_wait = SyncEngine(
        store, FlakyLink(99, OfflineError("coupé")), backoff=backoff, sleep=waits.append
    )
    with pytest.raises(OfflineError):
        stop_after_first_wait.run(should_stop=lambda: stop_after_first_wait.transport.round_trips > 0)
    assert stop_after_first_wait.transport.round_trips == 1


def test_a_days_work_is_one_exchange_over_a_slow_link(world: SyncWorld) -> None:
    from stpaul_bench.link_proxy import LinkProxy

    marie = world.laptop("marie")
    marie.sync()
    for i in range(40):
        marie.add_person(first_name=f"P{i}")
    with LinkProxy.to_url(world.live.url, bandwidth_bps=512_000, rtt_s=0.2) as link:
        started = time.monotonic()
        report = marie.sync(link.url)
        elapsed = time.monotonic() - started
    assert report.complete and report.round_trips == 1 and report.pushed == 40
    assert link.stats.round_trips == 2  # the connection's handshake, one exchange
    bound = (link.stats.bytes_up + link.stats.bytes_down) * 8 / 512_000 + 2 * 0.2
    assert bound <= elapsed < bound + 3.0  # the link emulated, plus the server and store work


def test_a_resync_from_scratch_keeps_the_unsent_edits(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = paul.add_person()
    paul.sync()
    marie.sync()
    paul.edit("beneficiary", person, email="helene@example.re")
    paul.sync()
    # The central record was restored from an older backup: Marie's cursor is from its future.
    with marie.store.session() as s:
        state.put(s, state.CURSOR, str(10**9))
    marie.edit("beneficiary", person, notes="pas encore envoyé")
    engine = marie.engine()
    real, cursors = engine.transport.sync, []

    def watch(request):  # type: ignore[no-untyped-def]
        cursors.append(request.cursor)
        return real(request)

    engine.transport.sync = watch  # type: ignore[method-assign]
    assert engine.run().complete
    assert cursors[:2] == [10**9, 0]
    kept = marie.get("beneficiary", person)
    assert kept.notes == "pas encore envoyé" and kept.email == "helene@example.re"
    paul.sync()
    assert paul.get("beneficiary", person).notes == "pas encore envoyé"


def test_a_sync_with_unsent_changes_is_preceded_by_a_backup_that_holds_them(world: SyncWorld) -> None:
    # What only this laptop holds is copied before it travels; a retried sync with nothing new
    # to lose makes no new backup (rotation would push the day's backups out).
    marie = world.laptop("marie")
    marie.sync()  # nothing unsent: no backup
    assert describe_backups(marie.paths.backups) == []
    person = marie.add_person(last_name="Técher")
    marie.sync()
    made = describe_backups(marie.paths.backups)
    assert [b.reason for b in made] == [BEFORE_SYNC_REASON]
    conn = cipher.connect(made[0].path, marie.store.key)
    try:
        held = [row[0] for row in conn.execute("SELECT last_name FROM beneficiary JOIN outbox ON 1")]
    finally:
        conn.close()
    assert "Técher" in held  # the person, and the outbox entry that carries it, both in the copy
    marie.sync()  # nothing new since
    marie.edit("beneficiary", person, notes="Rappeler")
    marie.sync()
    assert [b.reason for b in describe_backups(marie.paths.backups)] == [BEFORE_SYNC_REASON] * 2
