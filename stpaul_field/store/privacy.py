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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation, Venue, utcnow
from stpaul_field.store.serialize import to_wire

# What an erased person keeps: enough for the statistics, nothing to identify them.
KEPT_ON_ERASURE = ("gender", "age_band", "social_status", "commune", "postcode", "insee_code")


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
        .where(Participation.beneficiary_id == person.id, Participation.deleted_at.is_(None),
               Activity.deleted_at.is_(None))
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
    # Free-text notes of their individual accompaniments may name them: clear those too.
    individual = select(Participation.activity_id).where(Participation.beneficiary_id == person.id)
    for activity in session.scalars(
        select(Activity).where(Activity.id.in_(individual), Activity.type == "individual")
    ):
        if activity.notes:
            activity.notes = ""


def _anonymise(person: Beneficiary) -> None:
    person.anonymous = True
    for name in ("first_name", "last_name", "phone", "email", "address", "notes"):
        setattr(person, name, "")
    person.no_phone = False
    person.birth_year = None
    person.disability = False  # special-category data: never kept once the person is erased
    person.family_carer = False
    person.homeless = False
    person.pass_numerique_vouchers = 0
    person.consent_at = None


def people_past_retention(session: Session, years: int, today: dt.date | None = None) -> list[uuid.UUID]:
    """Followed people whose last activity (or, with none, their record) is older than `years`."""
    today = today or dt.date.today()
    limit = today.replace(year=today.year - years) if years > 0 else today
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
                ~Beneficiary.anonymous,
                Beneficiary.deleted_at.is_(None),
                last_or_created < limit.isoformat(),
            )
        )
    )


def apply_retention(session: Session, years: int, today: dt.date | None = None) -> int:
    """Anonymise everyone past the retention period; returns how many."""
    if years < 1:
        raise ValueError("La durée de conservation est d'au moins un an.")
    expired = people_past_retention(session, years, today)
    for person_id in expired:
        erase_person(session, person_id)
    return len(expired)

