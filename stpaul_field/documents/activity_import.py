"""Reading the Coop's activities export (an advisor's own: « Mes activités » → Exporter), XLSX or
its CSV: the « Informations export » and « Filtres » blocks above, then the table « Activités »,
one row per accompaniment, the rows of one activity sharing its « ID CRA ».

A file that cannot be read gets one clear French error (`ImportFileError`), as the beneficiaries
import; a readable one gives the activities, each with its rows, for the store's preview.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stpaul_field.documents.beneficiary_import import ImportFileError, sheets
from stpaul_field.domain.activity_import import COLUMNS, REQUIRED, ImportedActivity, label_key, parse_activity
from stpaul_field.domain.beneficiary_import import RowError

SHEET = "Activités"
LAYOUT = "export des activités de la Coop"
# Columns only a team's export has: it names no beneficiary, so it cannot feed the register.
TEAM_ONLY = ("Prénom du médiateur", "ID - Conum")


@dataclass
class ReadActivities:
    layout: str
    columns: dict[str, str]  # our name -> the file's header
    rows: int  # accompaniments (table rows) read
    activities: list[ImportedActivity]
    exporter: tuple[str, str] = ("", "")  # first and last name of who exported it (its block)


_BY_HEADER = {label_key(h): name for name, h in COLUMNS.items()}


def _table(grid: list[list[str]]) -> tuple[int, dict[str, int]]:
    """The table's header row (below the blocks) and our names' column indexes."""
    for i, row in enumerate(grid[:60]):
        index = {_BY_HEADER[label_key(c)]: j for j, c in enumerate(row) if label_key(c) in _BY_HEADER}
        if "id_cra" in index and "date" in index and "type" in index:
            if "person" not in index and any(h in row for h in TEAM_ONLY):
                raise ImportFileError(
                    "C'est l'export d'une équipe : il ne nomme pas les bénéficiaires. Importez votre "
                    "propre export (« Mes activités » → Exporter, dans la Coop)."
                )
            missing = [COLUMNS[n] for n in REQUIRED if n not in index]
            if missing:
                names = ", ".join(f"« {m} »" for m in missing)
                raise ImportFileError(f"Il manque à ce tableau la ou les colonnes {names}.")
            return i, index
    raise ImportFileError(
        "Ce fichier n'est pas un export des activités de la Coop : aucune ligne n'a les colonnes "
        "« Date », « Type », « Bénéficiaire » et « ID CRA »."
    )


def read_activities(path: Path) -> ReadActivities:
    grids = sheets(path, "aucune activité à importer")
    grid = grids.get(SHEET) or next(iter(grids.values()), [])
    at, index = _table(grid)
    header = grid[at]
    columns = {name: header[j] for name, j in index.items()}
    by_cra: dict[str, list[tuple[int, dict[str, str]]]] = {}
    count = 0
    for number, row in enumerate(grid[at + 1 :], start=at + 2):
        cells = {name: (row[j] if j < len(row) else "") for name, j in index.items()}
        if not any(cells.values()):
            continue
        count += 1
        # A row without its ID CRA is its own activity (and its error says so).
        by_cra.setdefault(cells["id_cra"].strip() or f"ligne {number}", []).append((number, cells))
    if not count:
        raise ImportFileError("Le fichier ne contient aucune activité à importer.")
    activities = []
    for rows in by_cra.values():
        found = parse_activity(rows, columns)
        if not found.id_cra:
            found.errors.insert(0, _missing_id(rows[0][0], columns))
        activities.append(found)
    return ReadActivities(LAYOUT, columns, count, activities, _exporter(grid[:at]))


def _exporter(blocks: list[list[str]]) -> tuple[str, str]:
    """« Informations export »: the Nom and Prénom of who exported (the advisor, for their own)."""
    found: dict[str, str] = {}
    for row in blocks:
        if row and row[0] == "Filtres":
            break
        if len(row) > 1 and row[0] in ("Nom", "Prénom"):
            found.setdefault(row[0], row[1])
    return found.get("Prénom", ""), found.get("Nom", "")


def _missing_id(row: int, columns: dict[str, str]) -> RowError:
    message = "L'ID CRA est vide : sans lui, un second import ferait un doublon."
    return RowError(row, columns["id_cra"], message)
