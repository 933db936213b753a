"""Store services for workshop series: create a cycle with its sessions, register people.

A series is one `WorkshopSeries` row plus one workshop `Activity` per session (its
`series_id` and `session_number`), each saved through `activities.save_activity`, so a
session is validated, counted and printed as any workshop. All or nothing: one unit of work.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stpaul_field.domain.counting import PLANNED, WORKSHOP, reunion_today
from stpaul_field.domain.entities import ActivityData, SeriesData, SessionSlot
from stpaul_field.domain.series import is_remaining, session_label
from stpaul_field.domain.validation import FieldError, ValidationError, validate_series
from stpaul_field.store.activities import ParticipantInput, first_time_seen, save_activity
from stpaul_field.store.models import Activity, Beneficiary, Participation, Venue, WorkshopSeries

_SERIES_FIELDS = tuple(f.name for f in dataclasses.fields(SeriesData))


@dataclass(frozen=True)
class SeriesSession:
    activity_id: uuid.UUID
    number: int
    slot: SessionSlot
    status: str


def create_series(
    session: Session,
    data: SeriesData,
    slots: list[SessionSlot],
    participants: list[uuid.UUID],
) -> uuid.UUID:
    """The series and one planned workshop per slot (numbered in time order), every person
    registered for every session."""
    validate_series(data, slots)
    if data.venue_id is not None and session.get(Venue, data.venue_id) is None:
        raise ValidationError([FieldError("venue_id", "Ce lieu n'existe pas.")])
    values = {name: getattr(data, name) for name in _SERIES_FIELDS}
    for name in ("themes", "equipment"):
        values[name] = list(values[name])
    values["co_advisor_ids"] = [str(c) for c in data.co_advisor_ids]
    series = WorkshopSeries(**values)
    session.add(series)
    session.flush()  # the series goes out before its sessions (the server checks the reference)
    ordered = sorted(slots, key=lambda s: (s.date, s.start_time))
    for number, slot in enumerate(ordered, start=1):
        activity_id = save_activity(
            session, _session_data(data, slot), [ParticipantInput(beneficiary_id=b) for b in participants]
        )
        activity = session.get(Activity, activity_id)
        assert activity is not None
        activity.series_id, activity.session_number = series.id, number
    session.flush()
    return series.id


def _session_data(data: SeriesData, slot: SessionSlot) -> ActivityData:
    inherited = {name: getattr(data, name) for name in _SERIES_FIELDS}
    return ActivityData(
        type=WORKSHOP,
        status=PLANNED,
        date=slot.date,
        start_time=slot.start_time,
        duration_min=slot.duration_min,
        **{**inherited, "themes": list(data.themes), "equipment": list(data.equipment)},
    )


def series_sessions(session: Session, series_id: uuid.UUID) -> list[SeriesSession]:
    """The live sessions of a series, in order."""
    rows = session.scalars(
        select(Activity)
        .where(Activity.series_id == series_id, Activity.deleted_at.is_(None))
        .order_by(Activity.session_number, Activity.date, Activity.start_time)
    )
    return [SeriesSession(a.id, a.session_number or 0, _slot(a), a.status) for a in rows]


def _slot(a: Activity) -> SessionSlot:
    end = None
    if a.start_time is not None:
        start = dt.datetime.combine(a.date, a.start_time)
        end = (start + dt.timedelta(minutes=a.duration_min)).time()
    return SessionSlot(a.date, a.start_time, end)


def session_of(session: Session, activity_id: uuid.UUID) -> str | None:
    """« Séance 2/6 » for a session of a series, None for any other activity."""
    activity = session.get(Activity, activity_id)
    if activity is None or activity.series_id is None or activity.session_number is None:
        return None
    total = session.scalar(
        select(func.count())
        .select_from(Activity)
        .where(Activity.series_id == activity.series_id, Activity.deleted_at.is_(None))
    )
    return session_label(activity.session_number, max(total or 0, activity.session_number))


def add_participant(
    session: Session, series_id: uuid.UUID, beneficiary_id: uuid.UUID, today: dt.date | None = None
) -> int:
    """Register a person who joins the series late: for its remaining sessions only
    (`domain.series.is_remaining`). Returns how many sessions they joined."""
    series = session.get(WorkshopSeries, series_id)
    if series is None or series.deleted_at is not None:
        raise ValidationError([FieldError("series_id", "Ce cycle d'ateliers a été supprimé.")])
    person = session.get(Beneficiary, beneficiary_id)
    if person is None or person.deleted_at is not None:
        raise ValidationError([FieldError("beneficiary", "Ce bénéficiaire n'existe plus.")])
    day = today or reunion_today()
    remaining = [s for s in series_sessions(session, series_id) if is_remaining(s.status, s.slot.date, day)]
    if not remaining:
        raise ValidationError([FieldError("sessions", "Ce cycle n'a plus de séance à venir.")])
    joined = 0
    for s in remaining:
        registered = session.scalar(
            select(Participation.id).where(
                Participation.activity_id == s.activity_id,
                Participation.beneficiary_id == beneficiary_id,
                Participation.deleted_at.is_(None),
            )
        )
        if registered is None:
            first = first_time_seen(session, beneficiary_id, s.activity_id)
            session.add(
                Participation(activity_id=s.activity_id, beneficiary_id=beneficiary_id, first_time=first)
            )
            session.flush()  # the next session sees this one: « première fois » once
            joined += 1
    return joined
