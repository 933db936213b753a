"""The key of the encrypted store: random and kept in the OS keyring, or derived from a passphrase.

What is remembered next to the store (`store-key.json`) says which of the two, never the key.
A passphrase comes from the caller (the app's dialog, a terminal prompt) or, for scripts,
from the environment variable STPAUL_FIELD_PASSPHRASE.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from stpaul_field.paths import AppPaths
from stpaul_field.store.cipher import KEY_BYTES

PASSPHRASE_ENV = "STPAUL_FIELD_PASSPHRASE"
KEYRING_SERVICE = "stpaul-field"
MIN_PASSPHRASE = 8
# scrypt cost: ~0.1 s and 32 MiB on a small laptop; paid once per start, not per query.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class KeyUnavailable(Exception):
    """No key can be had without asking the advisor (no keyring, no passphrase given)."""


@dataclass(frozen=True)
class KeyInfo:
    method: str  # "keyring" or "passphrase"
    salt: str = ""  # hex, passphrase only
    account: str = ""  # keyring account name

    @classmethod
    def load(cls, path: Path) -> KeyInfo | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["method"], data.get("salt", ""), data.get("account", ""))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.__dict__), encoding="utf-8")
        os.replace(tmp, path)


def key_info_file(paths: AppPaths) -> Path:
    return paths.data / "store-key.json"


@functools.lru_cache(maxsize=8)
def derive_key(passphrase: str, salt_hex: str) -> bytes:
    """scrypt of a secret with a salt: a store key, or the hash of an unlock code."""
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=bytes.fromhex(salt_hex),
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=64 * 1024 * 1024,
        dklen=KEY_BYTES,
    )


def system_keyring():  # type: ignore[no-untyped-def]
    """The OS keyring, or None where none works (headless Linux, CI)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return None
        return backend
    except Exception:  # a broken D-Bus session must not stop the app: fall back to a passphrase
        return None


def keyring_available() -> bool:
    return system_keyring() is not None


def resolve_key(paths: AppPaths, passphrase: str | None = None, create: bool = True) -> bytes:
    """The store's key; for a new store, make one (keyring first, else the passphrase).

    Raises KeyUnavailable when a passphrase is needed and none was given.
    """
    passphrase = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV)
    info_file = key_info_file(paths)
    info = KeyInfo.load(info_file)
    if info is None:
        if not create:
            raise KeyUnavailable("Ce poste n'a pas encore de clé.")
        return _new_key(paths, passphrase)
    if info.method == "passphrase":
        if not passphrase:
            raise KeyUnavailable("La phrase de passe du poste est nécessaire pour l'ouvrir.")
        return derive_key(passphrase, info.salt)
    backend = system_keyring()
    if backend is None:
        raise KeyUnavailable("Le trousseau du système est indisponible : impossible de lire la clé du poste.")
    stored = backend.get_password(KEYRING_SERVICE, info.account)
    if not stored:
        raise KeyUnavailable("La clé du poste est introuvable dans le trousseau du système.")
    return bytes.fromhex(stored)


def _new_key(paths: AppPaths, passphrase: str | None) -> bytes:
    if passphrase:
        if len(passphrase) < MIN_PASSPHRASE:
            raise KeyUnavailable(f"La phrase de passe doit compter au moins {MIN_PASSPHRASE} caractères.")
        info = KeyInfo("passphrase", salt=secrets.token_hex(16))
        key = derive_key(passphrase, info.salt)
        info.save(key_info_file(paths))
        return key
    backend = system_keyring()
    if backend is None:
        raise KeyUnavailable(
            "Aucun trousseau système disponible : choisissez une phrase de passe pour protéger le poste."
        )
    info = KeyInfo("keyring", account=f"store-key-{secrets.token_hex(8)}")
    key = secrets.token_bytes(KEY_BYTES)
    backend.set_password(KEYRING_SERVICE, info.account, key.hex())
    info.save(key_info_file(paths))
    return key


def store_uses_passphrase(paths: AppPaths) -> bool:
    info = KeyInfo.load(key_info_file(paths))
    return info is not None and info.method == "passphrase"


def passphrase_opens(paths: AppPaths, passphrase: str, key: bytes) -> bool:
    """True if `passphrase` derives this store's key (unlocking a locked window)."""
    info = KeyInfo.load(key_info_file(paths))
    if info is None or info.method != "passphrase" or not passphrase:
        return False
    return secrets.compare_digest(derive_key(passphrase, info.salt), key)


# ---- the code that unlocks a locked window when the key lives in the keyring ----------


def hash_lock_code(code: str) -> str:
    """'scrypt$salt$hash' of an unlock code, to keep in the settings (never the code)."""
    salt = secrets.token_hex(16)
    return f"scrypt${salt}${derive_key(code, salt).hex()}"


def lock_code_matches(stored: str, code: str) -> bool:
    try:
        scheme, salt, expected = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt" or not code:
        return False
    return secrets.compare_digest(derive_key(code, salt).hex(), expected)
