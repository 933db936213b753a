"""The main window and the launcher: navigation, status bar, remembered state, settings."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from stpaul_field import settings as st
from stpaul_field.store import activities as acts
from stpaul_field.store.models import Venue
from stpaul_field.sync.status import read_status
from stpaul_field.ui import i18n
from stpaul_field.ui.app import Launcher
from stpaul_field.ui.context import Changes
from stpaul_field.ui.main_window import MainWindow
from stpaul_field.ui.settings_dialog import SettingsDialog


def test_launcher_opens_the_store_off_the_ui_thread_and_shows_the_window(qtbot, paths):
    settings = st.Settings(paths.settings_file)
    launcher = Launcher(paths, settings, ask_venue=False)
    with qtbot.waitSignal(launcher.ready, timeout=10_000) as ready:
        launcher.start(show_splash=False)
    window = ready.args[0]
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.current_view_key() == "agenda"
    window.close()
    window.ctx.store.close()


def test_status_bar_keeps_the_newest_read_when_reads_land_out_of_order(qtbot, ctx, store):
    # Status reads run in a thread pool: an older read landing last must not bring back a
    # stale count (« 0 modification ») over the newer one.
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.pending_count == 0)
    ctx.write(lambda s: acts.create_beneficiary(s, "Hélène", "Payet"), changes=Changes.people())
    qtbot.waitUntil(lambda: window.pending_count == 1, timeout=5000)
    newest = window._status_shown
    stale = dataclasses.replace(read_status(ctx.store), pending=0)
    window._show_status(stale, newest - 1)
    assert window.pending_count == 1
    assert window.sync_status.text() == "Poste non inscrit — 1 modification locale"


def test_navigation_status_bar_and_remembered_state(qtbot, ctx, store):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    keys = [
        window.navigation.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.navigation.count())
    ]
    assert keys == ["agenda", "beneficiaries", "activities", "reports", "sync", "bin"]
    # The status bar says where the laptop stands (sync.status.describe), from the start.
    qtbot.waitUntil(lambda: window.sync_status.text() == "Poste non inscrit au registre central")
    qtbot.waitUntil(lambda: window.view("sync").view is not None)  # built once the window painted
    assert window.sync_panel is window.view("sync").view

    # A local change shows up in the status bar as soon as it is written.
    ctx.write(lambda s: acts.create_beneficiary(s, "Hélène", "Payet"), changes=Changes.people())
    qtbot.waitUntil(lambda: window.pending_count == 1, timeout=5000)
    assert window.sync_status.text() == "Poste non inscrit — 1 modification locale"

    # Other parts plug into the slots; the status bar takes their sync messages.
    register = QLabel("registre")
    window.add_view("beneficiaries", "Bénéficiaires", register)
    window.show_view("beneficiaries")
    assert window.stack.currentWidget() is register
    assert window.navigation.count() == 6
    window.set_sync_status("Synchronisé à 17:02")
    assert window.sync_status.text() == "Synchronisé à 17:02"

    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view_key() == "activities"
    window.resize(window.minimumSizeHint().width() + 20, 520)
    size = window.size()
    window.close()
    assert ctx.settings.get(st.LAST_VIEW) == "activities"

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.current_view_key() == "activities"
    assert again.size() == size


def test_settings_choose_the_current_venue_once(qtbot, ctx, store):
    with store.reader() as s:
        venue = s.scalars(select(Venue).where(Venue.active).order_by(Venue.name)).first()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "Choisir" in window.venue_button.text()
    dialog = SettingsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.venue.set_venue_id(venue.id)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.walkin_rows.setValue(8)
    dialog.save()
    assert ctx.venue_id == venue.id
    assert st.Settings(ctx.paths.settings_file).get(st.CURRENT_VENUE) == str(venue.id)
    assert ctx.settings.get(st.LANGUAGE) == "en" and ctx.settings.get(st.WALKIN_ROWS) == 8
    assert venue.name in window.venue_button.text()


def test_english_translation_is_shipped_and_loads(qapp, qtbot, ctx):
    from PySide6.QtWidgets import QGroupBox

    from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm

    try:
        i18n.install(qapp, "en")
        assert qapp.translate("MainWindow", "Bénéficiaires") == "Beneficiaries"
        assert qapp.translate("values", "Atelier collectif") == "Group workshop"
        form = AccompanimentForm(ctx)
        qtbot.addWidget(form)
        titles = [g.title() for g in form.findChildren(QGroupBox)]
        assert titles[:4] == ["Beneficiary", "When", "Where", "What"]
        assert form.themes.item(0).text() == "Digital skills assessment"
    finally:
        i18n.install(qapp, "fr")
    assert qapp.translate("MainWindow", "Bénéficiaires") == "Bénéficiaires"


def test_dates_are_french_and_in_reunion_time():
    import datetime as dt

    assert i18n.format_date(dt.date(2026, 3, 5)) == "05/03/2026"
    assert i18n.now().utcoffset() == dt.timedelta(hours=4)


def test_launcher_asks_the_passphrase_when_needed(qtbot, paths, monkeypatch):
    import os

    from stpaul_field.store.database import Store
    from stpaul_field.store.keys import PASSPHRASE_ENV

    passphrase = os.environ[PASSPHRASE_ENV]
    Store.open(paths).close()  # a store protected by a passphrase
    monkeypatch.delenv(PASSPHRASE_ENV)
    launcher = Launcher(paths, st.Settings(paths.settings_file), ask_venue=False)
    launcher.start(show_splash=False)
    qtbot.waitUntil(lambda: launcher.dialog is not None and launcher.dialog.isVisible(), timeout=10_000)
    first = launcher.dialog
    first.secret.setText("pas la bonne phrase")
    first.accept()
    qtbot.waitUntil(
        lambda: launcher.dialog is not first and launcher.dialog.error.isVisible(), timeout=10_000
    )
    with qtbot.waitSignal(launcher.ready, timeout=10_000) as ready:
        launcher.dialog.secret.setText(passphrase)
        launcher.dialog.accept()
    window = ready.args[0]
    qtbot.addWidget(window)
    assert window.lock_action.isEnabled()
    window.close()
    window.ctx.store.close()


def test_register_and_bin_are_wired_to_the_activities(qtbot, ctx, store):
    import datetime as dt

    from stpaul_field.domain.entities import ActivityData
    from stpaul_field.store.reference import local_advisor_id
    from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm

    with store.session() as s:
        person = acts.create_beneficiary(s, "Hélène", "Payet")
        venue = s.scalars(select(Venue.id).where(Venue.active)).first()
        data = ActivityData(
            advisor_id=local_advisor_id(s), date=dt.date(2026, 11, 20), venue_id=venue, themes=["email"]
        )
        activity = acts.save_activity(s, data, [acts.ParticipantInput(beneficiary_id=person)])
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    # A history row of the register opens the activity's form.
    window.register.activityRequested.emit(activity)
    [form] = window.findChildren(AccompanimentForm)
    assert form.activity_id == activity and form.beneficiary_id == person
    form.reject()
    # Deleting from the activities list shows in the bin, which reloads when shown.
    window.show_view("activities")
    with qtbot.waitSignal(ctx.data_changed, timeout=5000):
        ctx.write(lambda s: acts.delete_activity(s, activity), changes=Changes(activities=True))
    window.show_view("bin")
    qtbot.waitUntil(lambda: window.bin.view.model.rowCount() == 1, timeout=5000)  # read in the background
