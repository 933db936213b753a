"""Exports read back: the Coop's columns in order, French dates and labels, sums that match."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from stpaul_field.cli import main
from stpaul_field.documents import exports
from stpaul_field.domain.report_model import Period
from stpaul_field.paths import AppPaths
from stpaul_field.settings import CURRENT_ADVISOR, Settings
from stpaul_field.store import statistics as st
from stpaul_field.store.database import Store
from tests.statistics_fixture import NOV, Fixture, build

NOVEMBER = Period.month(*NOV)
# The national report's value lists and columns, as the project received them.
REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "coop-cra.md"


def reference_columns(heading: str) -> list[str]:
    """The column list under a heading of the reference, as written there (one source of truth)."""
    text = REFERENCE.read_text(encoding="utf-8")
    block = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    body = " ".join(line.strip() for line in block.splitlines()[1:] if line.strip())
    return [c.strip() for c in body.split("·")]


def test_columns_are_the_references_in_order():
    activities = reference_columns("Activities export (XLSX, one row per accompagnement), column order")
    # "(for a team export: A · B · C)" spans three cells of the reference's list
    start = next(i for i, c in enumerate(activities) if c.startswith("(for a team export: "))
    team = list(activities)
    team[start] = team[start].removeprefix("(for a team export: ")
    team[start + 2] = team[start + 2].removesuffix(")")
    assert list(exports.activity_columns(team=True)) == team
    solo = activities[:start] + activities[start + 3 :]
    assert list(exports.activity_columns(team=False)) == solo
    assert list(exports.BENEFICIARY_COLUMNS) == reference_columns("Beneficiaries export (XLSX), column order")


@pytest.fixture
def fx(store: Store) -> Fixture:
    return build(store)


def test_activities_xlsx_read_back(store, fx, tmp_path):
    out = tmp_path / "activites.xlsx"
    with store.reader() as s:
        rows = exports.export(s, "activities", NOVEMBER, None, out, "xlsx")
        figures = st.period_figures(s, NOVEMBER, st.team_scope())
    ws = load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    header, body = values[0], values[1:]
    assert header == list(exports.activity_columns(team=True))
    assert len(body) == rows
    col = {name: i for i, name in enumerate(header)}
    # The participants column adds up to the month's follow-ups.
    assert sum(r[col["Participants"]] for r in body) == figures.follow_ups == 10
    first = body[0]  # a1: 3 November, Alice, Hélène at Saint-Gilles
    assert first[col["Date"]] == dt.datetime(2026, 11, 3)
    assert ws.cell(row=2, column=1).number_format == "dd/mm/yyyy"
    assert first[col["Prénom du médiateur"]] == "Alice"
    assert first[col["Rôle"]] == "Conseiller numérique"
    assert first[col["Type"]] == "Accompagnement individuel"
    assert first[col["Bénéficiaire"]] == "Hélène Técher"
    assert first[col["Canaux d'accompagnement"]] == "Lieu d’activité"
    assert first[col["Nom du lieu"]] == "EN Saint-Gilles"
    assert first[col["Code postal"]] == "97434"
    assert first[col["Matériel numérique utilisé"]] == "Ordinateur, Téléphone"
    assert first[col["Thématique(s) d'accompagnement"]] == "E-mail"
    assert first[col["Niveau d'autonomie (ou de l'atelier)"]] == "Autonome"
    assert first[col["Bénéficiaire réorienté"]] == "Non"
    assert first[col["Genre du bénéficiaire"]] == "Femme"
    assert first[col["Tranche d'âge du bénéficiaire"]] == "25 - 39 ans"
    assert first[col["Statut du bénéficiaire"]] == "En emploi"
    assert first[col["ID CRA"]] == str(fx.activities["a1"])
    redirected = next(r for r in body if r[col["ID CRA"]] == str(fx.activities["a2"]))
    assert redirected[col["Thématique(s) d'accompagnement"]] == "Aide aux démarches administratives, Logement"
    assert redirected[col["Nom de la démarche administrative"]] == "Demande de logement social"
    assert redirected[col["Bénéficiaire réorienté"]] == "Oui"
    assert redirected[col["Structure de redirection"]].startswith("Structure d’aide sociale")
    workshop = [r for r in body if r[col["ID CRA"]] == str(fx.activities["a3"])]
    assert [r[col["Participants"]] for r in workshop] == [1, 3]  # b2, then the anonymous group
    assert workshop[0][col["Genre du bénéficiaire"]] == "Homme"
    assert workshop[1][col["Bénéficiaire"]] == "Participants anonymes"
    assert workshop[0][col["Niveau d'autonomie (ou de l'atelier)"]] == "Débutant"
    at_home = next(r for r in body if r[col["ID CRA"]] == str(fx.activities["a7"]))
    assert at_home[col["Canaux d'accompagnement"]] == "À domicile"
    assert at_home[col["Bénéficiaire"]] == "Hélène Técher"  # the record merged into hers
    ids = {r[col["ID CRA"]] for r in body}
    for excluded in ("a5", "a6", "a8", "a10"):  # cancelled, deleted, October, December
        assert str(fx.activities[excluded]) not in ids


def test_activities_csv_for_one_advisor(store, fx, tmp_path):
    out = tmp_path / "activites.csv"
    with store.reader() as s:
        exports.export(s, "activities", NOVEMBER, fx.bruno, out, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == list(exports.activity_columns(team=False))
    assert "Prénom du médiateur" not in rows[0]
    body = rows[1:]
    # Bruno: a4 (b2, b3 registered) and a7
    assert [r[0] for r in body] == ["20/11/2026", "20/11/2026", "25/11/2026"]
    assert sum(int(r[rows[0].index("Participants")]) for r in body) == 3
    assert {r[rows[0].index("Type")] for r in body} == {"Atelier collectif", "Accompagnement individuel"}
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", body[0][1])  # Enregistré le


def test_beneficiaries_export(store, fx, tmp_path):
    out = tmp_path / "beneficiaires.csv"
    with store.reader() as s:
        n = exports.export(s, "beneficiaries", NOVEMBER, None, out, "csv")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == list(exports.BENEFICIARY_COLUMNS)
    by_name = {r[0]: r for r in rows[1:]}
    assert n == 3 and set(by_name) == {"Técher", "Hoarau", "Boyer"}
    helene = by_name["Técher"]
    assert helene[1:3] == ["Hélène", "1990"]
    assert helene[6] == "06 92 12 34 56"
    assert helene[8:12] == ["Femme", "25 - 39 ans", "En emploi", "3"]
    assert by_name["Hoarau"][8] == "Homme"
    assert by_name["Boyer"][8:11] == ["Non communiqué", "Non communiqué", "Non communiqué ou hétérogène"]


def test_cli_export_for_this_laptop_and_for_the_team(store, fx, paths: AppPaths, tmp_path):
    store.close()
    Settings(paths.settings_file).set(CURRENT_ADVISOR, str(fx.alice))
    mine, team = tmp_path / "moi.xlsx", tmp_path / "equipe.csv"
    data_dir = str(paths.data.parent)
    base = ["--data-dir", data_dir, "export", "activities", "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main([*base, "-o", str(mine)]) == 0
    assert main([*base, "--team", "--format", "csv", "-o", str(team)]) == 0
    solo = load_workbook(mine).active
    header = [c.value for c in solo[1]]
    assert header == list(exports.activity_columns(team=False))
    assert sum(r[header.index("Participants")] for r in solo.iter_rows(min_row=2, values_only=True)) == 7
    with team.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert sum(int(r[rows[0].index("Participants")]) for r in rows[1:]) == 10


def test_cli_refuses_bad_input_and_writes_nothing(paths: AppPaths, tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    base = ["--data-dir", str(paths.data.parent), "export", "activities"]
    assert main([*base, "--from", "2026-13-01", "--to", "2026-11-30", "-o", str(out)]) == 2
    assert "Date de début invalide" in capsys.readouterr().out
    assert main([*base, "--from", "2026-11-30", "--to", "2026-11-01", "-o", str(out)]) == 2
    assert "après la date de fin" in capsys.readouterr().out
    assert main([*base, "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(tmp_path / "x.ods")]) == 2
    assert "Format inconnu" in capsys.readouterr().out
    assert not out.exists()
