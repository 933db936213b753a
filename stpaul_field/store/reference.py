"""First start of a store: Saint-Paul's reference places, and this laptop's own advisor."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session, sessionmaker

from stpaul_field.domain.reference import reference_data
from stpaul_field.store.models import Advisor, SyncState, Venue
from stpaul_field.store.outbox import APPLYING_REMOTE

REFERENCE_KEY = "reference_loaded"
LOCAL_ADVISOR_KEY = "local_advisor_id"


def load_reference(session: Session) -> int:
    """Add the shipped venues that the store does not have yet; returns how many.

    They are shared reference data with fixed ids, known to the central record too, so
    they do not go through the outbox. Venues edited since are left as they are.
    """
    added = 0
    for item in reference_data()["venues"]:
        venue_id = uuid.UUID(item["id"])
        if session.get(Venue, venue_id) is not None:
            continue
        fields = {k: v for k, v in item.items() if k != "id"}
        session.add(Venue(id=venue_id, **fields))
        added += 1
    return added


def local_advisor_id(session: Session) -> uuid.UUID | None:
    row = session.get(SyncState, LOCAL_ADVISOR_KEY)
    return uuid.UUID(row.value) if row else None


def current_advisor_id(session: Session, configured: str = "") -> uuid.UUID | None:
    """Who works on this laptop: the CURRENT_ADVISOR setting if set, else the laptop's advisor
    (the enrolled one, or before enrolment the placeholder)."""
    if configured:
        try:
            return uuid.UUID(configured)
        except ValueError:
            pass
    return local_advisor_id(session)


def ensure_first_start(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        if session.get(SyncState, REFERENCE_KEY) is not None:
            return
        session.info[APPLYING_REMOTE] = True
        load_reference(session)
        # Work recorded before the laptop is enrolled belongs to this placeholder; enrolment
        # hands it to the enrolling advisor.
        advisor = Advisor(first_name="Conseiller", last_name="(ce poste)")
        session.add(advisor)
        session.add(SyncState(key=LOCAL_ADVISOR_KEY, value=str(advisor.id)))
        session.add(SyncState(key=REFERENCE_KEY, value="1"))
