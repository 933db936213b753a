"""Rights of the people in the register (RGPD): access to their data, erasure, retention.

Erasure anonymises rather than deletes: the person's accompaniments still count in the
figures (gender, age band, status, commune are kept — coarse enough not to identify
anyone in a commune), but nothing that names or reaches them remains. It goes through the
outbox like any edit, so it reaches the central record and every other laptop.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.privacy import ERASED_INDIVIDUAL_ACTIVITY, ERASED_PERSON, retention_limit
from stpaul_field.records.wire import to_wire
from stpaul_field.store.conflicts import forget_person
from stpaul_field.store.models import (
    Activity,
    Advisor,
    Beneficiary,
    OutboxEntry,
    Participation,
    Venue,
    utcnow,
)


class PersonNotFound(LookupError):
    pass


def _person(session: Session, beneficiary_id: uuid.UUID) -> Beneficiary:
    person = session.get(Beneficiary, beneficiary_id)
    if person is None or person.deleted_at is not None:
        raise PersonNotFound("Bénéficiaire introuvable.")
    return person


def export_person(session: Session, beneficiary_id: uuid.UUID) -> dict[str, Any]:
    """Everything the register holds about one person, in words they can read (right of access)."""
    person = _person(session, beneficiary_id)
    rows = session.execute(
        select(Activity, Participation, Venue, Advisor)
        .join(Participation, Participation.activity_id == Activity.id)
        .outerjoin(Venue, Venue.id == Activity.venue_id)
        .join(Advisor, Advisor.id == Activity.advisor_id)
        .where(
            Participation.beneficiary_id == person.id,
            Participation.deleted_at.is_(None),
            Activity.deleted_at.is_(None),
        )
        .order_by(Activity.date, Activity.start_time)
    ).all()
    return {
        "responsable_du_traitement": "Ville de Saint-Paul (La Réunion)",
        "finalite": "Suivi des accompagnements à l'inclusion numérique",
        "exporte_le": utcnow().isoformat(),
        "personne": {
            "prénom": person.first_name,
            "nom": person.last_name,
            "téléphone": person.phone,
            "sans téléphone": person.no_phone,
            "e-mail": person.email,
            "année de naissance": person.birth_year,
            "adresse": person.address,
            "commune": person.commune,
            "code postal": person.postcode,
            "genre": v.GENDERS.label(person.gender),
            "tranche d'âge": v.AGE_BANDS.label(person.age_band),
            "statut": v.SOCIAL_STATUSES.label(person.social_status),
            "situation de handicap": person.disability,
            "aidant familial": person.family_carer,
            "sans domicile fixe": person.homeless,
            "Pass Numérique remis": person.pass_numerique_vouchers,
            "consentement recueilli le": to_wire(person.consent_at),
            "notes": person.notes,
            "enregistré le": to_wire(person.created_at),
        },
        "accompagnements": [
            {
                "date": activity.date.strftime("%d/%m/%Y"),
                "type": v.ACTIVITY_TYPES.label(activity.type),
                "statut": v.ACTIVITY_STATUSES.label(activity.status),
                "thématiques": v.THEMES.labels(activity.themes),
                "démarches": v.ADMIN_THEMES.labels(activity.admin_themes),
                "nom de la démarche": activity.procedure_name,
                "sous mandat Aidants Connect": activity.aidants_connect,
                "atelier": activity.title,
                "lieu": venue.name if venue else activity.commune,
                "conseiller": advisor.display_name,
                "présent": participation.attended,
            }
            for activity, participation, venue, advisor in rows
        ],
    }


def erase_person(session: Session, beneficiary_id: uuid.UUID) -> None:
    """Anonymise one person everywhere (right to erasure). Syncs as ordinary edits."""
    person = _person(session, beneficiary_id)
    _anonymise(person)
    _scrub_outbox(session, "beneficiary", [person.id], ERASED_PERSON)
    # Free-text notes of their individual accompaniments may name them: clear those too.
    individual = select(Participation.activity_id).where(Participation.beneficiary_id == person.id)
    activities = list(
        session.scalars(select(Activity).where(Activity.id.in_(individual), Activity.type == "individual"))
    )
    for activity in activities:
        _set_changed(activity, ERASED_INDIVIDUAL_ACTIVITY)
    _scrub_outbox(session, "activity", [a.id for a in activities], ERASED_INDIVIDUAL_ACTIVITY)
    # Values kept from sync conflicts would bring them back: forgotten too.
    forget_person(session, person.id)


def _scrub_outbox(session: Session, entity: str, ids: list[uuid.UUID], erased: Any) -> None:
    """Unsent edits of these records still hold the erased values: they are sent erased (the
    central record, which may never have seen them, gets nothing to forget). An edit sent
    already but not yet acknowledged answers as a duplicate: the erasure's own edit follows."""
    if not ids:
        return
    wire = {name: to_wire(value) for name, value in erased.items()}
    entries = select(OutboxEntry).where(OutboxEntry.entity == entity, OutboxEntry.record_id.in_(ids))
    for entry in session.scalars(entries):
        cleared = {name: wire.get(name, value) for name, value in entry.fields.items()}
        if cleared != entry.fields:
            entry.fields = cleared


def _anonymise(person: Beneficiary) -> None:
    _set_changed(person, ERASED_PERSON)


def _set_changed(row: Activity | Beneficiary, values: Any) -> None:
    # Only what differs, so that an erased record is not queued for sync again.
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _not_erased() -> ColumnElement[bool]:
    return or_(
        *(
            getattr(Beneficiary, name).is_not(None) if value is None else getattr(Beneficiary, name) != value
            for name, value in ERASED_PERSON.items()
        )
    )


def people_past_retention(session: Session, years: int, today: dt.date | None = None) -> list[uuid.UUID]:
    """People with something left to erase whose last activity (or, with none, their record)
    is older than `years` (`domain.privacy.retention_limit`)."""
    limit = retention_limit(today or dt.date.today(), years)
    last_seen = (
        select(Participation.beneficiary_id, func.max(Activity.date).label("last"))
        .join(Activity, Activity.id == Participation.activity_id)
        .where(Activity.deleted_at.is_(None), Participation.deleted_at.is_(None))
        .group_by(Participation.beneficiary_id)
        .subquery()
    )
    last_or_created = func.coalesce(last_seen.c.last, func.date(Beneficiary.created_at))
    return list(
        session.scalars(
            select(Beneficiary.id)
            .outerjoin(last_seen, last_seen.c.beneficiary_id == Beneficiary.id)
            .where(
                _not_erased(),
                Beneficiary.deleted_at.is_(None),
                last_or_created < limit.isoformat(),
            )
        )
    )


def apply_retention(session: Session, years: int, today: dt.date | None = None) -> int:
    """Anonymise everyone past the retention period; returns how many."""
    expired = people_past_retention(session, years, today)
    for person_id in expired:
        erase_person(session, person_id)
    return len(expired)
