"""The sync exchange as a file, carried on a USB key: encrypted for its reader, signed by its writer.

A request file (a laptop's outbox and cursor) is encrypted for the central record and signed
by the laptop; an answer file (the results and the team's changes) is encrypted for that
laptop and signed by the central record. Whoever carries the file reads nothing and can
change nothing without the file being refused. Layout (big-endian):

    magic (8) | format version (1) | header length (2) | body length (4)
    header: JSON — kind, server id, team id, laptop id, signer's Ed25519 public key,
            the writer's one-time X25519 public key, the AEAD nonce, file id, time
    body:   ChaCha20-Poly1305 ciphertext of the payload, the prefix and header as associated data
    signature (64): Ed25519 over everything before it

The body's key is HKDF-SHA256 of an X25519 exchange between a one-time key and the
reader's public key (an ECIES): only the reader's private key opens it. Nothing here is
home-made but the layout; the primitives are the `cryptography` package's.

`read_header` checks the structure and that the file is intact (the signature by the key
its header names); `open_sealed` then checks who signed it and for whom it is, and decrypts.
Every refusal is a `SealedFileError` with a French message for an advisor.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import struct
import uuid
from dataclasses import dataclass
from typing import Literal

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"STPAULSF"
FORMAT_VERSION = 1
_PREFIX = struct.Struct(">8sBHI")
SIGNATURE_BYTES = 64
MAX_HEADER_BYTES = 4096
SUFFIX = ".stpaul-sync"
MEDIA_TYPE = "application/vnd.stpaul-field.sync-file"  # a whole file, relayed over HTTPS

Kind = Literal["request", "answer"]

NOT_A_SYNC_FILE = "Ce fichier n'est pas un fichier de synchronisation de stpaul-field."
TOO_NEW = (
    "Ce fichier de synchronisation a été écrit par une version plus récente de l'application : "
    "mettez-la à jour pour le lire."
)
TRUNCATED = (
    "Ce fichier de synchronisation est incomplet (la copie a été interrompue ?) : rien n'a été "
    "appliqué. Écrivez-le ou copiez-le à nouveau."
)
TAMPERED = (
    "Ce fichier de synchronisation a été modifié ou abîmé depuis qu'il a été écrit : il est refusé "
    "et rien n'a été appliqué."
)
OTHER_SERVER = (
    "Ce fichier de synchronisation appartient à un autre registre central : il est refusé et rien "
    "n'a été appliqué."
)
OTHER_TEAM = (
    "Ce fichier de synchronisation appartient à une autre équipe : il est refusé et rien n'a été appliqué."
)
OTHER_SIGNER = (
    "Ce fichier de synchronisation n'est pas signé par le poste qu'il nomme (signé à nouveau par "
    "un autre poste ?) : il est refusé et rien n'a été appliqué."
)
NOT_FROM_SERVER = (
    "Cette réponse n'est pas signée par le registre central de ce poste : elle est refusée et rien "
    "n'a été appliqué."
)
OTHER_LAPTOP = (
    "Cette réponse est destinée à un autre poste : elle est refusée et rien n'a été appliqué. "
    "Donnez-la au poste qui a écrit la demande."
)
WRONG_KIND = {
    "request": "Ce fichier est une réponse du registre central, pas une demande de synchronisation.",
    "answer": "Ce fichier est une demande de synchronisation, pas une réponse du registre central.",
}


class SealedFileError(Exception):
    """A file refused; `message` says why, in French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Header:
    kind: Kind
    server_id: uuid.UUID
    team_id: uuid.UUID
    laptop_id: uuid.UUID  # a request's writer, an answer's reader
    signer: bytes  # the Ed25519 public key that signed the file (raw, 32 bytes)
    file_id: uuid.UUID
    created_at: dt.datetime


def file_name(kind: Kind, laptop_id: uuid.UUID, at: dt.datetime) -> str:
    """« demande-3f9c2a-20261203-101500.stpaul-sync »: whose (the laptop id's end), when (UTC)."""
    word = "demande" if kind == "request" else "reponse"
    return f"{word}-{str(laptop_id)[-6:]}-{at.astimezone(dt.UTC):%Y%m%d-%H%M%S}{SUFFIX}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def public_bytes(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def private_bytes(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def key_text(key: Ed25519PublicKey | X25519PublicKey | Ed25519PrivateKey | X25519PrivateKey) -> str:
    """A key as base64 of its raw bytes (how keys are kept and sent)."""
    if isinstance(key, Ed25519PrivateKey | X25519PrivateKey):
        return _b64(private_bytes(key))
    return _b64(public_bytes(key))


def _body_key(kind: Kind, shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    info = b"stpaul-field sync file v1|" + kind.encode() + ephemeral + recipient
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal(
    kind: Kind,
    payload: bytes,
    *,
    server_id: uuid.UUID,
    team_id: uuid.UUID,
    laptop_id: uuid.UUID,
    signer: Ed25519PrivateKey,
    recipient: X25519PublicKey,
    now: dt.datetime | None = None,
) -> bytes:
    """The payload encrypted for `recipient` and signed by `signer`, as a file's bytes."""
    one_time = X25519PrivateKey.generate()
    ephemeral = public_bytes(one_time.public_key())
    key = _body_key(kind, one_time.exchange(recipient), ephemeral, public_bytes(recipient))
    nonce = os.urandom(12)
    header = json.dumps(
        {
            "kind": kind,
            "server_id": str(server_id),
            "team_id": str(team_id),
            "laptop_id": str(laptop_id),
            "signer": _b64(public_bytes(signer.public_key())),
            "ephemeral": _b64(ephemeral),
            "nonce": _b64(nonce),
            "file_id": str(uuid.uuid4()),
            "created_at": (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(),
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    body_len = len(payload) + 16  # the AEAD's tag
    head = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(header), body_len) + header
    body = ChaCha20Poly1305(key).encrypt(nonce, payload, head)
    signed = head + body
    return signed + signer.sign(signed)


@dataclass(frozen=True)
class _Parsed:
    header: Header
    head: bytes  # prefix + header: the body's associated data
    body: bytes
    ephemeral: bytes
    nonce: bytes


def _parse(data: bytes) -> _Parsed:
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise SealedFileError(NOT_A_SYNC_FILE)
    if len(data) < _PREFIX.size:
        raise SealedFileError(TRUNCATED)
    _, version, header_len, body_len = _PREFIX.unpack_from(data)
    if version > FORMAT_VERSION:
        raise SealedFileError(TOO_NEW)
    if version != FORMAT_VERSION or header_len > MAX_HEADER_BYTES:
        raise SealedFileError(TAMPERED)
    end = _PREFIX.size + header_len + body_len
    if len(data) < end + SIGNATURE_BYTES:
        raise SealedFileError(TRUNCATED)
    if len(data) > end + SIGNATURE_BYTES:
        raise SealedFileError(TAMPERED)
    signed, signature = data[:end], data[end:]
    try:
        fields = json.loads(data[_PREFIX.size : _PREFIX.size + header_len])
        signer = _unb64(fields["signer"])
        Ed25519PublicKey.from_public_bytes(signer).verify(signature, signed)
        header = Header(
            kind=fields["kind"],
            server_id=uuid.UUID(fields["server_id"]),
            team_id=uuid.UUID(fields["team_id"]),
            laptop_id=uuid.UUID(fields["laptop_id"]),
            signer=signer,
            file_id=uuid.UUID(fields["file_id"]),
            created_at=dt.datetime.fromisoformat(fields["created_at"]),
        )
        ephemeral, nonce = _unb64(fields["ephemeral"]), _unb64(fields["nonce"])
    except (InvalidSignature, ValueError, KeyError, TypeError, AttributeError):
        raise SealedFileError(TAMPERED) from None
    if header.kind not in ("request", "answer"):
        raise SealedFileError(TAMPERED)
    start = _PREFIX.size + header_len
    return _Parsed(header, data[:start], data[start:end], ephemeral, nonce)


def read_header(data: bytes) -> Header:
    """The header of an intact sync file (signed by the key it names); SealedFileError otherwise."""
    return _parse(data).header


def open_sealed(
    data: bytes,
    *,
    kind: Kind,
    server_id: uuid.UUID,
    team_id: uuid.UUID,
    signer: bytes,
    reader: X25519PrivateKey,
    laptop_id: uuid.UUID | None = None,
) -> tuple[Header, bytes]:
    """Check a file of `kind` for this server and team, signed by `signer` (raw public key),
    for `laptop_id` when given (an answer's reader), and decrypt it with `reader`'s key."""
    parsed = _parse(data)
    header = parsed.header
    if header.kind != kind:
        raise SealedFileError(WRONG_KIND[kind])
    if header.server_id != server_id:
        raise SealedFileError(OTHER_SERVER)
    if header.team_id != team_id:
        raise SealedFileError(OTHER_TEAM)
    if header.signer != signer:
        raise SealedFileError(OTHER_SIGNER if kind == "request" else NOT_FROM_SERVER)
    if laptop_id is not None and header.laptop_id != laptop_id:
        raise SealedFileError(OTHER_LAPTOP)
    recipient = public_bytes(reader.public_key())
    try:
        shared = reader.exchange(X25519PublicKey.from_public_bytes(parsed.ephemeral))
        key = _body_key(kind, shared, parsed.ephemeral, recipient)
        payload = ChaCha20Poly1305(key).decrypt(parsed.nonce, parsed.body, parsed.head)
    except (InvalidTag, ValueError):  # ValueError: a key of the wrong size or of low order
        raise SealedFileError(TAMPERED) from None
    return header, payload
