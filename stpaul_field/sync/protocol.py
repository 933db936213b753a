"""The sync protocol, shared by the client engine and the server (one set of pydantic models).

One exchange = one POST of a `SyncRequest` (the outbox, in a bounded batch, plus the pull
cursor) answered by a `SyncResponse` (a result per operation, then one page of changes
after the cursor). The client repeats until it has nothing to push and `more` is false.

Bodies travel as zstd-compressed JSON (`encode` / `decode` below) with the media type
`SYNC_MEDIA_TYPE`. Errors that are not per-operation (auth, protocol version, malformed
body) are ordinary HTTP errors whose JSON body is an `ErrorBody` with a French `detail`.

Versions come from the server: every accepted write takes the next value of one change
sequence (`seq`); a record's `version` is the seq of its last accepted write, and the
server remembers per field the seq (and the HLC stamp) that last set it. A change carries
the `base_version` it was made on (the record's version as last pulled, 0 if new): a
field whose server seq is newer than the base is a real conflict, settled by the later
HLC stamp, the loser kept in `conflicts`.

Protocol 2 adds `SyncResponse.conflicts`: the values that lost a real conflict on the
team's records in the page's sequence window, so that a laptop whose value was overwritten
by another laptop's later push learns it at its next pull. A protocol-1 request gets an
answer without that field (its models forbid unknown fields).

Protocol 3 adds the `workshop_series` entity (a cycle of workshop sessions) and the
activity fields `series_id` and `session_number`. An older client is sent no series (nor
their conflicts); the new activity fields it ignores, as any laptop ignores a field it does
not know, and its edits of a session leave them as they are.

Protocol 4 adds `SyncResponse.last_seq`: the last sequence value of the records the caller
pulls (its team's and the shared ones) when the page was read, so that a long pull (a
fresh laptop's first sync) shows how far it has come and the time left. Two index probes
on the server; left out of answers to older requests, and an older server's answer
without it only leaves the progress without a total.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal, TypeVar

import zstandard
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from stpaul_field.domain.fields import Entity
from stpaul_field.domain.text import unstorable

PROTOCOL_VERSION = 4
# The oldest client protocol the server still serves; bump with a clear note in the docs.
MIN_PROTOCOL_VERSION = 1
# Entities a protocol added: an older client's models refuse them, so it is never sent them
# (its own pushes never carry one) and syncs the rest as before.
ENTITY_SINCE: dict[str, int] = {"workshop_series": 3}


def entities_unknown_to(protocol: int) -> frozenset[str]:
    return frozenset(entity for entity, since in ENTITY_SINCE.items() if protocol < since)


M = TypeVar("M", bound=BaseModel)
SYNC_MEDIA_TYPE = "application/vnd.stpaul-field.sync+json+zstd"


MAX_CHANGES_PER_BATCH = 500
DEFAULT_PAGE_SIZE = 500
MAX_PAGE_SIZE = 2000
MAX_FIELDS_PER_CHANGE = 60
MAX_BODY_BYTES = 8 * 1024 * 1024  # after decompression
# Logged conflicts in one answer; one write logs at most one per field, so a page always moves.
MAX_CONFLICTS_PER_PAGE = 1000


# Sequence values are PostgreSQL bigints: a cursor or base beyond is no version at all.
MAX_SEQ = 2**63 - 1


def _storable(text: str) -> str:
    # PostgreSQL stores no NUL character: refused as a 422, not a database error (a 500).
    reason = unstorable(text)
    if reason is not None:
        raise PydanticCustomError("unstorable_character", reason)
    return text


Text = Annotated[str, AfterValidator(_storable)]
Seq = Annotated[int, Field(ge=0, le=MAX_SEQ)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Change(_Strict):
    """One local edit of one record: the fields it set, on which version it was made."""

    op_id: uuid.UUID
    entity: Entity
    record_id: uuid.UUID
    base_version: Seq
    fields: Annotated[dict[str, Any], Field(max_length=MAX_FIELDS_PER_CHANGE)]
    stamp: Annotated[str, Field(max_length=80)]  # hybrid logical clock, domain.hlc.Stamp


class SyncRequest(_Strict):
    protocol: int
    batch_id: uuid.UUID  # idempotency key: a replayed batch answers as the first time
    changes: Annotated[list[Change], Field(max_length=MAX_CHANGES_PER_BATCH)] = []
    cursor: Seq = 0  # pull the changes with seq > cursor
    page_size: Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE
    clock: Annotated[str, Field(max_length=80)] = ""  # the client's HLC, for the server to observe


class FieldConflict(_Strict):
    field: str
    kept: Any  # the value the record now holds
    lost: Any  # the value that lost, kept for review
    lost_is_mine: bool  # True: the pushing device's value lost


OpStatus = Literal["applied", "duplicate", "merged", "rejected"]


class OpResult(_Strict):
    op_id: uuid.UUID
    status: OpStatus
    # The record's version after this op, when the device now holds the record at it; None
    # if rejected, or if the server merged in another device's value the device has not seen
    # yet (the pull brings that state). The device bases its next edit on it.
    version: int | None = None
    conflicts: list[FieldConflict] = []
    reason: str | None = None  # French, for an advisor, when rejected


class RecordState(_Strict):
    """A record as the central record holds it now (every synced field)."""

    seq: int  # the change sequence value of the write that produced this state
    entity: Entity
    record_id: uuid.UUID
    version: int
    fields: dict[str, Any]
    field_stamps: dict[str, str] = {}  # HLC stamp of each field's last write


class LoggedConflict(_Strict):
    """A value that lost a real conflict on the central record (protocol 2)."""

    seq: int  # the write that settled it
    entity: Entity
    record_id: uuid.UUID
    field: str
    kept: Any
    lost: Any
    kept_stamp: str  # HLC stamps; the lost one's node tells whose value lost
    lost_stamp: str


class SyncResponse(_Strict):
    protocol: int
    results: list[OpResult] = []
    changes: list[RecordState] = []
    # Protocol 2: conflicts logged in the page's seq window (cursor sent, `cursor`], by
    # another device than the caller (the pusher learns its own from `results`). Absent
    # (None) in answers to protocol-1 requests.
    conflicts: Annotated[list[LoggedConflict], Field(max_length=MAX_CONFLICTS_PER_PAGE)] | None = None
    cursor: int  # the client stores this after applying `changes`
    more: bool = False  # another page is waiting
    clock: str = ""  # the server's HLC
    resync_required: bool = False  # cursor older than purged tombstones: pull from 0
    # Protocol 4: the last seq of the caller's records when the page was read (the pull is
    # done when `cursor` reaches it). Absent (None) in answers to older requests.
    last_seq: int | None = None


class EnrolRequest(_Strict):
    login: Annotated[Text, Field(min_length=1, max_length=100)]
    password: Annotated[Text, Field(min_length=1, max_length=200)]
    device_name: Annotated[Text, Field(min_length=1, max_length=100)]
    protocol: int = PROTOCOL_VERSION


class EnrolResponse(_Strict):
    device_id: uuid.UUID
    token: str  # shown once; the server keeps only its hash
    advisor_id: uuid.UUID
    team_id: uuid.UUID
    role: str
    display_name: str


# A raw 32-byte key (Ed25519 or X25519) in base64.
KeyText = Annotated[str, Field(min_length=44, max_length=44, pattern=r"^[A-Za-z0-9+/]{43}=$")]


class DeviceKeys(_Strict):
    """A laptop's public keys for sync files (issue 20), registered with its device."""

    signing_key: KeyText  # Ed25519: the central record checks its files' signatures with it
    box_key: KeyText  # X25519: the central record encrypts its answers for it


class ServerKeys(_Strict):
    """The central record's public keys and ids, as every sync file names them."""

    server_id: uuid.UUID
    team_id: uuid.UUID
    signing_key: KeyText  # Ed25519: the laptop checks answers with it
    box_key: KeyText  # X25519: the laptop encrypts its requests for it


# A sync file (issue 20) carries the batches of a whole outbox and the pages of a whole pull.
MAX_FILE_BATCHES = 40
MAX_FILE_PAGES = 40
MAX_FILE_BYTES = 64 * 1024 * 1024  # a file's payload after decompression


class FileRequest(_Strict):
    """What a request file holds: the outbox's batches, as HTTPS would send them, one after the
    other; the first one's cursor is the laptop's (the server chains the later ones)."""

    protocol: int
    requests: Annotated[list[SyncRequest], Field(min_length=1, max_length=MAX_FILE_BATCHES)]


class FileAnswer(_Strict):
    """What an answer file holds: the answer to each batch, then further pages of the pull.

    Page i covers the team's changes in (cursor of page i-1, its own cursor], the first one
    from `cursor`: a laptop reading it later applies only what it has not pulled since."""

    protocol: int
    cursor: Seq  # the request's cursor
    pages: Annotated[list[SyncResponse], Field(max_length=MAX_FILE_BATCHES + MAX_FILE_PAGES)]


class ErrorBody(BaseModel):
    detail: str  # French, for an advisor
    code: str = "error"


def encode(model: BaseModel, exclude: Any = None) -> bytes:
    """zstd-compressed JSON; `exclude` leaves out what an older peer's models would refuse."""
    return zstandard.ZstdCompressor(level=6).compress(model.model_dump_json(exclude=exclude).encode())


def decode(data: bytes, model: type[M], max_bytes: int = MAX_BODY_BYTES) -> M:
    """Decompress (bounded, against zip bombs) and validate a body."""
    raw = zstandard.ZstdDecompressor().decompress(data, max_output_size=max_bytes)
    return model.model_validate_json(raw)
