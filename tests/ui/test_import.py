"""« Importer… » in the Bénéficiaires view: the preview with errors and duplicates, each
duplicate's choice, then one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.store.beneficiaries import create_beneficiary
from stpaul_field.store.database import Store
from stpaul_field.store.models import Beneficiary, OutboxEntry
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.register.import_dialog import ImportDialog
from stpaul_field.ui.register.view import RegisterView

CSV = (
    "Nom;Prénom;Année de naissance;Téléphone\n"
    "Begue;Kevin;1990;\n"  # Kévin BÈGUE of the register
    "Payet;Marie;1975;\n"
    "Marie;Payet;1975;\n"  # the same person, within the file
    "Hoarau;Jean;nuage;\n"  # an error
    "Nativel;Rose;1960;12\n"  # another
)


def _count(store: Store, model: type = Beneficiary) -> int:
    with store.reader() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_the_preview_shows_errors_and_duplicates_then_imports_with_the_choices(
    qtbot, store: Store, ctx, tmp_path: Path
):
    with store.session() as s:
        create_beneficiary(
            s, BeneficiaryData(first_name="Kévin", last_name="BÈGUE", birth_year=1990), dt.date(2026, 12, 2)
        )
    path = tmp_path / "ville.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.load(path)
    assert dialog.errors.rowCount() == 2
    assert {dialog.errors.item(i, 1).text() for i in range(2)} == {"Année de naissance", "Téléphone"}
    assert dialog.duplicates.rowCount() == 2
    assert "BÈGUE Kévin (registre)" in dialog.duplicates.item(0, 1).text()
    assert "À créer : 1 · à fusionner : 2 · à ignorer : 2" in dialog.summary.text()
    dialog.set_choice(4, "skip")  # Marie Payet twice: keep one
    assert "à fusionner : 1 · à ignorer : 3" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as blocker:
        dialog.import_button.click()
    written = blocker.args[0]
    assert (written.created, written.joined, written.skipped) == (1, 1, 3)
    assert _count(store) == 2  # Kévin (joined), Marie (created)
    assert _count(store, OutboxEntry) == 2


def test_a_file_that_cannot_be_read_says_why_and_imports_nothing(qtbot, store: Store, ctx, tmp_path: Path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.load(path)
    assert "protégé par un mot de passe" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert _count(store) == 0


def test_the_register_view_has_an_import_button(qtbot, store: Store, ctx):
    view = RegisterView(ctx)
    qtbot.addWidget(view)
    assert view.import_button.text() == "&Importer…"


def test_the_mapping_remembered_for_a_files_headers_is_offered_again_in_the_app(
    qtbot, store: Store, paths, tmp_path: Path
):
    from stpaul_field.documents import beneficiary_import as reader
    from stpaul_field.settings import IMPORT_COLUMNS, Settings

    path = tmp_path / "ccas.csv"
    path.write_text("NOM USAGE;PRENOM USUEL\nPayet;Marie\n", encoding="utf-8")
    settings = Settings(paths.settings_file)
    mapping = {"last_name": "NOM USAGE", "first_name": "PRENOM USUEL"}
    read = reader.read_file(path, mapping)
    settings.set(IMPORT_COLUMNS, reader.remember_mapping("", read))  # as a first import leaves it
    view = RegisterView(AppContext(store, settings, paths))
    qtbot.addWidget(view)
    dialog = ImportDialog(view.ctx, view)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.load(path)
    assert "À créer : 1" in dialog.summary.text()
    assert "Colonnes retenues" in dialog.summary.text()
    assert dialog.import_button.isEnabled()


def test_the_activity_history_is_previewed_then_imported_from_the_register_view(
    qtbot, store: Store, ctx, tmp_path: Path
):
    from stpaul_field.store.models import Activity
    from stpaul_field.ui.register.activity_import_dialog import ActivityImportDialog
    from tests.documents.test_activity_import import history

    with store.session() as s:
        create_beneficiary(
            s, BeneficiaryData(first_name="Kévin", last_name="BÈGUE", birth_year=1990), dt.date(2026, 12, 2)
        )
    view = RegisterView(ctx)
    qtbot.addWidget(view)
    assert view.import_activities_button.text() == "Importer des acti&vités…"
    dialog = ActivityImportDialog(ctx, view)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.load(history(tmp_path / "coop.xlsx"))
    assert dialog.errors.rowCount() == 3
    assert [dialog.errors.item(i, 1).text() for i in range(3)] == [
        "Thématique(s) d’accompagnement",
        "Nom du lieu",
        "Date",
    ]
    assert dialog.duplicates.rowCount() == 1
    assert "BÈGUE Kévin (registre)" in dialog.duplicates.item(0, 1).text()
    assert "À créer : 4 (6 accompagnement(s))" in dialog.summary.text()
    assert "Personnes à créer : 2 · jointes au registre : 1" in dialog.summary.text()
    dialog.set_choice(23, "skip")  # Kévin's row: his accompaniment is left out
    assert "À créer : 3 (5 accompagnement(s))" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as blocker:
        dialog.import_button.click()
    assert blocker.args[0].activities == 3
    assert _count(store, Activity) == 3


def test_a_city_files_columns_are_chosen_in_the_app_and_offered_again_for_the_same_headers(
    qtbot, store: Store, paths, tmp_path: Path
):
    from stpaul_field.settings import Settings

    settings = Settings(paths.settings_file)
    path = tmp_path / "ccas.csv"
    path.write_text("IDENT.;PREN.;PORT.\nPayet;Marie;0692001122\n", encoding="utf-8")
    dialog = ImportDialog(AppContext(store, settings, paths))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.load(path)
    assert "indiquez-le avec « Colonnes… »" in dialog.summary.text()
    assert dialog.columns_button.isEnabled() and not dialog.import_button.isEnabled()
    columns = dialog.columns_dialog()
    qtbot.addWidget(columns)
    for name, header in (("last_name", "IDENT."), ("first_name", "PREN."), ("phone", "PORT.")):
        columns.choose(name, header)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        columns.accept()
    assert "À créer : 1" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    # Next month's file, same headers in another order, other people: read with that mapping,
    # and « Colonnes… » offers it.
    again = tmp_path / "ccas-decembre.csv"
    again.write_text("PREN.;IDENT.;PORT.\nRose;Nativel;\n", encoding="utf-8")
    second = ImportDialog(AppContext(store, Settings(paths.settings_file), paths))
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.previewed, timeout=10_000):
        second.load(again)
    assert "À créer : 1" in second.summary.text() and "Colonnes retenues" in second.summary.text()
    offered = second.columns_dialog()
    qtbot.addWidget(offered)
    assert offered.mapping() == {"last_name": "IDENT.", "first_name": "PREN.", "phone": "PORT."}
    assert "Payet" not in paths.settings_file.read_text(encoding="utf-8")


def test_a_history_this_laptop_has_no_advisor_for_says_so_and_writes_nothing(
    qtbot, store: Store, ctx, tmp_path: Path
):
    from stpaul_field.store.models import Activity, SyncState
    from stpaul_field.store.reference import LOCAL_ADVISOR_KEY
    from stpaul_field.ui.register.activity_import_dialog import ActivityImportDialog
    from tests.documents.test_activity_import import history

    with store.session() as s:
        s.delete(s.get(SyncState, LOCAL_ADVISOR_KEY))
    dialog = ActivityImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.load(history(tmp_path / "coop.xlsx"))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "rien n'a été importé" in dialog.summary.text(), timeout=10_000)
    assert "ce poste n'a pas de conseiller" in dialog.summary.text()
    assert _count(store, Activity) == 0 and _count(store) == 0
