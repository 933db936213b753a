"""Alembic environment of the central record; run through `server.migrate`, never by hand."""

from alembic import context

from stpaul_field.server.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    version_table="server_alembic_version",
)
with context.begin_transaction():
    context.run_migrations()
