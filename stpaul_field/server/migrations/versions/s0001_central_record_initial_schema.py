"""Central record: initial schema (accounts, devices, records, journal, idempotency)

Revision ID: s0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the model's column types: a migration never follows later model edits.
DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
BIGID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime()  # naive UTC, as models.UTCDateTime stores it


def upgrade() -> None:
    op.create_table(
        "team",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "account",
        sa.Column("advisor_id", sa.Uuid(), primary_key=True),
        sa.Column("team_id", sa.Uuid(), sa.ForeignKey("team.id"), nullable=False),
        sa.Column("login", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("password_changed_at", TS, nullable=False),
    )
    op.create_table(
        "device",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("advisor_id", sa.Uuid(), sa.ForeignKey("account.advisor_id"), nullable=False),
        sa.Column("team_id", sa.Uuid(), sa.ForeignKey("team.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("last_seen_at", TS, nullable=True),
        sa.Column("revoked_at", TS, nullable=True),
        sa.Column("revoked_by", sa.Uuid(), nullable=True),
    )
    op.create_index("ix_device_team", "device", ["team_id"])
    op.create_table(
        "record",
        sa.Column("entity", sa.String(20), primary_key=True),
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=False, unique=True),
        sa.Column("fields", DOC, nullable=False),
        sa.Column("field_seqs", DOC, nullable=False),
        sa.Column("field_stamps", DOC, nullable=False),
    )
    op.create_index("ix_record_team_seq", "record", ["team_id", "seq"])
    op.create_table(
        "counter",
        sa.Column("name", sa.String(20), primary_key=True),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )
    op.execute("INSERT INTO counter (name, value) VALUES ('change_seq', 0)")
    op.create_table(
        "applied_batch",
        sa.Column("batch_id", sa.Uuid(), primary_key=True),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("results", DOC, nullable=False),
    )
    op.create_table(
        "applied_op",
        sa.Column("op_id", sa.Uuid(), primary_key=True),
        sa.Column("advisor_id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "journal",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("at", TS, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column("advisor_id", sa.Uuid(), nullable=True),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("op", sa.String(20), nullable=False),
        sa.Column("op_id", sa.Uuid(), nullable=True),
    )
    op.create_index("ix_journal_record", "journal", ["entity", "record_id"])
    op.create_table(
        "conflict_log",
        sa.Column("id", BIGID, primary_key=True, autoincrement=True),
        sa.Column("at", TS, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("kept", DOC, nullable=True),
        sa.Column("lost", DOC, nullable=True),
        sa.Column("kept_stamp", sa.String(80), nullable=False),
        sa.Column("lost_stamp", sa.String(80), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
    )
    op.create_index("ix_conflict_log_record", "conflict_log", ["entity", "record_id"])
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", TS, nullable=False),
        sa.Column("locked_until", TS, nullable=True),
    )
    _journal_append_only()


def _journal_append_only() -> None:
    """The journal refuses UPDATE and DELETE, whatever code or hand runs them."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'journal is append-only';
            END $$
            """
        )
        op.execute(
            "CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal "
            "FOR EACH ROW EXECUTE FUNCTION journal_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER journal_no_{event.lower()} BEFORE {event} ON journal "
                "BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END"
            )


def downgrade() -> None:
    raise NotImplementedError("the central record is never downgraded; restore a backup instead")
