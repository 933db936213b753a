"""The month's PDF report read back: two A4 pages with the figures, the target and the charts' labels."""

# The PDF tests take pytest-qt's `qapp`, so that the QApplication other Qt tests need is the one
# the documents paint with (a bare QGuiApplication made first would stop widgets later).

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from stpaul_field.cli import main
from stpaul_field.documents.monthly_report import write_monthly_report
from stpaul_field.domain.report_model import Period
from stpaul_field.settings import MONTHLY_TARGET, Settings
from stpaul_field.store import statistics as st
from tests.statistics_fixture import NOV, RULE, build


def text_of(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_team_report_pdf(qapp, store, tmp_path):
    build(store)
    with store.reader() as s:
        report = st.monthly_report(s, Period.month(*NOV), st.team_scope(), RULE, team_target=40)
    out = tmp_path / "rapport.pdf"
    write_monthly_report(report, out)
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4
    one, two = text_of(out)
    assert "Rapport mensuel — novembre 2026" in one
    assert "8 suivis" in one
    assert "objectif 40 · 20%" in one
    assert "Activités réalisées jusqu'au 28/11/2026" in one
    assert "uniques" in one and "Mafate" in one and "Saint-Gilles les Bains" in one
    assert "4 (50%)" in one  # Mafate's share of the follow-ups
    assert "Alice Grondin" in one and "Bruno Payet" in one  # by advisor, team report
    assert "nov. 26" in one and "déc. 25" in one  # twelve months of evolution
    assert "Suivis par thématique" in two and "Situation de handicap" in two and "Îlet de Marla" in two


def test_report_command_for_this_laptops_advisor(qapp, store, paths, tmp_path):
    fx = build(store)
    store.close()
    settings = Settings(paths.settings_file)
    from stpaul_field.settings import ADVISOR_TARGET, CURRENT_ADVISOR

    settings.set(CURRENT_ADVISOR, str(fx.alice))
    settings.set(ADVISOR_TARGET, 14)
    settings.set(MONTHLY_TARGET, 1600)
    out = tmp_path / "alice.pdf"
    assert main(["--data-dir", str(paths.data.parent), "report", "--month", "2026-11", "-o", str(out)]) == 0
    one = text_of(out)[0]
    assert "Conseiller : Alice Grondin" in one
    assert "7 suivis" in one and "objectif 14 · 50%" in one
    assert "Activités réalisées jusqu'au 30/11/2026" in one  # the month is over
    assert "Suivis par conseiller" not in one


def test_report_command_refuses_a_bad_month(paths, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["--data-dir", str(paths.data.parent), "report", "--month", "novembre", "-o", str(out)]) == 2
    assert "Mois invalide" in capsys.readouterr().out
    assert not out.exists()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_report_renders_as_an_image(qapp, store, tmp_path):
    build(store)
    with store.reader() as s:
        report = st.monthly_report(s, Period.month(*NOV), st.team_scope(), RULE)
    out = tmp_path / "rapport.pdf"
    write_monthly_report(report, out)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True
    )
    png = next(tmp_path.glob("p*.png"))
    assert png.stat().st_size > 5000  # a page with drawings, not a blank one


def test_the_figures_as_a_workbook_one_sheet_per_split(store, tmp_path):
    from openpyxl import load_workbook

    from stpaul_field.documents.figures_export import SUMMARY, sheet_name, write_figures_xlsx
    from stpaul_field.domain.report_model import SPLITS

    build(store)
    with store.reader() as s:
        report = st.monthly_report(s, Period.month(*NOV), st.team_scope(), RULE, team_target=40)
    out = tmp_path / "chiffres.xlsx"
    assert write_figures_xlsx(report, out) == 1 + len(SPLITS)  # the team's: advisors too
    wb = load_workbook(out)
    assert wb.sheetnames == [SUMMARY, *(sheet_name(s.title) for s in SPLITS)]
    summary = {row[0]: row[1] for row in wb[SUMMARY].iter_rows(values_only=True)}
    assert summary["Suivis"] == 8 and summary["Objectif"] == 40
    assert (
        summary["Ateliers sans émargement"] == 2
        and summary["Inscrits non comptés (émargement à saisir)"] == 4
    )
    assert summary["Ce qui est compté"].startswith("Activités réalisées jusqu'au 28/11/2026")

    def rows(title: str) -> dict:
        return {
            r[0]: r[1] for r in wb[sheet_name(title)].iter_rows(min_row=2, values_only=True) if r and r[1]
        }

    assert rows("Par commune de résidence") == {"Saint-Paul": 3, "La Possession": 1, "Non renseigné": 4}
    assert rows("Par matériel utilisé") == {"Ordinateur": 1, "Téléphone": 1}
    assert rows("Par type de lieu") == {"Lieu d’activité": 7, "À domicile": 1}
    assert rows("Par statut") == {"En emploi": 3, "Retraité": 1, "Non communiqué ou hétérogène": 4}
    assert rows("Par bassin de vie")["Mafate"] == 4
    mafate = next(
        r for r in wb[sheet_name("Par bassin de vie")].iter_rows(values_only=True) if r[0] == "Mafate"
    )
    assert mafate[2] == 0.5  # its share of the follow-ups


def test_report_command_writes_the_figures_as_xlsx(qapp, store, paths, tmp_path):
    from openpyxl import load_workbook

    build(store)
    store.close()
    out = tmp_path / "chiffres.xlsx"
    assert (
        main(["--data-dir", str(paths.data.parent), "report", "--month", "2026-11", "--team", "-o", str(out)])
        == 0
    )
    assert "Par commune de résidence" in load_workbook(out).sheetnames


def test_the_pdf_has_the_new_splits(qapp, store, tmp_path):
    build(store)
    with store.reader() as s:
        report = st.monthly_report(s, Period.month(*NOV), st.team_scope(), RULE, team_target=40)
    out = tmp_path / "rapport.pdf"
    write_monthly_report(report, out)
    two = text_of(out)[1]
    for title in ("Par type de lieu", "Par commune de résidence", "Par matériel utilisé", "Par statut"):
        assert title in two
    assert "La Possession" in two
