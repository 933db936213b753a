"""The month's figures against a fixture counted by hand (tests/statistics_fixture.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from stpaul_field.domain.counting import CountingRule
from stpaul_field.domain.report_model import Period, Scope
from stpaul_field.store import statistics as st
from stpaul_field.store.database import Store
from stpaul_field.store.demo import seed
from stpaul_field.store.models import Advisor
from tests.statistics_fixture import NOV, RULE, RULE_PLANNED_PAST, Fixture, build

NOVEMBER = Period.month(*NOV)


@pytest.fixture
def fx(store: Store) -> Fixture:
    return build(store)


def figures(store: Store, advisor=None, period: Period = NOVEMBER, rule: CountingRule = RULE):
    with store.reader() as s:
        scope = st.team_scope() if advisor is None else st.advisor_scope(s, advisor)
        return st.period_figures(s, period, scope, rule)


def test_team_counts_only_what_happened(store, fx):
    f = figures(store)
    # a1 1 + a2 1 + a3 (b2 + 3 anonymous) 4 + a4 (attendance never marked) 0 + a7 1
    # + a9 (1 anonymous) 1; not a5 (cancelled), a6 (tombstone), a11 a12 (planned, past),
    # a13 (planned, to come)
    assert f.follow_ups == 8
    assert f.anonymous_follow_ups == 4
    assert (f.activities, f.individual_activities, f.workshop_activities) == (6, 3, 3)
    assert (f.individual_follow_ups, f.workshop_follow_ups) == (3, 5)


def test_planned_and_past_count_when_the_setting_says_so(store, fx):
    f = figures(store, rule=RULE_PLANNED_PAST)
    # + a11 (attendance not marked: its 2 anonymous only) 2 + a12 (individual) 1; never a13
    assert f.follow_ups == 11
    assert f.anonymous_follow_ups == 6
    assert (f.activities, f.individual_activities, f.workshop_activities) == (8, 4, 4)
    assert (f.individual_follow_ups, f.workshop_follow_ups) == (4, 7)
    assert f.unique_beneficiaries == 3  # + b3 (a12)
    assert f.by_venue.count(str(fx.venue_gilles)) == 3 + 2 + 1
    # Once the month is over, the planned workshop of the 30th is past too: + a13's 5 anonymous.
    later = figures(store, rule=CountingRule(dt.date(2026, 12, 2), planned_past=True))
    assert later.follow_ups == 16
    # And without the setting, planned activities never count, however old.
    assert figures(store, rule=CountingRule(dt.date(2027, 6, 1))).follow_ups == 8


def test_nothing_dated_after_today_counts(store, fx):
    # On 12 November, only a1, a2, a3 (the 12th itself) and a9 have happened.
    f = figures(store, rule=CountingRule(dt.date(2026, 11, 12)))
    assert f.follow_ups == 1 + 1 + 4 + 1
    assert CountingRule(dt.date(2026, 11, 12)).counted_until(NOVEMBER.end) == dt.date(2026, 11, 12)
    assert RULE.statement(NOVEMBER.end).startswith("Activités réalisées jusqu'au 28/11/2026")
    assert (
        CountingRule(dt.date(2027, 1, 5))
        .statement(NOVEMBER.end)
        .startswith("Activités réalisées jusqu'au 30/11/2026")
    )


def test_the_rule_in_python_and_in_sql_agree(store, fx):
    """`CountingRule`'s own predicates, applied to every activity of the fixture by hand."""
    from stpaul_field.store.models import Activity, Participation

    for rule in (RULE, RULE_PLANNED_PAST):
        with store.reader() as s:
            expected = 0
            for a in s.query(Activity).filter(Activity.date >= NOVEMBER.start, Activity.date <= NOVEMBER.end):
                if not rule.counts_activity(a.status, a.date, a.deleted_at is not None):
                    continue
                expected += a.anon_total
                for p in s.query(Participation).filter_by(activity_id=a.id):
                    person = p.beneficiary_id != fx.beneficiaries["b4"]  # the deleted one
                    if person and rule.counts_participation(a.type, p.attended, p.deleted_at is not None):
                        expected += 1
        assert figures(store, rule=rule).follow_ups == expected


def test_unique_and_new_beneficiaries(store, fx):
    f = figures(store)
    # b1 (seen three times, once through the record merged into her), b2 (a3); b3 came to
    # nothing that counts (absent from a3, a4 not marked)
    assert f.unique_beneficiaries == 2
    # b2 was already seen in October
    assert f.new_beneficiaries == 1
    alice = figures(store, fx.alice)
    assert (alice.unique_beneficiaries, alice.new_beneficiaries) == (2, 1)  # b1 new, b2 not


def test_each_advisor_gets_the_activities_they_lead(store, fx):
    alice, bruno = figures(store, fx.alice), figures(store, fx.bruno)
    assert (alice.follow_ups, alice.anonymous_follow_ups) == (7, 4)
    assert (bruno.follow_ups, bruno.anonymous_follow_ups) == (1, 0)
    assert alice.by_advisor is None
    team = figures(store)
    assert team.by_advisor is not None
    assert team.by_advisor.count(str(fx.alice)) == 7
    assert team.by_advisor.count(str(fx.bruno)) == 1
    assert {r.label for r in team.by_advisor.rows} == {"Alice Grondin", "Bruno Payet"}


def test_breakdowns(store, fx):
    f = figures(store)
    assert f.by_bassin.as_dict() == {
        "saint_paul_centre": 0,
        "saint_gilles": 3,
        "plateau_caillou": 0,
        "la_plaine_bois_de_nefles": 0,
        "la_saline": 0,
        "le_guillaume": 0,
        "mafate": 4,
        None: 1,  # a7 at home: no venue
    }
    assert f.by_bassin.rows[-1].label == "Non renseigné"
    assert f.by_venue.count(str(fx.venue_marla)) == 4
    assert {r.label: r.count for r in f.by_venue.rows} == {
        "Îlet de Marla": 4,
        "EN Saint-Gilles": 3,
        "Non renseigné": 1,
    }
    themes = {k: n for k, n in f.by_theme.as_dict().items() if n}
    assert themes == {
        "email": 6,
        "aide_aux_demarches_administratives": 1,
        "securite_numerique": 4,
        "bureautique": 1,
    }
    assert f.by_theme.overlapping
    assert {k: n for k, n in f.by_admin_theme.as_dict().items() if n} == {"logement": 1}
    assert f.by_priority_public.as_dict() == {"disability": 3, "family_carer": 0, "homeless": 1}
    # identified: b1 x3 féminin, b2 x1 masculin; anonymous: 2 féminin, 2 undescribed
    assert f.by_gender.as_dict() == {"masculin": 1, "feminin": 5, "non_communique": 2}
    ages = {k: n for k, n in f.by_age_band.as_dict().items() if n}
    assert ages == {
        "vingt_cinq_trente_neuf": 3,
        "soixante_soixante_neuf": 1,
        "soixante_dix_plus": 1,
        "non_communique": 3,
    }
    assert f.by_gender.total == f.by_age_band.total == f.follow_ups
    assert f.by_autonomy.as_dict() == {
        "entierement_accompagne": 0,
        "partiellement_autonome": 0,
        "autonome": 1,
        None: 2,
    }
    assert {k: n for k, n in f.by_redirection.as_dict().items() if n} == {"aide_sociale": 1}
    assert f.redirected == 1
    assert f.by_duration.as_dict() == {"lt_30": 1, "30_60": 2, "60_120": 1, "ge_120": 4}
    assert f.by_duration.total == f.follow_ups
    # The Coop's splits: place type, equipment (activities); commune, status (people)
    assert f.by_place_type.as_dict() == {"lieu_activite": 7, "autre": 0, "domicile": 1, "a_distance": 0}
    assert {k: n for k, n in f.by_equipment.as_dict().items() if n} == {"ordinateur": 1, "telephone": 1}
    assert f.by_equipment.overlapping
    # b1 (Saint-Paul) x3, b2 (La Possession) x1; the 4 anonymous have no commune
    assert f.by_commune.as_dict() == {"Saint-Paul": 3, "La Possession": 1, None: 4}
    # b1 en emploi x3, b2 not recorded; anonymous: 1 retired (a3), 3 undescribed
    statuses = {k: n for k, n in f.by_social_status.as_dict().items() if n}
    assert statuses == {"en_emploi": 3, "retraite": 1, "non_communique": 4}
    for split in (f.by_place_type, f.by_commune, f.by_social_status):
        assert split.total == f.follow_ups


def test_monthly_evolution_over_twelve_months(store, fx):
    with store.reader() as s:
        points = st.monthly_evolution(s, dt.date(2026, 11, 1), None, RULE)
        alice_points = st.monthly_evolution(s, dt.date(2026, 11, 1), fx.alice, RULE)
        planned_past = st.monthly_evolution(s, dt.date(2026, 11, 1), None, RULE_PLANNED_PAST)
    assert len(points) == 12
    assert points[0].month == dt.date(2025, 12, 1)
    assert points[-1].month == dt.date(2026, 11, 1)
    assert {p.month.month: p.follow_ups for p in points if p.follow_ups} == {10: 1, 11: 8}
    assert alice_points[-1].follow_ups == 7
    assert planned_past[-1].follow_ups == 11
    assert points[-1].short_label == "nov. 26"


def test_a_period_other_than_a_month(store, fx):
    f = figures(store, period=Period(dt.date(2026, 10, 1), dt.date(2026, 11, 10)))
    # a8 (October) 1, a1 1, a2 1, a9 1
    assert f.follow_ups == 4
    assert f.new_beneficiaries == 2  # b1 and b2 (b3 only in a9, whose participation is deleted)


def test_team_is_the_sum_of_its_advisors_on_demo_data(store):
    seed(store, 300, 600, today=dt.date(2026, 11, 20))
    period = Period.month(2026, 11)
    rule = CountingRule(dt.date(2026, 11, 20), planned_past=True)
    with store.reader() as s:
        advisors = [a.id for a in s.query(Advisor)]
        team = st.period_figures(s, period, st.team_scope(), rule)
        parts = [st.period_figures(s, period, Scope(a, ""), rule) for a in advisors]
        evolution = st.monthly_evolution(s, period.start, None, rule)
        evolutions = [st.monthly_evolution(s, period.start, a, rule) for a in advisors]
    assert team.follow_ups > 100
    for name in (
        "follow_ups",
        "anonymous_follow_ups",
        "activities",
        "individual_follow_ups",
        "workshop_follow_ups",
    ):
        assert getattr(team, name) == sum(getattr(p, name) for p in parts), name
    for i, breakdown in enumerate(team.breakdowns()[1:]):  # [0] is by advisor
        summed: dict = {}
        for p in parts:
            for code, n in p.breakdowns()[i].as_dict().items():
                summed[code] = summed.get(code, 0) + n
        assert {k: n for k, n in breakdown.as_dict().items() if n} == {k: n for k, n in summed.items() if n}
    assert team.by_advisor is not None and team.by_advisor.total == team.follow_ups
    # Distinct people are not additive: someone seen by two advisors is one person.
    assert team.unique_beneficiaries <= sum(p.unique_beneficiaries for p in parts)
    for m in range(12):
        assert evolution[m].follow_ups == sum(e[m].follow_ups for e in evolutions)
    assert evolution[-1].follow_ups == team.follow_ups


def test_targets(store, fx):
    with store.reader() as s:
        team = st.team_scope()
        alice = st.advisor_scope(s, fx.alice)
        assert st.scope_target(s, team, 1600, 0) == 1600
        assert st.scope_target(s, alice, 1600, 250) == 250
        # Equal share among active non-coordinators: the laptop's placeholder, Alice, Bruno.
        assert st.scope_target(s, alice, 1600, 0) == 533
        report = st.monthly_report(s, NOVEMBER, alice, RULE, 1600, 350)
    assert report.target == 350
    assert report.figures.follow_ups == 7
    assert report.progress == pytest.approx(7 / 350)


def test_the_monthly_tally_follows_every_kind_of_change(store, fx):
    """The evolution reads a tally kept by triggers: after each edit it still equals the figures."""
    from stpaul_field.store.models import Activity, Beneficiary, Participation, utcnow

    def both() -> tuple[int, int]:
        for rule in (RULE_PLANNED_PAST, RULE):  # the tally answers either rule
            with store.reader() as s:
                month = st.monthly_evolution(s, NOVEMBER.start, None, rule)[-1].follow_ups
                alice = st.monthly_evolution(s, NOVEMBER.start, fx.alice, rule)[-1].follow_ups
                figures = st.period_figures(s, NOVEMBER, st.team_scope(), rule).follow_ups
                alice_figures = st.period_figures(s, NOVEMBER, Scope(fx.alice, ""), rule).follow_ups
            assert (month, alice) == (figures, alice_figures)
        return month, alice

    assert both() == (8, 7)
    a4 = fx.activities["a4"]
    with store.session() as s:  # attendance marked on Bruno's workshop: b2 came, b3 did not
        for p in s.query(Participation).filter_by(activity_id=a4):
            p.attended = p.beneficiary_id == fx.beneficiaries["b2"]
    assert both() == (9, 7)  # a4 now counts b2
    with store.session() as s:  # b2 is deleted: her follow-ups (a3, a4) no longer count
        s.get(Beneficiary, fx.beneficiaries["b2"]).deleted_at = utcnow()
    assert both() == (7, 6)
    with store.session() as s:  # a1 cancelled, a7 moved to December, a9 gets 2 more anonymous
        s.get(Activity, fx.activities["a1"]).status = "cancelled"
        s.get(Activity, fx.activities["a7"]).date = dt.date(2026, 12, 2)
        s.get(Activity, fx.activities["a9"]).anon_total = 3
    assert both() == (7, 7)
    with store.session() as s:  # a new participation, then its tombstone
        p = Participation(activity_id=fx.activities["a2"], beneficiary_id=fx.beneficiaries["b3"])
        s.add(p)
    assert both() == (8, 8)
    with store.session() as s:
        s.get(Participation, p.id).deleted_at = utcnow()
        s.get(Activity, fx.activities["a2"]).advisor_id = fx.bruno  # handed over to Bruno
    assert both() == (7, 6)
    with store.session() as s:  # Alice's planned workshop flipped to done: its 2 anonymous count
        s.get(Activity, fx.activities["a11"]).status = "done"
    assert both() == (9, 8)
    with store.session() as s:  # a workshop turned into an individual accompaniment: b1 counts
        s.get(Activity, fx.activities["a11"]).type = "individual"
    assert both() == (10, 9)


def test_demarches_under_an_aidants_connect_mandate_are_counted(store):
    from stpaul_field.store.models import Activity

    fx = build(store)
    with store.session() as s:
        s.get(Activity, fx.activities["a2"]).aidants_connect = True  # Alice's admin help to b1
    with store.reader() as s:
        team = st.period_figures(s, NOVEMBER, st.team_scope(), RULE)
        bruno = st.period_figures(s, NOVEMBER, st.advisor_scope(s, fx.bruno), RULE)
    assert (team.aidants_connect, bruno.aidants_connect) == (1, 0)


def test_workshops_awaiting_their_attendance(store, fx):
    """« Émargement à saisir »: happened (done, or planned and past), people registered, nobody marked."""
    from stpaul_field.store import activities as acts

    team, alice, bruno = figures(store), figures(store, fx.alice), figures(store, fx.bruno)
    # a4 (done; b2, b3 registered, b4 deleted) and a11 (planned, past; b1, b2); not a3 (marked),
    # a9 (its only participation deleted), a13 (still to come), a5 (cancelled), a6 (deleted)
    assert (team.awaiting_attendance_workshops, team.awaiting_attendance_registered) == (2, 4)
    assert (alice.awaiting_attendance_workshops, alice.awaiting_attendance_registered) == (1, 2)
    assert (bruno.awaiting_attendance_workshops, bruno.awaiting_attendance_registered) == (1, 2)
    # Seen on 2 December, the workshop of the 30th has happened too.
    later = figures(store, rule=CountingRule(dt.date(2026, 12, 2)))
    assert (later.awaiting_attendance_workshops, later.awaiting_attendance_registered) == (3, 6)
    with store.reader() as s:
        flt = acts.ActivityFilter(awaiting_attendance_on=RULE.today)
        listed = {i.hex for i in acts.sorted_ids(s, flt)}
        rows = acts.activity_rows(s, [fx.activities[k] for k in ("a3", "a4", "a11", "a13")], RULE.today)
    assert listed == {fx.activities["a4"].hex, fx.activities["a11"].hex}
    assert [r.awaiting_attendance for r in rows] == [False, True, True, False]
    # Once marked (b2 came), a4 leaves the list and b2 counts.
    with store.session() as s:
        loaded = acts.load_activity(s, fx.activities["a4"])
        came = {p.participation_id: p.beneficiary_id == fx.beneficiaries["b2"] for p in loaded.participants}
        acts.set_attendance(s, fx.activities["a4"], came)
    after = figures(store)
    assert (after.awaiting_attendance_workshops, after.awaiting_attendance_registered) == (1, 2)
    assert after.follow_ups == team.follow_ups + 1


def test_awaiting_attendance_in_python_and_in_sql_agree(store, fx):
    """`domain.counting.attendance_pending` applied by hand to every activity of the fixture."""
    from stpaul_field.domain.counting import attendance_pending
    from stpaul_field.store import activities as acts
    from stpaul_field.store.models import Activity, Participation

    for today in (RULE.today, dt.date(2026, 11, 20), dt.date(2026, 12, 2)):
        with store.reader() as s:
            expected = set()
            for a in s.query(Activity).filter(Activity.deleted_at.is_(None)):
                live = [p for p in s.query(Participation).filter_by(activity_id=a.id) if p.deleted_at is None]
                registered = sum(p.registered for p in live)
                marked = sum(p.attended is not None for p in live)
                if attendance_pending(a.type, a.status, a.date, today, registered, marked):
                    expected.add(a.id.hex)
            found = {i.hex for i in acts.sorted_ids(s, acts.ActivityFilter(awaiting_attendance_on=today))}
        assert found == expected, today


def test_the_hand_counted_month_with_a_workshop_series_in_it(store, fx):
    """Issue 19: the fixture's month (done, cancelled, planned past and to come, unmarked) plus
    a three-session cycle led by Alice at Marla for b1 and b3, each figure counted by hand."""
    from sqlalchemy import select

    from stpaul_field.domain.entities import SeriesData, SessionSlot
    from stpaul_field.store import activities as acts
    from stpaul_field.store import series
    from stpaul_field.store.models import Participation

    before = figures(store)
    b1, b3 = fx.beneficiaries["b1"], fx.beneficiaries["b3"]
    data = SeriesData(
        advisor_id=fx.alice, title="Découvrir l'ordinateur", themes=["email"], venue_id=fx.venue_marla
    )
    slots = [SessionSlot(dt.date(2026, 11, d), dt.time(9), dt.time(11)) for d in (5, 19, 30)]
    with store.session() as s:
        sid = series.create_series(s, data, slots, [b1, b3])
        first = series.series_sessions(s, sid)[0].activity_id
        rows = s.scalars(select(Participation).where(Participation.activity_id == first))
        acts.set_attendance(s, first, {p.id: p.beneficiary_id == b3 for p in rows})  # b3 came
    f = figures(store)
    # Session 1 (5th, marked): b3 once. Session 2 (19th, past, never marked): nothing, and
    # « Émargement à saisir » with its 2 registered. Session 3 (30th): still to come.
    assert f.follow_ups == before.follow_ups + 1 == 9
    assert f.anonymous_follow_ups == before.anonymous_follow_ups == 4
    assert (f.activities, f.individual_activities, f.workshop_activities) == (7, 3, 4)
    assert (f.individual_follow_ups, f.workshop_follow_ups) == (3, 6)
    assert (f.unique_beneficiaries, f.new_beneficiaries) == (3, 2)  # b3 seen for the first time
    assert f.by_venue.count(str(fx.venue_marla)) == before.by_venue.count(str(fx.venue_marla)) + 1
    assert (f.awaiting_attendance_workshops, f.awaiting_attendance_registered) == (3, 6)
