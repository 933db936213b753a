"""The laptop's sync bookkeeping, kept in the store's `sync_state` table.

One place names the keys, so that the engine that writes them and the status that reads
them agree. Values are text: cursors as integers, instants as ISO 8601 UTC.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from stpaul_field.store.models import SyncState

CURSOR = "cursor"  # the server seq after which this laptop still has to pull
LAST_SUCCESS = "last_success"  # when a sync last went all the way through
LAST_ATTEMPT = "last_attempt"
OFFLINE_SINCE = "offline_since"  # first failed attempt since the last success (server unreachable)
LAST_ERROR = "last_error"  # the last failure, in French, for the advisor; cleared on success
ENROLMENT = "enrolment"  # JSON of the enrolment (server address, ids, names); never the token


def get(session: Session, key: str) -> str | None:
    row = session.get(SyncState, key)
    return None if row is None else row.value


def put(session: Session, key: str, value: str | None) -> None:
    """Set `key` (None removes it). The caller commits."""
    row = session.get(SyncState, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def get_instant(session: Session, key: str) -> dt.datetime | None:
    value = get(session, key)
    return None if value is None else dt.datetime.fromisoformat(value)


def put_instant(session: Session, key: str, value: dt.datetime | None) -> None:
    put(session, key, None if value is None else value.astimezone(dt.UTC).isoformat())


def cursor(session: Session) -> int:
    return int(get(session, CURSOR) or 0)
