"""The city's venues (espaces numériques, îlets, other places), managed by a coordinator.

Venues are synced records like any other; the central record accepts a venue's change only
from a coordinator of its team (`server.scope`), so the app offers editing to a laptop
enrolled as a coordinator and shows the list read-only elsewhere. Nothing is ever deleted:
a venue no longer used is deactivated (it leaves the forms' lists, its activities keep it).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from stpaul_field.domain.text import fold
from stpaul_field.domain.validation import FieldError, ValidationError, venue_errors
from stpaul_field.store.models import Venue


@dataclass(frozen=True)
class VenueData:
    name: str
    kind: str = "espace_numerique"
    bassin: str | None = None
    commune: str = "Saint-Paul"
    postcode: str = ""
    insee_code: str = ""
    address: str = ""
    active: bool = True


FIELDS = tuple(VenueData.__dataclass_fields__)


def all_venues(session: Session) -> list[Venue]:
    """Every venue not deleted, active ones first, by name."""
    venues = session.scalars(select(Venue).where(Venue.deleted_at.is_(None)))
    return sorted(venues, key=lambda v: (not v.active, fold(v.name)))


def data_of(venue: Venue) -> VenueData:
    return VenueData(**{name: getattr(venue, name) for name in FIELDS})


def save_venue(session: Session, data: VenueData, venue_id: uuid.UUID | None = None) -> uuid.UUID:
    """Create or edit a venue; raises `ValidationError` (French, by field) and writes nothing.
    Only fields that really changed are written (and synced)."""
    clean = VenueData(
        **{
            name: (value.strip() if isinstance(value := getattr(data, name), str) else value)
            for name in FIELDS
        }
    )
    errors = venue_errors(clean)
    twin = venue_named(session, clean.name, venue_id)
    if twin is not None:
        errors.append(FieldError("name", f"Un lieu porte déjà ce nom : {twin.name}."))
    if errors:
        raise ValidationError(errors)
    venue = session.get(Venue, venue_id) if venue_id is not None else None
    if venue_id is not None and (venue is None or venue.deleted_at is not None):
        raise ValidationError([FieldError("name", "Ce lieu a été supprimé entre-temps.")])
    if venue is None:
        venue = Venue(**{name: getattr(clean, name) for name in FIELDS})
        session.add(venue)
    else:
        for name in FIELDS:
            if getattr(venue, name) != getattr(clean, name):
                setattr(venue, name, getattr(clean, name))
    session.flush()
    return venue.id


def set_active(session: Session, venue_id: uuid.UUID, active: bool) -> uuid.UUID:
    """Deactivate (or reactivate) a venue: it leaves (or comes back to) the forms' lists."""
    venue = session.get(Venue, venue_id)
    if venue is None or venue.deleted_at is not None:
        raise ValidationError([FieldError("name", "Ce lieu a été supprimé entre-temps.")])
    return save_venue(session, replace(data_of(venue), active=active), venue_id)


def venue_named(session: Session, name: str, other_than: uuid.UUID | None = None) -> Venue | None:
    """The venue (not deleted) whose name is `name`, accents and case aside."""
    wanted = fold(name)
    if not wanted:
        return None
    for venue in session.scalars(select(Venue).where(Venue.deleted_at.is_(None))):
        if venue.id != other_than and fold(venue.name) == wanted:
            return venue
    return None
