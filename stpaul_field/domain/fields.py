"""Which synced field takes its values from which list, and which field points at which record.

One table, read by validation (an unknown code is refused), by the store's labels (a code
reads as its label in conflicts and rejected changes) and by sync (the entity list). A new
coded field is one line here; see docs/architecture.md for the rest of the checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from stpaul_field.domain import values as v

# The kinds of synced records, in the order a first pull needs them (referenced ones first).
Entity = Literal["advisor", "venue", "beneficiary", "workshop_series", "activity", "participation"]
ENTITIES: tuple[Entity, ...] = get_args(Entity)


@dataclass(frozen=True, slots=True)
class CodedField:
    entity: Entity
    values: v.ValueList
    many: bool = False  # a list of codes (themes), not one code
    required: bool = False  # empty is refused too (a venue has a kind)
    # An outcome of an individual accompaniment: the form's « Résultat » section offers it (its
    # row named by `FIELD_LABELS`), validation refuses it on a workshop.
    outcome: bool = False
    admin_help: bool = False  # only with « Aide aux démarches administratives » among the themes


CODED_FIELDS: dict[str, CodedField] = {
    "gender": CodedField("beneficiary", v.GENDERS),
    "age_band": CodedField("beneficiary", v.AGE_BANDS),
    "social_status": CodedField("beneficiary", v.SOCIAL_STATUSES),
    "type": CodedField("activity", v.ACTIVITY_TYPES, required=True),
    "status": CodedField("activity", v.ACTIVITY_STATUSES, required=True),
    "place_type": CodedField("activity", v.PLACE_TYPES),
    "themes": CodedField("activity", v.THEMES, many=True),
    "admin_themes": CodedField("activity", v.ADMIN_THEMES, many=True),
    "equipment": CodedField("activity", v.EQUIPMENT, many=True),
    "autonomy": CodedField("activity", v.AUTONOMY),
    "redirect_structure": CodedField("activity", v.REDIRECT_STRUCTURES),
    "procedure_completion": CodedField("activity", v.PROCEDURE_COMPLETIONS, outcome=True, admin_help=True),
    "level": CodedField("activity", v.WORKSHOP_LEVELS),
    "kind": CodedField("venue", v.VENUE_KINDS, required=True),
    "bassin": CodedField("venue", v.BASSINS),
    "role": CodedField("advisor", v.ADVISOR_ROLES, required=True),
}

# The coded fields a workshop series holds: an activity's, inherited by its sessions.
SERIES_CODED_FIELDS: tuple[str, ...] = ("place_type", "themes", "equipment", "level")

# A workshop's anonymous participants: {code: count}, by the codes of which coded field.
COUNTED_FIELDS: dict[str, str] = {
    "anon_genders": "gender",
    "anon_age_bands": "age_band",
    "anon_statuses": "social_status",
}

COUNTED_ON: Entity = "activity"  # the entity that has the counted fields (a workshop)

# Fields that point at another record, and at which kind.
REFERENCE_FIELDS: dict[str, Entity] = {
    "advisor_id": "advisor",
    "co_advisor_ids": "advisor",
    "venue_id": "venue",
    "beneficiary_id": "beneficiary",
    "merged_into_id": "beneficiary",
    "activity_id": "activity",
    "series_id": "workshop_series",
}


def coded_fields(entity: str) -> dict[str, CodedField]:
    return {name: f for name, f in CODED_FIELDS.items() if f.entity == entity}


def outcome_fields() -> dict[str, CodedField]:
    """The outcomes an individual accompaniment's form lays out from this table, in its order."""
    return {name: f for name, f in CODED_FIELDS.items() if f.outcome}


def counted_values(field: str) -> v.ValueList:
    """The value list a counted field counts by (anon_genders: the genders)."""
    return CODED_FIELDS[COUNTED_FIELDS[field]].values


def current_fields(entity: str, fields: dict[str, Any]) -> dict[str, Any]:
    """`fields` with every former code of a value list spelled as this version spells it.

    A laptop still on an older version may push a code the Coop has since renamed
    (`ValueList.former`); the server stores, and a laptop's migration rewrites, the current
    one. Returns `fields` itself when nothing changed.
    """
    out: dict[str, Any] | None = None
    for name, raw in fields.items():
        new = _current_value(entity, name, raw)
        if new is not raw and new != raw:
            out = dict(fields) if out is None else out
            out[name] = new
    return fields if out is None else out


def _current_value(entity: str, name: str, raw: Any) -> Any:
    coded = CODED_FIELDS.get(name)
    if coded is not None and coded.entity == entity and coded.values.former:
        if coded.many and isinstance(raw, list):
            return [coded.values.current(c) if isinstance(c, str) else c for c in raw]
        if isinstance(raw, str):
            return coded.values.current(raw)
    counted = COUNTED_FIELDS.get(name)
    if counted is not None and entity == COUNTED_ON and isinstance(raw, dict):
        values = CODED_FIELDS[counted].values
        if values.former:
            out: dict[str, Any] = {}
            for code, n in raw.items():
                key = values.current(code)
                # Two spellings of one code in one record (never written by the app): add up.
                out[key] = out[key] + n if key in out and isinstance(n, int) else n
            return out
    return raw


def renamed_fields(entity: str) -> tuple[str, ...]:
    """The fields of `entity` whose value list has former codes (what a migration rewrites)."""
    coded = [name for name, f in CODED_FIELDS.items() if f.entity == entity and f.values.former]
    counted = [
        n for n, by in COUNTED_FIELDS.items() if entity == COUNTED_ON and CODED_FIELDS[by].values.former
    ]
    return tuple(coded + counted)


def former_codes() -> tuple[str, ...]:
    """Every code a value list used before, sorted (a migration's filter on stored text)."""
    return tuple(sorted({code for f in CODED_FIELDS.values() for code in f.values.former}))
