"""Times and dates as people type them in a hurry: « 14 », « 1430 », « 14h30 », « 14/10 ».

Anything else is not understood (None): the form says so, and never guesses another value.
"""

from __future__ import annotations

import datetime as dt
import re

_TIME_PARTS = re.compile(r"^(\d{1,2})\s*(?:[:hH.,]\s*(\d{1,2})?)?\s*$")
_TIME_DIGITS = re.compile(r"^(\d{1,2})(\d{2})$")
_DATE_PARTS = re.compile(r"^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})(?:\s*[/.\- ]\s*(\d{2}|\d{4}))?$")
_DATE_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})?$")


def parse_time(text: str) -> dt.time | None:
    """« 14 », « 14h », « 14h30 », « 14:30 », « 14.30 », « 1430 », « 930 » → a time; else None."""
    text = text.strip()
    match = _TIME_PARTS.match(text) or _TIME_DIGITS.match(text)
    if match is None:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        return None
    return dt.time(hours, minutes)


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """« 14/10/2026 », « 14/10/26 », « 14/10 » (this year), « 14102026 », « 1410 » → a date.

    Day first, as in France; a month 00 or a 31 of a short month is not understood.
    """
    text = text.strip()
    match = _DATE_PARTS.match(text) or _DATE_DIGITS.match(text)
    if match is None:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    year_text = match.group(3)
    year = today.year if year_text is None else int(year_text)
    if year_text is not None and len(year_text) == 2:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
