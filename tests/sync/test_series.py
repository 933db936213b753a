"""A workshop series made on one laptop reaches a colleague's with its sessions (issue 19)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from stpaul_field.domain.entities import SeriesData, SessionSlot
from stpaul_field.store import activities, series
from stpaul_field.store.models import Activity
from tests.sync_fixtures import SyncWorld


def test_a_series_and_its_sessions_reach_a_colleague_s_laptop(world: SyncWorld) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    assert marie.sync().complete
    with marie.store.session() as s:
        person = activities.create_beneficiary(s, "Hélène", "Payet")
        slots = [SessionSlot(dt.date(2026, 12, d), dt.time(9), dt.time(11)) for d in (8, 15, 22)]
        data = SeriesData(
            advisor_id=world.marie_id,
            co_advisor_ids=[str(world.paul_id)],
            title="Découvrir l'ordinateur",
            themes=["email"],
            place_type="a_distance",
        )
        sid = series.create_series(s, data, slots, [person])
    report = marie.sync()
    assert report.complete and report.rejected == 0
    assert paul.sync().complete
    assert paul.get("workshop_series", sid).title == "Découvrir l'ordinateur"
    with paul.store.reader() as s:
        numbers = list(
            s.scalars(
                select(Activity.session_number).where(Activity.series_id == sid).order_by(Activity.date)
            )
        )
        assert numbers == [1, 2, 3]
        third = series.series_sessions(s, sid)[2].activity_id
        assert series.session_of(s, third) == "Séance 3/3"
