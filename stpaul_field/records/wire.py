"""Field values to and from their JSON form, for the outbox and the sync protocol."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from stpaul_field.records.specs import SPECS


def to_wire(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return [to_wire(v) for v in value]
    if isinstance(value, dict):
        return {k: to_wire(v) for k, v in value.items()}
    return value


def from_wire(entity: str, field: str, raw: Any) -> Any:
    """Turn a JSON value back into the Python type of the entity's field."""
    if raw is None:
        return None
    spec = SPECS[entity].get(field)
    python_type = spec.python_type if spec is not None else None
    if python_type is uuid.UUID:
        return uuid.UUID(str(raw))
    if python_type is dt.datetime:
        value = dt.datetime.fromisoformat(raw)
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if python_type is dt.date:
        return dt.date.fromisoformat(raw)
    if python_type is dt.time:
        return dt.time.fromisoformat(raw)
    return raw


def record_to_wire(obj: Any, fields: list[str] | None = None) -> dict[str, Any]:
    """A laptop's record (any `store.models` synced model) as its synced fields' wire values."""
    names = fields if fields is not None else type(obj).synced_fields()
    return {name: to_wire(getattr(obj, name)) for name in names}
