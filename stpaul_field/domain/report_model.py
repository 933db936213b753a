"""The figures of a report, as plain data: what statistics compute and views, PDFs and tests read.

No Qt, no SQL: `store.statistics` fills these, `documents` and `ui` only display them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from stpaul_field.domain.counting import CountingRule
from stpaul_field.domain.values import ValueList

# Label of a row whose value was not recorded (no venue, no autonomy level...).
NOT_RECORDED = "Non renseigné"


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    code: str | None  # the value list's code; None when not recorded
    label: str
    count: int


@dataclass(frozen=True)
class Breakdown:
    """Follow-ups split by one attribute, in the value list's order (then the unrecorded)."""

    title: str
    rows: tuple[BreakdownRow, ...]
    # True when one follow-up can fall in several rows (themes): rows then add up to more.
    overlapping: bool = False
    # The value list the rows' codes come from, if any: the UI shows their labels translated.
    values: ValueList | None = field(default=None, compare=False)

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)

    def count(self, code: str | None) -> int:
        for r in self.rows:
            if r.code == code:
                return r.count
        return 0

    def as_dict(self) -> dict[str | None, int]:
        return {r.code: r.count for r in self.rows}


@dataclass(frozen=True, slots=True)
class Split:
    """One breakdown of the report, declared once (`SPLITS`): statistics compute it under this
    title, the Rapports view and the PDF place it in its section, the figures export gives it
    a sheet."""

    key: str  # the `PeriodFigures` attribute
    title: str  # French; the view translates it (context « ReportsView »)
    section: str  # a key of `SECTIONS`
    skip_zero: bool = False  # tables leave out rows at 0 (long lists: venues, communes…)
    team_only: bool = False
    # The activity's coded field (`fields.CODED_FIELDS`) it counts follow-ups by: statistics
    # then compute it with no code of its own, and `PeriodFigures.coded_splits` holds it.
    field: str | None = None


# The view's tabs and the PDF's groups, in order.
SECTIONS: dict[str, str] = {
    "places": "Lieux",
    "themes": "Thématiques",
    "publics": "Publics",
    "help": "Accompagnement",
    "advisors": "Conseillers",
}

SPLITS: tuple[Split, ...] = (
    Split("by_advisor", "Par conseiller", "advisors", team_only=True),
    Split("by_bassin", "Par bassin de vie", "places"),
    Split("by_venue", "Par lieu", "places", skip_zero=True),
    Split("by_place_type", "Par type de lieu", "places"),
    Split("by_commune", "Par commune de résidence", "places", skip_zero=True),
    Split("by_theme", "Par thématique", "themes", skip_zero=True),
    Split("by_admin_theme", "Par démarche administrative", "themes", skip_zero=True),
    Split("by_equipment", "Par matériel utilisé", "themes"),
    Split("by_priority_public", "Publics prioritaires", "publics"),
    Split("by_gender", "Par genre", "publics"),
    Split("by_age_band", "Par tranche d'âge", "publics"),
    Split("by_social_status", "Par statut", "publics"),
    Split("by_autonomy", "Autonomie (individuels)", "help"),
    Split("by_redirection", "Réorientations", "help", skip_zero=True),
    Split(
        "by_procedure_completion",
        "Démarches finalisées",
        "help",
        skip_zero=True,
        field="procedure_completion",
    ),
    Split("by_duration", "Par durée", "help"),
)
SPLIT_BY_KEY: dict[str, Split] = {s.key: s for s in SPLITS}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = dt.date(year, month, 1)
        return cls(start, add_months(start, 1) - dt.timedelta(days=1))

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """'2026-11' -> November 2026; ValueError with a French message otherwise."""
        try:
            year, month = (int(p) for p in text.strip().split("-"))
            return cls.month(year, month)
        except (ValueError, TypeError):
            raise ValueError(f"Mois invalide « {text} » : attendu AAAA-MM, ex. 2026-11.") from None

    @property
    def is_month(self) -> bool:
        return self.start.day == 1 and self.end == add_months(self.start, 1) - dt.timedelta(days=1)

    def label(self) -> str:
        if self.is_month:
            return f"{MONTH_NAMES[self.start.month - 1]} {self.start.year}"
        return f"du {self.start:%d/%m/%Y} au {self.end:%d/%m/%Y}"


MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTH_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class MonthPoint:
    month: dt.date  # first day of the month
    follow_ups: int

    @property
    def short_label(self) -> str:
        return f"{MONTH_SHORT[self.month.month - 1]} {self.month:%y}"


@dataclass(frozen=True)
class Scope:
    """Whose figures: one advisor's, or the whole team's (advisor_id None)."""

    advisor_id: uuid.UUID | None
    label: str

    @property
    def is_team(self) -> bool:
        return self.advisor_id is None


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    scope: Scope
    follow_ups: int  # « suivis »: identified accompaniments + workshops' anonymous participants
    anonymous_follow_ups: int  # of which: workshops' anonymous participants (counts only)
    unique_beneficiaries: int
    new_beneficiaries: int
    activities: int
    individual_activities: int
    workshop_activities: int
    individual_follow_ups: int
    workshop_follow_ups: int
    by_bassin: Breakdown
    by_venue: Breakdown
    by_theme: Breakdown
    by_admin_theme: Breakdown
    by_priority_public: Breakdown
    by_gender: Breakdown
    by_age_band: Breakdown
    by_autonomy: Breakdown
    by_redirection: Breakdown
    by_duration: Breakdown
    by_place_type: Breakdown
    by_commune: Breakdown
    by_equipment: Breakdown
    by_social_status: Breakdown
    by_advisor: Breakdown | None = None  # team scope only
    # Follow-ups of démarches done under an Aidants Connect mandate (the flag, no mandate data).
    aidants_connect: int = 0
    # « Émargement à saisir »: workshops of the period that happened and whose attendance nobody
    # marked, and their registered people, not counted in the follow-ups until it is marked.
    awaiting_attendance_workshops: int = 0
    awaiting_attendance_registered: int = 0
    # The splits declared with a `field`, by key.
    coded_splits: dict[str, Breakdown] = field(default_factory=dict)

    @property
    def redirected(self) -> int:
        return self.by_redirection.total

    def breakdown(self, key: str) -> Breakdown | None:
        """The split of that key (`SPLITS`); None for the advisors' outside the team's figures."""
        if SPLIT_BY_KEY[key].field is not None:
            return self.coded_splits.get(key)
        return getattr(self, key)

    def breakdowns(self) -> list[Breakdown]:
        """In the order a report shows them (`SPLITS`); the advisors' in the team's only."""
        return [b for _split, b in self.splits()]

    def splits(self) -> list[tuple[Split, Breakdown]]:
        return [(s, b) for s in SPLITS if (b := self.breakdown(s.key)) is not None]


@dataclass(frozen=True)
class MonthlyReport:
    figures: PeriodFigures
    evolution: tuple[MonthPoint, ...]  # the 12 months ending with the report's month
    target: int  # the scope's monthly target of follow-ups
    rule: CountingRule  # what was counted, said on the report
    generated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @property
    def statement(self) -> str:
        return self.rule.statement(self.figures.period.end)

    @property
    def progress(self) -> float:
        return self.figures.follow_ups / self.target if self.target else 0.0
