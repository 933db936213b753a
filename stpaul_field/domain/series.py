"""Workshop series (« cycles d'ateliers »): the rules of a cycle's sessions, written once.

A series is created once with its sessions' dates and times; each session is an ordinary
workshop activity (it counts as one workshop in the figures, `domain.counting`) that carries
its series and its number. A person registered for the series is registered for every
session; one who joins later is registered for the remaining sessions only.
"""

from __future__ import annotations

import datetime as dt

from stpaul_field.domain.counting import PLANNED


def session_label(number: int, total: int) -> str:
    """A session's place in its series, as the sheets and the lists say it (« Séance 2/6 »)."""
    return f"Séance {number}/{total}"


def is_remaining(status: str, day: dt.date, today: dt.date) -> bool:
    """A session a latecomer joins: still planned, today or later (one that happened, or whose
    attendance is already marked, is left as it was)."""
    return status == PLANNED and day >= today
