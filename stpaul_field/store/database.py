"""Opening the local store: key, encryption of an old clear file, migrations, first-start data."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from stpaul_field.domain.values import TIME_ZONE
from stpaul_field.paths import AppPaths
from stpaul_field.store import backup, bulk_indexes, cipher, migrate, outbox
from stpaul_field.store.encryption import encrypt_plaintext_store
from stpaul_field.store.engine import make_engine
from stpaul_field.store.keys import resolve_key
from stpaul_field.store.reference import ensure_first_start


class Store:
    """The laptop's store: one SQLite file, sessions that write their own outbox."""

    def __init__(
        self, engine: Engine, key: bytes, paths: AppPaths | None = None, backups_kept: int = 10
    ) -> None:
        self.engine = engine
        self.key = key
        self.paths = paths
        self.backups_kept = backups_kept
        self.sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        outbox.install(self.sessions)

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        key: bytes | None = None,
        passphrase: str | None = None,
        upgrade: bool = True,
        first_start: bool = True,
        backups_kept: int = 10,
    ) -> Store:
        """Open (or create) the laptop's store.

        The key comes from `key`, else the keyring or the passphrase (`store.keys`); raises
        `KeyUnavailable` if a passphrase is needed, `cipher.WrongKey` if it is wrong.
        A store left unencrypted by an older version is encrypted first (see `encryption`).
        `backups_kept`: how many backups rotation keeps (the caller passes the laptop's setting,
        `settings.store_options`: the store never reads the settings file itself).
        """
        paths.ensure()
        key = key if key is not None else resolve_key(paths, passphrase)
        if cipher.is_plaintext(paths.store_file):
            encrypt_plaintext_store(paths, key)
        if paths.store_file.exists():
            cipher.check_key(paths.store_file, key)
        engine = make_engine(paths.store_file, key)
        if upgrade:
            bulk_indexes.rebuild(engine)  # a first sync killed before it built them again
            migrate.upgrade(engine, paths.backups, key, keep=backups_kept)
        store = cls(engine, key, paths, backups_kept)
        if upgrade:  # a store at its schema (one opened as it is may hold no table yet)
            store.refresh_statistics(force=False)
        if first_start:
            ensure_first_start(store.sessions)
        return store

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed if the block ends normally, rolled back otherwise."""
        with self.sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def reader(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def backup_now(self, reason: str = "manuelle", now: dt.datetime | None = None) -> Path:
        """An encrypted backup in the backups directory, then rotation."""
        assert self.paths is not None, "a store opened without its paths has no backups directory"
        return backup.backup_store(self.engine, self.paths.backups, self.key, reason, self.backups_kept, now)

    def backup_daily(self, now: dt.datetime | None = None) -> Path | None:
        """The day's backup, made at the first opening of each day (Réunion time); None if one
        was already made today or the store has no backups directory."""
        if self.paths is None:
            return None
        zone = ZoneInfo(TIME_ZONE)
        now = now or dt.datetime.now(dt.UTC)
        if backup.made_on(self.paths.backups, now.astimezone(zone).date(), zone):
            return None
        return self.backup_now(backup.DAILY_REASON, now)

    def restore(self, backup_file: Path) -> Path | None:
        """Replace the store's file by `backup_file` and reopen it here; returns the backup made of
        the replaced store. Nothing else may use the store meanwhile (the caller sees to it).

        Raises `backup.BackupUnusable` (French message, nothing changed) for a bad file.
        """
        assert self.paths is not None, "a store opened without its paths cannot be restored"
        safety = backup.restore_backup(
            self.paths, backup_file, self.key, keep=self.backups_kept, engine=self.engine
        )
        engine = make_engine(self.paths.store_file, self.key)
        # A backup from before a schema change is brought up to date, like any old store.
        bulk_indexes.rebuild(engine)
        migrate.upgrade(engine, self.paths.backups, self.key, keep=self.backups_kept)
        self.engine = engine
        self.sessions.configure(bind=engine)
        return safety

    def refresh_statistics(self, force: bool = True) -> None:
        """ANALYZE, so that SQLite's planner knows the tables' sizes; unless `force`, only
        when the participations have none yet (a store made before, or just filled).

        Without statistics the planner took a report's « new people » look-up through a scan
        of every participation per person: minutes at 230,000 participations, against half a
        second with them (issue 22). About a second at that size; the store opens off the UI
        thread, and a first sync calls it once its pull is done."""
        with self.engine.begin() as conn:
            known = (
                conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
                and conn.exec_driver_sql("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'participation'").first()
            )
            has_rows = conn.exec_driver_sql("SELECT 1 FROM participation LIMIT 1").first()
            if force or (has_rows and not known):
                conn.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        self.engine.dispose()
