"""The « Sauvegardes » dialog: list, rotation setting, backup now, restore (confirmed, safe)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from stpaul_field import settings as st
from stpaul_field.store.backup import list_backups
from stpaul_field.store.models import Beneficiary
from stpaul_field.ui import tasks
from stpaul_field.ui.backups_dialog import BackupsDialog, size_text


def add(ctx, last_name: str) -> None:
    with ctx.store.session() as s:
        s.add(Beneficiary(first_name="Josette", last_name=last_name))


def names(ctx) -> set[str]:
    with ctx.store.reader() as s:
        return set(s.scalars(select(Beneficiary.last_name)))


def make_dialog(qtbot, ctx) -> BackupsDialog:
    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def backup_now(qtbot, dialog: BackupsDialog) -> None:
    count = len(dialog.backups)
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: len(dialog.backups) > count, timeout=5000)
    tasks.wait_until_settled(5000)


def test_backup_now_lists_the_backup_with_its_date_reason_and_size(qtbot, ctx) -> None:
    dialog = make_dialog(qtbot, ctx)
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    backup_now(qtbot, dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Sauvegarde demandée"
    assert dialog.table.item(0, 2).text().endswith(("ko", "Mo"))
    assert dialog.table.item(0, 0).text().count("/") == 2  # dd/mm/yyyy hh:mm:ss
    assert dialog.status.text() == "Sauvegarde faite."
    assert dialog.restore_button.isEnabled()  # the new backup is selected


def test_the_number_kept_is_a_setting_applied_at_each_backup(qtbot, ctx, paths) -> None:
    dialog = make_dialog(qtbot, ctx)
    dialog.kept.setValue(2)
    assert ctx.settings.get(st.BACKUPS_KEPT) == 2
    assert st.Settings(paths.settings_file).get(st.BACKUPS_KEPT) == 2  # saved
    for _ in range(4):
        dialog.backup_button.click()
        tasks.wait_until_settled(5000)
    assert len(list_backups(paths.backups)) == 2 and dialog.table.rowCount() == 2


def test_restore_asks_first_then_brings_the_backup_back_and_keeps_the_replaced_data(
    qtbot,
    ctx,
    monkeypatch,
) -> None:
    add(ctx, "AVANT")
    dialog = make_dialog(qtbot, ctx)
    backup_now(qtbot, dialog)
    add(ctx, "APRES")
    changed = []
    ctx.data_changed.connect(lambda: changed.append(True))
    dialog.table.selectRow(0)

    question = dialog.restore_question(dialog.selected())
    assert "seront d'abord sauvegardées" in question.text()
    assert question.defaultButton().text() == "Annuler"
    assert question.button(QMessageBox.StandardButton.Yes).text() == "Restaurer"
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.No)
    assert not dialog.restore_selected()
    assert names(ctx) == {"AVANT", "APRES"}  # « Annuler » changes nothing

    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    assert dialog.restore_selected()
    assert names(ctx) == {"AVANT"}
    assert changed  # every view reloads
    assert dialog.table.item(0, 1).text() == "Avant une restauration"
    assert "restaurée" in dialog.status.text()
    add(ctx, "ENSUITE")  # the reopened store takes edits
    assert names(ctx) == {"AVANT", "ENSUITE"}


def test_a_backup_this_laptop_cannot_open_is_refused_in_french(qtbot, ctx, paths, monkeypatch) -> None:
    add(ctx, "ACTUEL")
    dialog = make_dialog(qtbot, ctx)
    backup_now(qtbot, dialog)
    damaged: Path = dialog.backups[0].path
    damaged.write_bytes(b"\0" * damaged.stat().st_size)
    warnings = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    dialog.table.selectRow(0)
    assert not dialog.restore_selected()
    assert "Rien n'a été modifié" in warnings[0]
    assert names(ctx) == {"ACTUEL"}
    assert len(list_backups(paths.backups)) == 1  # no safety backup either: nothing happened


def test_sizes_read_in_french() -> None:
    assert size_text(250_000) == "250 ko"
    assert size_text(12_345_678) == "12,3 Mo"


def test_the_main_window_opens_it_from_the_file_menu(qtbot, ctx) -> None:
    from stpaul_field.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Sa&uvegardes…")
    assert action.isEnabled()
    action.trigger()
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    tasks.wait_until_settled(5000)
