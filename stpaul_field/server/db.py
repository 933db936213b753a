"""Engines and transactions of the central record, on SQLite or PostgreSQL.

Every transaction that assigns change-sequence values runs under one write lock, held
until it commits: a PostgreSQL transaction-level advisory lock, or SQLite's own write lock
(`BEGIN IMMEDIATE`). Writes therefore commit in sequence order, and a reader can never
see a sequence value while a smaller one is still invisible: a pull cursor cannot skip a
change committed by a concurrent transaction. (PostgreSQL makes a commit visible before
it releases the transaction's locks, so the next writer's values always come after.)
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from stpaul_field.records.sql import ENGINE_OPTIONS
from stpaul_field.server import jsontext

# Any constant shared by every worker; "stpaul" on a phone keypad.
WRITE_LOCK_KEY = 7872850
_TAKE_WRITE_LOCK = text("SELECT pg_advisory_xact_lock(:k)")

# The documents' JSON columns read and written by the faster codec (see `jsontext`).
_JSON_CODEC: dict[str, Any] = {"json_serializer": jsontext.dumps, "json_deserializer": jsontext.loads}

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",
)


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(
        url, pool_size=10, max_overflow=20, pool_timeout=60, **ENGINE_OPTIONS, **_JSON_CODEC
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # SQLAlchemy, not the sqlite3 module, decides where transactions begin.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine


def is_postgres_url(url: str) -> bool:
    return url.startswith("postgresql")


class Database:
    """The record's engines and sessions; one per process (per uvicorn worker)."""

    def __init__(self, url: str, pool_size: int = 10) -> None:
        self.url = url
        self.is_postgres = is_postgres_url(url)
        if self.is_postgres:
            self.engine = create_engine(
                url,
                pool_size=pool_size,
                max_overflow=pool_size,
                pool_pre_ping=True,
                pool_timeout=60,
                **ENGINE_OPTIONS,
                **_JSON_CODEC,
            )
            self.write_engine = self.engine
        elif url.startswith("sqlite"):
            # Writers take SQLite's write lock at BEGIN, so they queue on busy_timeout instead
            # of failing when a read transaction tries to become a write one.
            self.engine = _sqlite_engine(url, "BEGIN")
            self.write_engine = _sqlite_engine(url, "BEGIN IMMEDIATE")
        else:
            raise ValueError(
                "Base de données non prise en charge : utilisez sqlite:// ou postgresql+psycopg://"
            )
        self._held: contextvars.ContextVar[Connection | None] = contextvars.ContextVar("held", default=None)
        self._readers = sessionmaker(self.engine, expire_on_commit=False)
        self._writers = sessionmaker(self.write_engine, expire_on_commit=False)

    @contextlib.contextmanager
    def one_connection(self) -> Iterator[None]:
        """Run the block's transactions (`writer()`, `session()`, in this thread) one after
        the other on one pooled connection, on PostgreSQL: one checkout and liveness ping for
        a sync exchange's three transactions instead of three (bench sync-many: ~0.7 ms of
        CPU a sync). On SQLite readers and writers begin differently: nothing changes."""
        if not self.is_postgres or self._held.get() is not None:
            yield
            return
        with self.engine.connect() as connection:
            token = self._held.set(connection)
            try:
                yield
            finally:
                self._held.reset(token)

    @contextlib.contextmanager
    def writer(self, sequenced: bool = True) -> Iterator[Session]:
        """A writing transaction, committed at the end of the block.

        `sequenced`: it assigns change-sequence values, so it holds the write lock on
        PostgreSQL too (bookkeeping such as a device's last-seen time does not).
        """
        held = self._held.get()
        session = self._writers() if held is None else self._writers(bind=held)
        with session, session.begin():
            if self.is_postgres and sequenced:
                session.execute(_TAKE_WRITE_LOCK, {"k": WRITE_LOCK_KEY})
            yield session

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A read transaction (on SQLite it must not write: use `writer(sequenced=False)`)."""
        held = self._held.get()
        session = self._readers() if held is None else self._readers(bind=held)
        with session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
        if self.write_engine is not self.engine:
            self.write_engine.dispose()
