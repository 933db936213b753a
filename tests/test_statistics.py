"""The month's figures against a fixture counted by hand (tests/statistics_fixture.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from stpaul_field.domain.report_model import Period, Scope
from stpaul_field.store import statistics as st
from stpaul_field.store.database import Store
from stpaul_field.store.demo import seed
from stpaul_field.store.models import Advisor
from tests.statistics_fixture import NOV, Fixture, build

NOVEMBER = Period.month(*NOV)


@pytest.fixture
def fx(store: Store) -> Fixture:
    return build(store)


def figures(store: Store, advisor=None, period: Period = NOVEMBER):
    with store.reader() as s:
        scope = st.team_scope() if advisor is None else st.advisor_scope(s, advisor)
        return st.period_figures(s, period, scope)


def test_team_counts_follow_ups_with_anonymous_without_cancelled_or_tombstones(store, fx):
    f = figures(store)
    # a1 1 + a2 1 + a3 (b2 + 3 anonymous) 4 + a4 (b2, b3) 2 + a7 1 + a9 (1 anonymous) 1
    assert f.follow_ups == 10
    assert f.anonymous_follow_ups == 4
    assert (f.activities, f.individual_activities, f.workshop_activities) == (6, 3, 3)
    assert (f.individual_follow_ups, f.workshop_follow_ups) == (3, 7)


def test_unique_and_new_beneficiaries(store, fx):
    f = figures(store)
    # b1 (seen three times, once through the record merged into her), b2, b3
    assert f.unique_beneficiaries == 3
    # b2 was already seen in October
    assert f.new_beneficiaries == 2
    alice = figures(store, fx.alice)
    assert (alice.unique_beneficiaries, alice.new_beneficiaries) == (2, 1)  # b1 new, b2 not


def test_each_advisor_gets_the_activities_they_lead(store, fx):
    alice, bruno = figures(store, fx.alice), figures(store, fx.bruno)
    assert (alice.follow_ups, alice.anonymous_follow_ups) == (7, 4)
    assert (bruno.follow_ups, bruno.anonymous_follow_ups) == (3, 0)
    assert alice.by_advisor is None
    team = figures(store)
    assert team.by_advisor is not None
    assert team.by_advisor.count(str(fx.alice)) == 7
    assert team.by_advisor.count(str(fx.bruno)) == 3
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
        "mafate": 6,
        None: 1,  # a7 at home: no venue
    }
    assert f.by_bassin.rows[-1].label == "Non renseigné"
    assert f.by_venue.count(str(fx.venue_marla)) == 6
    assert {r.label: r.count for r in f.by_venue.rows} == {
        "Îlet de Marla": 6,
        "EN Saint-Gilles": 3,
        "Non renseigné": 1,
    }
    themes = {k: n for k, n in f.by_theme.as_dict().items() if n}
    assert themes == {
        "email": 6,
        "aide_aux_demarches_administratives": 1,
        "securite_numerique": 4,
        "sante": 2,
        "bureautique": 1,
    }
    assert f.by_theme.overlapping
    assert {k: n for k, n in f.by_admin_theme.as_dict().items() if n} == {"logement": 1}
    assert f.by_priority_public.as_dict() == {"disability": 3, "family_carer": 0, "homeless": 2}
    # identified: b1 x3 féminin, b2 x2 masculin, b3 x1 not recorded; anonymous: 2 féminin, 2 undescribed
    assert f.by_gender.as_dict() == {"masculin": 2, "feminin": 5, "non_communique": 3}
    ages = {k: n for k, n in f.by_age_band.as_dict().items() if n}
    assert ages == {
        "vingt_cinq_trente_neuf": 3,
        "soixante_soixante_neuf": 2,
        "soixante_dix_plus": 1,
        "non_communique": 4,
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
    assert f.by_duration.as_dict() == {"lt_30": 1, "30_60": 2, "60_120": 3, "ge_120": 4}
    assert f.by_duration.total == f.follow_ups


def test_monthly_evolution_over_twelve_months(store, fx):
    with store.reader() as s:
        points = st.monthly_evolution(s, dt.date(2026, 11, 1), None)
        alice_points = st.monthly_evolution(s, dt.date(2026, 11, 1), fx.alice)
    assert len(points) == 12
    assert points[0].month == dt.date(2025, 12, 1)
    assert points[-1].month == dt.date(2026, 11, 1)
    assert {p.month.month: p.follow_ups for p in points if p.follow_ups} == {10: 1, 11: 10}
    assert alice_points[-1].follow_ups == 7
    assert points[-1].short_label == "nov. 26"


def test_a_period_other_than_a_month(store, fx):
    f = figures(store, period=Period(dt.date(2026, 10, 1), dt.date(2026, 11, 10)))
    # a8 (October) 1, a1 1, a2 1, a9 1
    assert f.follow_ups == 4
    assert f.new_beneficiaries == 2  # b1 and b2 (b3 only in a9, whose participation is deleted)


def test_team_is_the_sum_of_its_advisors_on_demo_data(store):
    seed(store, 300, 600, today=dt.date(2026, 11, 20))
    period = Period.month(2026, 11)
    with store.reader() as s:
        advisors = [a.id for a in s.query(Advisor)]
        team = st.period_figures(s, period, st.team_scope())
        parts = [st.period_figures(s, period, Scope(a, "")) for a in advisors]
        evolution = st.monthly_evolution(s, period.start, None)
        evolutions = [st.monthly_evolution(s, period.start, a) for a in advisors]
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
        report = st.monthly_report(s, NOVEMBER, alice, 1600, 350)
    assert report.target == 350
    assert report.figures.follow_ups == 7
    assert report.progress == pytest.approx(7 / 350)


def test_the_monthly_tally_follows_every_kind_of_change(store, fx):
    """The evolution reads a tally kept by triggers: after each edit it still equals the figures."""
    from stpaul_field.store.models import Activity, Beneficiary, Participation, utcnow

    def both() -> tuple[int, int]:
        with store.reader() as s:
            month = st.monthly_evolution(s, NOVEMBER.start, None)[-1].follow_ups
            alice = st.monthly_evolution(s, NOVEMBER.start, fx.alice)[-1].follow_ups
            figures = st.period_figures(s, NOVEMBER, st.team_scope()).follow_ups
            alice_figures = st.period_figures(s, NOVEMBER, Scope(fx.alice, "")).follow_ups
        assert (month, alice) == (figures, alice_figures)
        return month, alice

    assert both() == (10, 7)
    a4 = fx.activities["a4"]
    with store.session() as s:  # attendance marked on Bruno's workshop: b2 came, b3 did not
        for p in s.query(Participation).filter_by(activity_id=a4):
            p.attended = p.beneficiary_id == fx.beneficiaries["b2"]
    assert both() == (9, 7)
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


def test_demarches_under_an_aidants_connect_mandate_are_counted(store):
    from stpaul_field.store.models import Activity

    fx = build(store)
    with store.session() as s:
        s.get(Activity, fx.activities["a2"]).aidants_connect = True  # Alice's admin help to b1
    with store.reader() as s:
        team = st.period_figures(s, NOVEMBER, st.team_scope())
        bruno = st.period_figures(s, NOVEMBER, st.advisor_scope(s, fx.bruno))
    assert (team.aidants_connect, bruno.aidants_connect) == (1, 0)
