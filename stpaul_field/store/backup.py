"""Copies of the store file, made with SQLite's online backup (consistent even mid-write),
rotated, and restored.

Backups are encrypted with the store's own key: a copy is as protected as the original, and
only this laptop's key opens it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from stpaul_field.paths import AppPaths
from stpaul_field.store import cipher
from stpaul_field.store.engine import make_engine
from stpaul_field.store.schema import known_revisions

BACKUP_GLOB = "stpaul-field-*.sqlite3"
_NAME = re.compile(r"^stpaul-field-(\d{8}-\d{6}-\d{6})-(.+)\.sqlite3$")
RESTORE_REASON = "avant-restauration"
DAILY_REASON = "quotidienne"  # the first start of each day: yesterday's work, kept
BEFORE_SYNC_REASON = "avant-synchro"  # what only this laptop holds, before it travels


class BackupUnusable(Exception):
    """A file that cannot be restored; the message is French and nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime  # aware, UTC
    size: int  # bytes
    reason: str  # "manuelle", "quotidienne", "avant-synchro", "avant-migration-…", "avant-chiffrement", …


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")


def backup_store(
    engine: Engine,
    backups: Path,
    key: bytes,
    reason: str = "manuelle",
    keep: int = 10,
    now: dt.datetime | None = None,
) -> Path:
    """An encrypted copy of the open store in `backups`, named after `now` (default: the
    clock); then only the `keep` newest are kept."""
    backups.mkdir(parents=True, exist_ok=True)
    target = backups / f"stpaul-field-{_stamp(now)}-{reason}.sqlite3"
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        dest = cipher.connect(target, key)
        try:
            source.backup(dest)  # type: ignore[union-attr]
        finally:
            dest.close()
    finally:
        raw.close()
    rotate(backups, keep)
    return target


def list_backups(backups: Path) -> list[Path]:
    """Oldest first (the names start with their UTC time)."""
    return sorted(backups.glob(BACKUP_GLOB)) if backups.exists() else []


def describe_backups(backups: Path) -> list[BackupInfo]:
    """Newest first, as the advisor wants to read them."""
    found = []
    for path in reversed(list_backups(backups)):
        try:
            size = path.stat().st_size
        except FileNotFoundError:  # rotated away meanwhile
            continue
        match = _NAME.match(path.name)
        if match:
            made = dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S-%f").replace(tzinfo=dt.UTC)
            reason = match[2]
        else:
            made, reason = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC), ""
        found.append(BackupInfo(path, made, size, reason))
    return found


def made_on(backups: Path, day: dt.date, zone: dt.tzinfo) -> bool:
    """Whether a backup was made on `day` (a local date in `zone`)."""
    return any(info.made_at.astimezone(zone).date() == day for info in describe_backups(backups))


def rotate(backups: Path, keep: int) -> None:
    """Keep the `keep` newest backups (`keep` < 1: keep them all)."""
    old = list_backups(backups)[: -keep or None] if keep > 0 else []
    for path in old:
        path.unlink(missing_ok=True)


def check_backup(path: Path, key: bytes) -> None:
    """Raise BackupUnusable unless `path` is a sound store of this laptop that this version can open."""
    if not path.is_file():
        raise BackupUnusable(f"Sauvegarde introuvable : {path.name}.")
    if cipher.is_plaintext(path):
        raise BackupUnusable("Ce fichier n'est pas une sauvegarde chiffrée de ce poste.")
    try:
        cipher.check_key(path, key)
    except cipher.WrongKey:
        # SQLCipher cannot tell another key from damaged pages: both are refused the same way.
        raise BackupUnusable(
            "La clé de ce poste n'ouvre pas ce fichier : c'est la sauvegarde d'un autre poste, "
            "ou elle est endommagée."
        ) from None
    conn = cipher.connect(path, key)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupUnusable("Cette sauvegarde est endommagée : elle ne peut pas être restaurée.")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "beneficiary", "activity"} <= tables:
            raise BackupUnusable("Ce fichier n'est pas une sauvegarde de stpaul-field.")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.sqlcipher.DatabaseError:
        raise BackupUnusable("Cette sauvegarde est endommagée : elle ne peut pas être restaurée.") from None
    finally:
        conn.close()
    if revision is None or revision[0] not in known_revisions():
        raise BackupUnusable(
            "Cette sauvegarde vient d'une version plus récente de l'application : "
            "mettez l'application à jour avant de la restaurer."
        )


def restore_backup(
    paths: AppPaths, backup: Path, key: bytes, *, keep: int = 10, engine: Engine | None = None
) -> Path | None:
    """Replace the store by `backup`; returns the backup made of the store it replaces (None if
    there was no store).

    `engine`: the open store's engine, disposed before the swap — the caller must make sure
    nothing else uses the store meanwhile, then reopen it. The backup is checked on a copy
    first, so a bad file changes nothing; a power cut at any step leaves either store whole.
    """
    store = paths.store_file
    staging = store.with_name(store.name + ".restauration")
    if not backup.is_file():
        raise BackupUnusable(f"Sauvegarde introuvable : {backup.name}.")
    try:
        shutil.copyfile(backup, staging)
        check_backup(staging, key)
        with staging.open("rb+") as f:
            os.fsync(f.fileno())
    except OSError as error:
        staging.unlink(missing_ok=True)
        raise BackupUnusable(f"Copie de la sauvegarde impossible : {error.strerror}.") from None
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    # Copied first: the rotation that follows may remove the very backup being restored.
    safety = _backup_current(paths, key, keep, engine)
    if engine is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
    # The old store's WAL must never be replayed onto the restored file.
    for suffix in ("-wal", "-shm"):
        Path(str(store) + suffix).unlink(missing_ok=True)
    os.replace(staging, store)
    fsync_dir(store.parent)
    return safety


def _backup_current(paths: AppPaths, key: bytes, keep: int, engine: Engine | None) -> Path | None:
    if engine is not None:
        return backup_store(engine, paths.backups, key, RESTORE_REASON, keep)
    if not paths.store_file.exists():
        return None
    current = make_engine(paths.store_file, key)
    try:
        return backup_store(current, paths.backups, key, RESTORE_REASON, keep)
    except cipher.sqlcipher.DatabaseError:
        # The current store is unreadable (the reason for restoring): keep its bytes as they are.
        paths.backups.mkdir(parents=True, exist_ok=True)
        target = paths.backups / f"stpaul-field-{_stamp()}-{RESTORE_REASON}.sqlite3"
        shutil.copyfile(paths.store_file, target)
        rotate(paths.backups, keep)
        return target
    finally:
        current.dispose()


def fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # not possible on Windows; rename is durable there
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
