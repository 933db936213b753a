"""An Alembic script directory driven from code: the store's and the server's migrations share it.

Alembic itself (and Mako, Pygments… behind it) costs about 0.1 s to import: every start of
the app asks "is the schema up to date?", so that question is answered without it — the
head from the revision files' names (`0006_….py` is revision "0006"; a test checks this
agrees with Alembic), the current revision from the version table. Alembic is imported only
to upgrade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION_FILE = re.compile(r"^(s?\d{4})_\w+\.py$")  # store: 0006_…, server: s0002_…


@dataclass(frozen=True)
class MigrationScripts:
    directory: Path
    version_table: str = "alembic_version"

    def config(self) -> Config:
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(self.directory))
        return config

    def head(self) -> str:
        """The newest revision: revisions are numbered files, each revising the one before."""
        numbers = [
            m.group(1) for f in (self.directory / "versions").iterdir() if (m := _REVISION_FILE.match(f.name))
        ]
        return max(numbers)

    def revisions(self) -> set[str]:
        from alembic.script import ScriptDirectory

        return {script.revision for script in ScriptDirectory.from_config(self.config()).walk_revisions()}

    def alembic_head(self) -> str | None:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self.config()).get_current_head()

    def current(self, bind: Engine | Connection) -> str | None:
        if isinstance(bind, Engine):
            with bind.connect() as conn:
                return self.current(conn)
        if not inspect(bind).has_table(self.version_table):
            return None
        return bind.execute(text(f"SELECT version_num FROM {self.version_table}")).scalar()

    def upgrade(self, conn: Connection, to: str = "head") -> None:
        """Run the upgrade on `conn`, inside the caller's transaction."""
        from alembic import command

        config = self.config()
        config.attributes["connection"] = conn
        command.upgrade(config, to)
