"""What a month's figures count: only what happened. The rule, written once.

- An activity counts when it is **done**, or — if the setting « Compter les activités
  prévues déjà passées » says so — **planned and already past** (dated before today). Never
  a cancelled one, never a planned one still to come, nor anything dated after today.
- In a counted activity, a person counts when **marked present**; the one person of an
  individual accompaniment counts unless marked absent (being there is the accompaniment).
  A workshop's registered people whose attendance was never marked do not count: the
  workshop is « Émargement à saisir » (`attendance_pending`) until it is marked.
- Plus each workshop's anonymous participants (counts recorded on the workshop).

`store.statistics` (the figures in SQL), the tally's triggers (store migration 0010), the
Rapports view, `report`, the PDF and the exports all take a `CountingRule`; the SQL reads its
`last_day` / `planned_until` and restates `counts_activity` / `counts_participation`, which
the hand-counted test checks (tests/store/test_statistics.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from stpaul_field.domain.values import TIME_ZONE

DONE = "done"
PLANNED = "planned"
INDIVIDUAL = "individual"
WORKSHOP = "workshop"


def reunion_today() -> dt.date:
    """Today in Saint-Paul: an evening's workshop in Réunion is already tomorrow in UTC."""
    try:
        zone: dt.tzinfo = ZoneInfo(TIME_ZONE)
    except ZoneInfoNotFoundError:  # no tz data on the system: Réunion is UTC+4, no DST
        zone = dt.timezone(dt.timedelta(hours=4))
    return dt.datetime.now(zone).date()


@dataclass(frozen=True, slots=True)
class CountingRule:
    today: dt.date
    planned_past: bool = False  # setting COUNT_PLANNED_PAST

    @classmethod
    def now(cls, planned_past: bool = False) -> CountingRule:
        return cls(reunion_today(), planned_past)

    @property
    def last_day(self) -> dt.date:
        """Nothing dated after this day counts (a figure is never a forecast)."""
        return self.today

    @property
    def planned_until(self) -> dt.date | None:
        """The last day a still-planned activity counts on, or None: planned ones never count."""
        return self.today - dt.timedelta(days=1) if self.planned_past else None

    def counts_activity(self, status: str, day: dt.date, deleted: bool = False) -> bool:
        if deleted or day > self.last_day:
            return False
        if status == DONE:
            return True
        until = self.planned_until
        return status == PLANNED and until is not None and day <= until

    @staticmethod
    def counts_participation(activity_type: str, attended: bool | None, deleted: bool = False) -> bool:
        if deleted:
            return False
        return attended is True or (activity_type == INDIVIDUAL and attended is None)

    def counted_until(self, period_end: dt.date) -> dt.date:
        """The last day a period's figures can hold: its end, or today if it is not over."""
        return min(period_end, self.last_day)

    def statement(self, period_end: dt.date) -> str:
        """What the report says of its figures (« activités réalisées jusqu'au … »)."""
        text = f"Activités réalisées jusqu'au {self.counted_until(period_end):%d/%m/%Y}"
        if self.planned_past:
            text += " (les activités prévues déjà passées comptent comme réalisées)"
        return text + " ; les ateliers sans émargement ne comptent que leurs participants anonymes."


def attendance_pending(
    activity_type: str,
    status: str,
    day: dt.date,
    today: dt.date,
    registered: int,
    marked: int,
) -> bool:
    """« Émargement à saisir »: a workshop that happened (done, or planned and past) with
    registered people, whose attendance was marked for nobody."""
    if activity_type != WORKSHOP or status not in (DONE, PLANNED) or registered == 0 or marked:
        return False
    return day < today or (status == DONE and day <= today)
