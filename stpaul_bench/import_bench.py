"""Benchmark of the beneficiaries import (issue 18's goals): 10,000 rows of a city's XLSX
previewed (read, checked, duplicates looked up against the register) in under 5 s, and written
in one transaction (through the outbox) in under 10 s, on a store already holding the register."""

from __future__ import annotations

import datetime as dt
import shutil

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
    found: list[importer.Preview] = []
    try:

        def preview() -> None:
            read = reader.read_file(path)
            with store.reader() as session:
                found.append(importer.preview(session, read.rows, read.columns, dt.date.today()))

        def write() -> None:
            with store.session() as session:
                importer.write(session, found[-1])

        preview_s = timed(preview)
        write_s = timed(write)
    finally:
        store.close()
    n = f"{ctx.beneficiaries:,}".replace(",", " ")
    return [
        Figure(f"import : aperçu de {ROWS:,} lignes (registre de {n})".replace(",", " "), preview_s, "s", 5),
        Figure(f"import : écriture de {ROWS:,} lignes".replace(",", " "), write_s, "s", 10),
    ]
