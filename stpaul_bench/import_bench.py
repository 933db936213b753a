"""Benchmark of the beneficiaries import (issue 18's goals): 10,000 rows of a city's XLSX
previewed (read, checked, duplicates looked up against the register) in under 5 s, and written
in one transaction (through the outbox) in under 10 s, on a store already holding the register."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from typing import Any

from stpaul_bench.harness import BenchContext, Figure, timed

ROWS = 10_000


def import_rows(ctx: BenchContext) -> list[Figure]:
    from openpyxl import Workbook

    from stpaul_field.documents import beneficiary_import as reader
    from stpaul_field.paths import AppPaths
    from stpaul_field.store import beneficiary_import as importer

    # A copy of the demo store: the import adds people, the other benchmarks keep theirs.
    source = ctx.demo_store()
    paths = AppPaths.under(ctx.work_dir / "import-bench")
    shutil.rmtree(paths.data.parent, ignore_errors=True)
    shutil.copytree(source.data.parent, paths.data.parent)
    wb = Workbook()
    ws = wb.active
    ws.append(["Nom", "Prénom", "Année de naissance", "Commune", "Téléphone", "E-mail", "Genre"])
    for i in range(ROWS):
        ws.append(
            [f"Import{i}", "Marie", 1940 + i % 60, "Saint-Paul", f"0692{i:06d}", f"p{i}@example.re", "F"]
        )
    path = ctx.work_dir / "import-10000.xlsx"
    wb.save(path)
    store = ctx.open_store(paths)

    def preview(session: Any) -> Any:
        read = reader.read_file(path)
        return importer.preview(session, read.rows, read.columns, dt.date.today())

    preview_s, write_s = _timed_import(store, preview, importer.write)
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    return [
        Figure(f"import : aperçu de {ROWS:,} lignes (registre de {n})".replace(",", " "), preview_s, "s", 5),
        Figure(f"import : écriture de {ROWS:,} lignes".replace(",", " "), write_s, "s", 10),
    ]


def _timed_import(
    store: Any, preview: Callable[[Any], Any], write: Callable[[Any, Any], Any]
) -> tuple[float, float]:
    """Seconds of an import's preview (in a read-only session) and of its writing (one
    transaction); the store is closed after."""
    found: list[Any] = []
    try:

        def read() -> None:
            with store.reader() as session:
                found.append(preview(session))

        def written() -> None:
            with store.session() as session:
                write(session, found[-1])

        return timed(read), timed(written)
    finally:
        store.close()


HISTORY = 4_000  # activities: an advisor's few years, one in five a workshop of four


def import_history(ctx: BenchContext) -> list[Figure]:
    """The import of an advisor's history from the Coop's activities export, on a fresh store:
    read and previewed, then written in one transaction."""
    from openpyxl import Workbook

    from stpaul_field.documents import exports
    from stpaul_field.documents.activity_import import read_activities
    from stpaul_field.paths import AppPaths
    from stpaul_field.store import activity_import as importer
    from stpaul_field.store.reference import local_advisor_id

    headers = exports.headers(exports.ACTIVITY_COLUMNS, "own")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Activités")
    ws.append(list(headers))
    rows = 0
    for i in range(HISTORY):
        workshop = i % 5 == 0
        for k in range(4 if workshop else 1):
            cells = {
                "Date": dt.datetime(2024, 1, 1) + dt.timedelta(days=i % 900),
                "Type": "Atelier collectif" if workshop else "Accompagnement individuel",
                "Participants": f"{k + 1}/4" if workshop else 1,
                "Bénéficiaire": f"Marie HISTOIRE{(i + k) % 300}",
                "Canaux d’accompagnement": "Lieu d’activité",
                "Nom du lieu": "Marla",
                "Durée (min)": 60,
                "Thématique(s) d’accompagnement": "E-mail\nNavigation sur internet",
                "Genre du bénéficiaire": "Féminin",
                "Tranche d’âge du bénéficiaire": "25 - 39 ans",
                "Statut du bénéficiaire": "Retraité",
                "ID CRA": f"bench-{i}",
            }
            ws.append([cells.get(h, "") for h in headers])
            rows += 1
    ctx.work_dir.mkdir(parents=True, exist_ok=True)
    path = ctx.work_dir / f"historique-{HISTORY}.xlsx"
    wb.save(path)
    paths = AppPaths.under(ctx.work_dir / "import-history-bench")
    shutil.rmtree(paths.data.parent, ignore_errors=True)
    store = ctx.open_store(paths)

    def preview(session: Any) -> Any:
        read = read_activities(path)
        return importer.preview(session, read.activities, read.columns)

    def write(session: Any, found: Any) -> None:
        advisor = local_advisor_id(session)
        assert advisor is not None
        importer.write(session, found, advisor)

    preview_s, write_s = _timed_import(store, preview, write)
    label = f"historique : {HISTORY:,} activités ({rows:,} lignes)".replace(",", " ")
    return [
        Figure(f"{label}, lecture et aperçu", preview_s, "s", 15),
        Figure(f"{label}, écriture", write_s, "s", 15),
    ]
