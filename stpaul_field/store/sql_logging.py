"""Statements' parameters are people's data: they never go into a log or an error message.

SQLAlchemy quotes a statement's parameters in its exception messages (an IntegrityError lists
the row it could not insert), and exceptions are logged. Every engine of the app — the
laptop's store, the central record — is made with `ENGINE_OPTIONS`. SQLAlchemy's own SQL
logging stays off (its loggers default to WARNING even when the root logger is at DEBUG);
turning it on by hand logs result rows, so it is never done on real data.
"""

from __future__ import annotations

from typing import Any

ENGINE_OPTIONS: dict[str, Any] = {"hide_parameters": True}
