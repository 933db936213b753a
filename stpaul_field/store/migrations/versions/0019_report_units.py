"""Reports: every follow-up that can count, with its person's description, kept by triggers

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# A month's report copied its follow-ups out of three tables (each participation, its
# person, the person it was merged into: 60,000 lookups for the team's month at 230,000
# accompaniments), then looked up each person's earlier participations and their activities
# for « new people »: two thirds of the report's time (issue 22). `report_unit` keeps one row
# per participation that counts whenever its activity happens (`store.statistics.unit_rows`:
# live participation of a live activity, marked present or the person of an individual
# accompaniment not marked absent, person not deleted) with its activity's day, status, type
# and advisor and the description it counts with (the survivor's for a merged record).
# Whether the activity happened depends on today: the report applies the rule to the kept
# day and status. Rows are stored in day order (the primary key), so a month is one range.
# Every edit that can change a row refreshes it in the edit's own transaction;
# `tests/store/test_report_units.py` checks the kept rows against `unit_rows` after random
# edits, deletions, merges and pulled pages.
_DESCRIBED = ("gender", "age_band", "social_status", "commune", "disability", "family_carer", "homeless")
_COLUMNS = (
    "day, participation_id, activity_id, status, type, advisor_id, beneficiary_id, person, "
    + ", ".join(_DESCRIBED)
)
_ROWS = f"""
    INSERT INTO report_unit ({_COLUMNS})
    SELECT a.date, p.id, p.activity_id, a.status, a.type, a.advisor_id, p.beneficiary_id,
           coalesce(b.merged_into_id, b.id), {", ".join(f"coalesce(s.{c}, b.{c})" for c in _DESCRIBED)}
    FROM participation p
    JOIN activity a ON a.id = p.activity_id
    JOIN beneficiary b ON b.id = p.beneficiary_id
    LEFT JOIN beneficiary s ON s.id = b.merged_into_id
    WHERE p.deleted_at IS NULL AND a.deleted_at IS NULL
      AND (p.attended IS 1 OR (p.attended IS NULL AND a.type = 'individual'))
      AND NOT (b.deleted_at IS NOT NULL AND b.merged_into_id IS NULL)
"""


def _refresh(participations: str) -> str:
    """Statements that refresh the rows of the participations whose ids `participations` selects."""
    return f"""
        DELETE FROM report_unit WHERE participation_id IN ({participations});
        {_ROWS} AND p.id IN ({participations});
    """


def _of_person(person: str) -> str:
    """A person's own rows, and the description of the records merged into them: those rows
    exist whether or not the person is held (a pulled page may bring them first) and count
    with the person's description, falling back on their own."""
    own = _refresh(f"SELECT id FROM participation WHERE beneficiary_id = {person}")
    described = ", ".join(f"coalesce(s.{c}, b.{c})" for c in _DESCRIBED)
    return f"""
        {own}
        UPDATE report_unit SET ({", ".join(_DESCRIBED)}) = (
            SELECT {described} FROM beneficiary b LEFT JOIN beneficiary s ON s.id = b.merged_into_id
            WHERE b.id = report_unit.beneficiary_id)
        WHERE person = {person} AND beneficiary_id != {person};
    """


STATEMENTS = [
    f"""
    CREATE TABLE report_unit (
        day DATE NOT NULL,
        participation_id CHAR(32) NOT NULL,
        activity_id CHAR(32) NOT NULL,
        status VARCHAR(20) NOT NULL,
        type VARCHAR(20) NOT NULL,
        advisor_id CHAR(32) NOT NULL,
        beneficiary_id CHAR(32) NOT NULL,
        person CHAR(32) NOT NULL,
        gender VARCHAR, age_band VARCHAR, social_status VARCHAR, commune VARCHAR,
        disability BOOLEAN, family_carer BOOLEAN, homeless BOOLEAN,
        PRIMARY KEY (day, participation_id)
    ) WITHOUT ROWID
    """,
    "CREATE UNIQUE INDEX ix_report_unit_participation ON report_unit (participation_id)",
    "CREATE INDEX ix_report_unit_activity ON report_unit (activity_id)",
    # « New people » (whether a person has a follow-up before the period, from the index
    # alone) and the rows that count with a person's description.
    "CREATE INDEX ix_report_unit_person ON report_unit (person, day, status)",
    f"""
    CREATE TRIGGER report_unit_participation_ai AFTER INSERT ON participation BEGIN
        {_refresh("SELECT new.id")}
    END
    """,
    f"""
    CREATE TRIGGER report_unit_participation_au
    AFTER UPDATE OF id, activity_id, beneficiary_id, attended, deleted_at ON participation BEGIN
        {_refresh("SELECT new.id UNION ALL SELECT old.id")}
    END
    """,
    """
    CREATE TRIGGER report_unit_participation_ad AFTER DELETE ON participation BEGIN
        DELETE FROM report_unit WHERE participation_id = old.id;
    END
    """,
    # A pulled page may bring an activity or a person after their participations.
    f"""
    CREATE TRIGGER report_unit_activity_ai AFTER INSERT ON activity BEGIN
        {_refresh("SELECT id FROM participation WHERE activity_id = new.id")}
    END
    """,
    f"""
    CREATE TRIGGER report_unit_activity_au
    AFTER UPDATE OF id, date, status, type, advisor_id, deleted_at ON activity BEGIN
        {_refresh("SELECT id FROM participation WHERE activity_id IN (new.id, old.id)")}
    END
    """,
    """
    CREATE TRIGGER report_unit_activity_ad AFTER DELETE ON activity BEGIN
        DELETE FROM report_unit WHERE activity_id = old.id;
    END
    """,
    f"""
    CREATE TRIGGER report_unit_beneficiary_ai AFTER INSERT ON beneficiary BEGIN
        {_of_person("new.id")}
    END
    """,
    f"""
    CREATE TRIGGER report_unit_beneficiary_au
    AFTER UPDATE OF merged_into_id, deleted_at, {", ".join(_DESCRIBED)} ON beneficiary BEGIN
        {_of_person("new.id")}
    END
    """,
    f"""
    CREATE TRIGGER report_unit_beneficiary_ad AFTER DELETE ON beneficiary BEGIN
        {_of_person("old.id")}
    END
    """,
    # The follow-ups already in the store.
    _ROWS,
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
