"""Files in the layout of the Coop's activities export (buildAccompagnementsWorksheet.ts: the
« Informations export » and « Filtres » blocks, a separator row, then the table « Activités »),
for the tests and for the screenshots (docs/screenshots/import_files.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from stpaul_field.documents import exports

OWN_HEADERS = exports.headers(exports.ACTIVITY_COLUMNS, "own")
TEAM_HEADERS = exports.headers(exports.ACTIVITY_COLUMNS, "team")


def line(**cells: object) -> dict[str, object]:
    """One row of the table, by the Coop's header (its defaults: an accompaniment at Marla)."""
    row: dict[str, object] = {
        "Date": dt.datetime(2026, 11, 5),
        "Enregistré le": "05/11/2026 à 10:12",
        "Dernière modification le": "",
        "Type": "Accompagnement individuel",
        "Participants": 1,
        "Bénéficiaire": "Bénéficiaire anonyme",
        "Canaux d’accompagnement": "Lieu d’activité",
        "Nom du lieu": "Marla",
        "Durée (min)": 45,
        "Matériel numérique utilisé": "Ordinateur",
        "Thématique(s) d’accompagnement": "E-mail",
        "Niveau d’autonomie (ou de l’atelier)": "2/3",
        "Bénéficiaire réorienté": "Non",
        "Genre du bénéficiaire": "Non communiqué",
        "Tranche d’âge du bénéficiaire": "Non communiqué",
        "Statut du bénéficiaire": "Non communiqué ou hétérogène",
    }
    row.update(cells)
    return row


def coop_export(path: Path, rows: list[dict[str, object]], headers: tuple[str, ...] = OWN_HEADERS) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Activités"
    for block in (
        ["Informations export"],
        ["Nom", "Payet"],
        ["Prénom", "Marie-Claude"],
        ["Rôle", "Conseiller Numérique"],
        ["Total", len(rows)],
        ["Date d’export", "02/12/2026"],
        ["Heure d’export", "09:30"],
        [],
        ["Filtres"],
        ["Période", "01.11.2026 - 30.11.2026"],
        *([name, "-"] for name in ("Source", "Lieux d’accompagnement", "Communes", "Départements")),
        *([name, "-"] for name in ("Type d’accompagnement", "Rôle", "Thématiques non administratives")),
        *([name, "-"] for name in ("Thématiques administratives", "Tags")),
        [],
        [""],
    ):
        ws.append(block)
    ws.append(list(headers))
    for row in rows:
        ws.append([row.get(h, "") for h in headers])
    wb.save(path)
    return path
