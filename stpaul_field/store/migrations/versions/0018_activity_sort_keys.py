"""The activities list sorted by person / workshop or by participants from an index of its own

Revision ID: 0018
Revises: 0016
Create Date: 2026-12-04
"""

from alembic import op

revision = "0018"
down_revision = "0016"
branch_labels = None
depends_on = None

# These two sort keys are computed from other tables (the participations, the first
# person's name): sorting 100,000 activities by them computed the key of every row, then
# sorted them all, for each page (0.2–0.5 s, issue 22). `activity_sort_keys` keeps them, with
# the list's ties (date, time), for every activity, refreshed by triggers in the transaction
# of the edit that changes them, so that a page is read in order from an index. The
# expressions are `store.activities._PARTICIPANTS` and `_WHO` (the title, else the first
# person named as the register does); `tests/store/test_activity_sort_keys.py` checks the
# kept keys against them after every kind of edit.
_PERSON = """
    SELECT coalesce(nullif(trim(upper(b.last_name) || ' ' || b.first_name), ''), 'Anonyme')
    FROM beneficiary b JOIN participation p ON p.beneficiary_id = b.id
    WHERE p.activity_id = a.id AND p.deleted_at IS NULL
    ORDER BY p.created_at LIMIT 1
"""
_COUNT = "SELECT count(*) FROM participation p WHERE p.activity_id = a.id AND p.deleted_at IS NULL"
_WHO = f"coalesce(nullif(a.title, ''), ({_PERSON}), '')"
_ROWS = f"""
    INSERT OR REPLACE INTO activity_sort_keys (activity_id, participants, who, date, start_time)
    SELECT a.id, ({_COUNT}), {_WHO}, a.date, a.start_time FROM activity a
"""


def _update(activities: str, *columns: str) -> str:
    """An UPDATE in place of the keys of the activities whose ids `activities` selects: only
    the index entries of a changed key move (a first sync adds people one at a time)."""
    values = {"participants": f"({_COUNT})", "who": _WHO, "date": "a.date", "start_time": "a.start_time"}
    sets = ", ".join(
        f"{c} = (SELECT {values[c]} FROM activity a WHERE a.id = activity_sort_keys.activity_id)"
        for c in columns
    )
    return f"UPDATE activity_sort_keys SET {sets} WHERE activity_id IN ({activities});"


_OF_PARTICIPATIONS = ("participants", "who")

STATEMENTS = [
    """
    CREATE TABLE activity_sort_keys (
        activity_id CHAR(32) NOT NULL PRIMARY KEY,
        participants INTEGER NOT NULL,
        who VARCHAR NOT NULL,
        date DATE NOT NULL,
        start_time TIME
    )
    """,
    "CREATE INDEX ix_activity_sort_participants ON activity_sort_keys (participants, date, start_time, activity_id)",
    "CREATE INDEX ix_activity_sort_who ON activity_sort_keys (who, date, start_time, activity_id)",
    f"""
    CREATE TRIGGER activity_sort_keys_activity_ai AFTER INSERT ON activity BEGIN
        {_ROWS} WHERE a.id = new.id;
    END
    """,
    f"""
    CREATE TRIGGER activity_sort_keys_activity_au AFTER UPDATE OF title, date, start_time ON activity BEGIN
        {_update("SELECT new.id", "who", "date", "start_time")}
    END
    """,
    """
    CREATE TRIGGER activity_sort_keys_activity_ad AFTER DELETE ON activity BEGIN
        DELETE FROM activity_sort_keys WHERE activity_id = old.id;
    END
    """,
    f"""
    CREATE TRIGGER activity_sort_keys_participation_ai AFTER INSERT ON participation BEGIN
        {_update("SELECT new.activity_id", *_OF_PARTICIPATIONS)}
    END
    """,
    f"""
    CREATE TRIGGER activity_sort_keys_participation_au
    AFTER UPDATE OF activity_id, beneficiary_id, deleted_at, created_at ON participation BEGIN
        {_update("SELECT new.activity_id UNION SELECT old.activity_id", *_OF_PARTICIPATIONS)}
    END
    """,
    f"""
    CREATE TRIGGER activity_sort_keys_participation_ad AFTER DELETE ON participation BEGIN
        {_update("SELECT old.activity_id", *_OF_PARTICIPATIONS)}
    END
    """,
    # A pulled page may bring a person after their participations.
    f"""
    CREATE TRIGGER activity_sort_keys_beneficiary_ai AFTER INSERT ON beneficiary BEGIN
        {_update("SELECT activity_id FROM participation WHERE beneficiary_id = new.id", "who")}
    END
    """,
    f"""
    CREATE TRIGGER activity_sort_keys_beneficiary_au AFTER UPDATE OF first_name, last_name ON beneficiary BEGIN
        {_update("SELECT activity_id FROM participation WHERE beneficiary_id = new.id", "who")}
    END
    """,
    # The activities already in the store.
    _ROWS,
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
