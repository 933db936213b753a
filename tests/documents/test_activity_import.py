"""Import of an advisor's activity history from the Coop's activities export (their own, which
names the beneficiary): files built here in the Coop's layout (buildAccompagnementsWorksheet.ts:
the « Informations export » and « Filtres » blocks, a separator row, the table « Activités »);
people matched to the register by the beneficiaries import's duplicate check; idempotent by the
Coop's « ID CRA »; counted in the month's figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from stpaul_field.cli import main
from stpaul_field.documents import exports
from stpaul_field.documents.activity_import import read_activities
from stpaul_field.documents.beneficiary_import import ImportFileError
from stpaul_field.domain.activity_import import COLUMNS, activity_id_for, split_name
from stpaul_field.domain.counting import CountingRule
from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.domain.report_model import Period
from stpaul_field.paths import AppPaths
from stpaul_field.store import activity_import as importer
from stpaul_field.store import statistics as st
from stpaul_field.store.beneficiaries import create_beneficiary
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Beneficiary, OutboxEntry, Participation
from stpaul_field.store.reference import local_advisor_id
from tests.coop_export_files import OWN_HEADERS, TEAM_HEADERS, coop_export, line

TODAY = dt.date(2026, 12, 2)
TAKING_IN_HAND = "Prendre en main du matériel"
SOCIAL_HELP = "Structure d’aide sociale (maison des solidarités, centre social…)"
NOVEMBER = Period.month(2026, 11)
CRA = {  # the Coop's ids (UUIDs of its own records)
    "kevin": "0b8c5e0e-1f0a-4a53-9a55-6f1f7f3e0001",
    "atelier": "0b8c5e0e-1f0a-4a53-9a55-6f1f7f3e0002",
    "demarche": "0b8c5e0e-1f0a-4a53-9a55-6f1f7f3e0003",
    "anonyme": "0b8c5e0e-1f0a-4a53-9a55-6f1f7f3e0004",
    "jardin": "0b8c5e0e-1f0a-4a53-9a55-6f1f7f3e0005",
    "inconnu": "0b8c5e0e-1f0a-4a53-9a55-6f1f7f3e0006",
    "nuage": "0b8c5e0e-1f0a-4a53-9a55-6f1f7f3e0007",
}


def history(path: Path) -> Path:
    return coop_export(
        path,
        [
            # 1. Kévin of the register, written here « Kevin BEGUE »
            line(
                **{"Bénéficiaire": "Kevin BEGUE", "ID CRA": CRA["kevin"], "Genre du bénéficiaire": "Masculin"}
            ),
            # 2. a workshop of three: two named, one anonymous
            *(
                line(
                    **{
                        "Type": "Atelier collectif",
                        "Participants": f"{k}/3",
                        "Bénéficiaire": who,
                        "Nom du lieu": "Roche Plate",
                        "Durée (min)": 120,
                        "Nom de l’atelier": "Premiers pas sur la tablette",
                        "Matériel numérique utilisé": "Tablette\nTéléphone",
                        "Thématique(s) d’accompagnement": f"{TAKING_IN_HAND}\nNavigation sur internet",
                        "Niveau d’autonomie (ou de l’atelier)": "1/3",
                        "Bénéficiaire réorienté": "",
                        "Genre du bénéficiaire": gender,
                        "Tranche d’âge du bénéficiaire": age,
                        "Commune du bénéficiaire": commune,
                        "Code postal du bénéficiaire": "97460" if commune else "",
                        "Code Insee du bénéficiaire": "97415" if commune else "",
                        "Notes supplémentaires": "Salle prêtée par l'école" if k == 1 else "",
                        "ID CRA": CRA["atelier"],
                    }
                )
                for k, who, gender, age, commune in (
                    (1, "Marie PAYET", "Féminin", "40 - 59 ans", "Saint-Paul"),
                    (2, "Bénéficiaire anonyme", "Féminin", "25 - 39 ans", ""),
                    (3, "Jean-Marc Hoarau", "Masculin", "70 ans et plus", "Saint-Paul"),
                )
            ),
            # 3. a démarche, as the Coop's former type, at home: Marie again
            line(
                **{
                    "Date": dt.datetime(2026, 11, 20),
                    "Type": "Aide aux démarches administratives",
                    "Bénéficiaire": "Payet Marie",
                    "Canaux d’accompagnement": "À domicile",
                    "Nom du lieu": "",
                    "Commune": "Saint-Paul",
                    "Code postal": "97460",
                    "Code Insee": "97415",
                    "Thématique(s) d’accompagnement": "Logement\nArgent - Impôts",
                    "Nom de la démarche administrative": "Demande d'APL",
                    "Bénéficiaire réorienté": "Oui",
                    "Structure de redirection": SOCIAL_HELP,
                    "ID CRA": CRA["demarche"],
                }
            ),
            # 4. an anonymous person, remotely
            line(
                **{
                    "Canaux d’accompagnement": "À distance",
                    "Nom du lieu": "",
                    "Genre du bénéficiaire": "Féminin",
                    "Tranche d’âge du bénéficiaire": "60 - 69 ans",
                    "Statut du bénéficiaire": "Retraité",
                    "ID CRA": CRA["anonyme"],
                }
            ),
            # 5.–7. errors
            line(**{"Thématique(s) d’accompagnement": "Jardinage", "ID CRA": CRA["jardin"]}),
            line(**{"Nom du lieu": "Médiathèque Benoîte Boulard", "ID CRA": CRA["inconnu"]}),
            line(**{"Date": "nuage", "ID CRA": CRA["nuage"]}),
        ],
    )


def _count(store: Store, model: type) -> int:
    with store.reader() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _register_kevin(store: Store) -> None:
    with store.session() as s:
        create_beneficiary(s, BeneficiaryData(first_name="Kévin", last_name="BÈGUE", birth_year=1990), TODAY)


def _import(store: Store, path: Path) -> tuple[importer.ActivityPreview, importer.WrittenActivities]:
    read = read_activities(path)
    with store.reader() as s:
        found = importer.preview(s, read.activities, read.columns, TODAY)
        advisor = local_advisor_id(s)
    assert advisor is not None
    with store.session() as s:
        written = importer.write(s, found, advisor, today=TODAY)
    return found, written


def test_the_import_reads_the_coops_own_columns() -> None:
    # The headers it reads are the Coop's (and our export's): nothing of its own.
    assert set(COLUMNS.values()) <= set(OWN_HEADERS)


def test_the_preview_then_one_transaction_and_the_register_matched(store: Store, tmp_path: Path) -> None:
    _register_kevin(store)
    read = read_activities(history(tmp_path / "coop.xlsx"))
    assert (read.rows, len(read.activities)) == (9, 7)
    with store.reader() as s:
        found = importer.preview(s, read.activities, read.columns, TODAY)
    assert [str(e) for e in found.errors] == [
        "Ligne 29, colonne « Thématique(s) d’accompagnement » : Thématique « Jardinage » inconnue.",
        "Ligne 30, colonne « Nom du lieu » : Lieu « Médiathèque Benoîte Boulard » inconnu sur ce poste : "
        "synchronisez, ou demandez au coordinateur de l'ajouter, puis importez à nouveau le fichier "
        "(rien ne sera importé deux fois).",
        "Ligne 31, colonne « Date » : « nuage » n'est pas une date (jj/mm/aaaa).",
    ]
    # Kévin is the register's; Marie (twice in the file) and Jean-Marc are new, once each.
    assert [str(d) for d in found.duplicates.values()] == [
        "Ligne 23 : même nom (année de naissance inconnue) que BÈGUE Kévin (registre)"
    ]
    assert found.counts() == {
        "activités": 4,
        "accompagnements": 6,
        "déjà importées": 0,
        "en erreur": 3,
        "ignorées": 0,
        "personnes à créer": 2,
        "personnes à joindre": 1,
    }
    assert _count(store, Activity) == 0  # the preview writes nothing
    with store.reader() as s:
        advisor = local_advisor_id(s)
    assert advisor is not None
    with store.session() as s:
        written = importer.write(s, found, advisor, today=TODAY)
    assert (written.activities, written.accompaniments) == (4, 6)
    assert (written.people.created, written.people.joined) == (2, 1)
    with store.reader() as s:
        acts = {a.id: a for a in s.scalars(select(Activity))}
        assert set(acts) == {activity_id_for(CRA[k]) for k in ("kevin", "atelier", "demarche", "anonyme")}
        workshop = acts[activity_id_for(CRA["atelier"])]
        assert (workshop.type, workshop.status, workshop.title, workshop.level) == (
            "workshop",
            "done",
            "Premiers pas sur la tablette",
            "debutant",
        )
        assert workshop.equipment == ["tablette", "telephone"]
        assert workshop.themes == ["prendre_en_main_du_materiel", "navigation_sur_internet"]
        assert (workshop.anon_total, workshop.anon_genders, workshop.anon_age_bands) == (
            1,
            {"feminin": 1},
            {"vingt_cinq_trente_neuf": 1},
        )
        assert workshop.notes == "Salle prêtée par l'école" and workshop.advisor_id == advisor
        demarche = acts[activity_id_for(CRA["demarche"])]
        assert (demarche.type, demarche.place_type, demarche.commune, demarche.insee_code) == (
            "individual",
            "domicile",
            "Saint-Paul",
            "97415",
        )
        assert demarche.themes == ["aide_aux_demarches_administratives"]
        assert demarche.admin_themes == ["logement", "argent_impots"]
        assert (demarche.procedure_name, demarche.redirected, demarche.redirect_structure) == (
            "Demande d'APL",
            True,
            "aide_sociale",
        )
        assert acts[activity_id_for(CRA["kevin"])].autonomy == "partiellement_autonome"
        people = {(b.first_name, b.last_name): b for b in s.scalars(select(Beneficiary))}
        named = sorted(k for k, b in people.items() if not b.anonymous)
        assert named == [("Jean-Marc", "Hoarau"), ("Kévin", "BÈGUE"), ("Marie", "PAYET")]
        marie = people[("Marie", "PAYET")]
        assert (marie.gender, marie.age_band, marie.commune, marie.insee_code) == (
            "feminin",
            "quarante_cinquante_neuf",
            "Saint-Paul",
            "97415",
        )
        assert people[("Kévin", "BÈGUE")].gender == "masculin"  # joined: what it left empty is filled
        marie_in = s.scalars(
            select(Participation.activity_id).where(Participation.beneficiary_id == marie.id)
        )
        assert set(marie_in) == {workshop.id, demarche.id}
        anonymous = [b for b in people.values() if b.anonymous]
        assert [(b.gender, b.age_band, b.social_status) for b in anonymous] == [
            ("feminin", "soixante_soixante_neuf", "retraite")
        ]
    # Through the outbox: each new activity, person and participation syncs like any edit.
    with store.reader() as s:
        queued = {e.entity for e in s.scalars(select(OutboxEntry))}
    assert {"activity", "beneficiary", "participation"} <= queued


def test_a_second_import_of_the_same_file_adds_nothing(store: Store, tmp_path: Path) -> None:
    path = history(tmp_path / "coop.xlsx")
    _found, first = _import(store, path)
    assert first.activities == 4
    before = {m: _count(store, m) for m in (Activity, Beneficiary, Participation, OutboxEntry)}
    again, second = _import(store, path)
    assert again.counts()["déjà importées"] == 4 and again.counts()["activités"] == 0
    assert (second.activities, second.people.created, second.people.joined) == (0, 0, 0)
    assert {m: _count(store, m) for m in before} == before


def test_another_laptop_derives_the_same_activities_from_the_same_file(store: Store, tmp_path: Path) -> None:
    # No column holds the ID CRA: the id itself is derived from it, the same on every laptop,
    # so the central record sees one activity however many laptops import the file.
    path = history(tmp_path / "coop.xlsx")
    _import(store, path)
    other = Store.open(AppPaths.under(tmp_path / "autre-poste"))
    try:
        _import(other, path)
        with store.reader() as s, other.reader() as o:
            assert set(s.scalars(select(Activity.id))) == set(o.scalars(select(Activity.id)))
    finally:
        other.close()


def test_imported_activities_count_in_the_months_figures(store: Store, tmp_path: Path) -> None:
    rule = CountingRule(TODAY)
    with store.reader() as s:
        before = st.period_figures(s, NOVEMBER, st.team_scope(), rule)
    assert before.follow_ups == 0
    _import(store, history(tmp_path / "coop.xlsx"))
    with store.reader() as s:
        after = st.period_figures(s, NOVEMBER, st.team_scope(), rule)
        mine = st.period_figures(s, NOVEMBER, st.advisor_scope(s, local_advisor_id(s)), rule)
    # Kévin 1 + the workshop 3 (one anonymous) + the démarche 1 + the anonymous person 1
    assert (after.follow_ups, after.anonymous_follow_ups) == (6, 1)
    assert (after.activities, after.individual_activities, after.workshop_activities) == (4, 3, 1)
    assert after.unique_beneficiaries >= 3 and mine.follow_ups == 6
    admin = {r.label: r.count for r in after.by_admin_theme.rows}
    assert admin.get("Logement") == 1


def test_stpaul_fields_own_export_read_back_is_recognised(store: Store, tmp_path: Path) -> None:
    # Our export is laid out as the Coop's, its ID CRA our activity's id: nothing doubled.
    _import(store, history(tmp_path / "coop.xlsx"))
    with store.reader() as s:
        advisor = local_advisor_id(s)
        out = tmp_path / "notre-export.xlsx"
        exports.export(s, "activities", NOVEMBER, advisor, out, "xlsx", rule=CountingRule(TODAY))
    found, written = _import(store, out)
    assert found.counts()["déjà importées"] == 4 and written.activities == 0


def test_names_are_split_as_the_coop_joins_them() -> None:
    assert split_name("Marie PAYET") == ("Marie", "PAYET")
    assert split_name("Marie Claude HOARAU") == ("Marie Claude", "HOARAU")
    assert split_name("Jean-Marc Grondin") == ("Jean-Marc", "Grondin")
    assert split_name("Payet") == ("", "Payet")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "ni un classeur Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "protégé par un mot de passe"),
        (b"", "vide"),
        ("Nom;Prénom\r\nPayet;Marie\r\n".encode(), "pas un export des activités de la Coop"),
    ],
)
def test_broken_files_get_a_french_error_and_nothing_is_written(
    store: Store, paths: AppPaths, tmp_path: Path, content: bytes, message: str, capsys
) -> None:
    path = tmp_path / "fichier.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        read_activities(path)
    store.close()
    assert main(["--data-dir", str(paths.data.parent), "import", "activities", str(path)]) == 2
    assert message in capsys.readouterr().out
    again = Store.open(paths)
    try:
        assert _count(again, Activity) == 0 and _count(again, OutboxEntry) == 0
    finally:
        again.close()


def test_a_teams_export_names_nobody_and_is_refused(tmp_path: Path) -> None:
    path = coop_export(tmp_path / "equipe.xlsx", [line(**{"ID CRA": CRA["kevin"]})], TEAM_HEADERS)
    with pytest.raises(ImportFileError, match="export d'une équipe"):
        read_activities(path)


def test_the_command_line_previews_then_imports_once(
    store: Store, paths: AppPaths, tmp_path: Path, capsys
) -> None:
    path = history(tmp_path / "coop.xlsx")
    store.close()
    base = ["--data-dir", str(paths.data.parent), "import", "activities", str(path)]
    assert main([*base, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "export des activités de la Coop — 9 ligne(s), 7 activité(s)" in out
    assert "Activités à créer : 4 (6 accompagnement(s))" in out and "en erreur : 3" in out
    assert "Ligne 31, colonne « Date » : « nuage » n'est pas une date" in out
    assert "rien n'a été écrit" in out
    assert main(base) == 0
    assert "Importé : 4 activité(s) réalisée(s) (6 accompagnement(s)), 3 personne(s) créée(s)" in (
        capsys.readouterr().out
    )
    assert main(base) == 0
    out = capsys.readouterr().out
    assert "déjà importées : 4" in out and "Importé : 0 activité(s)" in out


def test_a_failure_while_writing_leaves_nothing_half_way(store: Store, tmp_path: Path) -> None:
    read = read_activities(history(tmp_path / "coop.xlsx"))
    with store.reader() as s:
        found = importer.preview(s, read.activities, read.columns, TODAY)
        advisor = local_advisor_id(s)
    assert advisor is not None
    with pytest.raises(OSError), store.session() as s:
        importer.write(s, found, advisor, today=TODAY)  # flushed, not committed
        raise OSError("coupure de courant")  # the laptop stops before the commit
    assert _count(store, Activity) == 0 and _count(store, Beneficiary) == 0
    assert _count(store, OutboxEntry) == 0


def test_laptops_importing_the_same_history_make_one_record_of_it(world, tmp_path: Path) -> None:
    # Marie imports her history on her laptop and, before any sync, on her second one: the
    # central record holds each activity and each accompaniment once. A third laptop that
    # pulled them finds the file already imported.
    path = history(tmp_path / "coop.xlsx")
    first, second = world.laptop("marie"), world.laptop("marie")
    for laptop in (first, second):
        _found, written = _import(laptop.store, path)
        assert written.activities == 4
    for laptop in (first, second, first):
        assert not laptop.sync().rejected
    held = world.server_records(("activity", "participation"))
    activities = [k for k in held if k[0] == "activity"]
    participations = [k for k, f in held.items() if k[0] == "participation" and not f.get("deleted_at")]
    assert len(activities) == 4 and len(participations) == 5
    third = world.laptop("marie")
    third.sync()
    again, written = _import(third.store, path)
    assert again.counts()["déjà importées"] == 4 and written.activities == 0


def test_the_exports_csv_reads_as_its_workbook(store: Store, tmp_path: Path) -> None:
    # The same table as CSV (UTF-8 with a BOM, « ; », dates dd/mm/yyyy, cells on several lines).
    import csv

    from openpyxl import load_workbook

    ws = load_workbook(history(tmp_path / "coop.xlsx")).active
    rows = [[c for c in r] for r in ws.iter_rows(min_row=22, values_only=True)]
    path = tmp_path / "coop.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        for row in rows:
            writer.writerow(
                [
                    c.strftime("%d/%m/%Y") if isinstance(c, dt.datetime) else ("" if c is None else c)
                    for c in row
                ]
            )
    found, written = _import(store, path)
    assert written.activities == 4 and found.counts()["en erreur"] == 3
    with store.reader() as s:
        workshop = s.get(Activity, activity_id_for(CRA["atelier"]))
        assert workshop is not None and workshop.equipment == ["tablette", "telephone"]
        assert workshop.date == dt.date(2026, 11, 5)


def test_an_older_export_with_the_coops_former_labels_reads(store: Store, tmp_path: Path) -> None:
    # Labels of the Coop's former cra.ts (« Entrepreneuriat », « Papiers - Élections
    # Citoyenneté », « Ateliers collectif »…), in a file exported back then.
    path = coop_export(
        tmp_path / "ancien.xlsx",
        [
            line(
                **{
                    "Type": "Aide aux démarches administratives",
                    "Thématique(s) d’accompagnement": "Entrepreneuriat\nPapiers - Élections Citoyenneté",
                    "Bénéficiaire réorienté": "Oui",
                    "Structure de redirection": "Administration (collectivité locale, préfecture…)",
                    "ID CRA": CRA["demarche"],
                }
            ),
            line(
                **{"Type": "Ateliers collectif", "Nom de l’atelier": "Messagerie", "ID CRA": CRA["atelier"]}
            ),
        ],
    )
    found, written = _import(store, path)
    assert found.errors == [] and written.activities == 2
    with store.reader() as s:
        demarche = s.get(Activity, activity_id_for(CRA["demarche"]))
        assert demarche is not None
        assert demarche.themes == ["entrepreneuriat", "aide_aux_demarches_administratives"]
        assert (demarche.admin_themes, demarche.redirect_structure) == (
            ["papiers_elections_citoyennete"],
            "administration",
        )
        workshop = s.get(Activity, activity_id_for(CRA["atelier"]))
        assert workshop is not None and (workshop.type, workshop.anon_total) == ("workshop", 1)


def test_someone_elses_export_is_refused_on_this_laptop(
    store: Store, paths: AppPaths, tmp_path: Path, capsys
) -> None:
    # The export's « Informations export » names Marie-Claude Payet; this laptop knows her as
    # another advisor than its own: her history must not be led by this laptop's advisor.
    from stpaul_field.store.models import Advisor

    path = history(tmp_path / "coop.xlsx")
    assert read_activities(path).exporter == ("Marie-Claude", "Payet")
    with store.reader() as s:
        assert importer.someone_elses(s, ("Marie-Claude", "Payet"), local_advisor_id(s)) is None  # unknown
    with store.session() as s:
        s.add(Advisor(first_name="Marie-Claude", last_name="PAYET"))
    with store.reader() as s:
        mine = local_advisor_id(s)
        assert "celui de Marie-Claude PAYET" in (
            importer.someone_elses(s, ("Marie-Claude", "Payet"), mine) or ""
        )
    store.close()
    assert main(["--data-dir", str(paths.data.parent), "import", "activities", str(path)]) == 2
    assert "pas du conseiller de ce poste" in capsys.readouterr().out
    again = Store.open(paths)
    try:
        assert _count(again, Activity) == 0
    finally:
        again.close()
