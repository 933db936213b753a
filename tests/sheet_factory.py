"""Workshops with registered people, written straight through the store (for sheet tests)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation

# (first name, last name, commune)
Person = tuple[str, str, str]


def people(n: int) -> list[Person]:
    """n distinct people whose alphabetical order is not their creation order."""
    return [(f"Prénom{i:03d}", f"Nom{(i * 37) % n:03d}-{i:03d}", "Saint-Paul") for i in range(n)]


def add_advisor(store: Store, first: str, last: str) -> uuid.UUID:
    with store.session() as s:
        advisor = Advisor(first_name=first, last_name=last)
        s.add(advisor)
        return advisor.id


def add_workshop(
    store: Store,
    persons: Sequence[Person] = (),
    *,
    title: str = "Découvrir la tablette",
    day: dt.date = dt.date(2026, 11, 23),
    start: dt.time | None = dt.time(14, 0),
    duration_min: int = 120,
    venue_id: uuid.UUID | None = None,
    advisor_id: uuid.UUID | None = None,
    co_advisor_ids: Sequence[uuid.UUID] = (),
    themes: Sequence[str] = ("prendre_en_main_du_materiel",),
    level: str | None = "debutant",
    status: str = "planned",
    type_: str = "workshop",
) -> uuid.UUID:
    if advisor_id is None:
        advisor_id = add_advisor(store, "Marie", "HOAREAU")
    with store.session() as s:
        activity = Activity(
            type=type_,
            status=status,
            advisor_id=advisor_id,
            co_advisor_ids=[str(c) for c in co_advisor_ids],
            date=day,
            start_time=start,
            duration_min=duration_min,
            place_type="lieu_activite" if venue_id else "autre",
            venue_id=venue_id,
            commune="Saint-Paul",
            themes=list(themes),
            title=title,
            level=level,
        )
        s.add(activity)
        s.flush()
        for first, last, commune in persons:
            person = Beneficiary(first_name=first, last_name=last, commune=commune)
            s.add(person)
            s.flush()
            s.add(Participation(activity_id=activity.id, beneficiary_id=person.id, registered=True))
        return activity.id
