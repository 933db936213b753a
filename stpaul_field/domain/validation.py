"""Validation of the records, with French messages tied to the field they concern.

Works on anything with the attributes of `entities` (a form's data or a stored row), so
the form, the store and the server apply one set of rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from stpaul_field.domain import values as v
from stpaul_field.domain.fields import (
    CODED_FIELDS,
    COUNTED_FIELDS,
    SERIES_CODED_FIELDS,
    coded_fields,
    counted_values,
    outcome_fields,
)
from stpaul_field.domain.text import normalize_phone, unstorable

MAX_NAME = 100
MAX_TEXT = 200
MAX_NOTES = 2000
MAX_VOUCHERS = 50
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_FIVE_DIGITS = re.compile(r"^\d[\dAB]\d{3}$")  # Corsica's INSEE codes have 2A/2B


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str


class ValidationError(ValueError):
    """Raised when a record breaks a rule; carries every error found, not just the first."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(e.message for e in errors))

    def by_field(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in self.errors:
            out.setdefault(e.field, e.message)
        return out


def _s(value: Any) -> str:
    return (value or "").strip() if isinstance(value, str | type(None)) else str(value)


def _check_length(errors: list[FieldError], record: Any, name: str, limit: int, label: str):
    if len(_s(getattr(record, name, ""))) > limit:
        errors.append(FieldError(name, f"{label} : {limit} caractères au plus."))


def code_error(field: str, value: Any) -> FieldError | None:
    """Refuses a code that is not in the field's value list (`domain.fields`); None if fine."""
    spec = CODED_FIELDS[field]
    label = v.FIELD_LABELS.label(field)
    if spec.many:
        codes = list(value or [])
        for code in codes:
            if code not in spec.values:
                return FieldError(field, f"{label} : valeur inconnue « {code} ».")
        if len(set(codes)) != len(codes):
            return FieldError(field, f"{label} : une valeur est répétée.")
        return None
    if value in (None, ""):
        return FieldError(field, f"{label} : valeur obligatoire.") if spec.required else None
    if value not in spec.values:
        return FieldError(field, f"{label} : valeur inconnue « {value} ».")
    return None


def _texts(record: Any) -> Iterator[tuple[str, str]]:
    """Every text a record holds, by field: strings, list items, counts' keys. A form's data
    class lists its fields; a stored row or a server document, its loaded attributes."""
    if dataclasses.is_dataclass(record):
        names = [f.name for f in dataclasses.fields(record)]
    else:
        names = [name for name in vars(record) if not name.startswith("_")]
    for name in names:
        value = getattr(record, name, None)
        for item in [value] if isinstance(value, str) else value if isinstance(value, list | dict) else []:
            if isinstance(item, str):
                yield name, item


def text_errors(record: Any) -> list[FieldError]:
    """Refuses a character no store or protocol can hold, in any text field of any entity, so
    the laptop never saves (nor queues) a change the central record would refuse for it."""
    errors: list[FieldError] = []
    for name, text in _texts(record):
        reason = unstorable(text)
        if reason is not None and all(e.field != name for e in errors):
            errors.append(FieldError(name, f"{v.FIELD_LABELS.label(name)} : {reason}, retirez-le."))
    return errors


def _coded_errors(record: Any, entity: str) -> list[FieldError]:
    found = (code_error(name, getattr(record, name, None)) for name in coded_fields(entity))
    return [e for e in found if e is not None]


def beneficiary_errors(b: Any, today: dt.date | None = None) -> list[FieldError]:
    today = today or dt.date.today()
    errors: list[FieldError] = text_errors(b)
    first, last = _s(b.first_name), _s(b.last_name)
    if b.anonymous:
        if first or last:
            errors.append(FieldError("first_name", "Un bénéficiaire anonyme n'a ni nom ni prénom."))
        if _s(b.phone) or _s(b.email):
            errors.append(FieldError("phone", "Un bénéficiaire anonyme n'a ni téléphone ni e-mail."))
    else:
        if not first:
            errors.append(FieldError("first_name", "Le prénom est obligatoire."))
        if not last:
            errors.append(FieldError("last_name", "Le nom est obligatoire."))
    _check_length(errors, b, "first_name", MAX_NAME, "Prénom")
    _check_length(errors, b, "last_name", MAX_NAME, "Nom")
    phone = _s(b.phone)
    if phone:
        if b.no_phone:
            errors.append(
                FieldError("phone", "Un numéro est saisi alors que « pas de téléphone » est coché.")
            )
        digits = normalize_phone(phone)
        if not (len(digits) == 10 and digits.startswith("0")):
            errors.append(
                FieldError("phone", "Numéro de téléphone invalide : 10 chiffres, ex. 06 92 12 34 56.")
            )
    email = _s(b.email)
    if email and (not _EMAIL.match(email) or len(email) > MAX_TEXT):
        errors.append(FieldError("email", "Adresse e-mail invalide."))
    if b.birth_year is not None and not (1900 <= b.birth_year <= today.year):
        errors.append(FieldError("birth_year", f"Année de naissance entre 1900 et {today.year}."))
    _check_length(errors, b, "address", MAX_TEXT, "Adresse")
    _check_length(errors, b, "commune", MAX_NAME, "Commune")
    if _s(b.postcode) and not re.fullmatch(r"\d{5}", _s(b.postcode)):
        errors.append(FieldError("postcode", "Code postal : 5 chiffres."))
    if _s(b.insee_code) and not _FIVE_DIGITS.match(_s(b.insee_code)):
        errors.append(FieldError("insee_code", "Code INSEE : 5 caractères."))
    errors.extend(_coded_errors(b, "beneficiary"))
    if not (0 <= (b.pass_numerique_vouchers or 0) <= MAX_VOUCHERS):
        errors.append(FieldError("pass_numerique_vouchers", f"Pass Numérique : de 0 à {MAX_VOUCHERS}."))
    if b.disability and b.consent_at is None:
        errors.append(
            FieldError(
                "disability",
                "La situation de handicap ne s'enregistre qu'avec le consentement de la personne.",
            )
        )
    _check_length(errors, b, "notes", MAX_NOTES, "Notes")
    return errors


def activity_errors(a: Any, participant_count: int) -> list[FieldError]:
    """Rules of one activity; `participant_count` counts its followed/anonymous records."""
    errors: list[FieldError] = text_errors(a) + _coded_errors(a, "activity")
    if a.type not in v.ACTIVITY_TYPES:
        return errors
    if a.date is None:
        errors.append(FieldError("date", "La date est obligatoire."))
    duration = a.duration_min
    if duration is None or not (v.DURATION_MIN <= duration <= v.DURATION_MAX):
        errors.append(FieldError("duration_min", "La durée doit être entre 1 minute et 24 heures."))

    errors.extend(_place_and_content_errors(a))
    errors.extend(_outcome_errors(a))

    if a.type == "individual":
        if participant_count != 1:
            errors.append(
                FieldError(
                    "beneficiary",
                    "Un accompagnement individuel concerne un bénéficiaire (suivi ou anonyme).",
                )
            )
        if a.redirected and not a.redirect_structure:
            errors.append(FieldError("redirect_structure", "Indiquez la structure vers laquelle réorienter."))
        if not a.redirected and a.redirect_structure:
            errors.append(FieldError("redirect_structure", "Une structure est choisie sans réorientation."))
        if _s(a.title) or a.level or a.anon_total or a.co_advisor_ids:
            errors.append(
                FieldError(
                    "type",
                    "Titre, niveau, co-animateurs et participants anonymes sont réservés aux ateliers.",
                )
            )
    else:
        _check_length(errors, a, "title", MAX_TEXT, "Titre")  # optional, as in the Coop
        if a.autonomy or a.redirected or a.redirect_structure:
            errors.append(
                FieldError(
                    "autonomy",
                    "Autonomie et réorientation concernent un accompagnement individuel.",
                )
            )
        errors.extend(_anonymous_count_errors(a))
        errors.extend(_session_errors(a))
        if participant_count + (a.anon_total or 0) < 1:
            errors.append(
                FieldError(
                    "participants",
                    "Un atelier a au moins un participant, suivi ou anonyme.",
                )
            )
        errors.extend(_co_advisor_errors(a))
    return errors


def _outcome_errors(a: Any) -> list[FieldError]:
    """The outcomes `fields.CODED_FIELDS` declares: an individual accompaniment's only, and
    those of a démarche only with « Aide aux démarches administratives »."""
    errors: list[FieldError] = []
    for name, coded in outcome_fields().items():
        if not getattr(a, name, None):
            continue
        if a.type != "individual":
            errors.append(FieldError(name, "Ce résultat concerne un accompagnement individuel."))
        elif coded.admin_help and v.ADMIN_HELP_THEME not in (a.themes or []):
            errors.append(
                FieldError(name, "Ce résultat ne s'indique qu'avec « Aide aux démarches administratives ».")
            )
    return errors


def _session_errors(a: Any) -> list[FieldError]:
    # A form's data has no series fields: a session keeps its series through every edit.
    series_id, number = getattr(a, "series_id", None), getattr(a, "session_number", None)
    if (series_id is None) != (number is None) or (number is not None and number < 1):
        return [FieldError("session_number", "Une séance a un cycle et un numéro (1, 2…).")]
    return []


def _co_advisor_errors(a: Any) -> list[FieldError]:
    if a.advisor_id is not None and str(a.advisor_id) in {str(c) for c in a.co_advisor_ids or []}:
        return [FieldError("co_advisor_ids", "L'animateur ne peut pas être aussi co-animateur.")]
    return []


def _place_and_content_errors(a: Any) -> list[FieldError]:
    """Place, themes, démarches, equipment and notes: the rules an activity and a workshop
    series share (a series holds what its sessions inherit)."""
    errors: list[FieldError] = []
    # Place: a venue with "lieu d'activité", a commune at home or elsewhere; remote help may
    # leave it empty (the Coop's rule: CraIndividuelValidation, CraCollectifValidation).
    if a.place_type == v.PLACE_WITH_VENUE:
        if a.venue_id is None:
            errors.append(FieldError("venue_id", "Choisissez le lieu d'activité."))
    elif a.place_type in v.PLACE_TYPES:
        if a.venue_id is not None:
            errors.append(
                FieldError("venue_id", "Un lieu d'activité ne se choisit qu'avec « Lieu d’activité ».")
            )
        if not _s(a.commune) and a.place_type != "a_distance":
            errors.append(FieldError("commune", "Indiquez la commune."))
    if _s(a.postcode) and not re.fullmatch(r"\d{5}", _s(a.postcode)):
        errors.append(FieldError("postcode", "Code postal : 5 chiffres."))
    if _s(a.insee_code) and not _FIVE_DIGITS.match(_s(a.insee_code)):
        errors.append(FieldError("insee_code", "Code INSEE : 5 caractères."))

    # Themes, and the administrative part (optional, individual or workshop) only with « Aide aux
    # démarches administratives », as the Coop (canHaveAdministrationThematiques).
    themes = list(a.themes or [])
    if not themes:
        errors.append(FieldError("themes", "Choisissez au moins une thématique."))
    if v.ADMIN_HELP_THEME not in themes:
        if getattr(a, "admin_themes", None):
            errors.append(
                FieldError(
                    "admin_themes",
                    "Les démarches ne se choisissent qu'avec « Aide aux démarches administratives ».",
                )
            )
        if _s(getattr(a, "procedure_name", "")):
            errors.append(
                FieldError(
                    "procedure_name",
                    "Le nom de la démarche ne s'indique qu'avec « Aide aux démarches administratives ».",
                )
            )
        if getattr(a, "aidants_connect", False):
            errors.append(
                FieldError(
                    "aidants_connect",
                    "Le mandat Aidants Connect ne s'indique qu'avec « Aide aux démarches administratives ».",
                )
            )
    _check_length(errors, a, "procedure_name", MAX_TEXT, "Nom de la démarche")

    equipment = list(a.equipment or [])
    if "aucun" in equipment and len(equipment) > 1:
        errors.append(FieldError("equipment", "« Pas de matériel » ne se combine pas avec un matériel."))
    _check_length(errors, a, "notes", MAX_NOTES, "Notes")
    return errors


def _anonymous_count_errors(a: Any) -> list[FieldError]:
    errors: list[FieldError] = []
    total = a.anon_total or 0
    if total < 0 or (a.anon_already_accompanied or 0) < 0:
        return [FieldError("anon_total", "Les nombres de participants ne sont pas négatifs.")]
    if (a.anon_already_accompanied or 0) > total:
        errors.append(
            FieldError(
                "anon_already_accompanied",
                "Les participants déjà accompagnés ne dépassent pas le total des anonymes.",
            )
        )
    for name, by_field in COUNTED_FIELDS.items():
        counts = getattr(a, name, None) or {}
        label = v.FIELD_LABELS.label(by_field).lower()
        if any(code not in counted_values(name) for code in counts):
            errors.append(FieldError(name, f"Répartition par {label} : valeur inconnue."))
        elif any(n < 0 for n in counts.values()):
            errors.append(FieldError(name, "Les nombres de participants ne sont pas négatifs."))
        elif sum(counts.values()) > total:
            errors.append(FieldError(name, f"La répartition par {label} dépasse le total des anonymes."))
    return errors


def venue_errors(venue: Any) -> list[FieldError]:
    errors: list[FieldError] = text_errors(venue)
    if not _s(venue.name):
        errors.append(FieldError("name", "Le nom du lieu est obligatoire."))
    errors.extend(_coded_errors(venue, "venue"))
    if _s(venue.postcode) and not re.fullmatch(r"\d{5}", _s(venue.postcode)):
        errors.append(FieldError("postcode", "Code postal : 5 chiffres."))
    return errors


def advisor_errors(advisor: Any) -> list[FieldError]:
    errors: list[FieldError] = text_errors(advisor)
    if not (_s(advisor.first_name) or _s(advisor.last_name)):
        errors.append(FieldError("last_name", "Le nom du conseiller est obligatoire."))
    errors.extend(_coded_errors(advisor, "advisor"))
    return errors


# A cycle has at least two sessions (one is a workshop) and at most one per week over a year.
MIN_SERIES_SESSIONS, MAX_SERIES_SESSIONS = 2, 52


def series_errors(s: Any, sessions: Sequence[Any] | None = None) -> list[FieldError]:
    """Rules of a workshop series; `sessions` (each with `date`, `start_time`, `end_time`) when
    it is being created with them. The sessions are activities, checked as such on their own."""
    errors: list[FieldError] = text_errors(s)
    errors.extend(e for name in SERIES_CODED_FIELDS if (e := code_error(name, getattr(s, name, None))))
    if not _s(s.title):
        errors.append(FieldError("title", "Donnez un titre au cycle d'ateliers."))
    _check_length(errors, s, "title", MAX_TEXT, "Titre")
    errors.extend(_place_and_content_errors(s))
    errors.extend(_co_advisor_errors(s))
    if sessions is None:
        return errors
    if not MIN_SERIES_SESSIONS <= len(sessions) <= MAX_SERIES_SESSIONS:
        errors.append(
            FieldError(
                "sessions",
                f"Un cycle compte de {MIN_SERIES_SESSIONS} à {MAX_SERIES_SESSIONS} séances.",
            )
        )
    for n, slot in enumerate(sessions, start=1):
        if slot.date is None:
            errors.append(FieldError("sessions", f"Séance {n} : la date est obligatoire."))
        elif slot.start_time is None or slot.end_time is None:
            errors.append(FieldError("sessions", f"Séance {n} : indiquez l'heure de début et de fin."))
        elif slot.end_time <= slot.start_time:
            errors.append(FieldError("sessions", f"Séance {n} : la fin doit suivre le début."))
    starts = [(slot.date, slot.start_time) for slot in sessions if slot.date and slot.start_time]
    if len(set(starts)) != len(starts):
        errors.append(FieldError("sessions", "Deux séances du cycle commencent au même moment."))
    return errors


def validate_series(s: Any, sessions: Sequence[Any] | None = None) -> None:
    errors = series_errors(s, sessions)
    if errors:
        raise ValidationError(errors)


def validate_beneficiary(b: Any, today: dt.date | None = None) -> None:
    errors = beneficiary_errors(b, today)
    if errors:
        raise ValidationError(errors)


def validate_activity(a: Any, participant_count: int) -> None:
    errors = activity_errors(a, participant_count)
    if errors:
        raise ValidationError(errors)
