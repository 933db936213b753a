"""JSON text for the record's documents and the sync bodies, by pydantic-core's codec.

The server turns JSON into Python and back for every row it reads or writes (records'
fields and stamps, the rows it inserts in one statement, the pushed bodies). pydantic-core,
already there for the protocol's messages, does it several times faster than the `json`
module (bench sync-many: ~0.6 ms of a worker's CPU per sync). Its text is compact UTF-8;
UUIDs, dates and datetimes become ISO strings, as the database and `from_wire` read them.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import from_json, to_json


def dumps(value: Any) -> str:
    """`value` as compact JSON text; a value JSON has no form for is written as its `str`."""
    return to_json(value, fallback=str).decode()


def loads(text: str | bytes) -> Any:
    """Python values from JSON text; raises ValueError when the text is not JSON."""
    return from_json(text)
