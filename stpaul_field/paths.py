"""Where the app keeps its files: platformdirs locations, or one directory for tests/scripts."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from stpaul_field import APP_AUTHOR, APP_NAME

DATA_DIR_ENV = "STPAUL_FIELD_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    logs: Path
    backups: Path

    @property
    def store_file(self) -> Path:
        return self.data / "stpaul-field.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @classmethod
    def under(cls, root: str | os.PathLike[str]) -> AppPaths:
        """Every file of the app under one directory."""
        root = Path(root).expanduser().resolve()
        return cls(root / "data", root / "config", root / "logs", root / "backups")

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """`--data-dir`, else $STPAUL_FIELD_DATA_DIR, else the platform's locations."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        if chosen:
            return cls.under(chosen)
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        return cls(
            Path(dirs.user_data_dir),
            Path(dirs.user_config_dir),
            Path(dirs.user_log_dir),
            Path(dirs.user_data_dir) / "backups",
        )

    def ensure(self) -> AppPaths:
        for path in (self.data, self.config, self.logs, self.backups):
            path.mkdir(parents=True, exist_ok=True)
            # Personal data of vulnerable people: owner-only where the OS honours it.
            with contextlib.suppress(OSError):
                path.chmod(0o700)
        return self


@contextlib.contextmanager
def private_file(target: Path | str) -> Iterator[Path]:
    """A temporary file beside `target`, readable by its owner only (0600: exports, reports and
    sheets hold people's data), moved onto `target` when the block ends well, removed if not:
    a failure never leaves a half file."""
    target = Path(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=target.suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
