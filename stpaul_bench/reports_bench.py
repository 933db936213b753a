"""Benchmark of the reports: the month's report (figures and 12-month evolution) on a large store."""

from __future__ import annotations

import datetime as dt
import statistics

from stpaul_bench.harness import BenchContext, Figure, timed

RUNS = 5
GOAL_MS = 300


# The demo makes ~2.3 accompaniments per activity: this many activities give the goal's
# 100,000 accompaniments.
ACTIVITIES_FOR_100K_ACCOMPANIMENTS = 43_500


def month_report(ctx: BenchContext) -> list[Figure]:
    """The last complete month's report, for the team and for one advisor.

    On a store of 100,000 accompaniments (the goal's), and on the shared demo store of the
    other benchmarks (100,000 activities). The demo spreads its activities over one year, so
    a month holds a twelfth of them (8,000 follow-ups a month with 100,000 accompaniments:
    6 times Saint-Paul's real month) and the evolution reads the whole year.
    """
    scale = ctx.activities / 100_000
    sizes = [round(ACTIVITIES_FOR_100K_ACCOMPANIMENTS * scale), ctx.activities]
    figures: list[Figure] = []
    for activities in dict.fromkeys(sizes):
        figures += _month_report(ctx, activities)
    return figures


def _month_report(ctx: BenchContext, activities: int) -> list[Figure]:
    from sqlalchemy import func, select

    from stpaul_field.domain.counting import CountingRule
    from stpaul_field.domain.report_model import Period, add_months
    from stpaul_field.store import statistics as st
    from stpaul_field.store.models import Participation
    from stpaul_field.store.reference import current_advisor_id

    store = ctx.open_store(ctx.demo_store(activities=activities))
    month = add_months(dt.date.today().replace(day=1), -1)
    period = Period.month(month.year, month.month)
    rule = CountingRule.now()
    try:
        with store.reader() as session:
            accompaniments = session.scalar(select(func.count()).select_from(Participation)) or 0
            advisor = current_advisor_id(session)
            scopes = [st.team_scope(), st.advisor_scope(session, advisor)] if advisor else [st.team_scope()]
            st.monthly_report(session, period, scopes[0], rule)  # warm the cache, as a second look would
            samples: dict[str, list[float]] = {s.label: [] for s in scopes}
            follow_ups = 0
            for _ in range(RUNS):
                for scope in scopes:
                    samples[scope.label].append(
                        timed(lambda scope=scope: st.monthly_report(session, period, scope, rule))
                    )
            follow_ups = st.period_figures(session, period, scopes[0], rule).follow_ups
    finally:
        store.close()
    n = f"{accompaniments:,}".replace(",", " ")
    figures = []
    for label, times in samples.items():
        who = "équipe" if label == "Équipe" else "un conseiller"
        figures.append(
            Figure(
                f"rapport du mois, {who} ({n} accompagnements, {follow_ups} suivis/mois)",
                statistics.median(times) * 1000,
                "ms",
                GOAL_MS,
            )
        )
    return figures


AGENDA_GOAL_MS = 100
AGENDA_WEEKS = 5  # this week and the four before: a week's load varies with the demo's days


def agenda_week(ctx: BenchContext) -> list[Figure]:
    """The agenda's week (`agenda_items`, off the UI thread) for one advisor and for the whole
    team, on the shared demo store of `--activities` activities; and, in the same run, the
    bare SQL read of the team's week (its activities and their live participations, no
    application code), so that a loaded machine moves both figures together."""
    import datetime as dt

    from stpaul_field.store import activities as acts
    from stpaul_field.store.reference import local_advisor_id

    store = ctx.open_store(ctx.demo_store())
    today = dt.date.today()
    mondays = [today - dt.timedelta(days=today.weekday(), weeks=w) for w in range(AGENDA_WEEKS)]
    mine: list[float] = []
    team: list[float] = []
    bare: list[float] = []
    shown = 0
    try:
        with store.reader() as s:
            me = local_advisor_id(s)
            conn = s.connection()
            for _ in range(RUNS):
                for monday in mondays:
                    sunday = monday + dt.timedelta(days=6)
                    mine.append(timed(lambda m=monday, d=sunday: acts.agenda_items(s, m, d, me)))
                    team.append(timed(lambda m=monday, d=sunday: acts.agenda_items(s, m, d)))
                    bare.append(timed(lambda m=monday, d=sunday: _bare_week(conn, m, d)))
            shown = len(acts.agenda_items(s, mondays[0], mondays[0] + dt.timedelta(days=6)))
    finally:
        store.close()
    m = f"{ctx.activities:,}".replace(",", " ")
    worst_team = max(team) * 1000
    return [
        Figure("agenda : ma semaine (hors fil UI), pire", max(mine) * 1000, "ms", AGENDA_GOAL_MS),
        Figure(
            f"agenda : semaine de l'équipe ({m} activités, {shown} cette semaine), pire",
            worst_team,
            "ms",
            AGENDA_GOAL_MS,
        ),
        Figure("agenda : semaine de l'équipe, médiane", statistics.median(team) * 1000, "ms", AGENDA_GOAL_MS),
        Figure("agenda : la même semaine en SQL nu, pire", max(bare) * 1000, "ms"),
        Figure(
            "agenda : semaine de l'équipe ÷ SQL nu (médianes)",
            statistics.median(team) / statistics.median(bare),
            "×",
        ),
    ]


def _bare_week(conn, monday, sunday) -> int:  # type: ignore[no-untyped-def]
    """The week's activities and their live participations, read by SQLite alone."""
    first, last = f"{monday:%Y-%m-%d}", f"{sunday:%Y-%m-%d}"
    rows = conn.exec_driver_sql(
        "SELECT id, date, start_time, duration_min, type, status, title, themes FROM activity"
        " WHERE date >= ? AND date <= ? AND deleted_at IS NULL ORDER BY date, start_time",
        (first, last),
    ).all()
    people = conn.exec_driver_sql(
        "SELECT p.activity_id, p.beneficiary_id, p.registered, p.attended FROM participation p"
        " WHERE p.deleted_at IS NULL AND p.activity_id IN (SELECT id FROM activity"
        " WHERE date >= ? AND date <= ? AND deleted_at IS NULL)",
        (first, last),
    ).all()
    return len(rows) + len(people)
