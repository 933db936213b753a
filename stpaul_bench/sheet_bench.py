"""Benchmarks of the attendance sheets: from the store to a PDF file on disk."""

from __future__ import annotations

import datetime as dt
import statistics

from stpaul_bench.harness import BenchContext, Figure, timed
from stpaul_field.paths import AppPaths

DAY = dt.date(2026, 11, 23)
FIRST_NAMES = ("Hélène", "Maëva", "Jean-Marc", "Noémie", "Éric", "Loïc", "Françoise", "Anaïs")
LAST_NAMES = ("Payet", "Técher", "Hoarau", "Grondin", "Fontaine", "Boyer", "Léger", "Maillot")
ROUNDS = 7
DAY_WORKSHOPS = 20


def _seed(ctx: BenchContext, paths: AppPaths) -> None:
    """One 30-person workshop the day before DAY, and DAY_WORKSHOPS workshops of 15 people on DAY."""
    from stpaul_field.store.models import Activity, Beneficiary, Participation
    from stpaul_field.store.reference import local_advisor_id

    store = ctx.open_store(paths)
    try:
        with store.session() as s:
            advisor = local_advisor_id(s)
            assert advisor is not None

            def workshop(day: dt.date, hour: int, size: int, n: int) -> None:
                activity = Activity(
                    type="workshop",
                    status="planned",
                    advisor_id=advisor,
                    date=day,
                    start_time=dt.time(hour % 24, 0),
                    duration_min=90,
                    title=f"Atelier numérique n° {n} – prise en main",
                    themes=["prendre_en_main_du_materiel", "email"],
                    level="debutant",
                )
                s.add(activity)
                s.flush()
                for i in range(size):
                    person = Beneficiary(
                        first_name=FIRST_NAMES[(i + n) % len(FIRST_NAMES)],
                        last_name=f"{LAST_NAMES[(i * 3 + n) % len(LAST_NAMES)]} {i:02d}",
                        commune="Saint-Paul",
                    )
                    s.add(person)
                    s.flush()
                    s.add(Participation(activity_id=activity.id, beneficiary_id=person.id))

            workshop(DAY - dt.timedelta(days=1), 9, 30, 0)
            for n in range(DAY_WORKSHOPS):
                workshop(DAY, 8 + n // 2, 15, n + 1)
    finally:
        store.close()


def sheet_pdf(ctx: BenchContext) -> list[Figure]:
    from stpaul_field.documents.attendance_sheet import SheetLook
    from stpaul_field.documents.qt_runtime import ensure_gui_application
    from stpaul_field.documents.sheet_batch import load_day, load_sheets, save_pdf

    ensure_gui_application()
    from stpaul_field.documents.sheet_data import workshops_on

    paths = AppPaths.under(ctx.work_dir / "sheets")
    if not paths.store_file.exists():
        _seed(ctx, paths)
    store = ctx.open_store(paths)
    with store.reader() as s:
        (single,) = workshops_on(s, DAY - dt.timedelta(days=1))
    out = ctx.work_dir / "sheet.pdf"
    look = SheetLook()
    try:
        first = timed(lambda: save_pdf(out, load_sheets(store, None, [single]), look))
        one = [timed(lambda: save_pdf(out, load_sheets(store, None, [single]), look)) for _ in range(ROUNDS)]
        day = [timed(lambda: save_pdf(out, load_day(store, None, DAY), look)) for _ in range(3)]
    finally:
        store.close()
    return [
        Figure("feuille d'émargement 30 inscrits → PDF (médiane)", statistics.median(one) * 1000, "ms", 250),
        Figure("feuille d'émargement 30 inscrits → PDF (1re, polices à charger)", first * 1000, "ms", 250),
        Figure(
            f"journée de {DAY_WORKSHOPS} ateliers (15 inscrits) → un PDF", statistics.median(day) * 1000, "ms"
        ),
    ]
