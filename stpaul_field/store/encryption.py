"""Encrypting, in place, a store that an earlier version left in clear."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from stpaul_field.paths import AppPaths
from stpaul_field.store import cipher
from stpaul_field.store.backup import BACKUP_GLOB, fsync_dir


def encrypt_plaintext_store(paths: AppPaths, key: bytes) -> None:
    """Replace the clear store (and any clear backup) by encrypted copies.

    Order matters for a power cut at any moment: the encrypted copy is written and checked
    beside the original, an encrypted backup of it is made, and only then does it replace
    the original (an atomic rename), whose leftovers are overwritten and removed.
    """
    store = paths.store_file
    staging = store.with_name(store.name + ".chiffrement")
    cipher.export_encrypted(store, staging, key)
    cipher.check_key(staging, key)
    _same_rows(store, staging, key)
    paths.backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    backup = paths.backups / f"stpaul-field-{stamp}-avant-chiffrement.sqlite3"
    cipher.export_encrypted(staging, backup, key, source_key=key)
    old_wal = [Path(str(store) + suffix) for suffix in ("-wal", "-shm")]
    clear_copy = store.with_name(store.name + ".clair")
    os.replace(store, clear_copy)
    os.replace(staging, store)
    fsync_dir(store.parent)
    cipher.shred(clear_copy)
    for leftover in old_wal:
        cipher.shred(leftover)
    for old_backup in paths.backups.glob(BACKUP_GLOB):
        if cipher.is_plaintext(old_backup):
            encrypted = old_backup.with_name(old_backup.name + ".chiffrement")
            cipher.export_encrypted(old_backup, encrypted, key)
            cipher.shred(old_backup)
            os.replace(encrypted, old_backup)


def _same_rows(plain: Path, encrypted: Path, key: bytes) -> None:
    src = cipher.sqlcipher.connect(str(plain))
    dst = cipher.connect(encrypted, key)
    try:
        tables = [
            r[0]
            for r in src.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'beneficiary_search%'"
            )
        ]
        for table in tables:
            a = src.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            b = dst.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if a != b:
                raise RuntimeError(f"chiffrement du poste : {table} a {a} lignes, la copie {b}")
    finally:
        src.close()
        dst.close()
