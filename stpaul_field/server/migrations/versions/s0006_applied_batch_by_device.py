"""Applied batches by device and time: an operation pushed again in another batch finds its first results

Revision ID: s0006
Revises: s0005
Create Date: 2026-12-03
"""

from alembic import op

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # `server.batch` joins a replayed operation's journal row (device, time) to the batch that
    # wrote it; without this index, a scan of every batch ever applied.
    op.create_index("ix_applied_batch_device_at", "applied_batch", ["device_id", "created_at"])


def downgrade() -> None:
    raise NotImplementedError("the central record is never downgraded; restore a backup instead")
