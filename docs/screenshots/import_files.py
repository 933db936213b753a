"""The files `import_shots.sh` imports: a register to start from (beneficiaries CSV), a city CSV
with errors and duplicates, and an advisor's Coop activities export with errors and people
already in the register. `python docs/screenshots/import_files.py DIR`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook

from stpaul_field.documents import exports

REGISTER = (
    "Nom;Prénom;Année de naissance;Téléphone;Commune\n"
    "BÈGUE;Kévin;1990;0692 11 22 33;Saint-Paul\n"
    "HOARAU;Jean-Marc;1951;;La Saline\n"
)
CITY = (
    "Nom;Prénom;Né en;Tél.;Ville;CP\n"
    "Begue;Kevin;1990;;;\n"  # Kévin BÈGUE of the register
    "Payet;Marie;1975;;St-Paul;\n"
    "Marie;Payet;1975;;;97460\n"  # the same person, within the file
    "Hoarau;Jean;nuage;;;\n"
    "Nativel;Rose;1960;12;;\n"
    "Grondin;Thérèse;1948;;Saint-Pol;\n"
    "Técher;;1988;;;\n"
    "Boyer;Paul;1980;0692 11 22 33;;97434\n"  # Kévin's phone; Saint-Gilles' postcode
    "Lauret;Sophie;1992;;;97499\n"  # a postcode La Réunion does not have
)


def _row(**cells: object) -> list[object]:
    base: dict[str, object] = {
        "Date": dt.datetime(2026, 11, 5),
        "Enregistré le": "05/11/2026 à 10:12",
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
    base.update(cells)
    return [base.get(h, "") for h in exports.headers(exports.ACTIVITY_COLUMNS, "own")]


def coop_activities(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Activités"
    for block in (
        ["Informations export"],
        ["Nom", "Payet"],
        ["Prénom", "Marie-Claude"],
        ["Rôle", "Conseiller Numérique"],
        ["Total", 9],
        ["Date d’export", "02/12/2026"],
        ["Heure d’export", "09:30"],
        [],
        ["Filtres"],
        ["Période", "01.11.2026 - 30.11.2026"],
        [],
        [""],
    ):
        ws.append(block)
    ws.append(list(exports.headers(exports.ACTIVITY_COLUMNS, "own")))
    cra = "0b8c5e0e-1f0a-4a53-9a55-6f1f7f3e00{:02d}".format
    workshop = {
        "Type": "Atelier collectif",
        "Nom du lieu": "Roche Plate",
        "Durée (min)": 120,
        "Nom de l’atelier": "Premiers pas sur la tablette",
        "Thématique(s) d’accompagnement": "Prendre en main du matériel",
        "Niveau d’autonomie (ou de l’atelier)": "1/3",
        "Bénéficiaire réorienté": "",
        "ID CRA": cra(2),
    }
    for row in (
        _row(**{"Bénéficiaire": "Kevin BEGUE", "Genre du bénéficiaire": "Masculin", "ID CRA": cra(1)}),
        _row(**workshop, **{"Participants": "1/3", "Bénéficiaire": "Marie PAYET"}),
        _row(**workshop, **{"Participants": "2/3", "Genre du bénéficiaire": "Féminin"}),
        _row(**workshop, **{"Participants": "3/3", "Bénéficiaire": "Jean-Marc HOARAU"}),
        _row(
            **{
                "Type": "Aide aux démarches administratives",
                "Bénéficiaire": "Payet Marie",
                "Canaux d’accompagnement": "À domicile",
                "Nom du lieu": "",
                "Commune": "Saint-Paul",
                "Thématique(s) d’accompagnement": "Logement",
                "Nom de la démarche administrative": "Demande d'APL",
                "ID CRA": cra(3),
            }
        ),
        _row(**{"Thématique(s) d’accompagnement": "Jardinage", "ID CRA": cra(4)}),
        _row(**{"Nom du lieu": "Médiathèque Benoîte Boulard", "ID CRA": cra(5)}),
        _row(**{"Date": "nuage", "ID CRA": cra(6)}),
        _row(**{"Canaux d’accompagnement": "À domicile", "Commune": "97499", "ID CRA": cra(7)}),
    ):
        ws.append(row)
    wb.save(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "registre.csv").write_text(REGISTER, encoding="utf-8")
    (out / "ville.csv").write_text(CITY, encoding="utf-8")
    coop_activities(out / "coop-activites.xlsx")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
