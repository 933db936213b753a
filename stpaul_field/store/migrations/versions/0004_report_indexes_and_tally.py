"""Reports: covering indexes, and each activity's follow-ups kept up to date by triggers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The follow-up count joins activities of a period to their participations and checks each
# participation's attendance and beneficiary. With every column it reads in these indexes,
# SQLite answers from the indexes alone instead of reading the wide rows one by one.
INDEXES = (
    ("ix_activity_report", "activity", ["date", "deleted_at", "status", "advisor_id", "anon_total", "id"]),
    ("ix_activity_counted", "activity", ["id", "date", "deleted_at", "status"]),
    (
        "ix_participation_report",
        "participation",
        ["activity_id", "deleted_at", "attended", "registered", "beneficiary_id"],
    ),
    (
        "ix_participation_person",
        "participation",
        ["beneficiary_id", "deleted_at", "attended", "registered", "activity_id"],
    ),
    # The few deleted people, found without reading the whole table.
    ("ix_beneficiary_tombstone", "beneficiary", ["deleted_at", "merged_into_id", "id"]),
)

# The month-by-month evolution reads a year of activities: rather than count each one's
# participants at every look, each counted activity's follow-ups are kept in
# `activity_tally`, recomputed by triggers whenever the activity, one of its participations
# or one of its people changes (local edits, pulled changes and bulk inserts alike).
# The rule is `store.statistics`' (counted activity; attendance marked: the present, else
# the registered; deleted people excluded; plus anonymous participants): a test checks the
# tally against it. Changing the rule means a new migration recreating these triggers.
_DELETED_PEOPLE = "SELECT id FROM beneficiary WHERE deleted_at IS NOT NULL AND merged_into_id IS NULL"
_FOLLOW_UPS = f"""
    a.anon_total + COALESCE((
        SELECT CASE WHEN sum(p.attended IS NOT NULL) > 0
            THEN sum(p.attended IS 1 AND p.beneficiary_id NOT IN ({_DELETED_PEOPLE}))
            ELSE sum(p.attended IS NULL AND p.registered IS 1
                     AND p.beneficiary_id NOT IN ({_DELETED_PEOPLE}))
        END
        FROM participation p WHERE p.activity_id = a.id AND p.deleted_at IS NULL), 0)
"""


def _recompute(activities: str) -> str:
    """Statements that refresh the tally of the activities whose ids `activities` selects."""
    return f"""
        DELETE FROM activity_tally WHERE activity_id IN ({activities});
        INSERT INTO activity_tally (activity_id, month, advisor_id, follow_ups)
        SELECT a.id, substr(a.date, 1, 7), a.advisor_id, {_FOLLOW_UPS}
        FROM activity a
        WHERE a.id IN ({activities}) AND a.deleted_at IS NULL AND a.status != 'cancelled';
    """


STATEMENTS = [
    """
    CREATE TABLE activity_tally (
        activity_id CHAR(32) NOT NULL PRIMARY KEY,
        month VARCHAR(7) NOT NULL,
        advisor_id CHAR(32) NOT NULL,
        follow_ups INTEGER NOT NULL
    )
    """,
    "CREATE INDEX ix_activity_tally_month ON activity_tally (month, advisor_id, follow_ups)",
    f"""
    CREATE TRIGGER activity_tally_activity_ai AFTER INSERT ON activity BEGIN
        {_recompute("SELECT new.id")}
    END
    """,
    f"""
    CREATE TRIGGER activity_tally_activity_au
    AFTER UPDATE OF date, advisor_id, status, deleted_at, anon_total ON activity BEGIN
        {_recompute("SELECT new.id")}
    END
    """,
    """
    CREATE TRIGGER activity_tally_activity_ad AFTER DELETE ON activity BEGIN
        DELETE FROM activity_tally WHERE activity_id = old.id;
    END
    """,
    f"""
    CREATE TRIGGER activity_tally_participation_ai AFTER INSERT ON participation BEGIN
        {_recompute("SELECT new.activity_id")}
    END
    """,
    f"""
    CREATE TRIGGER activity_tally_participation_au
    AFTER UPDATE OF activity_id, beneficiary_id, registered, attended, deleted_at ON participation
    BEGIN
        {_recompute("SELECT new.activity_id UNION SELECT old.activity_id")}
    END
    """,
    f"""
    CREATE TRIGGER activity_tally_participation_ad AFTER DELETE ON participation BEGIN
        {_recompute("SELECT old.activity_id")}
    END
    """,
    f"""
    CREATE TRIGGER activity_tally_beneficiary_au
    AFTER UPDATE OF deleted_at, merged_into_id ON beneficiary BEGIN
        {_recompute("SELECT activity_id FROM participation WHERE beneficiary_id = new.id")}
    END
    """,
    # The activities already in the store.
    f"""
    INSERT INTO activity_tally (activity_id, month, advisor_id, follow_ups)
    SELECT a.id, substr(a.date, 1, 7), a.advisor_id, {_FOLLOW_UPS}
    FROM activity a WHERE a.deleted_at IS NULL AND a.status != 'cancelled'
    """,
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
