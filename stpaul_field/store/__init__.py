"""The laptop's local store: SQLAlchemy over SQLite. No Qt."""
