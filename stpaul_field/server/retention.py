"""Retention on the central record: anonymise the people with no activity for N years.

The rule is the laptops' (`domain.privacy`): same people, same fields, same values. Each
anonymisation is an ordinary server write — a new change-sequence value, the per-field seqs
and stamps of the fields it clears, a journal line (op "anonymise", identifiers only) — so
every laptop pulls the anonymised record at its next sync.

The scan reads every beneficiary, activity and participation outside the write lock (so that
the laptops' syncs are not held up by it), up to a watermark sequence value. The writes go in
chunks of `CHUNK` people, each its own transaction under the lock; a person touched by another
writer after the watermark (their record, an activity or a participation of theirs) is left
for the next run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from stpaul_field.domain.clock import utcnow
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.domain.privacy import (
    ERASED_INDIVIDUAL_ACTIVITY,
    ERASED_PERSON,
    is_erased,
    past_retention,
    retention_limit,
)
from stpaul_field.records.wire import to_wire
from stpaul_field.server.admin import SERVER_NODE
from stpaul_field.server.book import RecordBook, committed_counter
from stpaul_field.server.db import Database
from stpaul_field.server.models import Record

JOURNAL_OP = "anonymise"
CHUNK = 500  # people per write transaction
_SCANNED = ("beneficiary", "activity", "participation")


@dataclass
class RetentionOutcome:
    people: int  # anonymised (or, in a dry run, to anonymise)
    activities: int  # individual accompaniments whose notes were cleared
    left_for_next_run: int = 0  # edited while the scan ran
    seqs: list[int] = field(default_factory=list)  # the sequence values written


@dataclass
class _Plan:
    watermark: int
    people: set[uuid.UUID] = field(default_factory=set)
    # Individual accompaniments of those people whose notes are to be cleared, by person.
    notes_of: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    people_of_activity: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _plan(db: Database, years: int, today: dt.date) -> _Plan:
    retention_limit(today, years)  # refuses a period under a year before reading anything
    with db.session() as s:
        watermark = committed_counter(s)
        rows = s.execute(
            select(Record.entity, Record.id, Record.fields)
            .where(Record.entity.in_(_SCANNED), Record.seq <= watermark)
            .execution_options(yield_per=2000)
        )
        created: dict[uuid.UUID, dt.date] = {}
        activity_day: dict[uuid.UUID, dt.date] = {}
        individual_with_notes: set[uuid.UUID] = set()
        participations: list[tuple[uuid.UUID, uuid.UUID, bool]] = []
        for entity, record_id, doc in rows:
            deleted = doc.get("deleted_at") is not None
            if entity == "beneficiary":
                day = _date(doc.get("created_at"))
                if not deleted and not is_erased(doc) and day is not None:
                    created[record_id] = day
            elif entity == "activity":
                day = _date(doc.get("date"))
                if not deleted and day is not None:
                    activity_day[record_id] = day
                # As on the laptop: the notes of every individual accompaniment of the person.
                if doc.get("type") == "individual" and doc.get("notes"):
                    individual_with_notes.add(record_id)
            else:
                try:
                    ids = uuid.UUID(str(doc["activity_id"])), uuid.UUID(str(doc["beneficiary_id"]))
                except (KeyError, ValueError):
                    continue
                participations.append((*ids, deleted))
    plan = _Plan(watermark)
    last_seen: dict[uuid.UUID, dt.date] = {}
    for activity_id, person_id, deleted in participations:
        plan.people_of_activity[activity_id].add(person_id)
        day = activity_day.get(activity_id)
        if not deleted and day is not None and (person_id not in last_seen or day > last_seen[person_id]):
            last_seen[person_id] = day
    for person_id, day in created.items():
        if past_retention(last_seen.get(person_id, day), today, years):
            plan.people.add(person_id)
    for activity_id in individual_with_notes:
        for person_id in plan.people_of_activity.get(activity_id, ()):
            if person_id in plan.people:
                plan.notes_of[person_id].add(activity_id)
    return plan


def apply_server_retention(
    db: Database, years: int, today: dt.date | None = None, dry_run: bool = False
) -> RetentionOutcome:
    """Anonymise, on the central record, everyone past the retention period."""
    today = today or dt.date.today()
    plan = _plan(db, years, today)
    if dry_run:
        cleared = {a for person in plan.people for a in plan.notes_of.get(person, ())}
        return RetentionOutcome(len(plan.people), len(cleared))
    outcome = RetentionOutcome(0, 0)
    clock = HybridClock(SERVER_NODE)
    checked_up_to = plan.watermark  # others' writes after this seq are not looked at yet
    touched: set[uuid.UUID] = set()
    pending = sorted(plan.people)
    # In chunks, each its own transaction: the laptops' syncs wait for one chunk at most.
    for start in range(0, len(pending), CHUNK):
        with db.writer() as session:
            later = session.execute(
                select(Record.entity, Record.id, Record.fields).where(
                    Record.seq > checked_up_to, Record.entity.in_(_SCANNED)
                )
            )
            for entity, record_id, doc in later:
                if entity == "beneficiary":
                    touched.add(record_id)
                elif entity == "activity":
                    touched |= plan.people_of_activity.get(record_id, set())
                else:
                    with contextlib.suppress(ValueError):
                        touched.add(uuid.UUID(str(doc.get("beneficiary_id"))))
            chunk = [person for person in pending[start : start + CHUNK] if person not in touched]
            outcome.left_for_next_run += len(pending[start : start + CHUNK]) - len(chunk)
            book = RecordBook(session, utcnow())
            written = _anonymise(book, plan, chunk, clock.now().encode(), outcome)
            book.flush()
            outcome.seqs += [book.final(seq) for seq in written]
            checked_up_to = committed_counter(session)
    return outcome


def _anonymise(
    book: RecordBook, plan: _Plan, people: list[uuid.UUID], stamp: str, outcome: RetentionOutcome
) -> list[int]:
    """Anonymise `people` and clear their activities' notes; returns the (provisional) seqs."""
    written: list[int] = []
    activities = {a for person in people for a in plan.notes_of.get(person, ())}
    book.preload({("beneficiary", p) for p in people} | {("activity", a) for a in activities})
    now = to_wire(book.now)
    for entity, record_id, values in [
        *(("beneficiary", p, ERASED_PERSON) for p in people),
        *(("activity", a, ERASED_INDIVIDUAL_ACTIVITY) for a in sorted(activities)),
    ]:
        rec = book.get(entity, record_id)
        if rec is None:
            continue
        wire = {name: to_wire(value) for name, value in values.items()}
        taken = [name for name, value in wire.items() if rec.fields.get(name) != value]
        if not taken:
            continue
        # No validation: clearing personal fields is owed to the person whatever else the
        # record holds, and an anonymous record without names or contact is always valid.
        doc = {**rec.fields, **wire, "updated_at": now}
        rec = book.put(
            entity,
            record_id,
            rec.team_id,
            doc,
            [*taken, "updated_at"],
            stamp,
            advisor_id=None,
            device_id=None,
            journal_as=JOURNAL_OP,
        )
        written.append(rec.seq)
        if entity == "beneficiary":
            outcome.people += 1
        else:
            outcome.activities += 1
    return written
