"""Sheets as the app and the CLI ask for them: from ids or a day, with the user's settings."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from stpaul_field.documents.attendance_sheet import Progress, SheetLook, load_logo, write_pdf
from stpaul_field.documents.sheet_data import (
    SheetData,
    SheetError,
    cycle_sheets,
    sheets_for_activities,
    sheets_for_day,
)
from stpaul_field.paths import private_file
from stpaul_field.settings import SHEET_FUNDING_LOGOS, SHEET_FUNDING_TEXT, SHEET_LOGO, WALKIN_ROWS, Settings
from stpaul_field.store.database import Store


def sheet_look(settings: Settings | None) -> SheetLook:
    if settings is None:
        return SheetLook()
    logos = [load_logo(p.strip()) for p in settings.get(SHEET_FUNDING_LOGOS).split(";") if p.strip()]
    return SheetLook(
        logo=load_logo(settings.get(SHEET_LOGO)),
        funding_text=settings.get(SHEET_FUNDING_TEXT).strip(),
        funding_logos=tuple(logo for logo in logos if logo is not None),
    )


def walkin_rows(settings: Settings | None) -> int:
    return max(0, settings.get(WALKIN_ROWS)) if settings else WALKIN_ROWS.default


def sheets_of(
    session: Session, settings: Settings | None, activity_ids: Sequence[uuid.UUID]
) -> list[SheetData]:
    if not activity_ids:
        raise SheetError("Aucun atelier choisi.")
    return sheets_for_activities(session, list(activity_ids), walkin_rows(settings))


def day_of(session: Session, settings: Settings | None, day: dt.date) -> list[SheetData]:
    return sheets_for_day(session, day, walkin_rows(settings))


def cycle_of(session: Session, settings: Settings | None, series_id: uuid.UUID) -> list[SheetData]:
    return cycle_sheets(session, series_id, min(walkin_rows(settings), CYCLE_WALKIN_ROWS))


# The same from a store, for the command line and the benches (the app reads through its
# context: `ui.printing`).
def load_sheets(
    store: Store, settings: Settings | None, activity_ids: Sequence[uuid.UUID]
) -> list[SheetData]:
    with store.reader() as session:
        return sheets_of(session, settings, activity_ids)


def load_day(store: Store, settings: Settings | None, day: dt.date) -> list[SheetData]:
    with store.reader() as session:
        return day_of(session, settings, day)


def load_cycle(store: Store, settings: Settings | None, series_id: uuid.UUID) -> list[SheetData]:
    with store.reader() as session:
        return cycle_of(session, settings, series_id)


# A cycle sheet's blank rows: latecomers sign there (the setting's 5 would often add a page).
CYCLE_WALKIN_ROWS = 3


def save_pdf(
    path: str | Path, sheets: Sequence[SheetData], look: SheetLook, progress: Progress = None
) -> int:
    """Write the PDF beside its destination then move it in place: a failure leaves no half file.

    Returns the page count, or 0 when `progress` cancelled (nothing is written then).
    """
    target = Path(path)
    cancelled = False

    def track(done: int, total: int) -> bool:
        nonlocal cancelled
        if progress is not None and progress(done, total) is False:
            cancelled = True
        return not cancelled

    try:
        with private_file(target) as tmp:
            pages = write_pdf(tmp, sheets, look, track)
            if cancelled:
                raise _Cancelled
    except _Cancelled:
        return 0
    return pages


class _Cancelled(Exception):
    """The advisor cancelled: the half-written PDF is dropped."""
