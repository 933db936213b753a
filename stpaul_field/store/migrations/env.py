"""Alembic environment of the local store; run through `store.migrate`, never by hand."""

from alembic import context

from stpaul_field.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
