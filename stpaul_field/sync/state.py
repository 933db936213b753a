"""The laptop's sync bookkeeping, kept in the store's `sync_state` table.

One place names the keys, so that the engine that writes them and the status that reads
them agree. Values are text: cursors as integers, instants as ISO 8601 UTC.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from stpaul_field.store.models import SyncState

CURSOR = "cursor"  # the server seq after which this laptop still has to pull
LAST_SUCCESS = "last_success"  # when a sync last went all the way through
LAST_ATTEMPT = "last_attempt"
OFFLINE_SINCE = "offline_since"  # first failed attempt since the last success (server unreachable)
LAST_ERROR = "last_error"  # the last failure, in French, for the advisor; cleared on success
ENROLMENT = "enrolment"  # JSON of the enrolment (server address, ids, names); never the token
DEVICE_TOKEN = "device_token"  # only where no OS keyring works (the store is encrypted)
# JSON of this laptop's key pairs for sync files and the central record's public keys
# (`sync.file_keys`): private keys, so only in the (encrypted) store.
FILE_KEYS = "file_keys"
# JSON {at, changes, path} of the last request file written: the status bar shows it until an
# HTTPS sync goes through after it.
LAST_FILE_SENT = "last_file_sent"
# JSON {batch_id, op_ids} of the batch being sent, written before sending: a batch whose answer
# was lost is sent again with the same id, and the server answers it without applying it twice.
IN_FLIGHT = "in_flight_batch"
# When the newest unsent change was made, as of the last backup before a sync: a sync retried
# with nothing new to lose makes no new backup (rotation would push the day's ones out).
BACKED_UP_BEFORE_SYNC = "backed_up_before_sync"


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


def in_flight(session: Session) -> tuple[uuid.UUID, list[uuid.UUID]] | None:
    """The batch being sent (its id, its operations' ids), if any."""
    value = get(session, IN_FLIGHT)
    if value is None:
        return None
    data = json.loads(value)
    return uuid.UUID(data["batch_id"]), [uuid.UUID(o) for o in data["op_ids"]]


def put_in_flight(session: Session, batch_id: uuid.UUID | None, op_ids: Sequence[uuid.UUID] = ()) -> None:
    if batch_id is None:
        put(session, IN_FLIGHT, None)
    else:
        put(session, IN_FLIGHT, json.dumps({"batch_id": str(batch_id), "op_ids": [str(o) for o in op_ids]}))


def in_flight_ops(session: Session) -> set[uuid.UUID]:
    batch = in_flight(session)
    return set() if batch is None else set(batch[1])
