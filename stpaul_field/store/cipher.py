"""SQLCipher connections: the store file is encrypted at rest with a 256-bit raw key.

A raw key (not a passphrase) means no key derivation at each open: opening stays fast;
the key itself comes from the OS keyring or from the advisor's passphrase (`store.keys`).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

PLAINTEXT_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32


class WrongKey(Exception):
    """The key does not open this store (wrong passphrase, or another laptop's file)."""


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a store key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(dbapi_conn: Any, key: bytes) -> None:
    """Key a fresh connection; must be its very first statement."""
    cursor = dbapi_conn.cursor()
    cursor.execute(key_pragma(key))
    cursor.close()


def connect(path: Path | str, key: bytes) -> Any:
    conn = sqlcipher.connect(str(path))
    conn.isolation_level = None
    apply_key(conn, key)
    return conn


def is_plaintext(path: Path) -> bool:
    """True for an ordinary (unencrypted) SQLite file."""
    try:
        with path.open("rb") as f:
            return f.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER
    except FileNotFoundError:
        return False


def check_key(path: Path, key: bytes) -> None:
    """Raise WrongKey unless `key` opens the file at `path`."""
    conn = connect(path, key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as error:
        raise WrongKey("la clé ne permet pas d'ouvrir ce poste") from error
    finally:
        conn.close()


def export_encrypted(source: Path, target: Path, key: bytes, source_key: bytes | None = None) -> None:
    """Write an encrypted copy of `source` (plaintext if `source_key` is None) to `target`."""
    target.unlink(missing_ok=True)
    conn = sqlcipher.connect(str(source))
    conn.isolation_level = None
    try:
        if source_key is not None:
            apply_key(conn, source_key)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    with target.open("rb+") as f:
        os.fsync(f.fileno())


def shred(path: Path) -> None:
    """Overwrite then remove a file that held personal data in clear (best effort on SSDs)."""
    with contextlib.suppress(FileNotFoundError):
        size = path.stat().st_size
        with path.open("rb+") as f:
            f.write(b"\0" * size)
            f.flush()
            os.fsync(f.fileno())
        path.unlink()


def export_plaintext(source: Path, target: Path, key: bytes) -> None:
    """A clear copy of an encrypted store — for the benchmark of encryption's cost only."""
    target.unlink(missing_ok=True)
    conn = connect(source, key)
    try:
        conn.execute("ATTACH DATABASE ? AS clear KEY ''", (str(target),))
        conn.execute("SELECT sqlcipher_export('clear')")
        conn.execute("DETACH DATABASE clear")
    finally:
        conn.close()
