"""How register values read on screen: French dates in Réunion time, phones, markers."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from stpaul_field.domain import values as v
from stpaul_field.domain.text import format_phone

REUNION = ZoneInfo(v.TIME_ZONE)


def local_date(moment: dt.datetime | dt.date | None) -> str:
    """dd/mm/yyyy; a stored instant is shown as the date it was in La Réunion."""
    if moment is None:
        return ""
    if isinstance(moment, dt.datetime):
        moment = moment.astimezone(REUNION).date()
    return f"{moment:%d/%m/%Y}"


def local_time(value: dt.time | None) -> str:
    return "" if value is None else f"{value:%H:%M}"


def phone_text(phone: str, no_phone: bool, no_phone_label: str) -> str:
    if phone:
        return format_phone(phone)
    return no_phone_label if no_phone else ""


def priority_labels(holder: object) -> list[str]:
    """Labels of the priority-public markers set on a person (or a register row)."""
    return [c.label for c in v.PRIORITY_PUBLICS if getattr(holder, c.code, False)]
