"""The agenda's week (`agenda_items`): its own two-statement read gives exactly the rows the
activity list gives for the same days, whatever the week holds."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from stpaul_field.domain.entities import ActivityData
from stpaul_field.store import activities as acts
from stpaul_field.store.models import Participation, Venue
from stpaul_field.store.reference import local_advisor_id

MONDAY = dt.date(2026, 11, 16)
TODAY = dt.date(2026, 11, 20)


def _activity(advisor, venue, **over) -> ActivityData:
    data = ActivityData(
        type="individual",
        advisor_id=advisor,
        date=MONDAY,
        start_time=dt.time(9, 30),
        duration_min=45,
        themes=["email"],
        equipment=["ordinateur"],
        autonomy="autonome",
        venue_id=venue,
    )
    for k, val in over.items():
        setattr(data, k, val)
    return data


def test_the_agenda_week_shows_what_the_list_shows(store):
    with store.session() as s:
        me = local_advisor_id(s)
        venue = s.scalars(select(Venue.id).order_by(Venue.name)).first()
        zoe = acts.create_beneficiary(s, "Zoé", "Abed")
        jean = acts.create_beneficiary(s, "Jean", "Payet")
        workshop = dict(type="workshop", title="Messagerie", autonomy=None, status="planned")
        # An individual accompaniment: its person is shown.
        acts.save_activity(s, _activity(me, venue), [acts.ParticipantInput(beneficiary_id=zoe)])
        # A past workshop nobody marked: « Émargement à saisir », two people.
        acts.save_activity(
            s,
            _activity(me, venue, date=MONDAY + dt.timedelta(days=1), **workshop),
            [acts.ParticipantInput(beneficiary_id=zoe), acts.ParticipantInput(beneficiary_id=jean)],
        )
        # A marked workshop, one of its people then removed (not counted among its people).
        marked = acts.save_activity(
            s,
            _activity(me, venue, date=MONDAY + dt.timedelta(days=2), start_time=dt.time(14, 0), **workshop),
            [acts.ParticipantInput(beneficiary_id=zoe), acts.ParticipantInput(beneficiary_id=jean)],
        )
        rows = list(s.scalars(select(Participation).where(Participation.activity_id == marked)))
        acts.set_attendance(s, marked, {rows[0].id: True})
        rows[1].deleted_at = rows[1].created_at
        # A future workshop, a cancelled accompaniment, one outside the week.
        acts.save_activity(
            s,
            _activity(me, venue, date=MONDAY + dt.timedelta(days=5), **workshop),
            [acts.ParticipantInput(beneficiary_id=jean)],
        )
        acts.save_activity(
            s, _activity(me, venue, status="cancelled"), [acts.ParticipantInput(beneficiary_id=jean)]
        )
        acts.save_activity(
            s,
            _activity(me, venue, date=MONDAY + dt.timedelta(days=7)),
            [acts.ParticipantInput(beneficiary_id=jean)],
        )
    sunday = MONDAY + dt.timedelta(days=6)
    with store.reader() as s:
        week = acts.agenda_items(s, MONDAY, sunday, today=TODAY)
        flt = acts.ActivityFilter(date_from=MONDAY, date_to=sunday)
        listed = acts.list_activities(s, flt, "date", False, limit=100, today=TODAY)
    assert week == listed
    assert [r.awaiting_attendance for r in week].count(True) == 1
    assert {r.beneficiary for r in week if r.type == "individual"} >= {"ABED Zoé", "PAYET Jean"}
    assert sorted(r.participants for r in week if r.type == "workshop") == [1, 1, 2]
