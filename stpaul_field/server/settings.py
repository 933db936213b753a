"""The server's settings, declared once: defaults, then `STPAUL_SERVER_*` environment variables,
then explicit arguments (the CLI's options, a test's fixture)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field

from stpaul_field import APP_AUTHOR
from stpaul_field.domain.privacy import DEFAULT_RETENTION_YEARS

ENV_PREFIX = "STPAUL_SERVER_"
SERVER_APP_NAME = "stpaul-field-server"
SQLITE_FILE = "central-record.sqlite3"


class ServerSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Where the record lives: a SQLAlchemy URL (postgresql+psycopg://… in production);
    # unset, a SQLite file under `data_dir`.
    database_url: str | None = None
    data_dir: Path | None = None
    # Whole-request limit on the wire (compressed); the protocol bounds the decompressed size.
    max_request_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)
    # Seconds for a request's whole body to arrive (a day's push is ~100 KiB compressed: a few
    # seconds at 512 kbit/s); a body that trickles is cut with a 408.
    body_timeout_s: float = Field(default=60.0, gt=0)
    # Failed logins (see `security.Throttle`): beyond these many, each next try waits twice as
    # long, up to a cap — one login from one address (up to `login_max_delay_s`), one login from
    # every address, one address (both up to `login_shared_max_delay_s`: an attacker elsewhere,
    # or behind an espace numérique's shared connection, only slows the others down a little).
    login_max_failures: int = Field(default=5, ge=1)
    login_max_failures_per_login: int = Field(default=20, ge=1)
    login_max_failures_per_ip: int = Field(default=30, ge=1)
    login_max_delay_s: int = Field(default=15 * 60, ge=1)
    login_shared_max_delay_s: int = Field(default=60, ge=1)
    # A key is forgotten after this long without an attempt.
    login_window_s: int = Field(default=15 * 60, ge=1)
    # Password checks (argon2id, `argon2_memory_kib` each) at once per worker: a burst of logins
    # waits its turn instead of taking a gigabyte.
    password_checks: int = Field(default=2, ge=1)
    # Cost of new password hashes (argon2id); the defaults are the library's (RFC 9106 low-memory).
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_kib: int = Field(default=64 * 1024, ge=64)
    # Database connections per worker process (PostgreSQL).
    pool_size: int = Field(default=10, ge=1)
    # Sync exchanges worked on at once per worker process; the others wait their turn (see app.py).
    sync_concurrency: int = Field(default=2, ge=1)
    # Seed Saint-Paul's reference venues at start (idempotent).
    seed_reference: bool = True
    # `retention`: people with no activity for this many years are anonymised (as on the laptops).
    retention_years: int = Field(default=DEFAULT_RETENTION_YEARS, ge=1)
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> ServerSettings:
        """Defaults, overridden by `STPAUL_SERVER_<FIELD>` variables, overridden by `overrides`
        (None values in `overrides` mean "not given")."""
        environ = dict(os.environ) if environ is None else environ
        values: dict[str, Any] = {}
        for name in cls.model_fields:
            raw = environ.get(ENV_PREFIX + name.upper())
            if raw is not None and raw != "":
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)

    def resolved_data_dir(self) -> Path:
        if self.data_dir is not None:
            return Path(self.data_dir).expanduser().resolve()
        return Path(platformdirs.user_data_dir(SERVER_APP_NAME, APP_AUTHOR))

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        data = self.resolved_data_dir()
        data.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{data / SQLITE_FILE}"
