"""Reports: the tally counts only what happened (issue 19), with each activity's day and status

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The rule is `domain.counting.CountingRule`: a workshop's people count only when marked
# present (never « registered, attendance not marked »); the one person of an individual
# accompaniment counts unless marked absent. Whether an activity happened (done, or planned
# and past when the setting says so) depends on today, which a trigger cannot know: the tally
# keeps every live, not cancelled activity with its day and status, and the evolution's query
# applies the rule (`store.statistics.happened`). A test checks the tally against the figures.
_DELETED_PEOPLE = "SELECT id FROM beneficiary WHERE deleted_at IS NOT NULL AND merged_into_id IS NULL"
_FOLLOW_UPS = f"""
    a.anon_total + (
        SELECT count(*) FROM participation p
        WHERE p.activity_id = a.id AND p.deleted_at IS NULL
          AND (p.attended IS 1 OR (p.attended IS NULL AND a.type = 'individual'))
          AND p.beneficiary_id NOT IN ({_DELETED_PEOPLE}))
"""
_ROWS = f"""
    INSERT INTO activity_tally (activity_id, month, advisor_id, status, day, follow_ups)
    SELECT a.id, substr(a.date, 1, 7), a.advisor_id, a.status, a.date, {_FOLLOW_UPS}
    FROM activity a
"""


def _recompute(activities: str) -> str:
    """Statements that refresh the tally of the activities whose ids `activities` selects."""
    return f"""
        DELETE FROM activity_tally WHERE activity_id IN ({activities});
        {_ROWS} WHERE a.id IN ({activities}) AND a.deleted_at IS NULL AND a.status != 'cancelled';
    """


_TRIGGERS = (
    "activity_tally_activity_ai",
    "activity_tally_activity_au",
    "activity_tally_activity_ad",
    "activity_tally_participation_ai",
    "activity_tally_participation_au",
    "activity_tally_participation_ad",
    "activity_tally_beneficiary_au",
)

STATEMENTS = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS),
    "DROP TABLE activity_tally",
    """
    CREATE TABLE activity_tally (
        activity_id CHAR(32) NOT NULL PRIMARY KEY,
        month VARCHAR(7) NOT NULL,
        advisor_id CHAR(32) NOT NULL,
        status VARCHAR(20) NOT NULL,
        day DATE NOT NULL,
        follow_ups INTEGER NOT NULL
    )
    """,
    "CREATE INDEX ix_activity_tally_month ON activity_tally (month, advisor_id, status, day, follow_ups)",
    f"""
    CREATE TRIGGER activity_tally_activity_ai AFTER INSERT ON activity BEGIN
        {_recompute("SELECT new.id")}
    END
    """,
    f"""
    CREATE TRIGGER activity_tally_activity_au
    AFTER UPDATE OF type, date, advisor_id, status, deleted_at, anon_total ON activity BEGIN
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
    f"{_ROWS} WHERE a.deleted_at IS NULL AND a.status != 'cancelled'",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
