"""What an attendance sheet shows, gathered from the store (no Qt here).

The renderer (`attendance_sheet`) only draws a `SheetData`; everything that needs the
store or the value lists is decided here, so it can be tested without painting.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from stpaul_field.domain.text import fold, person_order
from stpaul_field.domain.values import (
    ADMIN_THEMES,
    BASSINS,
    PLACE_TYPES,
    PLACE_WITH_VENUE,
    THEMES,
    WORKSHOP_LEVELS,
    duration_label,
)
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation, Venue, WorkshopSeries
from stpaul_field.store.series import series_sessions, session_of
from stpaul_field.store.venues import venue_named

WORKSHOP = "workshop"
CANCELLED = "cancelled"
FRENCH_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


class SheetError(LookupError):
    """Nothing to print for what was asked; the message is French, for the user."""


@dataclass(frozen=True, slots=True)
class SheetParticipant:
    name: str
    commune: str
    # On a cycle sheet: the numbers of the sessions this person is registered for (None: all).
    sessions: frozenset[int] | None = None


@dataclass(frozen=True, slots=True)
class CycleSession:
    """One session's column on a cycle sheet."""

    number: int
    date: dt.date | None
    start: dt.time | None
    end: dt.time | None

    @property
    def heading(self) -> str:
        """'Séance 2\nmar. 08/12\n9h00–11h00', the column's header."""
        lines = [f"Séance {self.number}"]
        if self.date is not None:
            lines.append(f"{FRENCH_WEEKDAYS[self.date.weekday()][:3]}. {self.date:%d/%m}")
        if self.start is not None:
            lines.append(clock(self.start) + (f"–{clock(self.end)}" if self.end else ""))
        return "\n".join(lines)


@dataclass(frozen=True)
class SheetData:
    """One workshop's sheet. Empty strings / None are printed as lines to fill by hand."""

    title: str
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    themes: tuple[str, ...] = ()
    level: str = ""
    venue: str = ""
    bassin: str = ""
    advisors: tuple[str, ...] = ()
    participants: tuple[SheetParticipant, ...] = ()
    walkin_rows: int = 5
    activity_id: uuid.UUID | None = None
    # A blank sheet fills its first page with numbered rows instead of `walkin_rows`.
    blank: bool = False
    session: str = ""  # a session of a series: « Séance 2/6 »
    # A cycle sheet (one row per person, a signature box per session): its sessions' columns.
    sessions: tuple[CycleSession, ...] = ()

    @property
    def heading(self) -> str:
        """The sheet's title as printed: a session says its place in the series."""
        return " – ".join(x for x in (self.title, self.session) if x)

    @property
    def is_cycle(self) -> bool:
        return bool(self.sessions)

    @property
    def registered_count(self) -> int:
        return len(self.participants)

    @property
    def half_days(self) -> bool:
        """A signature per half-day: the workshop spans noon or lasts more than a half-day."""
        return spans_half_days(self.start, self.end)

    @property
    def scheduled_hours(self) -> str:
        """'9h00 – 16h00 (7 h prévues)': what an auditor compares with the signatures."""
        if self.start is None:
            return ""
        if self.end is None:
            return clock(self.start)
        minutes = _minutes(self.end) - _minutes(self.start)
        return f"{clock(self.start)} – {clock(self.end)} ({duration_label(minutes)} prévues)"


def french_date(day: dt.date) -> str:
    """'lundi 23/11/2026'."""
    return f"{FRENCH_WEEKDAYS[day.weekday()]} {day:%d/%m/%Y}"


def clock(t: dt.time) -> str:
    """'14h00', the way times are written on paper in France."""
    return f"{t.hour:02d}h{t.minute:02d}"


HALF_DAY_MIN = 4 * 60
NOON = dt.time(12, 0)


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def spans_half_days(start: dt.time | None, end: dt.time | None) -> bool:
    """Morning and afternoon signatures: the workshop goes over noon, or is longer than a
    half-day (4 h), as auditors of funded training ask."""
    if start is None or end is None or end <= start:
        return False
    return start < NOON < end or _minutes(end) - _minutes(start) > HALF_DAY_MIN


def end_time(start: dt.time | None, duration_min: int) -> dt.time | None:
    if start is None:
        return None
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=duration_min)
    return moment.time()


def parse_workshop_id(text: str, what: str = "atelier") -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        article = "de " if what[0] not in "aeiou" else "d'"
        raise SheetError(f"« {text} » n'est pas un identifiant {article}{what} valide.") from None


def sheet_for_activity(session: Session, activity_id: uuid.UUID, walkin_rows: int = 5) -> SheetData:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.deleted_at is not None:
        raise SheetError(f"Aucun atelier ne porte l'identifiant {activity_id}.")
    if activity.type != WORKSHOP:
        raise SheetError("Cette activité est un accompagnement individuel : pas de feuille d'émargement.")
    return _sheet(session, activity, walkin_rows)


def sheets_for_activities(
    session: Session, activity_ids: Sequence[uuid.UUID], walkin_rows: int = 5
) -> list[SheetData]:
    return [sheet_for_activity(session, a, walkin_rows) for a in activity_ids]


def workshops_on(session: Session, day: dt.date) -> list[uuid.UUID]:
    """The day's workshops that still take place, in the order of the day."""
    rows = session.scalars(
        select(Activity).where(
            Activity.date == day,
            Activity.type == WORKSHOP,
            Activity.deleted_at.is_(None),
            Activity.status != CANCELLED,
        )
    ).all()
    rows = sorted(rows, key=lambda a: (a.start_time or dt.time.max, fold(a.title), str(a.id)))
    return [a.id for a in rows]


def sheets_for_day(session: Session, day: dt.date, walkin_rows: int = 5) -> list[SheetData]:
    ids = workshops_on(session, day)
    if not ids:
        raise SheetError(f"Aucun atelier prévu le {french_date(day)}.")
    return sheets_for_activities(session, ids, walkin_rows)


def blank_sheet(
    title: str = "",
    day: dt.date | None = None,
    start: dt.time | None = None,
    end: dt.time | None = None,
    venue: str = "",
    bassin: str = "",
    advisors: Sequence[str] = (),
) -> SheetData:
    """A sheet for a workshop that is not in the agenda: what is known, the rest to fill by hand."""
    return SheetData(
        title=title,
        date=day,
        start=start,
        end=end,
        venue=venue,
        bassin=bassin,
        advisors=tuple(advisors),
        walkin_rows=0,
        blank=True,
    )


def find_venue(session: Session, text: str) -> Venue | None:
    """The reference venue whose name is `text`, accents and case aside."""
    return venue_named(session, text)


def advisor_name(session: Session, advisor_id: str | uuid.UUID | None) -> str:
    try:
        key = uuid.UUID(str(advisor_id)) if advisor_id else None
    except ValueError:
        return ""
    advisor = session.get(Advisor, key) if key else None
    return advisor.display_name if advisor is not None and advisor.deleted_at is None else ""


def venue_labels(venue: Venue | None) -> tuple[str, str]:
    """(venue name, bassin de vie label) of a venue."""
    if venue is None:
        return "", ""
    return venue.name, BASSINS.label(venue.bassin)


def _place(session: Session, record: Activity | WorkshopSeries) -> tuple[str, str]:
    """(where, bassin de vie) of a workshop or a series."""
    venue_name, bassin = "", ""
    if record.place_type == PLACE_WITH_VENUE and record.venue_id is not None:
        venue_name, bassin = venue_labels(session.get(Venue, record.venue_id))
    if not venue_name:
        # No venue of the reference list: say where it takes place as best we know.
        parts = [PLACE_TYPES.label(record.place_type)]
        if record.commune:
            parts.append(record.commune)
        venue_name = " – ".join(p for p in parts if p)
    return venue_name, bassin


def _sheet(session: Session, activity: Activity, walkin_rows: int) -> SheetData:
    venue_name, bassin = _place(session, activity)
    themes = THEMES.labels(activity.themes) + ADMIN_THEMES.labels(activity.admin_themes)
    return SheetData(
        title=activity.title or "Atelier collectif",
        date=activity.date,
        start=activity.start_time,
        end=end_time(activity.start_time, activity.duration_min),
        themes=tuple(themes),
        level=WORKSHOP_LEVELS.label(activity.level),
        venue=venue_name,
        bassin=bassin,
        advisors=tuple(_advisor_names(session, activity)),
        participants=tuple(registered_participants(session, activity.id)),
        walkin_rows=max(0, walkin_rows),
        activity_id=activity.id,
        session=session_of(session, activity.id) or "",
    )


def _advisor_names(session: Session, activity: Activity | WorkshopSeries) -> list[str]:
    ids: list[uuid.UUID] = [activity.advisor_id]
    for raw in activity.co_advisor_ids or []:
        try:
            co = uuid.UUID(str(raw))
        except ValueError:
            continue
        if co not in ids:
            ids.append(co)
    names = []
    for advisor_id in ids:
        advisor = session.get(Advisor, advisor_id)
        if advisor is not None and advisor.deleted_at is None and advisor.display_name:
            names.append(advisor.display_name)
    return names


def registered_participants(session: Session, activity_id: uuid.UUID) -> list[SheetParticipant]:
    """Registered people of a workshop, each once, alphabetical (accents ignored)."""
    ordered = _signing_people(session, activity_id)
    return [SheetParticipant(b.display_name, "" if b.anonymous else b.commune) for b in ordered]


# A cycle sheet's session columns per sheet: beyond, the next sessions go on another sheet
# (a box stays wide enough to sign in, on A4 landscape).
CYCLE_COLUMNS = 8


def cycle_sheets(session: Session, series_id: uuid.UUID, walkin_rows: int = 3) -> list[SheetData]:
    """A series' cycle sheet: one row per registered person, one signature box per session
    (grey where the person is not registered: they joined later). Several sheets when the
    cycle has more than `CYCLE_COLUMNS` sessions."""
    series = session.get(WorkshopSeries, series_id)
    if series is None or series.deleted_at is not None:
        raise SheetError("Ce cycle d'ateliers n'existe pas (ou plus).")
    sessions = series_sessions(session, series_id)
    if not sessions:
        raise SheetError("Ce cycle d'ateliers n'a plus de séance.")
    registered: dict[uuid.UUID, set[int]] = {}
    people: dict[uuid.UUID, Beneficiary] = {}
    for s in sessions:
        for person in _signing_people(session, s.activity_id):
            people.setdefault(person.id, person)
            registered.setdefault(person.id, set()).add(s.number)
    venue_name, bassin = _place(session, series)
    sheets = []
    for start in range(0, len(sessions), CYCLE_COLUMNS):
        part = sessions[start : start + CYCLE_COLUMNS]
        columns = tuple(CycleSession(s.number, s.slot.date, s.slot.start_time, s.slot.end_time) for s in part)
        numbers = {c.number for c in columns}
        rows = [
            SheetParticipant(b.display_name, "" if b.anonymous else b.commune, frozenset(registered[b.id]))
            for b in sorted(people.values(), key=person_order)
            if registered[b.id] & numbers
        ]
        label = f"cycle de {len(sessions)} séances"
        if len(sessions) > CYCLE_COLUMNS:
            label += f", séances {part[0].number} à {part[-1].number}"
        sheets.append(
            SheetData(
                title=series.title or "Cycle d'ateliers",
                date=part[0].slot.date,
                themes=tuple(THEMES.labels(series.themes)),
                level=WORKSHOP_LEVELS.label(series.level),
                venue=venue_name,
                bassin=bassin,
                advisors=tuple(_advisor_names(session, series)),
                participants=tuple(rows),
                walkin_rows=max(0, walkin_rows),
                session=label,
                sessions=columns,
            )
        )
    return sheets


def _signing_people(session: Session, activity_id: uuid.UUID) -> list[Beneficiary]:
    """Who signs for a workshop: its registered people, each once, alphabetical."""
    rows = session.execute(
        select(Beneficiary)
        .join(Participation, Participation.beneficiary_id == Beneficiary.id)
        .where(
            Participation.activity_id == activity_id,
            Participation.registered.is_(True),
            Participation.deleted_at.is_(None),
            Beneficiary.deleted_at.is_(None),
        )
    ).scalars()
    people: dict[uuid.UUID, Beneficiary] = {}
    for person in rows:
        # A merged duplicate signs as the record it was merged into; two laptops adding the
        # same person offline leave two participations: one line.
        seen: set[uuid.UUID] = set()
        while person.merged_into_id is not None and person.merged_into_id not in seen:
            seen.add(person.id)
            target = session.get(Beneficiary, person.merged_into_id)
            if target is None or target.deleted_at is not None:
                break
            person = target
        people.setdefault(person.id, person)
    return sorted(people.values(), key=person_order)
