"""An Alembic script directory driven from code: the store's and the server's migrations share it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine


@dataclass(frozen=True)
class MigrationScripts:
    directory: Path
    version_table: str = "alembic_version"

    def config(self) -> Config:
        config = Config()
        config.set_main_option("script_location", str(self.directory))
        return config

    def head(self) -> str:
        head = ScriptDirectory.from_config(self.config()).get_current_head()
        assert head is not None
        return head

    def current(self, bind: Engine | Connection) -> str | None:
        if isinstance(bind, Engine):
            with bind.connect() as conn:
                return self.current(conn)
        context = MigrationContext.configure(bind, opts={"version_table": self.version_table})
        return context.get_current_revision()

    def upgrade(self, conn: Connection, to: str = "head") -> None:
        """Run the upgrade on `conn`, inside the caller's transaction."""
        config = self.config()
        config.attributes["connection"] = conn
        command.upgrade(config, to)
