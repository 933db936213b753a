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
from stpaul_field.store.cipher import KEY_BYTES, is_plaintext

PASSPHRASE_ENV = "STPAUL_FIELD_PASSPHRASE"
KEYRING_SERVICE = "stpaul-field"
MIN_PASSPHRASE = 8
# scrypt cost of new stores: N = 2**17 (OWASP's minimum), 128 MiB; measured 0.35 s on one idle
# EPYC core, 1.4 s with both cores busy, so under a second on a slow laptop at start (paid
# once per start and per unlock, not per query); 2**18 would take twice as long. Each store
# keeps the N it was made with (`store-key.json`): older stores (2**15) still open.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
LEGACY_SCRYPT_N = 2**15  # the stores and unlock codes made before N was written down


class KeyUnavailable(Exception):
    """No key can be had without asking the advisor (no keyring, no passphrase given)."""


class KeyInfoMissing(Exception):
    """The store exists but `store-key.json` beside it does not: refused, nothing written."""


@dataclass(frozen=True)
class KeyInfo:
    method: str  # "keyring" or "passphrase"
    salt: str = ""  # hex, passphrase only
    account: str = ""  # keyring account name
    n: int = LEGACY_SCRYPT_N  # scrypt's cost, passphrase only

    @classmethod
    def load(cls, path: Path) -> KeyInfo | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            data["method"], data.get("salt", ""), data.get("account", ""), int(data.get("n", LEGACY_SCRYPT_N))
        )

    def save(self, path: Path) -> None:
        """Write the file once: an existing one is never replaced (it names the only key)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.__dict__), encoding="utf-8")
        try:
            os.link(tmp, path)  # fails if the file exists, unlike a rename
        finally:
            tmp.unlink()


def key_info_file(paths: AppPaths) -> Path:
    return paths.data / "store-key.json"


@functools.lru_cache(maxsize=8)
def derive_key(passphrase: str, salt_hex: str, n: int = LEGACY_SCRYPT_N) -> bytes:
    """scrypt of a secret with a salt: a store key, or the hash of an unlock code."""
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=bytes.fromhex(salt_hex),
        n=n,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=2 * 128 * SCRYPT_R * n,  # scrypt needs 128·r·N bytes, and a little more
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
        store = paths.store_file
        if store.exists() and store.stat().st_size > 0 and not is_plaintext(store):
            # An encrypted store: a new salt would make the right passphrase fail for ever.
            # (A clear store of an older version gets its first key, and is encrypted.)
            raise KeyInfoMissing(
                f"Le fichier {info_file.name} manque à côté des données du poste ({info_file.parent}) : "
                "sans lui, la clé des données ne peut pas être retrouvée. Remettez-le en place "
                "(depuis une copie du dossier) ; rien n'a été modifié."
            )
        if not create:
            raise KeyUnavailable("Ce poste n'a pas encore de clé.")
        return _new_key(paths, passphrase)
    if info.method == "passphrase":
        if not passphrase:
            raise KeyUnavailable("La phrase de passe du poste est nécessaire pour l'ouvrir.")
        return derive_key(passphrase, info.salt, info.n)
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
        info = KeyInfo("passphrase", salt=secrets.token_hex(16), n=SCRYPT_N)
        key = derive_key(passphrase, info.salt, info.n)
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
    return secrets.compare_digest(derive_key(passphrase, info.salt, info.n), key)


# ---- the code that unlocks a locked window when the key lives in the keyring ----------


def hash_lock_code(code: str) -> str:
    """'scrypt$N$salt$hash' of an unlock code, to keep in the settings (never the code)."""
    salt = secrets.token_hex(16)
    return f"scrypt${SCRYPT_N}${salt}${derive_key(code, salt, SCRYPT_N).hex()}"


def lock_code_matches(stored: str, code: str) -> bool:
    parts = stored.split("$")
    if len(parts) == 3:  # 'scrypt$salt$hash', before N was written down
        parts.insert(1, str(LEGACY_SCRYPT_N))
    if len(parts) != 4 or parts[0] != "scrypt" or not parts[1].isdigit() or not code:
        return False
    _, n, salt, expected = parts
    return secrets.compare_digest(derive_key(code, salt, int(n)).hex(), expected)
