"""SQLAlchemy models of the central record (server only; the laptops' store has its own).

Records are stored as JSON documents, one row per (entity, id): `fields` holds the record
in its wire form (exactly what `RecordState.fields` carries), `field_seqs` and
`field_stamps` remember per field the change sequence value and the HLC stamp of the write
that last set it (`field_devices`: the device that made it), and `seq` (= the record's
version) is the sequence value of its last accepted write. One table for every synced
entity keeps the pull a single indexed range scan on `seq`, whatever the entity. The
schema is owned by the Alembic migrations in `server/migrations/`; a test checks that these
models and the migrated schema agree.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Uuid, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from stpaul_field.domain.clock import utcnow
from stpaul_field.domain.ids import new_id
from stpaul_field.records.sql import UTCDateTime

# JSON text on both databases (never JSONB): nothing queries inside a document, and the pull
# splices the stored text into its response as it is, without converting it.
Document = JSON()
# 64-bit ids; SQLite needs INTEGER for an auto-incremented rowid.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime,
        uuid.UUID: Uuid(),
        dict[str, Any]: Document,
    }


class Team(Base):
    __tablename__ = "team"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Account(Base):
    """The credentials of an advisor; the advisor's profile itself is an `advisor` record."""

    __tablename__ = "account"

    advisor_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("team.id"))
    login: Mapped[str] = mapped_column(String(100), unique=True)  # folded to lower case
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    password_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Device(Base):
    """An enrolled laptop. Only the SHA-256 of its token is kept (the token is 256 random bits)."""

    __tablename__ = "device"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    advisor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.advisor_id"))
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("team.id"))
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    revoked_by: Mapped[uuid.UUID | None] = mapped_column(default=None)
    # Its public keys for sync files (base64, raw): Ed25519 checks its files' signatures,
    # X25519 encrypts its answers. None until it registers them (`server.sync_files`).
    signing_key: Mapped[str | None] = mapped_column(String(64), default=None)
    box_key: Mapped[str | None] = mapped_column(String(64), default=None)

    __table_args__ = (Index("ix_device_team", "team_id"),)


class ServerKey(Base):
    """The central record's own key pairs for sync files (private, base64 raw), made once.

    In the database, beside the records they protect: whoever reads this table reads the
    records in clear anyway, and every worker and machine shares one identity."""

    __tablename__ = "server_key"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    server_id: Mapped[uuid.UUID]  # names this central record in every sync file's header
    signing_key: Mapped[str] = mapped_column(String(64))  # Ed25519, signs answers
    box_key: Mapped[str] = mapped_column(String(64))  # X25519, opens requests
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Record(Base):
    __tablename__ = "record"

    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    # None: shared by every team (Saint-Paul's reference venues).
    team_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    fields: Mapped[dict[str, Any]]
    field_seqs: Mapped[dict[str, Any]]
    field_stamps: Mapped[dict[str, Any]]
    # Per field, the device whose write set it ("" for the admin CLI): a device's later edit of
    # its own value is never a conflict with itself.
    field_devices: Mapped[dict[str, Any]] = mapped_column(server_default="{}")

    # The pull: "records of my team (or shared) with seq > cursor, by seq".
    __table_args__ = (Index("ix_record_team_seq", "team_id", "seq"),)


class Counter(Base):
    """The change sequence. Only advanced under the write lock (see `db.Database.writer`)."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AppliedBatch(Base):
    """A batch already applied: a replay answers with the same results and applies nothing."""

    __tablename__ = "applied_batch"

    batch_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    device_id: Mapped[uuid.UUID]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    results: Mapped[dict[str, Any]]  # {"results": [OpResult as JSON, …]}

    # An operation pushed again in another batch: its first results, found by the journal's
    # device and time (`server.batch`).
    __table_args__ = (Index("ix_applied_batch_device_at", "device_id", "created_at"),)


class Journal(Base):
    """Append-only audit trail of accepted writes: who, which device, what, when.

    Identifiers and an operation kind only, never a field value: no personal data here.
    Database triggers (see the migration) refuse UPDATE and DELETE. A pushed operation's row
    (its `op_id`, unique) is also how a later push of the same operation is known to be a
    duplicate (`server.batch`), with the version it got (`seq`).
    """

    __tablename__ = "journal"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    seq: Mapped[int | None] = mapped_column(BigInteger, default=None)
    advisor_id: Mapped[uuid.UUID | None] = mapped_column(default=None)  # None: the admin CLI
    device_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    entity: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[uuid.UUID]
    op: Mapped[str] = mapped_column(String(20))  # create, update, delete, restore, enrol, revoke
    op_id: Mapped[uuid.UUID | None] = mapped_column(default=None)

    __table_args__ = (
        Index("ix_journal_record", "entity", "record_id"),
        Index(
            "ix_journal_op",
            "op_id",
            unique=True,
            postgresql_where=text("op_id IS NOT NULL"),
            sqlite_where=text("op_id IS NOT NULL"),
        ),
    )


class ConflictLog(Base):
    """A value that lost a real conflict on the server, kept so that it can be restored."""

    __tablename__ = "conflict_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    seq: Mapped[int] = mapped_column(BigInteger)
    entity: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[uuid.UUID]
    field: Mapped[str] = mapped_column(String(60))
    kept: Mapped[Any] = mapped_column(Document, nullable=True)
    lost: Mapped[Any] = mapped_column(Document, nullable=True)
    kept_stamp: Mapped[str] = mapped_column(String(80))
    lost_stamp: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[uuid.UUID | None] = mapped_column(default=None)  # the device that pushed
    # The record's team (None: shared), so that a team's laptops pull its conflicts like its records.
    team_id: Mapped[uuid.UUID | None] = mapped_column(default=None)

    __table_args__ = (
        Index("ix_conflict_log_record", "entity", "record_id"),
        # The pull: "conflicts of my team with seq in the page's window, by seq".
        Index("ix_conflict_log_team_seq", "team_id", "seq"),
    )


class LoginThrottle(Base):
    """Failed logins per login name and per client address, shared by every worker."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    window_start: Mapped[dt.datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
