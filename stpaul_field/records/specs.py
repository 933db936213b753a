"""Each synced field's kind, size and default, derived from its one declaration (`records.synced`).

The central record checks every pushed value against these (`server.records.coerce`) and
builds new records' documents from the defaults; `python_type` turns a wire value back into
the field's Python type on both sides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Column, Date, Integer, String, Table, Text, Time, Uuid
from sqlalchemy.orm import DeclarativeBase

from stpaul_field.records.sql import TYPE_ANNOTATION_MAP, UTCDateTime
from stpaul_field.records.synced import SYNCED_FIELDS, RecordFields

MAX_TEXT_FIELD = 10_000  # Text columns (notes): validation keeps them far shorter
# Never part of a record's document: its key.
IDENTITY = "id"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: str  # str, bool, int, uuid, datetime, date, time, list, counts
    nullable: bool
    max_length: int | None
    default: Any  # wire form; `NOW` for "the time of creation"; `REQUIRED` if none
    python_type: type | None  # what the wire value turns back into (None: as it is)


_WIRE_NATIVE = (str, bool, int, list, dict, type(None))
NOW = object()
REQUIRED = object()


class _Declared(DeclarativeBase):
    """A private registry: the declared fields as tables, to read their types (never created)."""

    type_annotation_map: ClassVar[dict[Any, Any]] = TYPE_ANNOTATION_MAP


def _table(entity: str, fields: type) -> Table:
    model = type(f"_{entity}", (fields, RecordFields, _Declared), {"__tablename__": entity})
    return model.__table__  # type: ignore[attr-defined]


def _kind(column: Column[Any]) -> str:
    t = column.type
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, Uuid):
        return "uuid"
    if isinstance(t, UTCDateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, Time):
        return "time"
    if isinstance(t, String | Text):
        return "str"
    if isinstance(t, JSON):
        return "list" if isinstance(_default_value(column), list) else "counts"
    raise TypeError(f"column type not handled by the server: {column.key}")


def _default_value(column: Column[Any]) -> Any:
    d = column.default
    if d is None:
        return None if column.nullable else REQUIRED
    if d.is_callable:
        value = d.arg(None)  # type: ignore[call-arg, operator]
        return NOW if isinstance(value, dt.datetime) else value
    return d.arg  # type: ignore[attr-defined]


def _python_type(column: Column[Any]) -> type | None:
    try:
        return column.type.python_type
    except NotImplementedError:
        return None


def _spec(column: Column[Any]) -> FieldSpec:
    length = getattr(column.type, "length", None)
    if isinstance(column.type, Text):
        length = MAX_TEXT_FIELD
    default = _default_value(column)
    if default is not NOW and default is not REQUIRED and not isinstance(default, _WIRE_NATIVE):
        raise TypeError(f"a default a document cannot hold as it is: {column.key}")
    return FieldSpec(column.key, _kind(column), bool(column.nullable), length, default, _python_type(column))


SPECS: dict[str, dict[str, FieldSpec]] = {
    entity: {c.key: _spec(c) for c in _table(entity, fields).columns if c.key != IDENTITY}
    for entity, fields in SYNCED_FIELDS.items()
}
