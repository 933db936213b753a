"""The store's engine: the encrypted SQLite file and its pragmas (no migrations, no backups)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from stpaul_field.records.sql import ENGINE_OPTIONS
from stpaul_field.store import cipher

# A laptop on battery can lose power at any moment: FULL makes every commit durable.
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    # Pages are decrypted as they are read: keep 64 MiB of them decrypted in memory so that
    # search as you type does not pay decryption twice for the same index pages.
    "PRAGMA cache_size=-65536",
    "PRAGMA temp_store=MEMORY",
)


def make_engine(path: Path | str, key: bytes | None) -> Engine:
    """An engine over the encrypted store file (SQLCipher, through the pysqlite dialect).

    `key=None` opens a clear file: only the benchmark of the cost of encryption does that.
    """
    engine = create_engine(f"sqlite:///{path}", module=cipher.sqlcipher, **ENGINE_OPTIONS)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so
        # that migrations' DDL is transactional too.
        dbapi_conn.isolation_level = None
        if key is not None:
            cipher.apply_key(dbapi_conn, key)
        cursor = dbapi_conn.cursor()
        for pragma in PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine
