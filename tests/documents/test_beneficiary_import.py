"""Import of beneficiaries: files built here in the Coop's layouts (its import template, header
rows and formula cells included; its export), a messy city CSV, broken files; the preview's
errors and duplicates; one transaction through the outbox; the same file twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from stpaul_field.cli import main
from stpaul_field.documents import beneficiary_import as reader
from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.paths import AppPaths
from stpaul_field.settings import IMPORT_COLUMNS, Settings
from stpaul_field.store import beneficiary_import as importer
from stpaul_field.store.beneficiaries import create_beneficiary
from stpaul_field.store.database import Store
from stpaul_field.store.models import Beneficiary, OutboxEntry

TODAY = dt.date(2026, 12, 2)
GOLDEN_EXPORT = Path(__file__).parents[1] / "data" / "golden" / "beneficiaires.xlsx"


def coop_template(path: Path, rows: list[list[object]]) -> Path:
    """The Coop's apps/web/public/modeles/coop-numerique_import-beneficiaires.xlsx, as its
    importer reads it: sheet « Bénéficiaires », instructions on row 1, two header rows, data
    from row 4; commune name and postcode are formulas on the code INSEE (no cached value when
    written by openpyxl, as by LibreOffice without recalculation); a « Communes » sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Bénéficiaires"
    ws.append(
        ["Une ligne par bénéficiaire à partir de la ligne 4 ; les colonnes grises se remplissent seules."]
    )
    ws.append(
        [
            "Nom",
            "Prénom",
            "Année de naissance",
            "Commune",
            None,
            None,
            "N° de téléphone",
            "E-mail",
            "Genre",
            "Notes supplémentaires",
        ]
    )
    ws.append([None, None, None, "Nom", "Code INSEE", "Code postal"])
    for n, row in enumerate(rows, start=4):
        last, first, year, insee, phone, email, gender, notes = row
        ws.append(
            [
                last,
                first,
                year,
                f'=IFERROR(VLOOKUP(E{n},Communes!A:C,2,FALSE),"")',
                insee,
                f'=IFERROR(VLOOKUP(E{n},Communes!A:C,3,FALSE),"")',
                phone,
                email,
                gender,
                notes,
            ]
        )
    communes = wb.create_sheet("Communes")
    communes.append(["Code INSEE", "Nom", "Code postal"])
    communes.append(["97415", "Saint-Paul", "97460"])
    communes.append(["75056", "Paris", "75001"])
    wb.save(path)
    return path


def _preview(store: Store, read: reader.ReadFile) -> importer.Preview:
    with store.reader() as s:
        return importer.preview(s, read.rows, read.columns, TODAY)


def _count(store: Store, model: type = Beneficiary) -> int:
    with store.reader() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_the_coops_template_with_its_errors_in_french_by_row_and_column(store: Store, tmp_path: Path) -> None:
    path = coop_template(
        tmp_path / "modele.xlsx",
        [
            ["Técher", "Hélène", 1958, "97415", "0692 12 34 56", "helene@example.re", "Féminin", "Suivi CAF"],
            ["Hoarau", "Jean", "nuage", "75056", "", "", "M", ""],
            ["", "Line", 1990, "", "", "", "", ""],
            ["Boyer", "Paul", 1980, "99999", "12", "pas-un-mail", "Z", ""],
        ],
    )
    read = reader.read_file(path)
    assert read.layout == "modèle d'import de la Coop"
    assert [n for n, _cells in read.rows] == [4, 5, 6, 7]
    found = _preview(store, read)
    helene = found.rows[0]
    assert helene.errors == []
    d = helene.data
    # The formula cells had no value: name and postcode come from the code INSEE.
    assert (d.commune, d.postcode, d.insee_code, d.phone, d.gender) == (
        "Saint-Paul",
        "97460",
        "97415",
        "0692123456",
        "feminin",
    )
    assert found.rows[1].data.commune == "Paris"  # from the template's « Communes » sheet
    messages = [str(e) for e in found.errors]
    nuage = "« nuage » n'est pas une année de naissance (4 chiffres, ex. 1958)."
    assert f"Ligne 5, colonne « Année de naissance » : {nuage}" in messages
    assert "Ligne 6, colonne « Nom » : Le nom est obligatoire." in messages
    row7 = [m for m in messages if m.startswith("Ligne 7")]
    assert any("« Code INSEE »" in m and "Commune inconnue" in m for m in row7)
    assert any("« N° de téléphone »" in m and "n'est pas un numéro de téléphone" in m for m in row7)
    assert any("« E-mail »" in m for m in row7) and any("« Genre »" in m for m in row7)
    assert found.counts() == {"créer": 1, "fusionner": 0, "ignorer": 3, "erreurs": 3}


def test_the_coops_export_reads_back(store: Store) -> None:
    read = reader.read_file(GOLDEN_EXPORT)  # tests/documents/test_exports.py's golden file: the Coop's layout
    assert read.layout == "export de la Coop"
    found = _preview(store, read)
    people = {r.data.last_name: r.data for r in found.rows}
    assert set(people) == {"Técher", "Hoarau"}
    assert people["Técher"].phone == "0692123456" and people["Técher"].birth_year == 1990
    assert people["Hoarau"].birth_year is None and people["Hoarau"].commune == ""  # « - » is empty
    assert people["Hoarau"].gender == "masculin"  # « Homme »
    assert found.errors == []


def test_a_messy_city_csv(store: Store, tmp_path: Path) -> None:
    text = (
        "\r\n"
        "NOM;Prénom;Tél.;Ville;Né en;Remarques;Code agent\r\n"
        "\r\n"
        "Payet;Marie;0692 00 11 22;Saint-Paul;1975;Préfère le matin;A12\r\n"
        ";;;;;;\r\n"
        "Grondin;Thérèse;+262 693 12 34 56;La Possession;1948;;A12\r\n"
    )
    path = tmp_path / "ville.csv"
    path.write_bytes(text.encode("cp1252"))  # Latin-1 (Windows), semicolons, blank lines
    read = reader.read_file(path)
    assert read.columns["phone"] == "Tél." and read.columns["birth_year"] == "Né en"
    assert read.ignored == ["Code agent"]  # an extra column
    found = _preview(store, read)
    assert found.errors == []
    marie, therese = (r.data for r in found.rows)
    assert [r.row for r in found.rows] == [4, 6]
    assert (marie.first_name, marie.notes, marie.insee_code) == ("Marie", "Préfère le matin", "97415")
    assert (therese.first_name, therese.phone, therese.insee_code) == ("Thérèse", "0693123456", "97408")
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffNom,Prénom,E-mail\nBègue,Kévin,kevin@example.re\n".encode())
    (row,) = _preview(store, reader.read_file(bom)).rows
    assert (row.data.last_name, row.data.email) == ("Bègue", "kevin@example.re")


def test_a_city_file_with_its_own_headers_maps_them_and_the_mapping_is_remembered(
    store: Store, paths: AppPaths, tmp_path: Path, capsys
) -> None:
    wb = Workbook()
    wb.active.append(["NOM DE FAMILLE", "PRENOM USUEL", "PORTABLE"])
    wb.active.append(["Payet", "Marie", "0692001122"])
    path = tmp_path / "registre.xlsx"
    wb.save(path)
    with pytest.raises(reader.ImportFileError, match="--colonne"):
        reader.read_file(path)
    store.close()
    base = ["--data-dir", str(paths.data.parent), "import", "beneficiaries", str(path)]
    mapping = [
        "--colonne",
        "Nom=NOM DE FAMILLE",
        "--colonne",
        "Prénom=PRENOM USUEL",
        "--colonne",
        "Téléphone=PORTABLE",
    ]
    assert main([*base, *mapping]) == 0
    assert "1 personne(s) créée(s)" in capsys.readouterr().out
    assert "NOM DE FAMILLE" in Settings(paths.settings_file).get(IMPORT_COLUMNS)
    assert main([*base, "--dry-run"]) == 0  # the next import of such a file needs no mapping
    out = capsys.readouterr().out
    assert "à fusionner : 1" in out and "rien n'a été écrit" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "ni un classeur Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "protégé par un mot de passe"),
        (b"PK\x03\x04 not really a zip", "abîmé"),
        (b"", "vide"),
        ("Nom;Prénom\r\n".encode(), "aucune personne"),
    ],
)
def test_broken_files_get_a_french_error_and_nothing_is_written(
    store: Store, paths: AppPaths, tmp_path: Path, capsys, content: bytes, message: str
) -> None:
    path = tmp_path / "fichier.xlsx"
    path.write_bytes(content)
    store.close()
    assert main(["--data-dir", str(paths.data.parent), "import", "beneficiaries", str(path)]) == 2
    assert message in capsys.readouterr().out
    reopened = Store.open(paths)
    try:
        assert _count(reopened) == 0
    finally:
        reopened.close()


def test_a_file_too_long_for_one_import_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "enorme.csv"
    lines = ["Nom;Prénom"] + [f"Nom{i};Prénom{i}" for i in range(100_000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(reader.ImportFileError, match="au plus par import"):
        reader.read_file(path)


def test_duplicates_against_the_register_and_within_the_file(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        kevin = create_beneficiary(
            s, BeneficiaryData(first_name="Kévin", last_name="BÈGUE", birth_year=1990), TODAY
        ).id
        create_beneficiary(
            s, BeneficiaryData(first_name="Aline", last_name="Hoarau", phone="0692998877"), TODAY
        )
    path = tmp_path / "ville.csv"
    path.write_text(
        "Nom;Prénom;Année de naissance;Téléphone;E-mail\n"
        "Begue;Kevin;1990;;\n"  # close spelling of the register's Kévin BÈGUE
        "Payet;Marie;1975;;marie@example.re\n"
        "Marie;Payet;1975;;\n"  # the same, first and last name swapped, within the file
        "Robert;Jules;;06 92 99 88 77;\n"  # Aline Hoarau's phone
        "Nativel;Rose;;;MARIE@example.re\n"  # Marie Payet's e-mail, within the file
        "Nativel;Rose;1960;;\n",
        encoding="utf-8",
    )
    found = _preview(store, reader.read_file(path))
    described = {n: str(d) for n, d in found.duplicates.items()}
    assert described[2] == "Ligne 2 : même nom et année de naissance que BÈGUE Kévin (registre)"
    assert found.duplicates[2].person_id == kevin
    assert described[4] == "Ligne 4 : même nom et année de naissance que la ligne 3"
    assert described[5] == "Ligne 5 : même téléphone que HOARAU Aline (registre)"
    assert "même e-mail que la ligne 3" in described[6]
    assert described[7] == "Ligne 7 : même nom (année de naissance inconnue) que la ligne 6"
    assert found.counts() == {"créer": 1, "fusionner": 5, "ignorer": 0, "erreurs": 0}
    # Each duplicate has its choice: here, create the phone's one anyway, skip a within-file one.
    with store.session() as s:
        written = importer.write(s, found, {5: "create", 4: "skip"}, today=TODAY)
    assert (written.created, written.joined, written.skipped) == (2, 3, 1)
    with store.reader() as s:
        marie = s.scalars(select(Beneficiary).where(Beneficiary.first_name == "Marie")).one()
        assert marie.email == "marie@example.re"
        assert s.scalar(select(func.count()).select_from(Beneficiary)) == 4


def test_one_transaction_through_the_outbox_and_twice_creates_nobody_twice(
    store: Store, tmp_path: Path
) -> None:
    path = coop_template(
        tmp_path / "modele.xlsx",
        [[f"Nom{i}", f"Prénom{i}", 1950 + i % 50, "97415", "", "", "", ""] for i in range(30)],
    )
    read = reader.read_file(path)
    with store.session() as s:
        written = importer.write(s, importer.preview(s, read.rows, read.columns, TODAY), today=TODAY)
    assert written.created == 30 and _count(store) == 30
    with store.reader() as s:
        queued = s.scalars(select(OutboxEntry.record_id).where(OutboxEntry.entity == "beneficiary")).all()
        ids = s.scalars(select(Beneficiary.id)).all()
    assert set(queued) == set(ids)  # each person goes to the central record at the next sync
    with store.session() as s:
        again = importer.write(s, importer.preview(s, read.rows, read.columns, TODAY), today=TODAY)
    assert (again.created, again.joined) == (0, 30) and _count(store) == 30


def test_a_failure_while_writing_leaves_nothing_half_way(store: Store, tmp_path: Path) -> None:
    path = coop_template(tmp_path / "m.xlsx", [["Payet", "Marie", 1975, "97415", "", "", "", ""]] * 3)
    read = reader.read_file(path)
    with store.reader() as s:
        found = importer.preview(s, read.rows, read.columns, TODAY)
    with pytest.raises(OSError), store.session() as s:
        importer.write(s, found, default="create", today=TODAY)  # flushed, not committed
        raise OSError("coupure de courant")  # the laptop stops before the commit
    assert _count(store) == 0 and _count(store, OutboxEntry) == 0


def test_saint_pauls_places_read_as_communes_of_saint_paul() -> None:
    from stpaul_field.domain.beneficiary_import import parse_row

    row = parse_row(2, {"last_name": "Payet", "first_name": "Marie", "commune": "la saline"}, {}, TODAY)
    assert row.errors == []
    assert (row.data.commune, row.data.insee_code, row.data.postcode) == ("La Saline", "97415", "97422")


def test_a_row_with_a_character_the_central_record_refuses_is_not_imported(store: Store) -> None:
    columns = {"last_name": "Nom", "first_name": "Prénom", "notes": "Notes"}
    rows = [
        (2, {"last_name": "Payet", "first_name": "Marie", "notes": "suivi\x00 RSA"}),
        (3, {"last_name": "Grondin", "first_name": "Thérèse", "notes": ""}),
    ]
    with store.reader() as s:
        found = importer.preview(s, rows, columns, TODAY)
    assert [str(e) for e in found.errors] == [
        "Ligne 2, colonne « Notes » : Notes : caractère nul (U+0000) interdit, retirez-le."
    ]
    assert found.counts() == {"créer": 1, "fusionner": 0, "ignorer": 1, "erreurs": 1}


def _commune(cells: dict[str, str]) -> tuple[tuple[str, str, str], list[str]]:
    from stpaul_field.domain.beneficiary_import import parse_row

    row = parse_row(9, {"last_name": "Payet", "first_name": "Marie", **cells}, {}, TODAY)
    return (row.data.commune, row.data.insee_code, row.data.postcode), [str(e) for e in row.errors]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"commune": "Saint-Paul"}, ("Saint-Paul", "97415", "97460")),
        ({"commune": "st paul"}, ("Saint-Paul", "97415", "97460")),  # as registers abbreviate it
        ({"commune": "STE-MARIE"}, ("Sainte-Marie", "97418", "97438")),
        ({"commune": "L’Étang-Salé"}, ("L'Étang-Salé", "97404", "97427")),
        ({"insee_code": "97415"}, ("Saint-Paul", "97415", "97460")),
        ({"postcode": "97460"}, ("Saint-Paul", "97415", "97460")),  # its centre and Plateau Caillou
        ({"postcode": "97434"}, ("Saint-Paul", "97415", "97434")),  # Saint-Gilles les Bains
        # 97411 is Saint-Denis's INSEE code, but as a postcode it is Bois de Nèfles Saint-Paul.
        ({"postcode": "97411"}, ("Saint-Paul", "97415", "97411")),
        ({"postcode": "97400"}, ("Saint-Denis", "97411", "97400")),
        ({"commune": "Bellemène", "postcode": "97460"}, ("Bellemène", "97415", "97460")),
        ({"commune": "Paris", "insee_code": "75056", "postcode": "75001"}, ("Paris", "75056", "75001")),
        ({"commune": "Lyon", "postcode": "69001"}, ("Lyon", "", "69001")),
    ],
)
def test_a_commune_given_by_its_name_its_insee_code_or_its_postcode(
    cells: dict[str, str], expected: tuple[str, str, str]
) -> None:
    assert _commune(cells) == (expected, [])


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"commune": "Saint-Pol"}, "colonne « Commune » : Commune « Saint-Pol » inconnue"),
        (
            {"commune": "Saint-Pol", "postcode": "97499"},
            "colonne « Commune » : Commune « Saint-Pol » inconnue",
        ),
        ({"insee_code": "97499"}, "colonne « Code INSEE » : Code INSEE « 97499 » inconnu à La Réunion"),
        ({"postcode": "97499"}, "colonne « Code postal » : Code postal « 97499 » inconnu à La Réunion"),
        ({"postcode": "75001"}, "colonne « Code postal » : Code postal « 75001 » inconnu à La Réunion"),
        (
            {"commune": "Saint-Denis", "insee_code": "97415"},
            "colonne « Code INSEE » : Le code INSEE « 97415 » est celui de Saint-Paul, "
            "pas de « Saint-Denis »",
        ),
    ],
)
def test_an_unknown_commune_gets_a_french_error_on_its_column(cells: dict[str, str], message: str) -> None:
    _place, errors = _commune(cells)
    assert len(errors) == 1 and errors[0].startswith(f"Ligne 9, {message}")


def test_the_coops_template_resolves_its_communes_by_postcode_too(store: Store, tmp_path: Path) -> None:
    # The template's Commune columns hold the INSEE code and formulas; a city that filled them
    # by hand may give only the postcode, or only the name.
    path = coop_template(tmp_path / "modele.xlsx", [["Técher", "Hélène", 1958, "", "", "", "F", ""]])
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Bénéficiaires"]
    ws["D4"], ws["F4"] = "", "97460"
    ws.append(["Payet", "Marie", 1970, "la saline", "", "", "", "", "F", ""])
    ws.append(["Boyer", "Paul", 1980, "", "97499", "", "", "", "M", ""])
    wb.save(path)
    found = _preview(store, reader.read_file(path))
    places = [(r.data.commune, r.data.insee_code, r.data.postcode) for r in found.rows]
    assert places[:2] == [("Saint-Paul", "97415", "97460"), ("La Saline", "97415", "97422")]
    assert [str(e) for e in found.errors] == [
        "Ligne 6, colonne « Code INSEE » : Code INSEE « 97499 » inconnu à La Réunion (97401 à 97424)."
    ]


def _city_file(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    wb = Workbook()
    for row in [headers, *rows]:
        wb.active.append(row)
    wb.save(path)
    return path


def test_each_set_of_headers_keeps_its_own_mapping_and_no_personal_data(
    store: Store, paths: AppPaths, tmp_path: Path, capsys
) -> None:
    # Two services of the city, two spreadsheets of their own: each mapping is remembered for
    # its headers (the second does not replace the first), and offered again for them only.
    ccas = _city_file(tmp_path / "ccas.xlsx", ["NOM USAGE", "PRENOM USUEL"], [["Payet", "Marie"]])
    mdph = _city_file(tmp_path / "mdph.xlsx", ["Ident.", "Pren.", "Tel. fixe"], [["Hoarau", "Jean", ""]])
    store.close()
    base = ["--data-dir", str(paths.data.parent), "import", "beneficiaries"]
    assert main([*base, str(ccas), "--colonne", "Nom=NOM USAGE", "--colonne", "Prénom=PRENOM USUEL"]) == 0
    assert main([*base, str(mdph), "--colonne", "Nom=Ident.", "--colonne", "Prénom=Pren."]) == 0
    capsys.readouterr()
    # Next month's files: same headers (in another order, for one), other people.
    again = _city_file(tmp_path / "ccas2.xlsx", ["PRENOM USUEL", "NOM USAGE"], [["Rose", "Nativel"]])
    assert main([*base, str(again), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "NOM USAGE → Nom" in out and "retenue au dernier import" in out and "À créer : 1" in out
    assert main([*base, str(mdph), "--dry-run"]) == 0
    assert "Ident. → Nom" in capsys.readouterr().out
    # A file with other headers is not read with someone else's mapping.
    other = _city_file(tmp_path / "autre.xlsx", ["NOM USAGE", "PRENOM"], [["Grondin", "Thérèse"]])
    assert main([*base, str(other), "--dry-run"]) == 2
    assert "--colonne" in capsys.readouterr().out
    stored = paths.settings_file.read_text(encoding="utf-8")
    kept = reader.remembered_mappings(Settings(paths.settings_file).get(IMPORT_COLUMNS))
    assert kept == {
        reader.header_signature(["NOM USAGE", "PRENOM USUEL"]): {
            "last_name": "NOM USAGE",
            "first_name": "PRENOM USUEL",
        },
        reader.header_signature(["Ident.", "Pren.", "Tel. fixe"]): {
            "last_name": "Ident.",
            "first_name": "Pren.",
        },
    }
    for name in ("Payet", "Marie", "Hoarau", "Jean"):
        assert name not in stored
