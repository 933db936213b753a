"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('advisor',
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('team_id', sa.Uuid(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('beneficiary',
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('no_phone', sa.Boolean(), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('commune', sa.String(length=100), nullable=False),
    sa.Column('postcode', sa.String(length=5), nullable=False),
    sa.Column('insee_code', sa.String(length=5), nullable=False),
    sa.Column('gender', sa.String(length=20), nullable=True),
    sa.Column('age_band', sa.String(length=20), nullable=True),
    sa.Column('social_status', sa.String(length=20), nullable=True),
    sa.Column('disability', sa.Boolean(), nullable=False),
    sa.Column('family_carer', sa.Boolean(), nullable=False),
    sa.Column('homeless', sa.Boolean(), nullable=False),
    sa.Column('pass_numerique_vouchers', sa.Integer(), nullable=False),
    sa.Column('consent_at', sa.DateTime(), nullable=True),
    sa.Column('already_accompanied', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('merged_into_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['merged_into_id'], ['beneficiary.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('beneficiary', schema=None) as batch_op:
        batch_op.create_index('ix_beneficiary_phone', ['phone'], unique=False)

    op.create_table('conflict',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('kept_value', sa.JSON(), nullable=True),
    sa.Column('lost_value', sa.JSON(), nullable=True),
    sa.Column('lost_is_mine', sa.Boolean(), nullable=False),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('op_id', sa.Uuid(), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('stamp', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('rejected_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('op_id')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_record', ['entity', 'record_id'], unique=False)

    op.create_table('sync_state',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('venue',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('bassin', sa.String(length=40), nullable=True),
    sa.Column('commune', sa.String(length=100), nullable=False),
    sa.Column('postcode', sa.String(length=5), nullable=False),
    sa.Column('insee_code', sa.String(length=5), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('activity',
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('advisor_id', sa.Uuid(), nullable=False),
    sa.Column('co_advisor_ids', sa.JSON(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('duration_min', sa.Integer(), nullable=False),
    sa.Column('place_type', sa.String(length=20), nullable=False),
    sa.Column('venue_id', sa.Uuid(), nullable=True),
    sa.Column('commune', sa.String(length=100), nullable=False),
    sa.Column('postcode', sa.String(length=5), nullable=False),
    sa.Column('insee_code', sa.String(length=5), nullable=False),
    sa.Column('themes', sa.JSON(), nullable=False),
    sa.Column('admin_themes', sa.JSON(), nullable=False),
    sa.Column('procedure_name', sa.String(length=200), nullable=False),
    sa.Column('equipment', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('autonomy', sa.String(length=40), nullable=True),
    sa.Column('redirected', sa.Boolean(), nullable=False),
    sa.Column('redirect_structure', sa.String(length=40), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=True),
    sa.Column('anon_total', sa.Integer(), nullable=False),
    sa.Column('anon_already_accompanied', sa.Integer(), nullable=False),
    sa.Column('anon_genders', sa.JSON(), nullable=False),
    sa.Column('anon_age_bands', sa.JSON(), nullable=False),
    sa.Column('anon_statuses', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['advisor_id'], ['advisor.id'], ),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index('ix_activity_advisor_date', ['advisor_id', 'date'], unique=False)
        batch_op.create_index('ix_activity_date', ['date'], unique=False)
        batch_op.create_index('ix_activity_venue', ['venue_id'], unique=False)

    op.create_table('participation',
    sa.Column('activity_id', sa.Uuid(), nullable=False),
    sa.Column('beneficiary_id', sa.Uuid(), nullable=False),
    sa.Column('registered', sa.Boolean(), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=True),
    sa.Column('first_time', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], ),
    sa.ForeignKeyConstraint(['beneficiary_id'], ['beneficiary.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.create_index('ix_participation_activity', ['activity_id'], unique=False)
        batch_op.create_index('ix_participation_beneficiary', ['beneficiary_id'], unique=False)



def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
