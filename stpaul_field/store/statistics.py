"""The figures of a period, aggregated in SQL (the local SQLite store).

What counts is `domain.counting.CountingRule` (only what happened: done activities, or
planned and past if the setting says so; the people marked present, the one person of an
individual accompaniment; plus the anonymous participants); here it is restated in SQL
(`counted_activity`, `counted_participation`), with these store facts:
- tombstoned activities and participations never count;
- a beneficiary that was merged into another counts as that other person; a deleted
  (tombstoned) beneficiary that was not merged does not count.

An activity belongs to the advisor who leads it (`advisor_id`), never to its co-advisors,
so that the team's figures are exactly the sum of its advisors'. Distinct counts (unique
and new beneficiaries) are the exception: a person seen by two advisors is one person.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    Uuid,
    and_,
    case,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session, aliased

from stpaul_field.domain import values as v
from stpaul_field.domain.counting import DONE, INDIVIDUAL, PLANNED, CountingRule
from stpaul_field.domain.fields import CODED_FIELDS
from stpaul_field.domain.report_model import (
    NOT_RECORDED,
    SPLIT_BY_KEY,
    SPLITS,
    Breakdown,
    BreakdownRow,
    MonthlyReport,
    MonthPoint,
    Period,
    PeriodFigures,
    Scope,
    Split,
    add_months,
)
from stpaul_field.domain.text import person_order
from stpaul_field.store.activities import awaiting_attendance_count
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation, Venue

EVOLUTION_MONTHS = 12


# ---- what counts ---------------------------------------------------------------------


def happened(status: Any, day: Any, rule: CountingRule) -> ColumnElement[bool]:
    """`CountingRule.counts_activity` in SQL, on an activity's (or its tally's) columns."""
    done = status == DONE
    if rule.planned_until is not None:
        done = or_(done, and_(status == PLANNED, day <= rule.planned_until))
    return and_(day <= rule.last_day, done)


def counted_activity(a: Any, rule: CountingRule) -> ColumnElement[bool]:
    return and_(a.deleted_at.is_(None), happened(a.status, a.date, rule))


def attendance_marked(activity_id: Any) -> ColumnElement[bool]:
    """Whether attendance was marked for at least one participant of the activity."""
    marked = aliased(Participation)
    # Selecting only indexed columns keeps the lookup inside the covering index.
    return (
        select(marked.activity_id)
        .where(
            marked.activity_id == activity_id,
            marked.deleted_at.is_(None),
            marked.attended.is_not(None),
        )
        .exists()
    )


def counted_participation(p: Any, activity_type: Any) -> ColumnElement[bool]:
    """`CountingRule.counts_participation` in SQL: marked present, or the person of an
    individual accompaniment not marked absent (`activity_type`: its activity's type)."""
    return and_(
        p.deleted_at.is_(None),
        or_(p.attended.is_(True), and_(p.attended.is_(None), activity_type == INDIVIDUAL)),
    )


def deleted_people() -> Select[Any]:
    """Ids of deleted beneficiaries (a merged record is not deleted: it counts as its survivor).

    Read through a small index once per query, rather than each beneficiary row checked.
    """
    b = Beneficiary
    return select(b.id).where(b.deleted_at.is_not(None), b.merged_into_id.is_(None))


def live_beneficiary(p: Any) -> ColumnElement[bool]:
    return p.beneficiary_id.not_in(deleted_people())


def person_of(b: Any) -> ColumnElement[uuid.UUID]:
    return func.coalesce(b.merged_into_id, b.id)


def _activities_query(period: Period, advisor_id: uuid.UUID | None, rule: CountingRule) -> Select[Any]:
    a = Activity
    q = select(*(getattr(a, name) for name in _ACT_COLUMNS), a.anon_total.label("w")).where(
        counted_activity(a, rule), a.date >= period.start, a.date <= period.end
    )
    if advisor_id is not None:
        q = q.where(a.advisor_id == advisor_id)
    return q


_ACT_COLUMNS = (
    "id",
    "type",
    "advisor_id",
    "venue_id",
    "date",
    "duration_min",
    "themes",
    "admin_themes",
    "autonomy",
    "redirected",
    "aidants_connect",
    "redirect_structure",
    "anon_total",
    "anon_genders",
    "anon_age_bands",
    "anon_statuses",
    "place_type",
    "equipment",
    *(s.field for s in SPLITS if s.field is not None),
)
_UNIT_COLUMNS = ("gender", "age_band", "social_status", "commune", "disability", "family_carer", "homeless")

# Every participation that counts whenever its activity happens, with the activity's day,
# status, type and advisor and the description it counts with, kept by triggers in the
# edit's transaction (migration 0019): the report reads a month as one range of it instead
# of looking up each participation's person, survivor and earlier follow-ups.
# `tests/store/test_report_units.py` holds it equal to `unit_rows()` after random edits.
UNIT_TABLE = Table(
    "report_unit",
    MetaData(),
    Column("day", Date, primary_key=True),
    Column("participation_id", Uuid, primary_key=True),
    Column("activity_id", Uuid),
    Column("status", String(20)),
    Column("type", String(20)),
    Column("advisor_id", Uuid),
    Column("beneficiary_id", Uuid),
    Column("person", Uuid),
    *(Column(name, Beneficiary.__table__.c[name].type) for name in _UNIT_COLUMNS),
)


def unit_rows() -> Select[Any]:
    """What `UNIT_TABLE` holds, computed from the participations, activities and people: a
    live participation of a live activity that counts (`counted_participation`), its person
    not deleted; a merged record counts as, and with the description of, its survivor."""
    p, a, b, survivor = Participation, Activity, Beneficiary, aliased(Beneficiary)
    return (
        select(
            a.date.label("day"),
            p.id.label("participation_id"),
            p.activity_id,
            a.status,
            a.type,
            a.advisor_id,
            p.beneficiary_id,
            person_of(b).label("person"),
            *(func.coalesce(getattr(survivor, n), getattr(b, n)).label(n) for n in _UNIT_COLUMNS),
        )
        .join(a, a.id == p.activity_id)
        .join(b, b.id == p.beneficiary_id)
        .outerjoin(survivor, survivor.id == b.merged_into_id)
        .where(
            a.deleted_at.is_(None),
            counted_participation(p, a.type),
            live_beneficiary(p),
        )
    )


# The period's counted activities and follow-ups are copied once into two temporary tables
# (private to the connection), so that a dozen breakdowns each read a few thousand rows
# instead of re-running the joins over the whole store.
_tally = Table(
    "activity_tally",
    MetaData(),
    Column("activity_id", Uuid, primary_key=True),
    Column("month", String(7)),
    Column("advisor_id", Uuid),
    Column("status", String(20)),
    Column("day", Date),
    Column("follow_ups", Integer),
)

_temp = MetaData()
_acts = Table(
    "report_acts",
    _temp,
    *(Column(name, Activity.__table__.c[name].type) for name in _ACT_COLUMNS),
    Column("w", Integer),
    prefixes=["TEMPORARY"],
)
_units = Table(
    "report_units",
    _temp,
    Column("activity_id", Participation.__table__.c.activity_id.type, index=True),
    Column("beneficiary_id", Participation.__table__.c.beneficiary_id.type),
    Column("person", Participation.__table__.c.beneficiary_id.type),
    *(Column(name, Beneficiary.__table__.c[name].type) for name in _UNIT_COLUMNS),
    prefixes=["TEMPORARY"],
)


@contextlib.contextmanager
def _materialized(
    session: Session, period: Period, advisor_id: uuid.UUID | None, rule: CountingRule
) -> Iterator[None]:
    conn = session.connection()
    _temp.drop_all(conn, checkfirst=True)
    _temp.create_all(conn)
    try:
        query = _activities_query(period, advisor_id, rule)
        conn.execute(insert(_acts).from_select([*_ACT_COLUMNS, "w"], query))
        u = UNIT_TABLE.c
        units = select(u.activity_id, u.beneficiary_id, u.person, *(u[n] for n in _UNIT_COLUMNS)).where(
            u.day >= period.start, u.day <= period.end, happened(u.status, u.day, rule)
        )
        if advisor_id is not None:
            units = units.where(u.advisor_id == advisor_id)
        conn.execute(
            insert(_units).from_select(["activity_id", "beneficiary_id", "person", *_UNIT_COLUMNS], units)
        )
        # Each activity's follow-ups: its counted participants plus its anonymous ones.
        per_activity = select(func.count()).where(_units.c.activity_id == _acts.c.id).scalar_subquery()
        conn.execute(update(_acts).values(w=_acts.c.anon_total + per_activity))
        yield
    finally:
        _temp.drop_all(conn, checkfirst=True)


# ---- breakdowns ------------------------------------------------------------------------


def _breakdown(
    key: str,
    counts: Iterable[tuple[Any, Any]],
    values: v.ValueList | None = None,
    *,
    label: Callable[[Any], str] | None = None,
    overlapping: bool = False,
    keep_zero: bool = True,
) -> Breakdown:
    """Rows in the value list's order (zeros kept, so tables keep their shape), then others."""
    totals: dict[Any, int] = {}
    for code, n in counts:
        code = None if code in (None, "") else code
        totals[code] = totals.get(code, 0) + int(n or 0)
    rows: list[BreakdownRow] = []
    if values is not None:
        for choice in values:
            n = totals.pop(choice.code, 0)
            if n or keep_zero:
                rows.append(BreakdownRow(choice.code, choice.label, n))
    unrecorded = totals.pop(None, 0)
    for code, n in sorted(totals.items(), key=lambda item: -item[1]):
        text = label(code) if label else (values.label(code) if values else str(code))
        rows.append(BreakdownRow(str(code), text, n))
    if unrecorded:
        rows.append(BreakdownRow(None, NOT_RECORDED, unrecorded))
    return Breakdown(SPLIT_BY_KEY[key].title, tuple(rows), overlapping, values)


def _sum_by(session: Session, weights: Table, column: Any) -> list[tuple[Any, int]]:
    q = select(column, func.sum(weights.c.w)).group_by(column)
    return [(k, n) for k, n in session.execute(q)]


def _sum_by_json_list(session: Session, weights: Table, column: Any) -> list[tuple[Any, int]]:
    items = func.json_each(column).table_valued("value")
    q = select(items.c.value, func.sum(weights.c.w)).select_from(weights).join(items, true())
    return [(k, n) for k, n in session.execute(q.group_by(items.c.value))]


def _coded_split(session: Session, weights: Table, split: Split) -> Breakdown:
    """A split declared with its coded field: follow-ups by that field's code; an outcome's
    among individual accompaniments (a démarche's among those with the administrative help)."""
    assert split.field is not None
    coded = CODED_FIELDS[split.field]
    if coded.many:
        raise NotImplementedError(f"{split.key}: a split by a list of codes is written by hand")
    column = weights.c[split.field]
    q = select(column, func.sum(weights.c.w)).group_by(column)
    if coded.outcome:
        q = q.where(weights.c.type == INDIVIDUAL)
    if coded.admin_help:
        items = func.json_each(weights.c.themes).table_valued("value")
        q = q.where(select(items.c.value).where(items.c.value == v.ADMIN_HELP_THEME).exists())
    return _breakdown(split.key, session.execute(q), coded.values)


def _marginal(session: Session, acts: Table, units: Table, unit_column: Any, anon_column: Any) -> list:
    """Counts by a beneficiary attribute: identified follow-ups plus anonymous participants.

    Anonymous participants are counted by the activity's per-value counts; the rest of
    its `anon_total` (not described) is counted as not recorded.
    """
    # Not recorded and « non communiqué » are one row for the people's own descriptions.
    code = func.coalesce(unit_column, "non_communique")
    identified = list(session.execute(select(code, func.count()).group_by(code)))
    items = func.json_each(anon_column).table_valued("key", "value")
    described = list(
        session.execute(
            select(items.c.key, func.sum(items.c.value))
            .select_from(acts)
            .join(items, true())
            .group_by(items.c.key)
        )
    )
    anon_total = session.scalar(select(func.coalesce(func.sum(acts.c.anon_total), 0))) or 0
    rest = anon_total - sum(int(n or 0) for _k, n in described)
    return [*identified, *described, ("non_communique", rest)]


def _by_commune(session: Session, acts: Table, units: Table) -> list[tuple[Any, int]]:
    """Identified follow-ups by the person's commune of residence (as written); anonymous
    participants have none: not recorded. Rows add up to the follow-ups."""
    commune = func.nullif(func.trim(units.c.commune), "")
    identified = list(session.execute(select(commune, func.count()).group_by(commune)))
    anonymous = session.scalar(select(func.coalesce(func.sum(acts.c.anon_total), 0))) or 0
    return [*identified, (None, anonymous)]


def _venue_names(session: Session, ids: Iterable[Any]) -> dict[Any, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return {
        vid: name for vid, name in session.execute(select(Venue.id, Venue.name).where(Venue.id.in_(wanted)))
    }


def advisor_names(session: Session) -> dict[uuid.UUID, str]:
    return {
        a.id: a.display_name for a in session.scalars(select(Advisor).where(Advisor.deleted_at.is_(None)))
    }


def period_figures(session: Session, period: Period, scope: Scope, rule: CountingRule) -> PeriodFigures:
    with _materialized(session, period, scope.advisor_id, rule):
        return _figures(session, period, scope, rule)


def _figures(session: Session, period: Period, scope: Scope, rule: CountingRule) -> PeriodFigures:
    acts = weights = _acts
    units = _units

    def one(q: Select[Any]) -> int:
        return int(session.scalar(q) or 0)

    by_type = {
        t: (n, w)
        for t, n, w in session.execute(
            select(weights.c.type, func.count(), func.sum(weights.c.w)).group_by(weights.c.type)
        )
    }
    individual_n, individual_w = by_type.get("individual", (0, 0))
    workshop_n, workshop_w = by_type.get("workshop", (0, 0))
    anonymous = one(select(func.coalesce(func.sum(acts.c.anon_total), 0)))
    awaiting = awaiting_attendance_count(session, rule.today, period.start, period.end, scope.advisor_id)
    mandated = one(select(func.coalesce(func.sum(weights.c.w), 0)).where(weights.c.aidants_connect.is_(True)))
    unique = one(select(func.count(func.distinct(units.c.person))))

    # New: the person's first counted follow-up, by anyone, falls in the period; the kept rows
    # hold every record of the person (those merged into them too) by `person`.
    earlier = UNIT_TABLE.c
    people = select(units.c.person).distinct().subquery()
    seen_before = (
        select(earlier.person)
        .where(
            earlier.person == people.c.person,
            earlier.day < period.start,
            happened(earlier.status, earlier.day, rule),
        )
        .exists()
    )
    first_seen = select(people.c.person).where(~seen_before).subquery()
    new = one(select(func.count()).select_from(first_seen))

    venue_rows = _sum_by(session, weights, weights.c.venue_id)
    names = _venue_names(session, (k for k, _n in venue_rows))
    bassin_col = select(Venue.bassin).where(Venue.id == weights.c.venue_id).scalar_subquery()
    priority = session.execute(
        select(
            func.coalesce(func.sum(case((units.c.disability.is_(True), 1), else_=0)), 0),
            func.coalesce(func.sum(case((units.c.family_carer.is_(True), 1), else_=0)), 0),
            func.coalesce(func.sum(case((units.c.homeless.is_(True), 1), else_=0)), 0),
        )
    ).one()
    durations = [
        (v.duration_band(int(minutes)), n) for minutes, n in _sum_by(session, weights, weights.c.duration_min)
    ]
    individual = weights.c.type == "individual"
    autonomy = session.execute(
        select(weights.c.autonomy, func.sum(weights.c.w)).where(individual).group_by(weights.c.autonomy)
    )
    redirections = session.execute(
        select(weights.c.redirect_structure, func.sum(weights.c.w))
        .where(individual, weights.c.redirected.is_(True))
        .group_by(weights.c.redirect_structure)
    )
    by_advisor = None
    if scope.is_team:
        people = advisor_names(session)
        by_advisor = _breakdown(
            "by_advisor",
            _sum_by(session, weights, weights.c.advisor_id),
            label=lambda aid: people.get(aid, "Conseiller inconnu"),
        )

    return PeriodFigures(
        period=period,
        scope=scope,
        follow_ups=int(individual_w or 0) + int(workshop_w or 0),
        anonymous_follow_ups=anonymous,
        unique_beneficiaries=unique,
        new_beneficiaries=new,
        activities=int(individual_n or 0) + int(workshop_n or 0),
        individual_activities=int(individual_n or 0),
        workshop_activities=int(workshop_n or 0),
        individual_follow_ups=int(individual_w or 0),
        workshop_follow_ups=int(workshop_w or 0),
        by_bassin=_breakdown("by_bassin", _sum_by(session, weights, bassin_col), v.BASSINS),
        by_venue=_breakdown(
            "by_venue", venue_rows, label=lambda vid: names.get(vid, "Lieu inconnu"), keep_zero=False
        ),
        by_theme=_breakdown(
            "by_theme",
            _sum_by_json_list(session, weights, weights.c.themes),
            v.THEMES,
            overlapping=True,
        ),
        by_admin_theme=_breakdown(
            "by_admin_theme",
            _sum_by_json_list(session, weights, weights.c.admin_themes),
            v.ADMIN_THEMES,
            overlapping=True,
        ),
        by_priority_public=_breakdown(
            "by_priority_public",
            zip(v.PRIORITY_PUBLICS.codes, priority, strict=True),
            v.PRIORITY_PUBLICS,
            overlapping=True,
        ),
        by_gender=_breakdown(
            "by_gender", _marginal(session, acts, units, units.c.gender, acts.c.anon_genders), v.GENDERS
        ),
        by_age_band=_breakdown(
            "by_age_band",
            _marginal(session, acts, units, units.c.age_band, acts.c.anon_age_bands),
            v.AGE_BANDS,
        ),
        by_autonomy=_breakdown("by_autonomy", autonomy, v.AUTONOMY),
        by_redirection=_breakdown("by_redirection", redirections, v.REDIRECT_STRUCTURES),
        by_duration=_breakdown("by_duration", durations, v.DURATION_BANDS),
        by_place_type=_breakdown(
            "by_place_type", _sum_by(session, weights, weights.c.place_type), v.PLACE_TYPES
        ),
        by_commune=_breakdown("by_commune", _by_commune(session, acts, units), keep_zero=False),
        by_equipment=_breakdown(
            "by_equipment",
            _sum_by_json_list(session, weights, weights.c.equipment),
            v.EQUIPMENT,
            overlapping=True,
        ),
        by_social_status=_breakdown(
            "by_social_status",
            _marginal(session, acts, units, units.c.social_status, acts.c.anon_statuses),
            v.SOCIAL_STATUSES,
        ),
        by_advisor=by_advisor,
        coded_splits={s.key: _coded_split(session, weights, s) for s in SPLITS if s.field is not None},
        aidants_connect=mandated,
        awaiting_attendance_workshops=awaiting.workshops,
        awaiting_attendance_registered=awaiting.registered,
    )


def monthly_evolution(
    session: Session,
    last_month: dt.date,
    advisor_id: uuid.UUID | None,
    rule: CountingRule,
    months: int = EVOLUTION_MONTHS,
) -> tuple[MonthPoint, ...]:
    """Follow-ups month by month, the `months` months ending with `last_month`'s month."""
    first = add_months(last_month.replace(day=1), -(months - 1))
    period = Period(first, add_months(last_month.replace(day=1), 1) - dt.timedelta(days=1))
    # Each live activity's follow-ups are kept by triggers (migrations 0004, 0010) in the
    # tally, with its month, day and status: a year reads one small index instead of every
    # participation, and whether it happened is decided here, on today's rule.
    t = _tally
    q = (
        select(t.c.month, func.sum(t.c.follow_ups))
        .where(
            t.c.month >= f"{period.start:%Y-%m}",
            t.c.month <= f"{period.end:%Y-%m}",
            happened(t.c.status, t.c.day, rule),
        )
        .group_by(t.c.month)
    )
    if advisor_id is not None:
        q = q.where(t.c.advisor_id == advisor_id)
    counts = {k: int(n or 0) for k, n in session.execute(q)}
    points = []
    for i in range(months):
        start = add_months(first, i)
        points.append(MonthPoint(start, counts.get(f"{start:%Y-%m}", 0)))
    return tuple(points)


# ---- scopes and targets ----------------------------------------------------------------


def team_scope() -> Scope:
    return Scope(None, "Équipe")


def advisor_scope(session: Session, advisor_id: uuid.UUID) -> Scope:
    advisor = session.get(Advisor, advisor_id)
    return Scope(advisor_id, advisor.display_name if advisor else "Conseiller")


def scope_target(session: Session, scope: Scope, team_target: int, advisor_target: int) -> int:
    """The monthly target of follow-ups: the team's, or the advisor's (0: an equal share)."""
    if scope.is_team:
        return team_target
    if advisor_target > 0:
        return advisor_target
    # Coordinators do not carry a share of the follow-ups.
    sharing = session.scalar(
        select(func.count()).where(
            Advisor.deleted_at.is_(None), Advisor.active.is_(True), Advisor.role != "coordinator"
        )
    )
    return round(team_target / sharing) if sharing else team_target


def monthly_report(
    session: Session,
    period: Period,
    scope: Scope,
    rule: CountingRule,
    team_target: int = 1600,
    advisor_target: int = 0,
) -> MonthlyReport:
    return MonthlyReport(
        figures=period_figures(session, period, scope, rule),
        evolution=monthly_evolution(session, period.start, scope.advisor_id, rule),
        target=scope_target(session, scope, team_target, advisor_target),
        rule=rule,
    )


# ---- rows for the exports --------------------------------------------------------------


def accompaniments(
    session: Session, period: Period, advisor_id: uuid.UUID | None, rule: CountingRule
) -> list[tuple[Activity, Beneficiary | None, Venue | None, Advisor | None, int]]:
    """The period's follow-ups as rows: (activity, person, venue, advisor, participants).

    One row per counted identified accompaniment (participants 1, the person the record was
    merged into if any), and one row per activity with anonymous participants (person None,
    participants = their number): the participants column adds up to the follow-ups.
    Ordered by date, start time and activity.
    """
    with _materialized(session, period, advisor_id, rule):
        identified = session.execute(
            select(Activity, Beneficiary, Venue, Advisor)
            .select_from(_units)
            .join(Activity, Activity.id == _units.c.activity_id)
            .join(Beneficiary, Beneficiary.id == _units.c.person)
            .outerjoin(Venue, Venue.id == Activity.venue_id)
            .outerjoin(Advisor, Advisor.id == Activity.advisor_id)
        ).all()
        anonymous = session.execute(
            select(Activity, Venue, Advisor)
            .select_from(_acts)
            .join(Activity, Activity.id == _acts.c.id)
            .outerjoin(Venue, Venue.id == Activity.venue_id)
            .outerjoin(Advisor, Advisor.id == Activity.advisor_id)
            .where(_acts.c.anon_total > 0)
        ).all()
    rows: list[tuple[Activity, Beneficiary | None, Venue | None, Advisor | None, int]] = [
        (a, b, venue, adv, 1) for a, b, venue, adv in identified
    ]
    rows += [(a, None, venue, adv, a.anon_total) for a, venue, adv in anonymous]

    def order(row: tuple[Activity, Beneficiary | None, Venue | None, Advisor | None, int]) -> tuple:
        a, b = row[0], row[1]
        return (a.date, a.start_time or dt.time(0), str(a.id), b is None, person_order(b) if b else ())

    rows.sort(key=order)
    return rows


def followed_beneficiaries(
    session: Session, period: Period, advisor_id: uuid.UUID | None, rule: CountingRule
) -> list[tuple[Beneficiary, int]]:
    """The named (not anonymous) people followed in the period, with their follow-ups count."""
    with _materialized(session, period, advisor_id, rule):
        counts = select(_units.c.person, func.count().label("n")).group_by(_units.c.person).subquery()
        found = session.execute(
            select(Beneficiary, counts.c.n)
            .join(counts, counts.c.person == Beneficiary.id)
            .where(Beneficiary.anonymous.is_(False))
        )
        return sorted(((b, int(n)) for b, n in found), key=lambda row: person_order(row[0]))
