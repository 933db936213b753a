"""Sync files on the central record's side (issue 20): its own keys, the devices' keys, the files.

The central record has one identity for sync files — an id and two key pairs (Ed25519 signs
its answers, X25519 opens the laptops' requests) — made the first time it is needed and kept
in `server_key`. Each device registers its public keys once, online, with its token
(`register_keys`, at enrolment or at the next sync of a laptop enrolled before), and gets the
central record's public keys back.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass

import zstandard
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy.exc import IntegrityError

from stpaul_field.domain.clock import utcnow
from stpaul_field.domain.ids import new_id
from stpaul_field.server.auth import device_caller, still_allowed
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.errors import ApiError
from stpaul_field.server.exchange import exchange
from stpaul_field.server.models import Device, Journal, ServerKey
from stpaul_field.sync import sealed_file as sf
from stpaul_field.sync.protocol import (
    MAX_FILE_BYTES,
    MAX_FILE_PAGES,
    PROTOCOL_VERSION,
    DeviceKeys,
    FileAnswer,
    FileRequest,
    ServerKeys,
    SyncRequest,
    SyncResponse,
    decode,
    encode,
)
from stpaul_field.sync.sealed_file import key_text

IDENTITY = "sync-file-v1"


@dataclass(frozen=True)
class Identity:
    server_id: uuid.UUID
    signing: Ed25519PrivateKey
    box: X25519PrivateKey

    def public(self, team_id: uuid.UUID) -> ServerKeys:
        return ServerKeys(
            server_id=self.server_id,
            team_id=team_id,
            signing_key=key_text(self.signing.public_key()),
            box_key=key_text(self.box.public_key()),
        )


def _raw(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def identity(db: Database) -> Identity:
    """The central record's sync-file identity, made the first time (once, whatever the workers)."""
    with db.session() as s:
        row = s.get(ServerKey, IDENTITY)
    if row is None:
        try:
            with db.writer(sequenced=False) as s:
                s.add(
                    ServerKey(
                        name=IDENTITY,
                        server_id=new_id(),
                        signing_key=key_text(Ed25519PrivateKey.generate()),
                        box_key=key_text(X25519PrivateKey.generate()),
                        created_at=utcnow(),
                    )
                )
        except IntegrityError:
            pass  # another worker made it first: theirs is the one
        with db.session() as s:
            row = s.get(ServerKey, IDENTITY)
        assert row is not None
    return Identity(
        row.server_id,
        Ed25519PrivateKey.from_private_bytes(_raw(row.signing_key)),
        X25519PrivateKey.from_private_bytes(_raw(row.box_key)),
    )


def register_keys(db: Database, caller: Caller, keys: DeviceKeys) -> ServerKeys:
    """Keep the calling device's public keys (a new pair replaces the old one); the server's back."""
    # `protocol.KeyText` lets through only 32 bytes in base64.
    found = identity(db)
    with db.writer(sequenced=False) as s:
        still_allowed(s, caller)
        device = s.get(Device, caller.device_id)
        assert device is not None
        if (device.signing_key, device.box_key) != (keys.signing_key, keys.box_key):
            device.signing_key, device.box_key = keys.signing_key, keys.box_key
            s.add(
                Journal(
                    at=utcnow(),
                    advisor_id=caller.advisor_id,
                    device_id=caller.device_id,
                    entity="device",
                    record_id=caller.device_id,
                    op="keys",
                )
            )
    return found.public(caller.team_id)


UNKNOWN_LAPTOP = (
    "Ce fichier de synchronisation vient d'un poste que ce registre central ne connaît pas : il est "
    "refusé et rien n'a été appliqué."
)
NO_LAPTOP_KEY = (
    "Le poste qui a écrit ce fichier n'a pas de clé enregistrée auprès du registre central : il est "
    "refusé et rien n'a été appliqué."
)
UNREADABLE = (
    "Ce fichier de synchronisation est illisible une fois ouvert : il est refusé et rien n'a été appliqué."
)


def refused(message: str) -> ApiError:
    return ApiError(422, message, "sync_file_refused")


@dataclass(frozen=True)
class Opened:
    caller: Caller  # the laptop that wrote the file, as if it called itself
    box_key: str  # its X25519 public key: the answer is encrypted for it
    request: FileRequest


def open_request(db: Database, data: bytes) -> Opened:
    """The device that wrote a request file, and what it holds; an ApiError (422, French) if refused.

    Nothing is applied here: a file is checked whole (intact, this record's, signed by the key its
    laptop registered, that laptop still allowed) before any of it is."""
    found = identity(db)
    try:
        header = sf.read_header(data)
    except sf.SealedFileError as error:
        raise refused(error.message) from None
    if header.server_id != found.server_id:
        raise refused(sf.OTHER_SERVER)
    with db.session() as s:
        device = s.get(Device, header.laptop_id)
        if device is None:
            raise refused(UNKNOWN_LAPTOP)
        if device.signing_key is None:
            raise refused(NO_LAPTOP_KEY)
        signing_key, team_id, box_key = _raw(device.signing_key), device.team_id, device.box_key
        try:
            caller = device_caller(s, device.id)
        except ApiError as error:
            raise refused(
                "Fichier de synchronisation refusé, rien n'a été appliqué : le poste qui l'a écrit "
                f"ne peut plus synchroniser (« {error.detail} »)."
            ) from None
    try:
        _, payload = sf.open_sealed(
            data,
            kind="request",
            server_id=found.server_id,
            team_id=team_id,
            signer=signing_key,
            reader=found.box,
        )
        return Opened(caller, box_key or "", decode(payload, FileRequest, MAX_FILE_BYTES))
    except sf.SealedFileError as error:
        raise refused(error.message) from None
    except (
        ValueError,
        zstandard.ZstdError,
    ):  # zstd, JSON or the protocol's rules: signed by the laptop, yet not ours
        raise refused(UNREADABLE) from None


@dataclass(frozen=True)
class Imported:
    answer: bytes  # the answer file, for the laptop that wrote the request
    laptop_id: uuid.UUID
    changes: int  # operations in the request
    rejected: int
    pulled: int  # records in the answer's pages


def import_request(db: Database, data: bytes, relayer: Caller | None = None) -> Imported:
    """Apply a request file as the laptop that wrote it, by the exchange HTTPS uses, and make its
    answer: the results of each batch, then the team's changes after the request's cursor, in pages
    (at most `MAX_FILE_PAGES` beyond the batches' own; the next file brings the rest).

    `relayer`: the enrolled device that brought the file over the network; of the same team."""
    opened = open_request(db, data)
    caller, request = opened.caller, opened.request
    if relayer is not None and relayer.team_id != caller.team_id:
        raise refused(sf.OTHER_TEAM)
    cursor = request.requests[0].cursor
    pages: list[SyncResponse] = []
    for batch in request.requests:
        # Each batch pulls the page after the previous one, as the engine's exchanges do.
        pages.append(exchange(db, caller, batch.model_copy(update={"cursor": cursor})))
        cursor = pages[-1].cursor
        if pages[-1].resync_required:
            break
    last = request.requests[-1]
    extra = 0
    while pages[-1].more and not pages[-1].resync_required and extra < MAX_FILE_PAGES:
        pull = SyncRequest(
            protocol=last.protocol,
            batch_id=uuid.uuid4(),
            cursor=cursor,
            page_size=last.page_size,
            clock=last.clock,
        )
        pages.append(exchange(db, caller, pull))
        cursor = pages[-1].cursor
        extra += 1
    answer = FileAnswer(protocol=PROTOCOL_VERSION, cursor=request.requests[0].cursor, pages=pages)
    # A laptop of protocol 3 forbids the field its protocol lacks (its pages carry None).
    absent = {"pages": {"__all__": {"last_seq"}}} if pages[0].last_seq is None else None
    found = identity(db)
    sealed = sf.seal(
        "answer",
        encode(answer, absent),
        server_id=found.server_id,
        team_id=caller.team_id,
        laptop_id=caller.device_id,
        signer=found.signing,
        recipient=X25519PublicKey.from_public_bytes(_raw(opened.box_key)),
    )
    return Imported(
        sealed,
        caller.device_id,
        sum(len(b.changes) for b in request.requests),
        sum(r.status == "rejected" for page in pages for r in page.results),
        sum(len(page.changes) for page in pages),
    )
