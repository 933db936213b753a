"""Sheets of a workshop series (issue 19): « Séance 2/6 » on each session's sheet, and the cycle
sheet (one row per person, one signature box per session, grey where a latecomer had not
joined yet; A4, rows of at least 12 mm). Read back from the PDF, from the API and the CLI."""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
import uuid
from pathlib import Path

import pypdf
import pytest

from stpaul_field.cli import main
from stpaul_field.documents.attendance_sheet import CYCLE_DOCUMENT_TITLE, write_pdf
from stpaul_field.documents.sheet_batch import load_cycle, load_sheets
from stpaul_field.documents.sheet_data import CYCLE_COLUMNS, SheetError
from stpaul_field.domain.entities import SeriesData, SessionSlot
from stpaul_field.store import activities as acts
from stpaul_field.store import series
from stpaul_field.store.database import Store
from stpaul_field.store.reference import local_advisor_id

MM = 72 / 25.4
DAYS = [dt.date(2026, 12, 1) + dt.timedelta(weeks=w) for w in range(6)]


@pytest.fixture(autouse=True)
def _qt(qapp: object) -> None:
    return None


def make_series(store: Store, n_people: int = 3, days=DAYS) -> tuple[uuid.UUID, list[uuid.UUID]]:
    with store.session() as s:
        people = [acts.create_beneficiary(s, f"Prénom{i}", f"NOM{i}") for i in range(n_people)]
        data = SeriesData(
            advisor_id=local_advisor_id(s),
            title="Découvrir l'ordinateur",
            themes=["prendre_en_main_du_materiel"],
            place_type="autre",
            commune="Saint-Paul",
        )
        slots = [SessionSlot(d, dt.time(9, 0), dt.time(11, 30)) for d in days]
        return series.create_series(s, data, slots, people), people


def texts(path: Path) -> list[str]:
    return [
        unicodedata.normalize("NFKC", " ".join(p.extract_text().split())) for p in pypdf.PdfReader(path).pages
    ]


def name_rows_y(path: Path, prefix: str) -> list[float]:
    """The heights (PDF points, from the bottom) at which names starting with `prefix` are drawn."""
    ys: list[float] = []

    def visit(text: str, _cm, tm, _font, _size) -> None:
        if text.startswith(prefix):
            ys.append(tm[5])

    pypdf.PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return ys


def test_each_session_s_sheet_says_its_place_in_the_series(store: Store, tmp_path: Path) -> None:
    sid, _people = make_series(store)
    with store.reader() as s:
        second = series.series_sessions(s, sid)[1].activity_id
    (sheet,) = load_sheets(store, None, [second])
    assert sheet.session == "Séance 2/6"
    out = tmp_path / "seance.pdf"
    write_pdf(out, [sheet])
    (page,) = texts(out)
    assert "Découvrir l'ordinateur – Séance 2/6" in page
    assert "Horaire prévu : 09h00 – 11h30" in page


def test_the_cycle_sheet_has_a_row_per_person_and_a_box_per_session(store: Store, tmp_path: Path) -> None:
    sid, _people = make_series(store, n_people=3)
    with store.session() as s:
        late = acts.create_beneficiary(s, "Zoé", "ARRIVÉE")
        series.add_participant(s, sid, late, today=DAYS[2])
    (sheet,) = load_cycle(store, None, sid)
    assert [p.name for p in sheet.participants] == [
        "ARRIVÉE Zoé",
        "NOM0 Prénom0",
        "NOM1 Prénom1",
        "NOM2 Prénom2",
    ]
    assert sheet.participants[0].sessions == frozenset({3, 4, 5, 6})  # joined at the third
    out = tmp_path / "cycle.pdf"
    write_pdf(out, [sheet])
    for page in pypdf.PdfReader(out).pages:  # A4 landscape: room for a box per session
        assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (297, 210)
    text = " ".join(texts(out))
    assert CYCLE_DOCUMENT_TITLE in text and "Découvrir l'ordinateur – cycle de 6 séances" in text
    for n, day in enumerate(DAYS, start=1):
        assert f"Séance {n}" in text and f"{day:%d/%m}" in text
    assert "09h00–11h30" in text
    assert "du mardi 01/12/2026 au mardi 05/01/2027" in text
    # The advisors sign each session too, on their own rows.
    assert "Conseiller(s) animant l'atelier : nom et signature" in text
    # One row per person, each at least 12 mm high.
    ys = sorted(name_rows_y(out, "NOM") + name_rows_y(out, "ARRIVÉE"), reverse=True)
    assert len(ys) == 4
    assert all((a - b) / MM >= 12 for a, b in itertools.pairwise(ys))


def test_a_long_cycle_goes_on_several_sheets_and_the_cli_writes_it(
    store: Store, paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    days = [dt.date(2026, 12, 1) + dt.timedelta(days=d) for d in range(CYCLE_COLUMNS + 2)]
    sid, _people = make_series(store, n_people=2, days=days)
    sheets = load_cycle(store, None, sid)
    assert [len(s.sessions) for s in sheets] == [CYCLE_COLUMNS, 2]
    assert sheets[1].session == f"cycle de {CYCLE_COLUMNS + 2} séances, séances 9 à 10"
    out = tmp_path / "cycle-cli.pdf"
    store.close()
    code = main(["--data-dir", str(paths.data.parent), "print-sheet", "--series", str(sid), "-o", str(out)])
    assert code == 0 and "2 feuilles d'émargement enregistrées" in capsys.readouterr().out
    pages = texts(out)
    assert len(pages) == 2 and "Séance 10" in pages[1] and "Séance 10" not in pages[0]


def test_an_unknown_series_is_told_in_french(store: Store, paths, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SheetError, match="Ce cycle d'ateliers n'existe pas"):
        load_cycle(store, None, uuid.uuid4())
    store.close()
    code = main(["--data-dir", str(paths.data.parent), "print-sheet", "--series", "nimporte", "-o", "x.pdf"])
    assert code == 1
    assert "« nimporte » n'est pas un identifiant de cycle valide." in capsys.readouterr().err
