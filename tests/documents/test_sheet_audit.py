"""A sheet an auditor of funded training accepts (issue 19, item 5): a signature per half-day,
the advisors' names and signature boxes, the scheduled hours, the funders' mentions and logos;
rows of at least 12 mm, on A4. Read back from the PDF."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest

from stpaul_field.documents.attendance_sheet import (
    ADVISOR_BOX_MM,
    HALF_DAY_COLUMNS,
    ROW_MM,
    SheetLook,
    write_pdf,
)
from stpaul_field.documents.sheet_batch import load_sheets, sheet_look
from stpaul_field.documents.sheet_data import spans_half_days
from stpaul_field.settings import SHEET_FUNDING_LOGOS, SHEET_FUNDING_TEXT, Settings
from stpaul_field.store.database import Store
from tests.sheet_factory import add_advisor, add_workshop, people

MM = 72 / 25.4


@pytest.fixture(autouse=True)
def _qt(qapp: object) -> None:
    return None


def text(path: Path) -> list[str]:
    # NFKC: the PDF's ligatures (« ﬁ ») read as their letters.
    return [
        unicodedata.normalize("NFKC", " ".join(p.extract_text().split())) for p in pypdf.PdfReader(path).pages
    ]


def test_half_days_are_workshops_over_noon_or_longer_than_four_hours() -> None:
    t = dt.time
    assert spans_half_days(t(9, 0), t(16, 0))
    assert spans_half_days(t(10, 30), t(12, 30))  # over noon
    assert spans_half_days(t(13, 0), t(17, 30))  # 4 h 30 in the afternoon
    assert not spans_half_days(t(14, 0), t(16, 0))
    assert not spans_half_days(t(8, 0), t(12, 0))  # ends at noon
    assert not spans_half_days(None, None)


def test_a_day_long_workshop_has_morning_and_afternoon_signatures(store: Store, tmp_path: Path) -> None:
    marie = add_advisor(store, "Marie", "HOAREAU")
    paul = add_advisor(store, "Paul", "GRONDIN")
    wid = add_workshop(
        store, people(3), start=dt.time(9, 0), duration_min=7 * 60, advisor_id=marie, co_advisor_ids=[paul]
    )
    (sheet,) = load_sheets(store, None, [wid])
    out = tmp_path / "journee.pdf"
    write_pdf(out, [sheet])
    (page,) = text(out)
    assert all(title in page for title in HALF_DAY_COLUMNS)
    assert "Horaire prévu : 09h00 – 16h00 (7 h prévues)" in page
    assert "Conseiller(s) animant l'atelier : nom et signature" in page
    assert "Marie HOAREAU" in page.split("animant")[1]
    assert "Paul GRONDIN" in page.split("animant")[1]


def test_a_short_afternoon_workshop_keeps_one_signature_column(store: Store, tmp_path: Path) -> None:
    wid = add_workshop(store, people(2), start=dt.time(14, 0), duration_min=120)
    (sheet,) = load_sheets(store, None, [wid])
    out = tmp_path / "court.pdf"
    write_pdf(out, [sheet])
    (page,) = text(out)
    assert "Signature matin" not in page and "Signature" in page
    assert "14h00 – 16h00 (2 h prévues)" in page


def test_the_funders_mentions_and_logos_come_from_the_settings(store: Store, paths, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    logos = []
    for i, colour in enumerate(("#1d6fa5", "#e63946")):
        image = QImage(300, 100, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        logos.append(tmp_path / f"financeur{i}.png")
        assert image.save(str(logos[-1]))
    settings = Settings(paths.settings_file)
    mention = "Action financée par l'ANCT (France Services) et la Région Réunion."
    settings.set(SHEET_FUNDING_TEXT, mention)
    settings.set(SHEET_FUNDING_LOGOS, f"{logos[0]} ; {logos[1]} ; {tmp_path / 'absent.png'}")
    look = sheet_look(settings)
    assert len(look.funding_logos) == 2  # the missing file is left out
    wid = add_workshop(store, people(40), start=dt.time(9, 0), duration_min=360)
    (sheet,) = load_sheets(store, settings, [wid])
    out = tmp_path / "finance.pdf"
    pages = write_pdf(out, [sheet], look)
    reader = pypdf.PdfReader(out)
    assert pages == len(reader.pages) >= 2
    for i, page in enumerate(text(out)):  # on every page
        assert mention in page
        assert len(reader.pages[i].images) == 2
    # The advisors' boxes once, at the end of the sheet.
    assert sum(p.count("animant l'atelier") for p in text(out)) == 1
    last = text(out)[-1]
    assert "animant l'atelier" in last
    # …never alone on a page: the sheet's last row goes with them.
    assert re.search(r"(^| )\d{1,3}( |$)", last.split("Signature après-midi", 1)[1].split("animant")[0])
    # A4, rows of at least 12 mm, boxes of at least 12 mm.
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (210, 297)
    assert ROW_MM >= 12 and ADVISOR_BOX_MM >= 12


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_the_audit_sheet_renders(store: Store, tmp_path: Path) -> None:
    wid = add_workshop(store, people(8), start=dt.time(8, 30), duration_min=420)
    (sheet,) = load_sheets(store, None, [wid])
    out = tmp_path / "audit.pdf"
    write_pdf(out, [sheet], SheetLook(funding_text="Avec le soutien de l'État."))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "p")], check=True)
    assert next(tmp_path.glob("p*.png")).stat().st_size > 5000
