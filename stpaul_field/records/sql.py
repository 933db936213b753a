"""SQL types and engine options of every database of the app: the laptop's store, the central record.

Statements' parameters are people's data: they never go into a log or an error message.
SQLAlchemy quotes a statement's parameters in its exception messages (an IntegrityError lists
the row it could not insert), and exceptions are logged, so every engine is made with
`ENGINE_OPTIONS`. SQLAlchemy's own SQL logging stays off (its loggers default to WARNING even
when the root logger is at DEBUG); turning it on by hand logs result rows, so it is never
done on real data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, TypeDecorator
from sqlalchemy import DateTime as SADateTime

ENGINE_OPTIONS: dict[str, Any] = {"hide_parameters": True}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stored as naive UTC (SQLite has no zones), returned as aware UTC."""

    impl = SADateTime
    cache_ok = True

    @property
    def python_type(self) -> type[dt.datetime]:
        # TypeDecorator answers `object`: the wire form needs the real type to parse values.
        return dt.datetime

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


# The SQL type of each Python annotation of a mapped column (a declarative base's map).
TYPE_ANNOTATION_MAP: dict[Any, Any] = {
    dt.datetime: UTCDateTime,
    dict[str, Any]: JSON,
    list[str]: JSON,
    dict[str, int]: JSON,
}
