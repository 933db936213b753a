"""The sheet benchmark runs and reports against the DESIGN.md goal (figures, not a timed test)."""

from __future__ import annotations

from pathlib import Path

from stpaul_bench.harness import BenchContext
from stpaul_bench.sheet_bench import DAY_WORKSHOPS, sheet_pdf


def test_sheet_benchmark_reports_its_figures(tmp_path: Path, qapp: object) -> None:
    figures = sheet_pdf(BenchContext(tmp_path))
    by_name = {f.name: f for f in figures}
    single = by_name["feuille d'émargement 30 inscrits → PDF (médiane)"]
    assert single.goal == 250 and single.unit == "ms" and single.value > 0
    assert f"journée de {DAY_WORKSHOPS} ateliers (15 inscrits) → un PDF" in by_name
    # The PDF it timed is a real one: the day's batch, each workshop starting a page.
    import pypdf

    pages = [p.extract_text() for p in pypdf.PdfReader(tmp_path / "sheet.pdf").pages]
    assert sum("Page\t1/" in p or "Page 1/" in p for p in pages) == DAY_WORKSHOPS
