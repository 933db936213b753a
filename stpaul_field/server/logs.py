"""Structured logs: one JSON object per line, identifiers and numbers only.

Never a field value, a login, a name or a client address: the record holds personal data of
vulnerable people, and logs are copied to places the record is not.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

LOGGER_NAME = "stpaul_field.server"
log = logging.getLogger(LOGGER_NAME)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
        }
        out.update(getattr(record, "fields", {}))
        if record.exc_info:
            # The exception's type and where, not its message (which may quote a value).
            exc_type = record.exc_info[0]
            out["error"] = exc_type.__name__ if exc_type else "unknown"
        return json.dumps(out, default=str)


def where(error: BaseException) -> str:
    """The deepest line of our own code the error went through: where to look, never its text."""
    found = "?"
    tb = error.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if "stpaul_field" in name:
            found = f"{name[name.rindex('stpaul_field') :]}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def event(name: str, level: int = logging.INFO, exc_info: bool = False, **fields: Any) -> None:
    log.log(level, name, extra={"fields": fields}, exc_info=exc_info)


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    log.handlers[:] = [handler]
    log.setLevel(level.upper())
    log.propagate = False
