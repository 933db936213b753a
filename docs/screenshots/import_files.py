"""The files `import_shots.sh` imports: a register to start from (beneficiaries CSV), a city CSV
with errors and duplicates, and an advisor's Coop activities export with errors and people
already in the register. `python docs/screenshots/import_files.py DIR`."""

from __future__ import annotations

import sys
from pathlib import Path

# The sample export is the tests' own builder (tests/coop_export_files.py): one layout, not two.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.coop_export_files import coop_export, line

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


def coop_activities(path: Path) -> None:
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
    coop_export(
        path,
        [
            line(**{"Bénéficiaire": "Kevin BEGUE", "Genre du bénéficiaire": "Masculin", "ID CRA": cra(1)}),
            line(**workshop, **{"Participants": "1/3", "Bénéficiaire": "Marie PAYET"}),
            line(**workshop, **{"Participants": "2/3", "Genre du bénéficiaire": "Féminin"}),
            line(**workshop, **{"Participants": "3/3", "Bénéficiaire": "Jean-Marc HOARAU"}),
            line(
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
            line(**{"Thématique(s) d’accompagnement": "Jardinage", "ID CRA": cra(4)}),
            line(**{"Nom du lieu": "Médiathèque Benoîte Boulard", "ID CRA": cra(5)}),
            line(**{"Date": "nuage", "ID CRA": cra(6)}),
            line(**{"Canaux d’accompagnement": "À domicile", "Commune": "97499", "ID CRA": cra(7)}),
        ],
    )


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "registre.csv").write_text(REGISTER, encoding="utf-8")
    (out / "ville.csv").write_text(CITY, encoding="utf-8")
    coop_activities(out / "coop-activites.xlsx")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
