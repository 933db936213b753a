"""How a synced record, one of its fields and a field's value read for an advisor.

Used where sync shows what it touched (conflicts, rejected changes): a beneficiary by
their name, an activity by its type and date, a theme by its label, a venue by its name.
Labels are French; `translate` (the UI passes its translator for the "values" context)
turns every value-list label into the UI's language, so no label is written twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.fields import CODED_FIELDS, COUNTED_FIELDS, REFERENCE_FIELDS, counted_values
from stpaul_field.domain.text import format_phone
from stpaul_field.store.models import SYNCED_MODELS, Activity, Advisor, Beneficiary, Venue, WorkshopSeries

Translate = Callable[[str], str]
LONGEST_VALUE = 80

_REUNION = ZoneInfo(v.TIME_ZONE)


def as_is(text: str) -> str:
    return text


def entity_label(entity: str, translate: Translate = as_is) -> str:
    return translate(v.ENTITY_LABELS.label(entity))


def field_label(field: str, translate: Translate = as_is) -> str:
    return translate(v.FIELD_LABELS.label(field))


def record_label(session: Session, entity: str, record_id: uuid.UUID, translate: Translate = as_is) -> str:
    """'PAYET Hélène', 'Atelier collectif « Messagerie » — 20/11/2026', a venue's name…"""
    model = SYNCED_MODELS.get(entity)
    record = session.get(model, record_id) if model is not None else None
    if record is None:
        # Not (or no longer) on this laptop: say what kind of record, and a short id to quote.
        return f"{entity_label(entity, translate)} {str(record_id)[:8]}"
    if isinstance(record, Beneficiary):
        return translate(v.FIELD_LABELS.label("anonymous")) if record.anonymous else record.display_name
    if isinstance(record, Advisor):
        return record.display_name
    if isinstance(record, Venue):
        return record.name
    if isinstance(record, WorkshopSeries):
        return f"{entity_label(entity, translate)} « {record.title} »"
    if isinstance(record, Activity):
        kind = translate(v.ACTIVITY_TYPES.label(record.type))
        title = f" « {record.title} »" if record.title else ""
        return f"{kind}{title} — {record.date:%d/%m/%Y}"
    person = record_label(session, "beneficiary", record.beneficiary_id, translate)
    activity = record_label(session, "activity", record.activity_id, translate)
    return f"{person} — {activity}"


def value_label(session: Session, field: str, value: Any, translate: Translate = as_is) -> str:
    """A field's value as stored in the outbox or a conflict (its JSON form), for reading."""
    if value is None or value == "" or value == [] or value == {}:
        return translate(v.VALUE_WORDS.label("empty"))
    if isinstance(value, bool):
        return translate(v.VALUE_WORDS.label("yes" if value else "no"))
    if field in CODED_FIELDS:
        codes = value if isinstance(value, list) else [value]
        return ", ".join(translate(CODED_FIELDS[field].values.label(str(c))) for c in codes)
    if field in COUNTED_FIELDS and isinstance(value, dict):
        labels = counted_values(field)
        return ", ".join(f"{translate(labels.label(code))} : {count}" for code, count in value.items())
    if field in REFERENCE_FIELDS:
        ids = value if isinstance(value, list) else [value]
        entity = REFERENCE_FIELDS[field]
        return ", ".join(record_label(session, entity, _as_uuid(i), translate) for i in ids)
    if field == "duration_min" and isinstance(value, int):
        return v.duration_label(value)
    if field == "phone":
        return format_phone(str(value))
    text = ", ".join(str(x) for x in value) if isinstance(value, list) else _moment_text(field, value)
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def _as_uuid(raw: Any) -> uuid.UUID:
    return raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))


def _moment_text(field: str, value: Any) -> str:
    """Dates dd/mm/yyyy, instants as their date in La Réunion, times HH:MM; other text as is."""
    text = str(value)
    if field in ("date", "consent_at", "deleted_at", "start_time"):
        try:
            if field == "date":
                return f"{dt.date.fromisoformat(text):%d/%m/%Y}"
            if field == "start_time":
                return f"{dt.time.fromisoformat(text):%H:%M}"
            moment = dt.datetime.fromisoformat(text)
            moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
            return f"{moment.astimezone(_REUNION):%d/%m/%Y}"
        except ValueError:
            return text
    return text
