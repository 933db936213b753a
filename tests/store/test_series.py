"""Workshop series (issue 19): a cycle created once with its sessions, its people registered for
every session, a latecomer for the remaining ones, and each session counted as a workshop."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from stpaul_field.domain.counting import CountingRule
from stpaul_field.domain.entities import SeriesData, SessionSlot
from stpaul_field.domain.report_model import Period
from stpaul_field.domain.validation import ValidationError, series_errors
from stpaul_field.store import activities as acts
from stpaul_field.store import series
from stpaul_field.store.models import Activity, OutboxEntry, Participation, Venue, WorkshopSeries
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.store.statistics import period_figures, team_scope

DAYS = [dt.date(2026, 12, d) for d in (1, 8, 15, 22)]


def _data(store, **over) -> SeriesData:
    with store.reader() as s:
        advisor = local_advisor_id(s)
        venue = s.scalars(select(Venue.id).order_by(Venue.name)).first()
    data = SeriesData(
        advisor_id=advisor,
        title="Découvrir l'ordinateur",
        themes=["prendre_en_main_du_materiel"],
        venue_id=venue,
        equipment=["ordinateur"],
    )
    for k, val in over.items():
        setattr(data, k, val)
    return data


def _slots(days=DAYS) -> list[SessionSlot]:
    return [SessionSlot(d, dt.time(9, 0), dt.time(11, 30)) for d in days]


def _people(store, n: int) -> list[uuid.UUID]:
    with store.session() as s:
        return [acts.create_beneficiary(s, f"Prénom{i}", f"NOM{i}") for i in range(n)]


def _create(store, people: list[uuid.UUID], slots=None) -> uuid.UUID:
    with store.session() as s:
        return series.create_series(s, _data(store), slots or _slots(), people)


def test_a_series_is_created_once_with_its_sessions_and_people_registered_for_each(store):
    people = _people(store, 3)
    # Slots given out of order: numbered in time order.
    sid = _create(store, people, _slots([DAYS[2], DAYS[0], DAYS[3], DAYS[1]]))
    with store.reader() as s:
        sessions = series.series_sessions(s, sid)
        assert [x.number for x in sessions] == [1, 2, 3, 4]
        assert [x.slot.date for x in sessions] == DAYS
        assert all(x.slot.end_time == dt.time(11, 30) and x.status == "planned" for x in sessions)
        for x in sessions:
            a = s.get(Activity, x.activity_id)
            assert a.type == "workshop" and a.title == "Découvrir l'ordinateur" and a.duration_min == 150
            assert a.themes == ["prendre_en_main_du_materiel"] and a.series_id == sid
            people_in = set(
                s.scalars(select(Participation.beneficiary_id).where(Participation.activity_id == a.id))
            )
            assert people_in == set(people)
        assert series.session_of(s, sessions[1].activity_id) == "Séance 2/4"
        # « Première fois » once per person: at the first session only.
        firsts = s.scalars(
            select(Activity.session_number)
            .join(Participation, Participation.activity_id == Activity.id)
            .where(Participation.first_time.is_(True))
        )
        assert sorted(firsts) == [1, 1, 1]
        # The series travels first, then its sessions (the central record checks the reference).
        entities = list(s.scalars(select(OutboxEntry.entity).order_by(OutboxEntry.seq)))
        assert entities.index("workshop_series") < entities.index("activity")


def test_a_latecomer_joins_the_remaining_sessions_only(store):
    first, late = _people(store, 2)
    sid = _create(store, [first])
    with store.session() as s:
        # Session 1 done (attendance marked), session 2 planned but past.
        done = series.series_sessions(s, sid)[0].activity_id
        part = s.scalar(select(Participation.id).where(Participation.activity_id == done))
        acts.set_attendance(s, done, {part: True})
        joined = series.add_participant(s, sid, late, today=DAYS[2])
    assert joined == 2
    with store.reader() as s:
        numbers = sorted(
            s.scalars(
                select(Activity.session_number)
                .join(Participation, Participation.activity_id == Activity.id)
                .where(Participation.beneficiary_id == late)
            )
        )
        assert numbers == [3, 4]
    with store.session() as s:  # joining twice registers nobody twice
        assert series.add_participant(s, sid, late, today=DAYS[2]) == 0


def test_a_series_with_no_session_left_refuses_a_latecomer_in_french(store):
    first, late = _people(store, 2)
    sid = _create(store, [first])
    with pytest.raises(ValidationError) as refused, store.session() as s:
        series.add_participant(s, sid, late, today=DAYS[3] + dt.timedelta(days=1))
    assert refused.value.by_field() == {"sessions": "Ce cycle n'a plus de séance à venir."}


def test_an_invalid_series_saves_nothing_and_says_why_in_french(store):
    people = _people(store, 1)
    bad = [SessionSlot(DAYS[0], dt.time(10), dt.time(9)), SessionSlot(None, None, None)]
    with pytest.raises(ValidationError) as refused, store.session() as s:
        series.create_series(s, _data(store, title=" ", themes=[]), bad, people)
    messages = [e.message for e in refused.value.errors]
    assert "Donnez un titre au cycle d'ateliers." in messages
    assert "Choisissez au moins une thématique." in messages
    assert "Séance 1 : la fin doit suivre le début." in messages
    assert "Séance 2 : la date est obligatoire." in messages
    with store.reader() as s:
        assert s.scalar(select(WorkshopSeries.id)) is None and s.scalar(select(Activity.id)) is None


def test_a_series_needs_two_sessions():
    data = SeriesData(advisor_id=uuid.uuid4(), title="Cycle", themes=["email"], place_type="a_distance")
    assert [e.message for e in series_errors(data, _slots(DAYS[:1]))] == [
        "Un cycle compte de 2 à 52 séances."
    ]
    assert series_errors(data, _slots()) == []


def test_each_session_counts_as_one_workshop_and_only_what_happened(store):
    people = _people(store, 2)
    sid = _create(store, people)
    with store.session() as s:
        sessions = series.series_sessions(s, sid)
        for x in sessions[:2]:  # two sessions marked: 2 + 1 present
            rows = s.scalars(select(Participation).where(Participation.activity_id == x.activity_id))
            marks = {p.id: (p.beneficiary_id == people[0] or x.number == 1) for p in rows}
            acts.set_attendance(s, x.activity_id, marks)
    rule = CountingRule(DAYS[2])  # on the 15th: session 3 planned today, session 4 to come
    with store.reader() as s:
        figures = period_figures(s, Period.month(2026, 12), team_scope(), rule)
    assert figures.workshop_activities == 2
    assert figures.workshop_follow_ups == 3
    assert figures.unique_beneficiaries == 2


def test_a_series_reads_by_its_title_where_sync_shows_it(store):
    from stpaul_field.store.record_labels import record_label

    sid = _create(store, _people(store, 1))
    with store.reader() as s:
        assert record_label(s, "workshop_series", sid) == "Cycle d'ateliers « Découvrir l'ordinateur »"


def test_a_session_edited_in_the_workshop_form_stays_in_its_series(store):
    sid = _create(store, _people(store, 1))
    with store.session() as s:
        second = series.series_sessions(s, sid)[1].activity_id
        loaded = acts.load_activity(s, second)
        loaded.data.title = "Découvrir l'ordinateur (salle 2)"
        acts.save_activity(
            s,
            loaded.data,
            [acts.ParticipantInput(beneficiary_id=p.beneficiary_id) for p in loaded.participants],
            second,
        )
    with store.reader() as s:
        a = s.get(Activity, second)
        assert (a.series_id, a.session_number, a.title) == (sid, 2, "Découvrir l'ordinateur (salle 2)")
