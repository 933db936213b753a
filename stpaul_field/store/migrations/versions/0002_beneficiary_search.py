"""Accent-insensitive search of beneficiaries (SQLite FTS5 kept in step by triggers)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# External-content FTS5 index over the beneficiary table's rowid: the names, phone and
# commune are stored once (in `beneficiary`), the index only holds tokens. `remove_diacritics 2`
# folds accents so that 'helene' finds 'Hélène'. Prefix indexes make search-as-you-type cheap.
STATEMENTS = [
    """
    CREATE VIRTUAL TABLE beneficiary_search USING fts5(
        first_name, last_name, phone, commune,
        content='beneficiary', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2',
        prefix='1 2 3'
    )
    """,
    """
    CREATE TRIGGER beneficiary_search_ai AFTER INSERT ON beneficiary BEGIN
        INSERT INTO beneficiary_search(rowid, first_name, last_name, phone, commune)
        VALUES (new.rowid, new.first_name, new.last_name, new.phone, new.commune);
    END
    """,
    """
    CREATE TRIGGER beneficiary_search_ad AFTER DELETE ON beneficiary BEGIN
        INSERT INTO beneficiary_search(beneficiary_search, rowid, first_name, last_name, phone,
                                       commune)
        VALUES ('delete', old.rowid, old.first_name, old.last_name, old.phone, old.commune);
    END
    """,
    """
    CREATE TRIGGER beneficiary_search_au AFTER UPDATE OF first_name, last_name, phone, commune
    ON beneficiary BEGIN
        INSERT INTO beneficiary_search(beneficiary_search, rowid, first_name, last_name, phone,
                                       commune)
        VALUES ('delete', old.rowid, old.first_name, old.last_name, old.phone, old.commune);
        INSERT INTO beneficiary_search(rowid, first_name, last_name, phone, commune)
        VALUES (new.rowid, new.first_name, new.last_name, new.phone, new.commune);
    END
    """,
    # Index the people already in the store.
    "INSERT INTO beneficiary_search(beneficiary_search) VALUES ('rebuild')",
    # The register lists people by name; keep that order in an index.
    "CREATE INDEX ix_beneficiary_name ON beneficiary (last_name, first_name)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
