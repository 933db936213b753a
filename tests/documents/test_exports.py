"""Exports read back with openpyxl, against the Coop's layout as docs/reference/coop-cra.md
writes it down (« Exports », which cites the Coop's files) and against committed golden files."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from stpaul_field.cli import main
from stpaul_field.documents import exports
from stpaul_field.domain import values as v
from stpaul_field.domain.report_model import Period
from stpaul_field.paths import AppPaths
from stpaul_field.settings import CURRENT_ADVISOR, Settings
from stpaul_field.store import statistics as st
from stpaul_field.store.database import Store
from tests import export_fixture as ef
from tests.statistics_fixture import NOV, RULE, RULE_PLANNED_PAST, build

NOVEMBER = Period.month(*NOV)
REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "coop-cra.md"
GOLDEN = Path(__file__).parents[1] / "data" / "golden"


# ---- the reference, as written --------------------------------------------------------------


def _section(heading: str) -> str:
    text = REFERENCE.read_text(encoding="utf-8")
    return re.split(r"\n#+ ", text.split(f"### {heading}\n", 1)[1], maxsplit=1)[0]


def reference_columns(heading: str, scope: str) -> list[str]:
    """The section's first paragraph, a « · » list; « (team export only: …) » parts kept for that scope."""
    para = " ".join(_section(heading).strip().split("\n\n")[0].split())
    out: list[str] = []
    for part in re.split(r"(\((?:team|own) export only: [^)]*\))", para):
        marker = re.match(r"\((team|own) export only: ([^)]*)\)", part)
        items = marker.group(2) if marker else part
        if marker is None or marker.group(1) == scope:
            out += [c.strip() for c in items.split("·") if c.strip()]
    return out


def reference_rows(heading: str) -> list[list[str]]:
    """The rows of the section's table, under its header."""
    rows = [line for line in _section(heading).splitlines() if line.startswith("| ")]
    return [[c.strip() for c in line.strip("|").split("|")] for line in rows[1:]]


def reference_cells(heading: str) -> dict[str, str]:
    return {column: cell for column, cell in reference_rows(heading)}


def reference_block(label: str) -> list[str]:
    layout = _section("Layout of both workbooks")
    line = next(p for p in layout.split("\n\n") if p.startswith(label))
    return [c.strip() for c in " ".join(line.split(":", 1)[1].split()).split("·")]


# Each way the reference describes a cell, as a check of an openpyxl cell.
def _empty(c: Cell) -> bool:
    return c.value in (None, "")


def _text(c: Cell) -> bool:
    return _empty(c) or isinstance(c.value, str)


def _one_of(*allowed: str) -> Callable[[Cell], bool]:
    return lambda c: c.value in allowed


def _labels(values: v.ValueList, empty: bool = False) -> Callable[[Cell], bool]:
    return lambda c: (empty and _empty(c)) or c.value in {x.label for x in values}


def _stamp(empty: bool) -> Callable[[Cell], bool]:
    return lambda c: (empty and _empty(c)) or bool(re.fullmatch(r"\d\d/\d\d/\d{4} à \d\d:\d\d", str(c.value)))


def _of_n(c: Cell) -> bool:
    m = re.fullmatch(r"(\d+)/(\d+)", str(c.value))
    return c.value == 1 or bool(m and 1 <= int(m[1]) <= int(m[2]) and int(m[2]) > 1)


def _uuid(c: Cell) -> bool:
    return uuid.UUID(str(c.value)) is not None


def _joined(c: Cell) -> bool:
    # Line breaks join the labels; a comma never does (the Coop's intraCellLineBreak).
    return _empty(c) or all(part and ", " not in part for part in str(c.value).split("\n"))


def _number_or_dash(c: Cell) -> bool:
    return c.value == "-" or isinstance(c.value, int)


CHECKS: dict[str, Callable[[Cell], bool]] = {
    "date, shown dd/mm/yyyy": lambda c: isinstance(c.value, dt.datetime) and c.number_format == "dd/mm/yyyy",
    "text dd/mm/yyyy à HH:MM (Réunion time)": _stamp(empty=False),
    "text dd/mm/yyyy à HH:MM, or empty if never modified": _stamp(empty=True),
    "text": _text,
    "Conseiller Numérique or Médiateur": _one_of("Conseiller Numérique", "Médiateur"),
    "boolean: is a conseiller numérique": lambda c: isinstance(c.value, bool),
    "label of the activity type": _labels(v.ACTIVITY_TYPES),
    "the number 1, or the text k/N for the k-th of N accompaniments": _of_n,
    "first name and last name, or Bénéficiaire anonyme": lambda c: isinstance(c.value, str) and c.value != "",
    "label of the place type": _labels(v.PLACE_TYPES),
    "number": lambda c: isinstance(c.value, int) and not isinstance(c.value, bool),
    "labels joined by line breaks": _joined,
    "n/3, or empty": lambda c: _empty(c) or bool(re.fullmatch(r"[123]/3", str(c.value))),
    "Oui or Non (individual), empty (workshop)": lambda c: _empty(c) or c.value in ("Oui", "Non"),
    "label of the redirect structure, or empty": _labels(v.REDIRECT_STRUCTURES, empty=True),
    "label of the démarche's completion, or empty": _labels(v.PROCEDURE_COMPLETIONS, empty=True),
    "Masculin, Féminin or Non communiqué": _one_of("Masculin", "Féminin", "Non communiqué"),
    "label of the age band": _labels(v.AGE_BANDS),
    "label of the social status": _labels(v.SOCIAL_STATUSES),
    "text, on the activity's first row only": _text,
    "the activity's id": _uuid,
    "number, or -": _number_or_dash,
    "text, or -": lambda c: isinstance(c.value, str) and c.value != "",
    "digits by pairs (06 92 12 34 56), or -": lambda c: bool(re.fullmatch(r"-|\d\d( \d\d){4}", str(c.value))),
    "Homme, Femme or Non communiqué": _one_of("Homme", "Femme", "Non communiqué"),
    "text, or empty": _text,
}


# ---- our files ---------------------------------------------------------------------------------


@pytest.fixture
def fixed(store: Store) -> Store:
    ef.build(store)
    return store


def _xlsx(store: Store, path: Path, kind: str, advisor: uuid.UUID | None, requester: uuid.UUID) -> Worksheet:
    with store.reader() as s:
        doc = exports.build(s, kind, NOVEMBER, advisor, requester, now=ef.NOW)
    exports.write_xlsx(doc, path, now=ef.NOW)
    ws = load_workbook(path).active
    assert ws is not None
    return ws


EXPORTS = {
    # golden file: (kind, advisor exported, who exports)
    "activites-conseiller.xlsx": ("activities", ef.ALICE, ef.ALICE),
    "activites-equipe.xlsx": ("activities", None, ef.CHLOE),
    "beneficiaires.xlsx": ("beneficiaries", ef.ALICE, ef.ALICE),
}


def _table(ws: Worksheet) -> tuple[Any, list[str], list[list[Cell]]]:
    (table,) = ws.tables.values()
    rows = list(ws[table.ref])
    return table, [c.value for c in rows[0]], [list(r) for r in rows[1:]]


def test_headers_are_the_references_in_order() -> None:
    heading = "Activities export (XLSX, one row per accompagnement), column order"
    for scope in ("own", "team"):
        assert list(exports.headers(exports.ACTIVITY_COLUMNS, scope)) == reference_columns(heading, scope)  # type: ignore[arg-type]
    beneficiaries = reference_columns("Beneficiaries export (XLSX), column order", "own")
    assert list(exports.headers(exports.BENEFICIARY_COLUMNS, "own")) == beneficiaries
    # The reference's cell table describes every column, own and team, in the same order.
    everything = [c.header for c in exports.ACTIVITY_COLUMNS]
    assert list(reference_cells(heading)) == everything
    assert set(everything) == set(reference_columns(heading, "own")) | set(reference_columns(heading, "team"))
    assert list(reference_cells("Beneficiaries export (XLSX), column order")) == beneficiaries


@pytest.mark.parametrize("name", list(EXPORTS))
def test_each_export_has_the_coops_layout_and_cell_formats(fixed: Store, tmp_path: Path, name: str) -> None:
    kind, advisor, requester = EXPORTS[name]
    ws = _xlsx(fixed, tmp_path / name, kind, advisor, requester)
    names = {
        export: (sheet, table.split(" (")[0])
        for export, sheet, table in reference_rows("Layout of both workbooks")
    }
    sheet, table_name = names[kind]
    assert ws.title == sheet
    table, header, body = _table(ws)
    assert table.displayName == table_name
    assert table.tableStyleInfo.name == "TableStyleMedium2" and not table.tableStyleInfo.showRowStripes
    assert body, "the fixture fills every export"

    # The blocks above the table, label by label, then the separator row holding an empty text.
    labels = reference_block("Information block")
    labels += reference_block(
        "Activities filters block" if kind == "activities" else "Beneficiaries filters block"
    )
    first_table_row = int(re.match(r"[A-Z]+(\d+)", table.ref)[1])  # type: ignore[index]
    above = [ws.cell(row=r, column=1).value for r in range(1, first_table_row - 1)]
    assert [x for x in above if x not in (None, "")] == labels
    for title in ("Informations export", "Filtres"):
        row = above.index(title) + 1
        assert ws.cell(row=row, column=1).font.bold
    info = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(2, 8)}
    assert info["Total"] == len(body)
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", info["Date d’export"]) and info["Heure d’export"] == "09:30"
    if kind == "activities":
        filters = {
            ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(9, first_table_row)
        }
        assert filters["Période"] == "01.11.2026 - 30.11.2026"
        assert filters["Source"] == "-"

    # Every cell as the reference describes its column.
    heading = (
        "Activities export (XLSX, one row per accompagnement), column order"
        if kind == "activities"
        else "Beneficiaries export (XLSX), column order"
    )
    cells = reference_cells(heading)
    for row in body:
        for column, cell in zip(header, row, strict=True):
            assert CHECKS[cells[column]](cell), (column, cell.value)
            assert cell.alignment.wrap_text and cell.alignment.vertical == "top"


def test_golden_files_are_what_the_exports_write(fixed: Store, tmp_path: Path) -> None:
    for name, (kind, advisor, requester) in EXPORTS.items():
        ours = _xlsx(fixed, tmp_path / name, kind, advisor, requester)
        if os.environ.get("STPAUL_WRITE_GOLDEN"):  # after a deliberate change, then review the diff
            GOLDEN.mkdir(exist_ok=True)
            (tmp_path / name).replace(GOLDEN / name)
            continue
        golden = load_workbook(GOLDEN / name).active
        assert golden is not None
        assert (ours.title, ours.dimensions) == (golden.title, golden.dimensions), name
        assert {t.displayName: t.ref for t in ours.tables.values()} == {
            t.displayName: t.ref for t in golden.tables.values()
        }
        for mine, theirs in zip(ours.iter_rows(), golden.iter_rows(), strict=True):
            for a, b in zip(mine, theirs, strict=True):
                assert (a.value, a.number_format, a.font.bold) == (b.value, b.number_format, b.font.bold), (
                    name,
                    a.coordinate,
                )


def test_the_values_of_an_advisors_own_export(fixed: Store, tmp_path: Path) -> None:
    ws = _xlsx(fixed, tmp_path / "a.xlsx", "activities", ef.ALICE, ef.ALICE)
    _, header, body = _table(ws)
    rows = [{h: c.value for h, c in zip(header, r, strict=True)} for r in body]
    help_, *workshop = rows
    assert help_["Date"] == dt.datetime(2026, 11, 3)
    assert help_["Enregistré le"] == "03/11/2026 à 10:00"  # Réunion time
    assert help_["Dernière modification le"] in (None, "")  # never modified
    assert help_["Participants"] == 1
    assert help_["Bénéficiaire"] == "Hélène Técher"
    assert help_["Canaux d’accompagnement"] == "Lieu d’activité"
    assert help_["Matériel numérique utilisé"] == "Ordinateur\nTéléphone"
    assert help_["Thématique(s) d’accompagnement"] == "E-mail\nAide aux démarches administratives\nLogement"
    assert help_["Niveau d’autonomie (ou de l’atelier)"] == "2/3"
    assert help_["Bénéficiaire réorienté"] == "Oui"
    assert help_["Structure de redirection"].startswith("Structure d’aide sociale")
    assert help_["La démarche est-elle finalisée ?"] == "Non, orientée vers une autre structure"
    assert help_["Genre du bénéficiaire"] == "Féminin"
    assert help_["Tranche d’âge du bénéficiaire"] == "25 - 39 ans"  # from the birth year
    assert help_["Notes supplémentaires"] == "Dossier CAF à finir"
    # The workshop: its people by name, then each anonymous participant, k of 4; notes on the first row.
    assert [r["Participants"] for r in workshop] == ["1/4", "2/4", "3/4", "4/4"]
    assert [r["Bénéficiaire"] for r in workshop] == [
        "Jean Hoarau",
        "Hélène Técher",
        *["Bénéficiaire anonyme"] * 2,
    ]
    assert [r["Genre du bénéficiaire"] for r in workshop] == [
        "Masculin",
        "Féminin",
        "Féminin",
        "Non communiqué",
    ]
    assert [r["Tranche d’âge du bénéficiaire"] for r in workshop][2:] == ["70 ans et plus"] * 2
    assert [r["Notes supplémentaires"] or "" for r in workshop] == ["Salle comble", "", "", ""]
    assert workshop[0]["Dernière modification le"] == "04/11/2026 à 18:05"
    assert workshop[0]["Niveau d’autonomie (ou de l’atelier)"] == "1/3"
    assert workshop[0]["Bénéficiaire réorienté"] in (None, "")
    assert workshop[0]["La démarche est-elle finalisée ?"] in (None, "")
    assert {r["ID CRA"] for r in workshop} == {str(ef.WORKSHOP)}
    info = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(2, 8)}
    assert (info["Nom"], info["Prénom"], info["Rôle"]) == ("Grondin", "Alice", "Conseiller Numérique")


def test_a_team_export_names_nobody_and_holds_no_notes(fixed: Store, tmp_path: Path) -> None:
    ws = _xlsx(fixed, tmp_path / "t.xlsx", "activities", None, ef.CHLOE)
    everything = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    for secret in (*ef.NAMES, *ef.NOTES):
        assert not any(secret in text for text in everything), secret
    _, header, body = _table(ws)
    assert "Bénéficiaire" not in header and "Notes supplémentaires" not in header
    rows = [{h: c.value for h, c in zip(header, r, strict=True)} for r in body]
    assert {(r["Prénom du médiateur"], r["Rôle"], r["ID - Conum"]) for r in rows} == {
        ("Alice", "Conseiller Numérique", True),
        ("Bruno", "Médiateur", False),
    }
    at_home = next(r for r in rows if r["ID CRA"] == str(ef.AT_HOME))
    assert (at_home["Commune du bénéficiaire"], at_home["Code postal du bénéficiaire"]) == (
        "La Saline",
        "97422",
    )
    info = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(2, 8)}
    assert (info["Nom"], info["Rôle"], info["Total"]) == ("Maillot", "Coordinateur", 6)


def test_an_advisors_activities_exported_by_someone_else_name_the_advisor_in_the_filters(
    fixed: Store, tmp_path: Path
) -> None:
    ws = _xlsx(fixed, tmp_path / "b.xlsx", "activities", ef.BRUNO, ef.CHLOE)
    labels = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, ws.max_row)}
    assert labels["Médiateur"] == "Bruno Payet"


def test_the_beneficiaries_export(fixed: Store, tmp_path: Path) -> None:
    ws = _xlsx(fixed, tmp_path / "b.xlsx", "beneficiaries", ef.ALICE, ef.ALICE)
    *_, body = _table(ws)
    rows = {r[0].value: [c.value for c in r] for r in body}
    assert set(rows) == {"Técher", "Hoarau"}  # the people Alice accompanied, not the anonymous one
    assert rows["Técher"] == [
        "Técher",
        "Hélène",
        1990,
        "Saint-Paul",
        "97415",
        "97460",
        "06 92 12 34 56",
        "helene@example.re",
        "Femme",
        "25 - 39 ans",
        "En emploi",
        2,
        "Suivi logement",
    ]
    assert rows["Hoarau"][2:12] == [
        "-",
        "-",
        "-",
        "-",
        "-",
        "-",
        "Homme",
        "60 - 69 ans",
        "Non communiqué ou hétérogène",
        1,
    ]


def test_a_team_has_no_beneficiaries_export(fixed: Store, tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    with fixed.reader() as s, pytest.raises(ValueError, match="celui d'un conseiller"):
        exports.export(s, "beneficiaries", NOVEMBER, None, out, "xlsx")
    assert not out.exists()


def test_the_csv_has_the_tables_columns_and_cells(fixed: Store, tmp_path: Path) -> None:
    ws = _xlsx(fixed, tmp_path / "a.xlsx", "activities", ef.ALICE, ef.ALICE)
    _, header, body = _table(ws)
    out = tmp_path / "a.csv"
    with fixed.reader() as s:
        assert exports.export(s, "activities", NOVEMBER, ef.ALICE, out, "csv") == len(body)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == header
    for line, cells in zip(rows[1:], body, strict=True):
        expected = [
            c.value.strftime("%d/%m/%Y")
            if isinstance(c.value, dt.datetime)
            else ""
            if c.value is None
            else str(c.value)
            for c in cells
        ]
        assert line == expected


def test_the_rows_are_the_months_follow_ups(store: Store, tmp_path: Path) -> None:
    fx = build(store)
    with store.reader() as s:
        n = exports.export(s, "activities", NOVEMBER, None, tmp_path / "t.xlsx", "xlsx", rule=RULE)
        figures = st.period_figures(s, NOVEMBER, st.team_scope(), RULE)
    assert n == figures.follow_ups == 8
    ws = load_workbook(tmp_path / "t.xlsx").active
    assert ws is not None
    _, header, body = _table(ws)
    ids = {r[header.index("ID CRA")].value for r in body}
    # cancelled, deleted, October, December, attendance never marked, planned (past, to come)
    for excluded in ("a5", "a6", "a8", "a10", "a4", "a11", "a12", "a13"):
        assert str(fx.activities[excluded]) not in ids


def test_the_exports_count_what_the_report_counts(store: Store, tmp_path: Path) -> None:
    fx = build(store)
    with store.reader() as s:
        n = exports.export(
            s, "activities", NOVEMBER, None, tmp_path / "t.xlsx", "xlsx", rule=RULE_PLANNED_PAST
        )
        figures = st.period_figures(s, NOVEMBER, st.team_scope(), RULE_PLANNED_PAST)
    assert n == figures.follow_ups == 11  # + a11's 2 anonymous participants, + a12
    ws = load_workbook(tmp_path / "t.xlsx").active
    assert ws is not None
    _, header, body = _table(ws)
    ids = {r[header.index("ID CRA")].value for r in body}
    assert {str(fx.activities["a11"]), str(fx.activities["a12"])} <= ids
    assert str(fx.activities["a13"]) not in ids  # planned, to come
    # Bruno's people, ever: b1 (a7, through the merged record), b2 (a8) and, planned and past, b3 (a12)
    with store.reader() as s:
        people = exports.build(s, "beneficiaries", NOVEMBER, fx.bruno, rule=RULE_PLANNED_PAST)
        assert [r[0] for r in people.rows] == ["Boyer", "Hoarau", "Técher"]
        assert len(exports.build(s, "beneficiaries", NOVEMBER, fx.bruno, rule=RULE).rows) == 2


def test_cli_export_for_this_laptop_and_for_the_team(store: Store, paths: AppPaths, tmp_path: Path) -> None:
    fx = build(store)
    store.close()
    Settings(paths.settings_file).set(CURRENT_ADVISOR, str(fx.alice))
    mine, team = tmp_path / "moi.xlsx", tmp_path / "equipe.csv"
    data_dir = str(paths.data.parent)
    base = ["--data-dir", data_dir, "export", "activities", "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main([*base, "-o", str(mine)]) == 0
    assert main([*base, "--team", "--format", "csv", "-o", str(team)]) == 0
    solo = load_workbook(mine).active
    assert solo is not None
    _, header, body = _table(solo)
    assert header == list(exports.headers(exports.ACTIVITY_COLUMNS, "own"))
    assert len(body) == 7
    with team.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == list(exports.headers(exports.ACTIVITY_COLUMNS, "team")) and len(rows) == 1 + 8


def test_cli_refuses_bad_input_and_writes_nothing(paths: AppPaths, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.xlsx"
    base = ["--data-dir", str(paths.data.parent), "export", "activities"]
    assert main([*base, "--from", "2026-13-01", "--to", "2026-11-30", "-o", str(out)]) == 2
    assert "Date de début invalide" in capsys.readouterr().out
    assert main([*base, "--from", "2026-11-30", "--to", "2026-11-01", "-o", str(out)]) == 2
    assert "après la date de fin" in capsys.readouterr().out
    assert main([*base, "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(tmp_path / "x.ods")]) == 2
    assert "Format inconnu" in capsys.readouterr().out
    assert not out.exists()
