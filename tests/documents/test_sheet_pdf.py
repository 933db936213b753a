"""Attendance sheets read back from the PDF: what a participant and an advisor see on paper."""

from __future__ import annotations

import datetime as dt
import math
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from stpaul_field.documents.attendance_sheet import (
    COLUMNS,
    MARGIN_MM,
    SheetLook,
    load_logo,
    write_pdf,
)
from stpaul_field.documents.sheet_batch import load_day, load_sheets, save_pdf
from stpaul_field.documents.sheet_data import SheetData, blank_sheet, find_venue
from stpaul_field.store.database import Store
from tests.sheet_factory import add_workshop, people

MM = 72 / 25.4  # PDF points per millimetre
A4_USABLE_MM = 297 - 2 * MARGIN_MM
MIN_SIGNATURE_MM = 12


@pytest.fixture(autouse=True)
def _qt(qapp: object) -> None:
    # A QApplication made first, as in the desktop app (documents only need a QGuiApplication).
    return None


def page_texts(path: Path) -> list[str]:
    reader = pypdf.PdfReader(path)
    # Qt writes spaces between words as separate moves: compare on single-spaced text.
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def numbered_rows(text: str) -> list[int]:
    """Row numbers as printed: a number standing alone between cells."""
    return [int(n) for n in re.findall(r"(?:^| )(\d{1,3})(?= |$)", text)]


def table_numbers(page: str) -> list[int]:
    """Row numbers of a page's table: after its header, without the footer's figures."""
    table = page.split("Signature", 1)[1]
    table = re.sub(r"\d+ inscrits?|Page \d+/\d+", "", table)
    return numbered_rows(table)


def sheet_pdf(store: Store, tmp_path: Path, n: int, walkins: int = 5) -> tuple[SheetData, list[str]]:
    wid = add_workshop(store, people(n), title="Découvrir la tablette")
    (sheet,) = load_sheets(store, None, [wid])
    sheet = SheetData(**{**sheet.__dict__, "walkin_rows": walkins})
    out = tmp_path / f"sheet-{n}.pdf"
    write_pdf(out, [sheet])
    return sheet, page_texts(out)


@pytest.mark.parametrize(("n", "expected_pages"), [(0, 1), (1, 1), (30, 3), (120, 8)])
def test_every_registered_person_once_in_order_on_paginated_pages(
    store: Store, tmp_path: Path, n: int, expected_pages: int
) -> None:
    sheet, pages = sheet_pdf(store, tmp_path, n)
    # 13 mm rows on A4 (see docs/attendance-sheets.md): 14 rows on the first page, 17 after.
    assert len(pages) == expected_pages
    # Whatever the exact layout, no page can hold more rows than A4 allows, and none is wasted.
    rows = n + 1 + 5  # people, the walk-in heading, 5 walk-in rows
    assert len(pages) >= math.ceil(rows / (A4_USABLE_MM / MIN_SIGNATURE_MM))
    whole = " ".join(pages)
    names = [p.name for p in sheet.participants]
    assert names == sorted(names, key=lambda s: s.casefold())
    positions = [whole.find(name) for name in names]
    assert all(p >= 0 for p in positions)
    assert positions == sorted(positions)
    assert all(whole.count(name) == 1 for name in names)
    for i, text in enumerate(pages, start=1):
        assert f"Page {i}/{len(pages)}" in text
        assert f"{n} inscrit" in text
        assert "Découvrir la tablette" in text
        # The table header is repeated on every page.
        assert all(col in text for col in COLUMNS)
        assert "Responsable du traitement : Ville de Saint-Paul" in text
        if i < len(pages):
            assert len(table_numbers(text)) >= 12, "a page left half empty"
    # Rows are numbered 1..n, then the walk-in rows follow.
    assert [x for page in pages for x in table_numbers(page)] == list(range(1, n + 6))


def test_walkin_rows_follow_the_registered_ones_as_many_as_asked(store: Store, tmp_path: Path) -> None:
    _sheet, pages = sheet_pdf(store, tmp_path, 3, walkins=7)
    text = pages[-1]
    assert "Participants non inscrits" in text
    after = text.split("Participants non inscrits (à compléter sur place)")[1]
    assert table_numbers("Signature" + after) == [4, 5, 6, 7, 8, 9, 10]
    _sheet, pages = sheet_pdf(store, tmp_path, 3, walkins=0)
    assert "non inscrits" not in pages[0]


def test_accents_and_header_details_render(store: Store, tmp_path: Path) -> None:
    with store.reader() as s:
        venue = find_venue(s, "Îlet à Bourse")
    assert venue is not None
    wid = add_workshop(
        store,
        [("Hélène", "Técher", "Saint-Paul"), ("Maëva", "Écanvil", "Trois-Bassins")],
        title="Sécurité numérique : être à l'aise",
        venue_id=venue.id,
        themes=["securite_numerique"],
        level="avance",
        day=dt.date(2026, 11, 25),
        start=dt.time(9, 0),
        duration_min=90,
    )
    out = tmp_path / "accents.pdf"
    save_pdf(out, load_sheets(store, None, [wid]), SheetLook())
    (text,) = page_texts(out)
    for expected in (
        "Ville de Saint-Paul",
        "Feuille d'émargement",
        "Sécurité numérique : être à l'aise",
        "Prévention en sécurité numérique",
        "Avancé",
        "mercredi 25/11/2026",
        "09h00 – 10h30",
        "Îlet à Bourse (bassin de vie : Mafate)",
        "Marie HOAREAU",
        "ÉCANVIL Maëva",
        "TÉCHER Hélène",
        "Trois-Bassins",
    ):
        assert expected in text


def test_nothing_is_printed_in_the_margins(store: Store, tmp_path: Path) -> None:
    _sheet, _pages = sheet_pdf(store, tmp_path, 30)
    reader = pypdf.PdfReader(tmp_path / "sheet-30.pdf")
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        origins: list[tuple[float, float]] = []

        def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
            if text.strip():
                origins.append((cm[0] * tm[4] + cm[4], cm[3] * tm[5] + cm[5]))  # noqa: B023

        page.extract_text(visitor_text=visit)
        assert origins
        margin = MARGIN_MM * MM - 0.5
        for x, y in origins:
            assert margin <= x <= width - margin
            assert margin <= y <= height - margin


def test_day_batch_one_pdf_each_workshop_on_its_own_pages(store: Store, tmp_path: Path) -> None:
    day = dt.date(2026, 11, 26)
    add_workshop(store, people(20), title="Atelier B", day=day, start=dt.time(14, 0))
    add_workshop(store, people(2), title="Atelier A", day=day, start=dt.time(8, 0))
    add_workshop(store, [], title="Atelier C", day=day, start=dt.time(16, 0))
    out = tmp_path / "day.pdf"
    pages_written = save_pdf(out, load_day(store, None, day), SheetLook())
    pages = page_texts(out)
    assert pages_written == len(pages) == 1 + 2 + 1
    starts = [p for p in pages if "Page 1/" in p]
    titles = [re.findall(r"Atelier [ABC]", p)[0] for p in starts]
    assert titles == ["Atelier A", "Atelier B", "Atelier C"]
    for p in starts:
        assert "(suite)" not in p and "Horaire" in p
    assert "Atelier B" in pages[2] and "(suite)" in pages[2] and "Page 2/2" in pages[2]


def test_blank_sheet_is_one_page_of_numbered_rows(tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    write_pdf(out, [blank_sheet(title="Atelier imprévu", day=dt.date(2026, 11, 27))])
    (text,) = page_texts(out)
    assert "Atelier imprévu" in text and "vendredi 27/11/2026" in text
    assert "Feuille vierge" in text and "Page 1/1" in text
    assert "inscrit" not in text.replace("non inscrits", "")
    rows = table_numbers(text)
    assert rows == list(range(1, len(rows) + 1)) and len(rows) >= 12


def test_logo_from_settings_is_drawn_and_a_bad_one_is_ignored(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d6fa5"))
    logo = tmp_path / "logo.png"
    assert image.save(str(logo))
    out = tmp_path / "logo.pdf"
    write_pdf(out, [blank_sheet(title="Logo")], SheetLook(logo=load_logo(logo)))
    assert len(pypdf.PdfReader(out).pages[0].images) == 1
    (tmp_path / "broken.png").write_bytes(b"not an image")
    assert load_logo(tmp_path / "broken.png") is None
    assert load_logo("") is None


def test_a_long_batch_does_not_abort_the_process(tmp_path: Path) -> None:
    # PySide6 6.12 on Python 3.11 drops a reference to None on every void call; without the
    # guard in documents.qt_runtime a few thousand rows abort the interpreter ("none_dealloc").
    script = f"""
import sys
sys.path.insert(0, {str(Path.cwd())!r})
from stpaul_field.documents.attendance_sheet import write_pdf
from stpaul_field.documents.sheet_data import SheetData, SheetParticipant
people = tuple(SheetParticipant(f"PAYET Hélène {{i:03d}}", "Saint-Paul") for i in range(120))
sheets = [SheetData(title=f"Atelier {{n}}", participants=people) for n in range(15)]
print(write_pdf({str(tmp_path / "long.pdf")!r}, sheets))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert int(done.stdout.split()[-1]) == len(pypdf.PdfReader(tmp_path / "long.pdf").pages) == 15 * 8
