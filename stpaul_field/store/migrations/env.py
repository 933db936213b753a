"""Alembic environment of the local store; run through `store.migrate`, never by hand."""

from alembic import context

from stpaul_field.store.migrate import include_name
from stpaul_field.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
