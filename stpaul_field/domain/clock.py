"""Wall-clock time, always aware UTC: records' stamps, tokens, journals.

Never used to order changes (laptops' clocks are wrong): `hlc` does that.
"""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
