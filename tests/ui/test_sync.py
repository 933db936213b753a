"""The « Synchronisation » view against a real central record served over HTTP in a thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest

from stpaul_bench.central_record import PASSWORD, ServerEnv, serve_in_thread, sqlite_url
from stpaul_field.server.models import Record
from stpaul_field.settings import Settings
from stpaul_field.store.activities import create_beneficiary
from stpaul_field.store.models import Beneficiary
from stpaul_field.sync import attempts
from stpaul_field.sync.engine import Backoff
from stpaul_field.ui import sync_panel as panel_module
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.main_window import MainWindow
from stpaul_field.ui.sync_panel import SyncPanel


@pytest.fixture
def server(tmp_path: Path, server_sqlite_template: Path):
    import shutil

    shutil.copy(server_sqlite_template, tmp_path / "central-record.sqlite3")
    env = ServerEnv.start(sqlite_url(tmp_path))
    env.advisor("Équipe Ouest", "chloe", first_name="Chloé", last_name="Hoarau")
    live = serve_in_thread(env.app)
    yield env, live
    live.stop()
    env.close()


def wait_read(qtbot, panel: SyncPanel) -> None:
    qtbot.waitUntil(lambda: panel.enrolled is not None, timeout=5000)


def enrol_through_the_form(qtbot, panel: SyncPanel, url: str, password: str = PASSWORD) -> None:
    form = panel.form
    form.server.setText(url)
    form.login.setText("chloe")
    form.password.setText(password)
    form.device_name.setText("Portable Mafate 2")
    QTest.mouseClick(form.enrol_button, Qt.MouseButton.LeftButton)


def test_not_enrolled_shows_the_enrolment_form_with_inline_french_errors(qtbot, store, paths):
    panel = SyncPanel(AppContext(store, Settings(paths.settings_file), paths), background=False)
    qtbot.addWidget(panel)
    panel.show()
    wait_read(qtbot, panel)
    assert panel.enrolled is False and panel.stack.currentIndex() == 0 and panel.form.isVisible()
    assert not panel.sync_action.isEnabled() and panel.sync_now() is False
    assert panel.form.device_name.text()  # the hostname, ready to keep
    form = panel.form
    form.device_name.clear()
    form.submit()
    assert form.errors.message("server") == "Indiquez l'adresse du serveur du registre central."
    assert form.errors.message("login") == "Indiquez votre identifiant de conseiller."
    assert form.errors.message("password") == "Indiquez votre mot de passe."
    assert "nom à ce poste" in form.errors.message("device_name")
    assert form.server.hasFocus()
    assert form.server.accessibleDescription() == "Indiquez l'adresse du serveur du registre central."
    form.server.setText("registre.saintpaul.re")
    form.ca_file.setText(str(paths.data / "absent.pem"))
    form.submit()
    assert "https://" in form.errors.message("server")
    assert form.errors.message("ca") == "Ce fichier est introuvable."
    assert form.errors.message("login")


def test_enrol_then_sync_shows_up_to_date_in_the_window(qtbot, ctx, store, server, monkeypatch):
    env, live = server
    with store.session() as s:
        person = create_beneficiary(s, "Hélène", "Payet")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_view("sync")
    panel = window.sync_panel
    wait_read(qtbot, panel)
    qtbot.waitUntil(lambda: window.sync_status.text() == "Poste non inscrit — 1 modification locale")
    # Before enrolment the pending change is listed by what it is, not only counted.
    assert panel.pending_box.isVisible() and panel.pending_box.title().endswith("(1)")
    model = panel.pending_model
    assert [model.index(0, c).data() for c in range(2)] == ["Bénéficiaire PAYET Hélène", "Création"]

    # Wrong password: said under the password field, nothing enrolled.
    enrol_through_the_form(qtbot, panel, live.url, password="pas le bon")
    qtbot.waitUntil(lambda: bool(panel.form.errors.message("password")), timeout=10_000)
    assert panel.stack.currentIndex() == 0 and panel.form.isVisible()

    # The sync runs on another thread; the UI thread stays free while it waits on the link.
    ui_thread, sync_threads, gate = threading.get_ident(), [], threading.Event()

    class WatchedEngine(panel_module.SyncEngine):
        def run(self, progress=None, should_stop=None):
            sync_threads.append(threading.get_ident())
            gate.wait(10)
            return super().run(progress, should_stop)

    monkeypatch.setattr(panel_module, "SyncEngine", WatchedEngine)
    enrol_through_the_form(qtbot, panel, live.url)
    qtbot.waitUntil(lambda: panel.running, timeout=10_000)
    assert panel.stack.currentIndex() == 1 and "Chloé Hoarau" in panel.advisor_label.text()
    assert panel.server_label.text() == live.url
    # What is recorded from now on in this running window is the enrolled advisor's.
    with env.db.session() as s:
        assert s.get(Record, ("advisor", ctx.advisor_id)) is not None  # the server knows them
    assert not panel.sync_button.isEnabled() and panel.sync_now() is False  # never two at once
    assert window.sync_status.text() == "Connexion au registre central…"
    ticks = []
    window.startTimer(10)
    window.timerEvent = lambda _e: ticks.append(1)
    # The sync is held at the gate for 10 s: ticks within 5 s show the UI thread is free
    # (a fixed 150 ms window got 3 ticks on a loaded machine).
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)
    assert panel.running  # events flow while the sync waits
    gate.set()
    qtbot.waitUntil(lambda: window.sync_status.text() == "À jour", timeout=20_000)
    assert sync_threads and sync_threads[0] != ui_thread
    qtbot.waitUntil(lambda: panel.status_label.text() == "À jour", timeout=5000)
    assert "1 modification envoyée," in panel.result_label.text()
    assert window.pending_count == 0
    with env.db.session() as s:
        record = s.get(Record, ("beneficiary", person))
        assert record is not None and record.fields["last_name"] == "Payet"
    # After a success the next background attempt is the routine one, not a loop.
    assert panel.attempts.remaining() > attempts.ROUTINE / 2

    # F5 anywhere in the window syncs (Fichier › Synchroniser maintenant).
    window.show_view("agenda")
    started: list[str] = []
    panel.status_changed.connect(lambda text: started.append(text) if "Connexion" in text else None)
    window.activateWindow()
    QTest.keyClick(window.agenda, Qt.Key.Key_F5)
    assert started == ["Connexion au registre central…"]
    qtbot.waitUntil(lambda: not panel.running and window.sync_status.text() == "À jour", timeout=20_000)


def test_offline_says_since_when_and_backs_off(qtbot, store, paths, server):
    _env, live = server
    panel = SyncPanel(AppContext(store, Settings(paths.settings_file), paths))
    qtbot.addWidget(panel)
    panel.backoff = Backoff(max_tries=1)  # one try per run: the background attempts space out the runs
    panel.attempts.on_battery = lambda: False  # on mains, whatever the test machine says
    statuses: list[str] = []
    panel.status_changed.connect(statuses.append)
    wait_read(qtbot, panel)
    enrol_through_the_form(qtbot, panel, live.url)
    qtbot.waitUntil(lambda: statuses and statuses[-1] == "À jour", timeout=20_000)

    live.stop()  # the satellite link is gone
    with store.session() as s:
        create_beneficiary(s, "Jean", "Grondin")
    runs: list[int] = []
    panel.attempts.due.connect(lambda: runs.append(1))
    assert panel.sync_now() is True
    qtbot.waitUntil(lambda: statuses[-1].startswith("Hors ligne depuis "), timeout=20_000)
    assert statuses[-1].endswith("— 1 modification en attente")
    assert panel.attempts.failures == 1
    first = panel.attempts.remaining()
    assert attempts.FIRST_RETRY * 0.9 < first < attempts.FIRST_RETRY * 1.05
    assert "Prochaine tentative automatique" in panel.next_label.text()
    qtbot.wait(300)
    assert runs == [] and not panel.running  # nothing tries again before the delay

    panel.attempts.timer.timeout.emit()  # the delay has passed: one background attempt
    qtbot.waitUntil(lambda: panel.attempts.failures == 2 and not panel.running, timeout=20_000)
    assert attempts.FIRST_RETRY * 1.8 < panel.attempts.remaining() < attempts.FIRST_RETRY * 2.1  # doubled
    assert runs == [1]
    assert panel.shutdown()


def test_refused_change_is_listed_with_the_reason_and_resent(qtbot, store, paths, server):
    _env, live = server
    panel = SyncPanel(AppContext(store, Settings(paths.settings_file), paths), background=False)
    qtbot.addWidget(panel)
    wait_read(qtbot, panel)
    with store.session() as s:
        nameless = Beneficiary(first_name="", last_name="")  # past the form's rules: the server refuses
        s.add(nameless)
    enrol_through_the_form(qtbot, panel, live.url)
    qtbot.waitUntil(lambda: panel.rejected_model.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)
    reason = panel.rejected_model.index(0, 1).data()
    assert reason and "obligatoire" in reason.lower()
    assert "1 modification refusée" in panel.status_label.text()
    assert panel.tabs.tabText(1) == "Modifications r&efusées (1)"

    with store.session() as s:
        person = s.get(Beneficiary, nameless.id)
        person.first_name, person.last_name = "Marie", "Técher"
    panel.rejected_table.selectRow(0)
    assert panel.resend_button.isEnabled()
    panel.resend_button.click()
    qtbot.waitUntil(lambda: panel.rejected_model.rowCount() == 0 and not panel.running, timeout=20_000)
    qtbot.waitUntil(lambda: panel.status_label.text() == "À jour", timeout=10_000)


def test_closing_the_window_stops_a_running_sync_first(qtbot, ctx, store, server, monkeypatch):
    _env, live = server
    started = threading.Event()

    class SlowEngine(panel_module.SyncEngine):
        def run(self, progress=None, should_stop=None):
            started.set()
            while not should_stop():  # a long pull, page after page
                threading.Event().wait(0.02)
            return super().run(progress, should_stop)

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    panel = window.sync_panel
    wait_read(qtbot, panel)
    monkeypatch.setattr(panel_module, "SyncEngine", SlowEngine)
    enrol_through_the_form(qtbot, panel, live.url)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert panel.running
    window.close()
    assert not panel.running  # stopped between two pages: the store can close, nothing writes to it
    assert "interrompue" in panel.result_label.text()


def test_the_view_speaks_english_when_english_is_chosen(qapp, qtbot, store, paths):
    from PySide6.QtCore import Qt as QtNs

    from stpaul_field.ui import i18n
    from stpaul_field.ui.conflicts_view import COL_LOST

    try:
        i18n.install(qapp, "en")
        panel = SyncPanel(AppContext(store, Settings(paths.settings_file), paths), background=False)
        qtbot.addWidget(panel)
        wait_read(qtbot, panel)
        assert panel.form.enrol_button.text() == "&Enrol this laptop"
        header = panel.conflicts.model.headerData(COL_LOST, QtNs.Orientation.Horizontal)
        assert header == "Value lost"
        assert i18n.text("Téléphone") == "Phone" and i18n.text("(vide)") == "(empty)"
    finally:
        i18n.install(qapp, "fr")


def test_the_last_result_says_counts_with_french_plurals(qtbot, store, paths):
    from stpaul_field.sync.engine import SyncReport

    panel = SyncPanel(AppContext(store, Settings(paths.settings_file), paths), background=False)
    qtbot.addWidget(panel)
    wait_read(qtbot, panel)
    one = panel.result_text(SyncReport(pushed=1, pulled=0, complete=True))
    assert one.endswith(" : 1 modification envoyée, 0 fiche reçue.")
    assert one.startswith("Synchronisation terminée à ")
    many = panel.result_text(SyncReport(pushed=40, pulled=312, rejected=2, conflicts=1, complete=False))
    assert "interrompue" in many
    assert many.endswith(" : 40 modifications envoyées, 312 fiches reçues, 2 refusées, 1 conflit à examiner.")


def test_a_long_pull_shows_a_progress_bar_and_the_time_left(qtbot, store, paths):
    from stpaul_field.sync.engine import SyncProgress

    panel = SyncPanel(AppContext(store, Settings(paths.settings_file), paths), background=False)
    qtbot.addWidget(panel)
    wait_read(qtbot, panel)
    said: list[str] = []
    panel.status_changed.connect(said.append)
    # A server of protocol 4 says where the team's record ends: 40 % in, 7 min 10 s to go.
    panel._progressed(SyncProgress("pull", 0, 0, 172_000, 345, pull_fraction=0.4, seconds_left=430))
    assert (panel.progress.minimum(), panel.progress.maximum()) == (0, panel_module.PULL_STEPS)
    assert panel.progress.value() == round(0.4 * panel_module.PULL_STEPS)
    received = QLocale().toString(172_000)  # « 172 000 » in the app's French locale
    assert said[-1] == (
        f"Synchronisation — envoi : 0 sur 0, réception : {received} (40\u202f%)"
        " — environ 8 minute(s) restante(s)"
    )
    panel._progressed(SyncProgress("pull", 0, 0, 429_000, 860, pull_fraction=0.99, seconds_left=12))
    assert said[-1].endswith("(99\u202f%) — moins d'une minute restante")
    # A server of protocol 3 gives no total: the bar only says that it works.
    panel._progressed(SyncProgress("pull", 0, 0, 1_500, 4))
    assert (panel.progress.minimum(), panel.progress.maximum()) == (0, 0)
    assert said[-1] == f"Synchronisation — envoi : 0 sur 0, réception : {QLocale().toString(1_500)}"
