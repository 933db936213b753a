"""The sync status: facts read from the store, and the status bar's French line."""

from __future__ import annotations

import datetime as dt

from stpaul_field.store.activities import create_beneficiary
from stpaul_field.store.models import Conflict, OutboxEntry
from stpaul_field.sync import state
from stpaul_field.sync.status import SyncStatus, describe, moment_text, read_status

RUN = dt.timezone(dt.timedelta(hours=4))
NOW = dt.datetime(2026, 11, 30, 17, 0, tzinfo=RUN)


def status(**changes) -> SyncStatus:
    base = dict(
        enrolled=True,
        pending=0,
        oldest_pending=None,
        rejected=0,
        open_conflicts=0,
        last_success=NOW - dt.timedelta(minutes=5),
        offline_since=None,
        last_error=None,
    )
    return SyncStatus(**{**base, **changes})


def test_read_status_counts_outbox_quarantine_conflicts_and_reads_the_engine_bookkeeping(store):
    assert read_status(store) == SyncStatus(False, 0, None, 0, 0, None, None, None)
    with store.session() as s:
        create_beneficiary(s, "Hélène", "Payet")
        person = create_beneficiary(s, "Jean", "Grondin")
    with store.session() as s:
        first, second = s.query(OutboxEntry).order_by(OutboxEntry.seq).all()
        second.rejected_reason = "Le nom est obligatoire."
        s.add(Conflict(entity="beneficiary", record_id=person, field="phone", kept_value="1", lost_value="2"))
        s.add(
            Conflict(
                entity="beneficiary",
                record_id=person,
                field="email",
                kept_value="a",
                lost_value="b",
                resolved_at=dt.datetime.now(dt.UTC),
            )
        )
        state.put(s, state.ENROLMENT, '{"server_url": "https://registre.example"}')
        state.put_instant(s, state.OFFLINE_SINCE, NOW)
        state.put(s, state.LAST_ERROR, "Le serveur est injoignable.")
        oldest = first.created_at
    with store.reader() as s:
        got = read_status(s)
    assert got.enrolled and got.pending == 1 and got.rejected == 1 and got.open_conflicts == 1
    assert got.oldest_pending == oldest and got.oldest_pending.tzinfo is not None
    assert got.offline_since == NOW and got.last_success is None
    assert got.last_error == "Le serveur est injoignable."


def test_moments_are_said_in_reunion_time_today_yesterday_or_with_the_date():
    utc_morning = dt.datetime(2026, 11, 30, 4, 32, tzinfo=dt.UTC)  # 08:32 in La Réunion
    assert moment_text(utc_morning, NOW) == "08:32"
    assert moment_text(NOW - dt.timedelta(days=1, hours=2), NOW) == "hier à 15:00"
    assert moment_text(dt.datetime(2026, 11, 3, 9, 5, tzinfo=RUN), NOW) == "le 03/11/2026 à 09:05"
    # 22:00 UTC on the 29th is already the 30th, 02:00, in La Réunion.
    assert moment_text(dt.datetime(2026, 11, 29, 22, 0, tzinfo=dt.UTC), NOW) == "02:00"


def test_describe_up_to_date_pending_and_plurals():
    assert describe(status(), NOW) == "À jour"
    assert describe(status(last_success=None), NOW) == "Pas encore synchronisé"
    recent = NOW - dt.timedelta(minutes=10)
    assert describe(status(pending=1, oldest_pending=recent), NOW) == "1 modification en attente"
    assert describe(status(pending=3, oldest_pending=recent), NOW) == "3 modifications en attente"
    old = dt.datetime(2026, 11, 28, 16, 5, tzinfo=RUN)
    assert (
        describe(status(pending=12, oldest_pending=old), NOW)
        == "12 modifications en attente, la plus ancienne depuis le 28/11/2026 à 16:05"
    )


def test_describe_offline_error_quarantine_and_conflicts():
    offline = status(offline_since=NOW - dt.timedelta(hours=3), pending=2, oldest_pending=NOW)
    assert describe(offline, NOW) == "Hors ligne depuis 14:00 — 2 modifications en attente"
    failed = status(last_error="Identifiant ou mot de passe incorrect.")
    assert describe(failed, NOW) == "Identifiant ou mot de passe incorrect."
    both = status(rejected=1, open_conflicts=2)
    # Never « À jour » while changes are refused (« À jour — 504 modifications refusées »).
    assert describe(both, NOW) == "1 modification refusée par le registre central — 2 conflits à examiner"
    assert describe(status(rejected=504), NOW) == "504 modifications refusées par le registre central"
    assert describe(status(rejected=2, pending=1), NOW).startswith("1 modification en attente — 2 ")


def test_describe_before_enrolment():
    assert describe(status(enrolled=False), NOW) == "Poste non inscrit au registre central"
    assert describe(status(enrolled=False, pending=1), NOW) == "Poste non inscrit — 1 modification locale"
    assert describe(status(enrolled=False, pending=40), NOW) == "Poste non inscrit — 40 modifications locales"


def test_a_request_file_is_told_until_an_https_sync_confirms(store) -> None:
    import json

    written = NOW - dt.timedelta(days=1)
    line = describe(status(pending=3, last_file_sent=written), NOW)
    assert line == "3 modifications en attente — Dernier envoi par fichier : hier à 17:00"
    with store.session() as s:
        state.put(s, state.ENROLMENT, '{"server_url": "https://registre.example"}')
        state.put_instant(s, state.LAST_SUCCESS, written - dt.timedelta(hours=2))
        state.put(s, state.LAST_FILE_SENT, json.dumps({"at": written.isoformat(), "changes": 3, "path": "x"}))
    assert read_status(store).last_file_sent == written
    with store.session() as s:
        state.put_instant(s, state.LAST_SUCCESS, written + dt.timedelta(hours=2))  # back online
    assert read_status(store).last_file_sent is None
