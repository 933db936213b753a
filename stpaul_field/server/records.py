"""Record documents: the synced fields of each entity, their wire form, defaults and rules.

The field lists and types come from their one declaration (`records.synced`, through
`records.specs`), shared with the laptops' models; the rules come from `domain.validation`.
A document is a dict of wire values (JSON-native: ISO dates, UUIDs as strings), exactly
what travels in `Change.fields` and `RecordState.fields`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace
from typing import Any

from stpaul_field.domain.fields import REFERENCE_FIELDS
from stpaul_field.domain.text import unstorable
from stpaul_field.domain.validation import (
    activity_errors,
    advisor_errors,
    beneficiary_errors,
    series_errors,
    venue_errors,
)
from stpaul_field.domain.values import FIELD_LABELS
from stpaul_field.records.specs import NOW, REQUIRED, SPECS, FieldSpec
from stpaul_field.records.wire import from_wire, to_wire

MAX_LIST_ITEMS = 50
MAX_LIST_ITEM_LENGTH = 100
INT_BOUND = 2**31
# Bookkeeping stamps: settled silently by the later stamp, never reported as conflicts.
BOOKKEEPING_FIELDS = frozenset({"created_at", "updated_at"})


# Dates a record may hold. Beyond, converting to UTC or to Réunion time overflows (year 1 or
# 9999 with an offset); no person, consent or activity of the city is dated outside.
MIN_YEAR, MAX_YEAR = 1900, 2199


def shown(name: str) -> str:
    """A client-chosen name as a French reason may quote it: no NUL (PostgreSQL stores none), short."""
    return name.replace("\x00", "\\0")[:60]


class FieldValueError(ValueError):
    """A value of the wrong type or size; the message is French."""


def coerce(spec: FieldSpec, raw: Any) -> Any:
    """The canonical wire form of `raw` for this field, or FieldValueError."""
    bad = FieldValueError(f"Champ « {spec.name} » : valeur invalide.")
    if raw is None:
        if spec.nullable:
            return None
        raise FieldValueError(f"Champ « {spec.name} » : valeur obligatoire.")
    kind = spec.kind
    if kind == "str":
        if not isinstance(raw, str):
            raise bad
        if spec.max_length is not None and len(raw) > spec.max_length:
            raise FieldValueError(f"Champ « {spec.name} » : {spec.max_length} caractères au plus.")
        _check_storable(spec, [raw])
        return raw
    if kind == "bool":
        if not isinstance(raw, bool):
            raise bad
        return raw
    if kind == "int":
        if isinstance(raw, bool) or not isinstance(raw, int) or not -INT_BOUND < raw < INT_BOUND:
            raise bad
        return raw
    if kind == "list":
        if not isinstance(raw, list) or len(raw) > MAX_LIST_ITEMS:
            raise bad
        if not all(isinstance(x, str) and len(x) <= MAX_LIST_ITEM_LENGTH for x in raw):
            raise bad
        _check_storable(spec, raw)
        if spec.name in REFERENCE_FIELDS:  # lists of records' ids, kept canonical
            return [_uuid_text(x, bad) for x in raw]
        return list(raw)
    if kind == "counts":
        if not isinstance(raw, dict) or len(raw) > MAX_LIST_ITEMS:
            raise bad
        for key, n in raw.items():
            if len(key) > MAX_LIST_ITEM_LENGTH or isinstance(n, bool) or not isinstance(n, int):
                raise bad
            if not -INT_BOUND < n < INT_BOUND:
                raise bad
        _check_storable(spec, list(raw))
        return dict(raw)
    if not isinstance(raw, str) or len(raw) > 64:
        raise bad
    if kind == "uuid":
        return _uuid_text(raw, bad)
    out_of_range = FieldValueError(f"Champ « {spec.name} » : date hors limites ({MIN_YEAR} à {MAX_YEAR}).")
    try:
        if kind == "datetime":
            value = dt.datetime.fromisoformat(raw)
            value = (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
            if not MIN_YEAR <= value.year <= MAX_YEAR:
                raise out_of_range
            return to_wire(value)
        if kind == "date":
            day = dt.date.fromisoformat(raw)
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                raise out_of_range
            return day.isoformat()
        if kind == "time":
            return dt.time.fromisoformat(raw).isoformat()
    except FieldValueError:
        raise
    except OverflowError:  # year 1 or 9999 with an offset: no UTC form
        raise out_of_range from None
    except ValueError:
        raise bad from None
    raise bad


def _check_storable(spec: FieldSpec, texts: list[str]) -> None:
    # A NUL (PostgreSQL stores none, not even in JSON text) is refused here, per operation, or the
    # whole batch failed with the database's error; the laptop's validation has the same rule.
    for text in texts:
        reason = unstorable(text)
        if reason is not None:
            raise FieldValueError(f"Champ « {spec.name} » : {reason}.")


def _uuid_text(raw: str, bad: FieldValueError) -> str:
    try:
        return str(uuid.UUID(raw))
    except (ValueError, AttributeError, TypeError):
        raise bad from None


def new_document(entity: str, now: dt.datetime) -> dict[str, Any]:
    """Defaults of a new record; required fields absent stay missing (and are refused)."""
    doc: dict[str, Any] = {}
    for name, spec in SPECS[entity].items():
        if spec.default is NOW:
            doc[name] = to_wire(now)
        elif spec.default is not REQUIRED:
            doc[name] = spec.default
    return doc


def missing_required(entity: str, doc: dict[str, Any]) -> list[str]:
    return [name for name, spec in SPECS[entity].items() if spec.default is REQUIRED and name not in doc]


def missing_reason(missing: list[str]) -> str:
    """The refusal of a record lacking required fields, by their French labels (the advisor
    reads it on the laptop: « Champ obligatoire manquant : Activité, Bénéficiaire. »)."""
    return f"Champ obligatoire manquant : {', '.join(FIELD_LABELS.labels(missing))}."


def as_object(entity: str, doc: dict[str, Any]) -> SimpleNamespace:
    """The document with Python values, for the domain's validation."""
    return SimpleNamespace(**{name: from_wire(entity, name, doc.get(name)) for name in SPECS[entity]})


def record_errors(entity: str, doc: dict[str, Any], today: dt.date) -> list[str]:
    """French reasons why this (merged) record cannot be stored; [] if it can.

    A tombstone is always accepted: deleting never needs the record to be valid.
    """
    missing = missing_required(entity, doc)
    if missing:
        return [missing_reason(missing)]
    if doc.get("deleted_at") is not None:
        return []
    obj = as_object(entity, doc)
    if entity == "beneficiary":
        return [e.message for e in beneficiary_errors(obj, today)]
    if entity == "activity":
        # Participants arrive as separate participation records, possibly in a later batch:
        # the participant-count rules are the laptop's (its form enforces them), not the server's.
        return [
            e.message
            for e in activity_errors(obj, participant_count=1)
            if e.field not in ("beneficiary", "participants")
        ]
    if entity == "workshop_series":
        return [e.message for e in series_errors(obj)]
    if entity == "venue":
        return [e.message for e in venue_errors(obj)]
    if entity == "advisor":
        return [e.message for e in advisor_errors(obj)]
    return []
