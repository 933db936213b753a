"""« Synchroniser par fichier… », « Lire une réponse… », « Transmettre un fichier d'un collègue… »
in the Synchronisation view (issue 20), against a real central record over HTTP."""

from __future__ import annotations

from sqlalchemy import select

from stpaul_field.server import sync_files
from stpaul_field.settings import Settings
from stpaul_field.store.activities import create_beneficiary
from stpaul_field.store.models import OutboxEntry
from stpaul_field.sync import sealed_file as sf
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.sync_panel import SyncPanel
from tests.ui.test_sync import enrol_through_the_form, server, wait_read

__all__ = ["server"]  # the fixture, for pytest


def _outbox(store) -> list[OutboxEntry]:  # type: ignore[no-untyped-def]
    with store.reader() as s:
        return list(s.scalars(select(OutboxEntry)))


def test_write_a_request_file_read_its_answer_and_relay_a_colleagues(qtbot, store, paths, server, tmp_path):
    env, live = server
    panel = SyncPanel(AppContext(store, Settings(paths.settings_file), paths), background=False)
    qtbot.addWidget(panel)
    wait_read(qtbot, panel)
    assert not panel.write_file_button.isEnabled()  # a laptop not enrolled has no keys yet
    enrol_through_the_form(qtbot, panel, live.url)
    qtbot.waitUntil(lambda: panel.status_label.text() == "À jour", timeout=20_000)
    assert panel.write_file_button.isEnabled() and panel.read_file_button.isEnabled()

    with store.session() as s:
        create_beneficiary(s, "Hortense", "Grondin")
    usb = tmp_path / "usb"
    usb.mkdir()
    panel.choose_folder = lambda: str(usb)  # type: ignore[method-assign]
    panel.write_file_button.click()
    qtbot.waitUntil(lambda: "Demande écrite" in panel.file_label.text(), timeout=10_000)
    (request,) = usb.iterdir()
    assert str(request) in panel.file_label.text() and "1 modification(s)" in panel.file_label.text()
    qtbot.waitUntil(lambda: "Dernier envoi par fichier" in panel.status_label.text(), timeout=5000)
    assert len(_outbox(store)) == 1

    answer = usb / "reponse.stpaul-sync"
    answer.write_bytes(sync_files.import_request(env.db, request.read_bytes()).answer)
    panel.choose_file = lambda _title: str(answer)  # type: ignore[method-assign]
    changed: list[bool] = []
    panel.ctx.data_changed.connect(lambda: changed.append(True))
    panel.read_file_button.click()
    qtbot.waitUntil(lambda: "lue : 1 modification(s) confirmée(s)" in panel.file_label.text(), timeout=10_000)
    assert _outbox(store) == [] and changed

    panel.choose_file = lambda _title: str(request)  # type: ignore[method-assign]
    panel.relay_button.click()
    qtbot.waitUntil(
        lambda: "la réponse pour votre collègue est écrite" in panel.file_label.text(), timeout=10_000
    )
    assert len(list(usb.glob("reponse-*"))) == 1

    broken = usb / "abime.stpaul-sync"
    broken.write_bytes(request.read_bytes()[:-5])
    panel.choose_file = lambda _title: str(broken)  # type: ignore[method-assign]
    panel.read_file_button.click()
    qtbot.waitUntil(lambda: panel.file_label.text().startswith("Refusé"), timeout=10_000)
    assert sf.TRUNCATED in panel.file_label.text()

    panel.sync_now()  # back online: the status bar forgets the file
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    qtbot.waitUntil(lambda: panel.status_label.text() == "À jour", timeout=10_000)


def test_the_file_buttons_take_alt_letters_no_other_control_of_the_window_answers(qapp, qtbot, ctx) -> None:
    from stpaul_field.ui import i18n
    from stpaul_field.ui.main_window import MainWindow
    from tests.screen_fit_probe import shared_mnemonics

    try:
        for language in ("fr", "en"):
            i18n.install(qapp, language)
            window = MainWindow(ctx)
            qtbot.addWidget(window)
            window.show()
            window.show_view("sync")
            panel = window.sync_panel
            wait_read(qtbot, panel)
            panel.stack.setCurrentIndex(1)  # the page of an enrolled laptop
            assert panel.relay_button.isVisibleTo(window)
            assert shared_mnemonics(window) == {}, language
            window.close()
    finally:
        i18n.install(qapp, "fr")
