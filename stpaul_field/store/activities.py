"""Store services for activities: save with participants, status, attendance, queries.

Every write validates with `domain.validation` first and happens in one unit of work, so
a form never leaves an activity saved half-way. Queries for the agenda and the activities
list are filtered, sorted and paged in SQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    Time,
    Uuid,
    and_,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from stpaul_field.domain.counting import (
    DONE,
    INDIVIDUAL,
    PLANNED,
    WORKSHOP,
    attendance_pending,
    reunion_today,
)
from stpaul_field.domain.entities import ActivityData, BeneficiaryData
from stpaul_field.domain.text import person_order
from stpaul_field.domain.validation import (
    FieldError,
    ValidationError,
    activity_errors,
    code_error,
    validate_activity,
    validate_beneficiary,
)
from stpaul_field.store import beneficiaries
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation, Venue, utcnow

_ACTIVITY_FIELDS = tuple(f.name for f in dataclasses.fields(ActivityData))


@dataclass
class ParticipantInput:
    """One person in an activity as a form describes it.

    `beneficiary_id` names a person of the register; `anonymous` (with no id) asks for an
    anonymous record to be made for this activity only.
    """

    beneficiary_id: uuid.UUID | None = None
    registered: bool = True
    attended: bool | None = None
    first_time: bool = False
    anonymous: BeneficiaryData | None = None


@dataclass
class ParticipantRow:
    participation_id: uuid.UUID
    beneficiary_id: uuid.UUID
    display_name: str
    anonymous: bool
    registered: bool
    attended: bool | None
    first_time: bool


@dataclass
class LoadedActivity:
    id: uuid.UUID
    data: ActivityData
    participants: list[ParticipantRow] = field(default_factory=list)
    anonymous_beneficiary: BeneficiaryData | None = None


# ---- writing ------------------------------------------------------------------------


def _check(data: ActivityData, participants: list[ParticipantInput]) -> None:
    errors = activity_errors(data, len(participants))
    seen: set[uuid.UUID] = set()
    for p in participants:
        if p.beneficiary_id is None and p.anonymous is None:
            errors.append(FieldError("beneficiary", "Choisissez un bénéficiaire ou « anonyme »."))
        elif p.beneficiary_id is not None:
            if p.beneficiary_id in seen:
                errors.append(FieldError("participants", "Un participant est inscrit deux fois."))
            seen.add(p.beneficiary_id)
    if errors:
        raise ValidationError(errors)


def save_activity(
    session: Session,
    data: ActivityData,
    participants: list[ParticipantInput],
    activity_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Create or update one activity and its participations; all or nothing.

    Participations of people no longer listed are tombstoned, never deleted, so the
    change syncs; those still listed keep their row (and their attendance).
    """
    _check(data, participants)
    for p in participants:
        if p.beneficiary_id is not None:
            b = session.get(Beneficiary, p.beneficiary_id)
            if b is None or b.deleted_at is not None:
                raise ValidationError([FieldError("beneficiary", "Ce bénéficiaire n'existe plus.")])
        elif p.anonymous is not None:
            anon = anonymous_person(p.anonymous)
            validate_beneficiary(anon)
    if data.venue_id is not None and session.get(Venue, data.venue_id) is None:
        raise ValidationError([FieldError("venue_id", "Ce lieu n'existe pas.")])

    values = activity_values(data)
    if activity_id is None:
        activity = Activity(**values)
        session.add(activity)
    else:
        activity = session.get(Activity, activity_id)
        if activity is None or activity.deleted_at is not None:
            raise ValidationError([FieldError("type", "Cette activité a été supprimée entre-temps.")])
        for name, value in values.items():
            if getattr(activity, name) != value:
                setattr(activity, name, value)

    existing = {
        p.beneficiary_id: p
        for p in session.scalars(
            select(Participation).where(
                Participation.activity_id == activity.id, Participation.deleted_at.is_(None)
            )
        )
    }
    kept: set[uuid.UUID] = set()
    now = utcnow()
    for p in participants:
        if p.beneficiary_id is None:
            assert p.anonymous is not None
            # An anonymous person of an individual accompaniment: one record, unnamed.
            old_anon = [pp for bid, pp in existing.items() if _is_anonymous(session, bid)]
            if old_anon:
                _update_anonymous(session, old_anon[0].beneficiary_id, p.anonymous)
                kept.add(old_anon[0].beneficiary_id)
                continue
            anon = anonymous_person(p.anonymous)
            person = Beneficiary(**dataclasses.asdict(anon))
            session.add(person)
            session.flush()
            session.add(
                Participation(
                    activity_id=activity.id,
                    beneficiary_id=person.id,
                    registered=p.registered,
                    attended=p.attended,
                    first_time=not anon.already_accompanied,
                )
            )
            kept.add(person.id)
            continue
        kept.add(p.beneficiary_id)
        row = existing.get(p.beneficiary_id)
        if row is None:
            session.add(
                Participation(
                    activity_id=activity.id,
                    beneficiary_id=p.beneficiary_id,
                    registered=p.registered,
                    attended=p.attended,
                    first_time=p.first_time or first_time_seen(session, p.beneficiary_id, activity.id),
                )
            )
        else:
            if row.attended != p.attended and p.attended is not None:
                row.attended = p.attended
    for bid, row in existing.items():
        if bid not in kept:
            row.deleted_at = now
    session.flush()
    return activity.id


def activity_values(data: ActivityData) -> dict[str, Any]:
    """An activity's columns from its data (lists copied, co-advisors' ids as text)."""
    values = {name: getattr(data, name) for name in _ACTIVITY_FIELDS}
    values["themes"] = list(data.themes)
    values["admin_themes"] = list(data.admin_themes)
    values["equipment"] = list(data.equipment)
    values["co_advisor_ids"] = [str(c) for c in data.co_advisor_ids]
    return values


def anonymous_person(data: BeneficiaryData) -> BeneficiaryData:
    """The record of an anonymous person of an individual accompaniment: no name, ever."""
    return dataclasses.replace(data, anonymous=True, first_name="", last_name="")


def _is_anonymous(session: Session, beneficiary_id: uuid.UUID) -> bool:
    b = session.get(Beneficiary, beneficiary_id)
    return bool(b and b.anonymous)


def _update_anonymous(session: Session, beneficiary_id: uuid.UUID, data: BeneficiaryData) -> None:
    b = session.get(Beneficiary, beneficiary_id)
    assert b is not None
    for name in ("gender", "age_band", "social_status", "already_accompanied", "commune"):
        if getattr(b, name) != getattr(data, name):
            setattr(b, name, getattr(data, name))


def first_time_seen(session: Session, beneficiary_id: uuid.UUID, activity_id: uuid.UUID) -> bool:
    """True when the person has no other live participation: first time seen."""
    other = session.scalar(
        select(func.count())
        .select_from(Participation)
        .where(
            Participation.beneficiary_id == beneficiary_id,
            Participation.activity_id != activity_id,
            Participation.deleted_at.is_(None),
        )
    )
    return not other


def set_status(session: Session, activity_id: uuid.UUID, status: str) -> None:
    """Planned -> done or cancelled (or back): the activity must still be valid."""
    refused = code_error("status", status)
    if refused is not None:
        raise ValidationError([refused])
    activity = _live_activity(session, activity_id)
    if activity.status == status:
        return
    activity.status = status
    validate_activity(activity, _live_participant_count(session, activity_id))


def set_attendance(session: Session, activity_id: uuid.UUID, attended: dict[uuid.UUID, bool]) -> None:
    """Mark who came, by participation id; the workshop becomes done."""
    activity = _live_activity(session, activity_id)
    rows = {
        p.id: p
        for p in session.scalars(
            select(Participation).where(
                Participation.activity_id == activity_id, Participation.deleted_at.is_(None)
            )
        )
    }
    for pid, came in attended.items():
        row = rows.get(pid)
        if row is None:
            raise ValidationError([FieldError("participants", "Ce participant n'est plus inscrit.")])
        if row.attended != came:
            row.attended = came
    if activity.status == "planned":
        activity.status = "done"


def add_walk_in(session: Session, activity_id: uuid.UUID, beneficiary_id: uuid.UUID) -> uuid.UUID:
    """A person not registered who came anyway: attended, not registered."""
    _live_activity(session, activity_id)
    if session.get(Beneficiary, beneficiary_id) is None:
        raise ValidationError([FieldError("beneficiary", "Ce bénéficiaire n'existe plus.")])
    row = session.scalar(
        select(Participation).where(
            Participation.activity_id == activity_id,
            Participation.beneficiary_id == beneficiary_id,
            Participation.deleted_at.is_(None),
        )
    )
    if row is not None:
        row.attended = True
        return row.id
    row = Participation(
        activity_id=activity_id,
        beneficiary_id=beneficiary_id,
        registered=False,
        attended=True,
        first_time=first_time_seen(session, beneficiary_id, activity_id),
    )
    session.add(row)
    session.flush()
    return row.id


def delete_activity(session: Session, activity_id: uuid.UUID) -> dt.datetime:
    """Tombstone the activity and its participations with one stamp (what undo restores)."""
    activity = _live_activity(session, activity_id)
    now = utcnow()
    activity.deleted_at = now
    for p in session.scalars(
        select(Participation).where(
            Participation.activity_id == activity_id, Participation.deleted_at.is_(None)
        )
    ):
        p.deleted_at = now
    return now


def restore_activity(session: Session, activity_id: uuid.UUID) -> None:
    """Undo a delete: the activity and the participations tombstoned with it come back."""
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is None:
        return
    stamp = activity.deleted_at
    activity.deleted_at = None
    for p in session.scalars(
        select(Participation).where(
            Participation.activity_id == activity_id, Participation.deleted_at == stamp
        )
    ):
        p.deleted_at = None


def already_recorded(
    session: Session,
    beneficiary_ids: Sequence[uuid.UUID],
    day: dt.date | None,
    start: dt.time | None,
    exclude_id: uuid.UUID | None = None,
) -> list[str]:
    """The people among `beneficiary_ids` already in another live, not cancelled activity of
    that day and minute (by display name): the same visit saved twice, most likely."""
    if not beneficiary_ids or day is None or start is None:
        return []
    stmt = (
        select(Beneficiary)
        .join(Participation, Participation.beneficiary_id == Beneficiary.id)
        .join(Activity, Activity.id == Participation.activity_id)
        .where(
            Participation.beneficiary_id.in_(list(beneficiary_ids)),
            Participation.deleted_at.is_(None),
            Activity.deleted_at.is_(None),
            Activity.status != "cancelled",
            Activity.date == day,
            Activity.start_time == start,
        )
        .distinct()
    )
    if exclude_id is not None:
        stmt = stmt.where(Activity.id != exclude_id)
    return [person.display_name for person in session.scalars(stmt)]


def create_beneficiary(session: Session, first_name: str, last_name: str) -> uuid.UUID:
    """A person from a first and last name alone (the register's own creation, which the
    forms' « Nouveau… » also uses after its duplicate check)."""
    data = BeneficiaryData(first_name=first_name, last_name=last_name)
    return beneficiaries.create_beneficiary(session, data).id


def _live_activity(session: Session, activity_id: uuid.UUID) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise ValidationError([FieldError("type", "Cette activité a été supprimée entre-temps.")])
    return activity


def _live_participant_count(session: Session, activity_id: uuid.UUID) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Participation)
            .where(Participation.activity_id == activity_id, Participation.deleted_at.is_(None))
        )
        or 0
    )


# ---- reading ------------------------------------------------------------------------


def load_activity(session: Session, activity_id: uuid.UUID) -> LoadedActivity:
    activity = _live_activity(session, activity_id)
    data = ActivityData(**{name: getattr(activity, name) for name in _ACTIVITY_FIELDS})
    data.themes = list(activity.themes or [])
    data.admin_themes = list(activity.admin_themes or [])
    data.equipment = list(activity.equipment or [])
    data.co_advisor_ids = list(activity.co_advisor_ids or [])
    data.anon_genders = dict(activity.anon_genders or {})
    data.anon_age_bands = dict(activity.anon_age_bands or {})
    data.anon_statuses = dict(activity.anon_statuses or {})
    loaded = LoadedActivity(activity.id, data)
    rows = session.execute(
        select(Participation, Beneficiary)
        .join(Beneficiary, Beneficiary.id == Participation.beneficiary_id)
        .where(Participation.activity_id == activity_id, Participation.deleted_at.is_(None))
    )
    for p, b in sorted(rows, key=lambda row: person_order(row[1])):
        loaded.participants.append(
            ParticipantRow(p.id, b.id, b.display_name, b.anonymous, p.registered, p.attended, p.first_time)
        )
        if b.anonymous:
            loaded.anonymous_beneficiary = BeneficiaryData(
                anonymous=True,
                gender=b.gender,
                age_band=b.age_band,
                social_status=b.social_status,
                already_accompanied=b.already_accompanied,
                commune=b.commune,
            )
    return loaded


@dataclass
class ActivityFilter:
    """What the activities list and the agenda ask for; None means 'any'."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    type: str | None = None
    status: str | None = None
    venue_id: uuid.UUID | None = None
    theme: str | None = None
    advisor_id: uuid.UUID | None = None
    # Only the workshops whose attendance is still to be marked (« Émargement à saisir ») on this day.
    awaiting_attendance_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ActivityRow:
    id: uuid.UUID
    date: dt.date
    start_time: dt.time | None
    duration_min: int
    type: str
    status: str
    title: str
    beneficiary: str
    participants: int
    venue: str
    themes: tuple[str, ...]
    advisor: str
    awaiting_attendance: bool = False  # « Émargement à saisir » (`awaiting_attendance`)
    series_id: uuid.UUID | None = None  # a session of a workshop series
    session_number: int | None = None


# Sort keys the list offers, each an SQL expression (ties broken by date, time, id).
_PARTICIPANTS = (
    select(func.count())
    .select_from(Participation)
    .where(Participation.activity_id == Activity.id, Participation.deleted_at.is_(None))
    .correlate(Activity)
    .scalar_subquery()
)
# The person of an individual accompaniment, named like the register does.
_UPPER_LAST = func.upper(Beneficiary.last_name, type_=String)
_PERSON_NAME = func.coalesce(
    func.nullif(func.trim(_UPPER_LAST + " " + Beneficiary.first_name), ""),
    "Anonyme",
)
_FIRST_PERSON = (
    select(_PERSON_NAME)
    .join(Participation, Participation.beneficiary_id == Beneficiary.id)
    .where(Participation.activity_id == Activity.id, Participation.deleted_at.is_(None))
    .order_by(Participation.created_at)
    .limit(1)
    .correlate(Activity)
    .scalar_subquery()
)
_ADVISOR_NAME = (
    select(func.trim(Advisor.first_name + " " + Advisor.last_name))
    .where(Advisor.id == Activity.advisor_id)
    .correlate(Activity)
    .scalar_subquery()
)


def _live_people(*conditions: Any) -> Any:
    return (
        select(Participation.activity_id)
        .where(Participation.activity_id == Activity.id, Participation.deleted_at.is_(None), *conditions)
        .correlate(Activity)
        .exists()
    )


def awaiting_attendance(today: dt.date) -> Any:
    """`domain.counting.attendance_pending` in SQL, on `Activity`: a workshop that happened
    (done, or planned and past), with registered people, whose attendance nobody marked."""
    happened = or_(
        and_(Activity.status == PLANNED, Activity.date < today),
        and_(Activity.status == DONE, Activity.date <= today),
    )
    return and_(
        Activity.type == WORKSHOP,
        Activity.deleted_at.is_(None),
        happened,
        _live_people(Participation.registered.is_(True)),
        ~_live_people(Participation.attended.is_not(None)),
    )


_VENUE_NAME = select(Venue.name).where(Venue.id == Activity.venue_id).correlate(Activity).scalar_subquery()
# The « Bénéficiaire / atelier » sort key as computed, which migration 0018's triggers keep in
# `activity_sort_keys` (a test holds the two equal).
_WHO = func.coalesce(func.nullif(Activity.title, ""), _FIRST_PERSON, "")

SORT_KEYS: dict[str, Any] = {
    "date": (Activity.date, Activity.start_time),
    "type": (Activity.type,),
    "status": (Activity.status,),
    "duration": (Activity.duration_min,),
    "venue": (func.coalesce(_VENUE_NAME, Activity.commune),),
}
# The keys computed from other tables (the participations, the first person's name), kept
# with the list's ties by triggers (migration 0018: `_PARTICIPANTS` and `_WHO`, refreshed
# in the edit's transaction), so that a page is read in order from their index.
SORT_KEY_TABLE = Table(
    "activity_sort_keys",
    MetaData(),
    Column("activity_id", Uuid, primary_key=True),
    Column("participants", Integer),
    Column("who", String),
    Column("date", Date),
    Column("start_time", Time),
)
_KEPT = SORT_KEY_TABLE.c
KEPT_SORT_KEYS: dict[str, Any] = {"title": _KEPT.who, "participants": _KEPT.participants}


def _where(flt: ActivityFilter) -> list[Any]:
    conds: list[Any] = [Activity.deleted_at.is_(None)]
    if flt.date_from is not None:
        conds.append(Activity.date >= flt.date_from)
    if flt.date_to is not None:
        conds.append(Activity.date <= flt.date_to)
    if flt.type:
        conds.append(Activity.type == flt.type)
    if flt.status:
        conds.append(Activity.status == flt.status)
    if flt.venue_id is not None:
        conds.append(Activity.venue_id == flt.venue_id)
    # Themes and co-advisors are JSON lists of codes/ids (which hold no quote): finding the
    # quoted value in the text is exact and much cheaper than parsing every row's JSON.
    if flt.advisor_id is not None:
        conds.append(
            or_(
                Activity.advisor_id == flt.advisor_id,
                func.instr(type_coerce(Activity.co_advisor_ids, String), f'"{flt.advisor_id}"') > 0,
            )
        )
    if flt.theme:
        conds.append(func.instr(type_coerce(Activity.themes, String), f'"{flt.theme}"') > 0)
    if flt.awaiting_attendance_on is not None:
        conds.append(awaiting_attendance(flt.awaiting_attendance_on))
    return conds


def _order(sort: str, descending: bool) -> list[Any]:
    """The sort keys, then the ties (date, time, id) that the keys do not already hold.

    The ties go the keys' way, so that a descending order is the ascending one read
    backwards and one index (ix_activity_list, ix_activity_by_*) serves both. A term
    repeated in ORDER BY makes SQLite sort again what the index already ordered.
    """
    keys = SORT_KEYS.get(sort, SORT_KEYS["date"])
    ties = [c for c in (Activity.date, Activity.start_time, Activity.id) if not any(c is k for k in keys)]
    return [k.desc() if descending else k.asc() for k in (*keys, *ties)]


def count_activities(session: Session, flt: ActivityFilter) -> int:
    return session.scalar(select(func.count()).select_from(Activity).where(and_(*_where(flt)))) or 0


def activity_rows(
    session: Session, ids: list[str] | list[uuid.UUID], today: dt.date | None = None
) -> list[ActivityRow]:
    """The shown columns of these activities, in the order of `ids` (primary-key lookups).

    `today` (default: today in Réunion) tells which workshops await their attendance."""
    if not ids:
        return []
    today = today or reunion_today()
    ids = [i if isinstance(i, uuid.UUID) else uuid.UUID(hex=i) for i in ids]
    stmt = select(
        Activity.id,
        Activity.date,
        Activity.start_time,
        Activity.duration_min,
        Activity.type,
        Activity.status,
        Activity.title,
        _FIRST_PERSON,
        _PARTICIPANTS,
        func.coalesce(_VENUE_NAME, Activity.commune, ""),
        Activity.themes,
        func.coalesce(_ADVISOR_NAME, ""),
        awaiting_attendance(today),
        Activity.series_id,
        Activity.session_number,
    ).where(Activity.id.in_(ids))
    by_id = {}
    for r in session.execute(stmt):
        by_id[r[0]] = ActivityRow(
            id=r[0],
            date=r[1],
            start_time=r[2],
            duration_min=r[3],
            type=r[4],
            status=r[5],
            title=r[6] or "",
            beneficiary=(r[7] or "") if r[4] == "individual" else "",
            participants=r[8] or 0,
            venue=r[9] or "",
            themes=tuple(r[10] or ()),
            advisor=r[11] or "",
            awaiting_attendance=bool(r[12]),
            series_id=r[13],
            session_number=r[14],
        )
    return [by_id[i] for i in ids if i in by_id]


def sorted_ids(
    session: Session,
    flt: ActivityFilter,
    sort: str = "date",
    descending: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> list[uuid.UUID]:
    """The matching activities' ids in the list's order, `limit` of them from `offset`
    (all with None): the sort key's index gives them in order, no row is read."""
    stmt = select(Activity.id).where(and_(*_where(flt)))
    kept = KEPT_SORT_KEYS.get(sort)
    if kept is None:
        stmt = stmt.order_by(*_order(sort, descending))
    else:
        keys = (kept, _KEPT.date, _KEPT.start_time, _KEPT.activity_id)
        stmt = stmt.join(SORT_KEY_TABLE, _KEPT.activity_id == Activity.id).order_by(
            *(k.desc() if descending else k.asc() for k in keys)
        )
    return list(session.scalars(stmt.limit(limit).offset(offset)))


def list_activities(
    session: Session,
    flt: ActivityFilter,
    sort: str = "date",
    descending: bool = True,
    limit: int = 200,
    offset: int = 0,
    today: dt.date | None = None,
) -> list[ActivityRow]:
    """One page of the list: its ids in the list's order (`sorted_ids`), then their columns."""
    return activity_rows(session, sorted_ids(session, flt, sort, descending, limit, offset), today)


def agenda_items(
    session: Session,
    first_day: dt.date,
    last_day: dt.date,
    advisor_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> list[ActivityRow]:
    """Everything between two days (inclusive), in the order of the day: the rows
    `list_activities` gives, read in three statements (the week's activities through the date
    index, their participations counted, the individual ones' person) rather than five
    correlated look-ups per activity, which made the team's week of 2,000 activities slow."""
    today = today or reunion_today()
    flt = ActivityFilter(date_from=first_day, date_to=last_day, advisor_id=advisor_id)
    # Ids as stored text: the participations are matched to their activity without turning
    # thousands of ids into UUID objects (what the week cost most in Python). Core statements
    # on the session's connection: the ORM's result layers cost as much as the reads.
    conn = session.connection()
    found = conn.execute(
        select(
            type_coerce(Activity.id, String),
            Activity.date,
            Activity.start_time,
            Activity.duration_min,
            Activity.type,
            Activity.status,
            Activity.title,
            func.coalesce(Venue.name, Activity.commune, ""),
            type_coerce(Activity.themes, String),  # parsed once per distinct list below
            func.coalesce(func.trim(Advisor.first_name + " " + Advisor.last_name), ""),
            Activity.series_id,
            Activity.session_number,
        )
        .outerjoin(Venue, Venue.id == Activity.venue_id)
        .outerjoin(Advisor, Advisor.id == Activity.advisor_id)
        .where(and_(*_where(flt)))
        .order_by(*_order("date", False))
    ).all()
    week = select(Activity.id).where(and_(*_where(flt)))
    p = Participation
    # Each activity's live people: how many, registered, marked (from the participations'
    # covering index alone), and the first person's name, read for individual ones only.
    counts = {
        activity_id: (int(n), int(registered or 0), int(marked or 0))
        for activity_id, n, registered, marked in conn.execute(
            select(
                type_coerce(p.activity_id, String),
                func.count(),
                func.sum(p.registered.is_(True)),
                func.sum(p.attended.is_not(None)),
            )
            .where(p.activity_id.in_(week), p.deleted_at.is_(None))
            .group_by(p.activity_id)
        )
    }
    names: dict[str, str] = {}
    individuals = week.where(Activity.type == INDIVIDUAL)
    for activity_id, name in conn.execute(
        select(type_coerce(p.activity_id, String), _PERSON_NAME)
        .join(Beneficiary, Beneficiary.id == p.beneficiary_id)
        .where(p.activity_id.in_(individuals), p.deleted_at.is_(None))
        .order_by(p.activity_id, p.created_at)
    ):
        names.setdefault(activity_id, name)
    rows = []
    # A week repeats a few theme lists thousands of times: each is decoded once.
    themes: dict[str | None, tuple[str, ...]] = {None: ()}
    for r in found:
        if r[8] not in themes:
            themes[r[8]] = tuple(json.loads(r[8]) or ())
        n, registered, marked = counts.get(r[0], (0, 0, 0))
        pending = attendance_pending(r[4], r[5], r[1], today, registered, marked)
        rows.append(
            ActivityRow(
                id=uuid.UUID(hex=r[0]),
                date=r[1],
                start_time=r[2],
                duration_min=r[3],
                type=r[4],
                status=r[5],
                title=r[6] or "",
                beneficiary=names.get(r[0], ""),
                participants=n,
                venue=r[7] or "",
                themes=themes[r[8]],
                advisor=r[9] or "",
                awaiting_attendance=pending,
                series_id=r[10],
                session_number=r[11],
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class AwaitingAttendance:
    """Workshops that happened and whose attendance nobody marked: how many, and their
    registered people (live ones), who are not counted until it is marked."""

    workshops: int
    registered: int


def awaiting_attendance_count(
    session: Session,
    today: dt.date,
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
    advisor_id: uuid.UUID | None = None,
) -> AwaitingAttendance:
    """`advisor_id`: the workshops this advisor leads (as the figures count them)."""
    conds = [awaiting_attendance(today)]
    if first_day is not None:
        conds.append(Activity.date >= first_day)
    if last_day is not None:
        conds.append(Activity.date <= last_day)
    if advisor_id is not None:
        conds.append(Activity.advisor_id == advisor_id)
    workshops = select(Activity.id).where(*conds).subquery()
    # Deleted people are not people to count (the figures do not count them either).
    gone = select(Beneficiary.id).where(
        Beneficiary.deleted_at.is_not(None), Beneficiary.merged_into_id.is_(None)
    )
    registered = session.scalar(
        select(func.count())
        .select_from(Participation)
        .join(workshops, workshops.c.id == Participation.activity_id)
        .where(
            Participation.deleted_at.is_(None),
            Participation.registered.is_(True),
            Participation.beneficiary_id.not_in(gone),
        )
    )
    count = session.scalar(select(func.count()).select_from(workshops))
    return AwaitingAttendance(int(count or 0), int(registered or 0))


def participant_ids(rows: Iterable[ParticipantRow]) -> list[uuid.UUID]:
    return [r.beneficiary_id for r in rows]
