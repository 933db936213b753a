"""Copies of the store file, made with SQLite's online backup (consistent even mid-write).

Backups are encrypted with the store's own key: a copy is as protected as the original.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine

from stpaul_field.store import cipher

BACKUP_GLOB = "stpaul-field-*.sqlite3"


def backup_store(
    engine: Engine, backups: Path, key: bytes, reason: str = "manuelle", keep: int = 10
) -> Path:
    backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"stpaul-field-{stamp}-{reason}.sqlite3"
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
    return sorted(backups.glob(BACKUP_GLOB)) if backups.exists() else []


def rotate(backups: Path, keep: int) -> None:
    """Keep the `keep` newest backups."""
    old = list_backups(backups)[: -keep or None] if keep > 0 else []
    for path in old:
        path.unlink(missing_ok=True)
