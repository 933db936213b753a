"""Sync by file, on the laptop (issue 20): write a request file, read an answer file.

    summary = write_request(store, Path("/media/usb"))    # the outbox and the cursor, sealed
    result = read_answer(store, Path("/media/usb/reponse-….stpaul-sync"))

A request file holds what HTTPS would send — the same operations with the same ids, in the
same batches, and the laptop's cursor — encrypted for the central record and signed by this
laptop (`sealed_file`). Writing one acknowledges nothing: every change stays in the outbox
until an answer (by file or HTTPS) acknowledges it (the outbox is only prepared as for a sync:
corrected refusals queued again, a poisoned clock's stamps healed). It can be written again at
any time, and a later HTTPS sync sends the same operations, which the central record then
answers as duplicates. An answer file is applied by the same code as an HTTPS answer
(`apply.apply_answer`), told that its pages may be old (`pulled_from`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import zstandard
from sqlalchemy import func, select

from stpaul_field.paths import private_file
from stpaul_field.store.database import Store
from stpaul_field.store.models import OutboxEntry, utcnow
from stpaul_field.store.outbox import clock_for, heal_stamps
from stpaul_field.sync import file_keys, state
from stpaul_field.sync import sealed_file as sf
from stpaul_field.sync.apply import Applied, apply_answer
from stpaul_field.sync.engine import change_of, sendable
from stpaul_field.sync.enrolment import NOT_ENROLLED, Enrolment, load_enrolment
from stpaul_field.sync.errors import NotEnrolledError, SyncError
from stpaul_field.sync.protocol import (
    DEFAULT_PAGE_SIZE,
    MAX_CHANGES_PER_BATCH,
    MAX_FILE_BATCHES,
    MAX_FILE_BYTES,
    PROTOCOL_VERSION,
    FileAnswer,
    FileRequest,
    SyncRequest,
    decode,
    encode,
)

UNREADABLE = "Cette réponse est illisible une fois ouverte : elle est refusée et rien n'a été appliqué."


@dataclass(frozen=True)
class RequestSummary:
    path: Path
    changes: int  # operations in the file
    left: int  # operations beyond what one file carries (written in the next one)
    oldest: dt.datetime | None  # when the oldest of them was made
    cursor: int
    written_at: dt.datetime


@dataclass(frozen=True)
class AnswerSummary:
    acknowledged: int
    rejected: int
    conflicts: int
    pulled: int
    answered_at: dt.datetime  # when the central record wrote the answer
    more: bool  # the central record had more to send than one answer carries


def _enrolment(store: Store) -> Enrolment:
    enrolment = load_enrolment(store)
    if enrolment is None:
        raise NotEnrolledError(NOT_ENROLLED)
    return enrolment


def _target(path: Path, name: str) -> Path:
    return path / name if path.is_dir() else path


def write_file(target: Path, data: bytes) -> None:
    """Owner-only, through a temporary file: a key pulled out mid-copy leaves no half file."""
    try:
        with private_file(target) as tmp:
            tmp.write_bytes(data)
    except OSError:
        raise SyncError(
            f"Impossible d'écrire le fichier {target} : vérifiez que le dossier existe, que la clé "
            "est branchée et qu'il reste de la place."
        ) from None


def read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise SyncError(
            f"Impossible de lire le fichier {path} : vérifiez qu'il existe et que la clé est branchée."
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise SyncError(sf.NOT_A_SYNC_FILE)
    return data


@dataclass(frozen=True)
class Outgoing:
    requests: list[SyncRequest]  # the batches HTTPS would send, in order
    changes: int
    left: int  # beyond what one file carries
    oldest: dt.datetime | None
    cursor: int


def outgoing(store: Store) -> Outgoing:
    """The outbox as the batches an HTTPS sync would send now (the same operations and ids)."""
    limit = MAX_CHANGES_PER_BATCH * MAX_FILE_BATCHES
    with store.session() as session:
        heal_stamps(session)  # as a sync does: a poisoned clock's stamps would be refused
        entries = sendable(session, limit + 1)
        oldest = session.scalar(
            select(func.min(OutboxEntry.created_at)).where(OutboxEntry.rejected_reason.is_(None))
        )
        cursor = state.cursor(session)
        clock = clock_for(session).last.encode()
    changes = [change_of(e) for e in entries[:limit]]
    requests = [
        SyncRequest(
            protocol=PROTOCOL_VERSION,
            batch_id=uuid.uuid4(),
            changes=changes[start : start + MAX_CHANGES_PER_BATCH],
            cursor=cursor,
            page_size=DEFAULT_PAGE_SIZE,
            clock=clock,
        )
        for start in range(0, max(len(changes), 1), MAX_CHANGES_PER_BATCH)
    ]
    return Outgoing(requests, len(changes), max(0, len(entries) - limit), oldest, cursor)


def write_request(store: Store, path: Path, now: dt.datetime | None = None) -> RequestSummary:
    """Write the outbox and the cursor as a request file at `path` (a directory: a new name in it)."""
    enrolment = _enrolment(store)
    keys = file_keys.registered(store)
    assert keys.server is not None
    at = now or utcnow()
    out = outgoing(store)
    payload = encode(FileRequest(protocol=PROTOCOL_VERSION, requests=out.requests))
    data = sf.seal(
        "request",
        payload,
        server_id=keys.server.server_id,
        team_id=enrolment.team_id,
        laptop_id=enrolment.device_id,
        signer=keys.signing,
        recipient=keys.server_box,
        now=at,
    )
    target = _target(path, sf.file_name("request", enrolment.device_id, at))
    write_file(target, data)
    summary = RequestSummary(target, out.changes, out.left, out.oldest, out.cursor, at)
    with store.session() as session:
        state.put(
            session,
            state.LAST_FILE_SENT,
            json.dumps({"at": at.isoformat(), "changes": out.changes, "path": str(target)}),
        )
    return summary


def open_answer(store: Store, data: bytes) -> tuple[sf.Header, FileAnswer]:
    """An answer file checked (this laptop's central record signed it, for this laptop) and opened."""
    enrolment = _enrolment(store)
    keys = file_keys.registered(store)
    assert keys.server is not None
    try:
        header, payload = sf.open_sealed(
            data,
            kind="answer",
            server_id=keys.server.server_id,
            team_id=enrolment.team_id,
            signer=keys.server_signing,
            reader=keys.box,
            laptop_id=enrolment.device_id,
        )
        return header, decode(payload, FileAnswer, MAX_FILE_BYTES)
    except sf.SealedFileError as error:
        raise SyncError(error.message) from None
    except (ValueError, zstandard.ZstdError):
        raise SyncError(UNREADABLE) from None


def read_answer(store: Store, path: Path) -> AnswerSummary:
    """Apply an answer file: each page as an HTTPS answer is applied, in order, each in its own
    transaction; read twice, or after a newer sync, it changes nothing."""
    header, answer = open_answer(store, read_file(path))
    total = Applied()
    pulled_from = answer.cursor
    for page in answer.pages:
        applied = apply_answer(store, page, pulled_from=pulled_from)
        pulled_from = page.cursor
        total.acknowledged += applied.acknowledged
        total.rejected += applied.rejected
        total.conflicts += applied.conflicts
        total.pulled += applied.pulled
    more = bool(answer.pages) and answer.pages[-1].more
    return AnswerSummary(
        total.acknowledged, total.rejected, total.conflicts, total.pulled, header.created_at, more
    )


class RelayLink(Protocol):
    def relay(self, data: bytes) -> bytes: ...


NOT_OURS = (
    "Cette demande est destinée à un autre registre central que celui de ce poste : elle n'a pas "
    "été transmise."
)


def relay(store: Store, link: RelayLink, path: Path, answer_to: Path | None = None) -> Path:
    """Send a colleague's request file over this laptop's connection and write their answer file
    (in `answer_to`, else beside the request). This laptop authenticates the relay; the central
    record checks the file's own signature and applies it as the colleague's laptop. Nothing of
    the colleague's is read or kept here: the answer is encrypted for their laptop."""
    data = read_file(path)
    try:
        header = sf.read_header(data)  # refused here already if cut short or modified
    except sf.SealedFileError as error:
        raise SyncError(error.message) from None
    if header.kind != "request":
        raise SyncError(sf.WRONG_KIND["request"])
    keys = file_keys.registered(store)
    assert keys.server is not None
    if header.server_id != keys.server.server_id:
        raise SyncError(NOT_OURS)
    answer = link.relay(data)
    target = (answer_to or path.parent) / sf.file_name("answer", header.laptop_id, utcnow())
    write_file(target, answer)
    return target
