"""The laptop's keys for sync files (issue 20), and the central record's public ones.

A laptop has two key pairs — Ed25519 signs its request files, X25519 opens the answers meant
for it — made at enrolment, or at the next online sync of a laptop enrolled before sync files
existed. Their public halves are registered with its device on the central record, which
answers its own public keys and id: from then on, files can travel without network. The
private keys live in the store's sync state (encrypted at rest with the store), never in a
file of their own.
"""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy.orm import Session

from stpaul_field.store.database import Store
from stpaul_field.sync import state
from stpaul_field.sync.errors import SyncError
from stpaul_field.sync.protocol import DeviceKeys, ServerKeys
from stpaul_field.sync.sealed_file import key_text

log = logging.getLogger(__name__)

NO_KEYS = (
    "Ce poste n'a pas encore ses clés pour les fichiers de synchronisation : synchronisez-le une "
    "fois en ligne (elles sont faites et enregistrées auprès du registre central à ce moment-là)."
)


class KeyLink(Protocol):
    def register_keys(self, keys: DeviceKeys) -> ServerKeys: ...


@dataclass(frozen=True)
class FileKeys:
    signing: Ed25519PrivateKey
    box: X25519PrivateKey
    server: ServerKeys | None  # None until registered with the central record

    def device_keys(self) -> DeviceKeys:
        return DeviceKeys(
            signing_key=key_text(self.signing.public_key()), box_key=key_text(self.box.public_key())
        )

    @property
    def server_signing(self) -> bytes:
        assert self.server is not None
        return base64.b64decode(self.server.signing_key)

    @property
    def server_box(self) -> X25519PublicKey:
        assert self.server is not None
        return X25519PublicKey.from_public_bytes(base64.b64decode(self.server.box_key))


def load(session: Session) -> FileKeys | None:
    text = state.get(session, state.FILE_KEYS)
    if text is None:
        return None
    data = json.loads(text)
    return FileKeys(
        Ed25519PrivateKey.from_private_bytes(base64.b64decode(data["signing"])),
        X25519PrivateKey.from_private_bytes(base64.b64decode(data["box"])),
        None if data.get("server") is None else ServerKeys.model_validate(data["server"]),
    )


def _save(session: Session, keys: FileKeys) -> None:
    data = {
        "signing": key_text(keys.signing),
        "box": key_text(keys.box),
        "server": None if keys.server is None else keys.server.model_dump(mode="json"),
    }
    state.put(session, state.FILE_KEYS, json.dumps(data))


def registered(store: Store) -> FileKeys:
    """This laptop's keys, registered; a SyncError (French) if it has none yet."""
    with store.reader() as session:
        keys = load(session)
    if keys is None or keys.server is None:
        raise SyncError(NO_KEYS)
    return keys


def register(store: Store, link: KeyLink) -> FileKeys:
    """Make this laptop's keys if it has none, and register them (again) with the central record."""
    with store.session() as session:
        keys = load(session)
        if keys is None:
            keys = FileKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), None)
            _save(session, keys)  # before they are sent: a lost answer registers the same keys
    server = link.register_keys(keys.device_keys())
    keys = FileKeys(keys.signing, keys.box, server)
    with store.session() as session:
        _save(session, keys)
    return keys


def ensure_registered(store: Store, link: object, enrolling: bool = False) -> None:
    """Register the keys of a laptop that has none registered yet (at the end of an online
    sync), or always (`enrolling`: a new device, perhaps of another central record).

    Never fails the sync or the enrolment: a central record not yet updated (no such route) or
    a link that cannot register keys leaves the laptop without sync files until a later sync."""
    with store.session() as session:
        keys = load(session)
        if enrolling and keys is not None and keys.server is not None:
            keys = FileKeys(keys.signing, keys.box, None)
            _save(session, keys)  # the previous record's keys are no longer this device's
    if keys is not None and keys.server is not None:
        return
    if not hasattr(link, "register_keys"):  # a test's stand-in for the transport
        return
    try:
        register(store, link)  # type: ignore[arg-type]
    except SyncError as error:
        log.info("sync file keys not registered: %s", type(error).__name__)
