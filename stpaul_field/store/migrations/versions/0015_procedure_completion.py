"""A démarche says whether it was finalised (the Coop's « degré de finalisation »)

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0012"
branch_labels = None
depends_on = None

# Démarches recorded before did not say (NULL: « Non renseigné » in the report). The central
# record needs no migration: its documents take the field's default when it is absent.


def upgrade() -> None:
    op.add_column("activity", sa.Column("procedure_completion", sa.String(40), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
