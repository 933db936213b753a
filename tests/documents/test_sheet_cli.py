"""`stpaul-field print-sheet`, as a script or an advisor at a terminal uses it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest

from stpaul_field.cli import main
from stpaul_field.paths import AppPaths
from stpaul_field.settings import WALKIN_ROWS, Settings
from stpaul_field.store.database import Store
from tests.sheet_factory import add_workshop, people

DAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _qt(qapp: object) -> None:
    return None


@pytest.fixture
def data_dir(paths: AppPaths) -> Path:
    return paths.data.parent


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "print-sheet", *args])


def text_of(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(pdf).pages)


def test_workshop_sheet_written(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wid = add_workshop(store, people(3), title="Découvrir la tablette")
    Settings(store.paths.settings_file).set(WALKIN_ROWS, 2)
    out = tmp_path / "feuille.pdf"
    assert run(data_dir, "--workshop", str(wid), "-o", str(out)) == 0
    assert "Feuille d'émargement enregistrée" in capsys.readouterr().out
    text = text_of(out)
    assert "Découvrir la tablette" in text and "3 inscrits" in text
    # Two walk-in rows (the setting): rows 4 and 5, no row 6.
    after = text.split("Participants non inscrits (à compléter sur place)")[1]
    assert after.split()[:1] == ["4"] and " 5 " in after and " 6 " not in after


def test_day_batch_written(store: Store, data_dir: Path, tmp_path: Path) -> None:
    add_workshop(store, people(2), title="Matin", day=DAY, start=dt.time(9, 0))
    add_workshop(store, people(2), title="Après-midi", day=DAY, start=dt.time(14, 0))
    out = tmp_path / "jour.pdf"
    assert run(data_dir, "--date", DAY.isoformat(), "-o", str(out)) == 0
    pages = pypdf.PdfReader(out).pages
    assert len(pages) == 2
    assert "Matin" in pages[0].extract_text() and "Après-midi" in pages[1].extract_text()


def test_blank_sheet_with_known_venue(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "vierge.pdf"
    code = run(data_dir, "--blank", "--title", "Atelier imprévu", "--venue", "ilet a bourse", "-o", str(out))
    assert code == 0
    text = text_of(out)
    assert "Atelier imprévu" in text and "Îlet à Bourse (bassin de vie : Mafate)" in text
    assert "Feuille vierge" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workshop", "0190f0a0-0000-7000-8000-000000000000"], "Aucun atelier ne porte l'identifiant"),
        (["--workshop", "atelier-12"], "n'est pas un identifiant d'atelier valide"),
        (["--date", "2026-12-25"], "Aucun atelier prévu le vendredi 25/12/2026"),
        (["--date", "25-12-2026"], "Date invalide « 25-12-2026 »"),
        (["--blank", "--start", "midi"], "Heure invalide « midi »"),
    ],
)
def test_clear_french_error_and_no_file(
    store: Store,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "rien.pdf"
    assert run(data_dir, *args, "-o", str(out)) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.glob("*.pdf")) == []


def test_one_kind_of_sheet_only(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert run(data_dir, "-o", str(out)) == 2
    assert run(data_dir, "--blank", "--workshop", "x", "-o", str(out)) == 2
    assert "une seule des options" in capsys.readouterr().err
    assert not out.exists()
