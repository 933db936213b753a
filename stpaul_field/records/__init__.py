"""What the laptop's store and the central record share about synced records — neither's own.

`synced`: the synced fields of each entity, declared once (the laptop's ORM models are built
on them, the server's field specs are derived from them); `specs`: each field's kind, size
and default as the server checks them; `wire`: values to and from their JSON form; `sql`:
the SQL types and engine options both sides use; `migrations`: the Alembic script directory
both sides' migrations run through.
"""
