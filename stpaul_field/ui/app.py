"""`stpaul-field` with no sub-command: the desktop application.

The store is opened (migrations, first-start data) off the UI thread while a small
"opening" window shows, then the main window appears. `Launcher` is also what the
start-up benchmark measures.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
import threading
from collections.abc import Iterator

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from stpaul_field import APP_AUTHOR, APP_NAME, __version__
from stpaul_field import settings as st
from stpaul_field.paths import AppPaths
from stpaul_field.store import cipher
from stpaul_field.store.database import Store
from stpaul_field.ui import i18n, smoke, tasks
from stpaul_field.ui.widgets import wheel_guard

log = logging.getLogger(__name__)


def _open_store(paths: AppPaths, passphrase: str | None, keep: int) -> Store:
    """Open the store, then the day's backup at the first opening of the day (a full disk
    must not keep the advisor from working: logged, and the next opening tries again)."""
    store = Store.open(paths, passphrase=passphrase, backups_kept=keep)
    try:
        store.backup_daily()
    except (OSError, cipher.sqlcipher.Error) as error:
        log.warning("daily backup failed: %s", type(error).__name__)
    return store


def configure(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    # Qt adds it after every window's own title (« Agenda — Saint-Paul — Accompagnements numériques »).
    app.setApplicationDisplayName(QApplication.translate("App", "Saint-Paul — Accompagnements numériques"))
    wheel_guard.install(app)


class Launcher(QObject):
    """Opens the store in the background, then shows the main window.

    Until the main window shows, the app must not quit when a window closes: the
    « Ouverture… » label is a splash screen, which Qt does not count as a window, so
    closing the passphrase dialog would otherwise end the app while the store opens.
    """

    ready = Signal(object)  # the MainWindow, shown
    failed = Signal(str)
    cancelled = Signal()  # the advisor gave up at the passphrase: nothing was opened

    def __init__(self, paths: AppPaths, settings: st.Settings, ask_venue: bool = True) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.ask_venue = ask_venue
        self.window = None
        self.splash: QLabel | None = None
        self.dialog = None
        self._show_splash = True
        self._quit_on_close: bool | None = None
        # Set once the event loop has ended (Ctrl+C, a quit while the store was opening): a
        # store that finishes opening then is closed, never given a window that outlives the app.
        self.closing = False

    def _hold_app_open(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._quit_on_close is None:
            self._quit_on_close = app.quitOnLastWindowClosed()
            app.setQuitOnLastWindowClosed(False)

    def _release_app(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._quit_on_close is not None:
            app.setQuitOnLastWindowClosed(self._quit_on_close)
            self._quit_on_close = None

    def start(self, show_splash: bool = True, passphrase: str | None = None) -> None:
        self._hold_app_open()
        if show_splash and self.splash is None:
            self.splash = QLabel(self.tr("Ouverture des données du poste…"))
            self.splash.setWindowFlag(Qt.WindowType.SplashScreen)
            self.splash.setMargin(24)
        if show_splash and self.splash is not None:
            self.splash.show()
        self._show_splash = show_splash
        keep = self.settings.get(st.BACKUPS_KEPT)
        paths = self.paths
        tasks.run_in_background(lambda: _open_store(paths, passphrase, keep), self._opened, self._failed)

    def _close_splash(self) -> None:
        if self.splash is not None:
            self.splash.close()

    def _opened(self, store: Store) -> None:
        from stpaul_field.ui.context import AppContext
        from stpaul_field.ui.lock import LockController
        from stpaul_field.ui.main_window import MainWindow

        if self.closing:
            store.close()
            self._close_splash()
            return
        try:
            ctx = AppContext(store, self.settings, self.paths)
            self.window = MainWindow(ctx)
            self.window.install_lock(LockController(self.window, self.paths, self.settings, store.key))
        except Exception as error:  # a window that cannot be built must not leave a splash forever
            store.close()
            self._failed(error)
            return
        self.window.show()
        self._close_splash()
        self._release_app()  # from now on, closing the main window quits
        if self.ask_venue and ctx.venue_id is None:
            # The current venue is chosen once, then is the default everywhere.
            QTimer.singleShot(0, self.window.open_settings)
        QTimer.singleShot(0, self.window.remind_awaiting_attendance)
        self.ready.emit(self.window)

    def _failed(self, error: BaseException) -> None:
        from stpaul_field.store.cipher import WrongKey
        from stpaul_field.store.keys import KeyUnavailable

        if isinstance(error, WrongKey):
            self.ask_passphrase(self.tr("Ce n'est pas la bonne phrase de passe. Réessayez."))
            return
        if isinstance(error, KeyUnavailable):
            self.ask_passphrase(str(error) if self._asked else "")
            return
        self._close_splash()
        self._release_app()
        self.failed.emit(str(error))

    _asked = False

    def ask_passphrase(self, error: str = "") -> None:
        """No key in the OS keyring: the store is opened (or protected) with a passphrase."""
        from stpaul_field.store.keys import MIN_PASSPHRASE, key_info_file
        from stpaul_field.ui.lock import SecretDialog

        self._hold_app_open()
        if self.splash is not None:
            self.splash.hide()  # back once the passphrase is given
        creating = not key_info_file(self.paths).exists()
        if creating:
            prompt = self.tr("Choisissez une phrase de passe pour protéger ce poste")
            hint = self.tr("{0} caractères au moins ; une courte phrase se retient mieux qu'un mot.").format(
                MIN_PASSPHRASE
            )
            note = self.tr(
                "Retenez-la bien : sans elle, personne ne peut lire les données de ce poste, pas même "
                "le service informatique. Si elle est oubliée, ce qui a été synchronisé reste au "
                "registre central : le poste est remis à zéro puis inscrit de nouveau, et tout ce qui "
                "avait été synchronisé revient ; ce qui ne l'avait pas été est perdu."
            )
        else:
            prompt = self.tr("Phrase de passe du poste")
            hint = ""
            note = self.tr(
                "Phrase de passe oubliée ? Sans elle, les données de ce poste restent illisibles. Ce "
                "qui a été synchronisé est conservé au registre central : demandez au coordinateur de "
                "remettre le poste à zéro, puis inscrivez-le de nouveau pour le retrouver ; ce qui "
                "n'avait pas été synchronisé est perdu."
            )
        self.dialog = SecretDialog(
            self.tr("Ouvrir le poste"), prompt, confirm=creating, hint=hint, note=note, cancellable=True
        )
        if error:
            self.dialog.show_error(error)
        self._asked = True

        def accepted() -> None:
            assert self.dialog is not None
            secret = self.dialog.secret.text()
            if creating and len(secret) < MIN_PASSPHRASE:
                self.ask_passphrase(
                    self.tr("La phrase de passe doit compter au moins {0} caractères.").format(MIN_PASSPHRASE)
                )
                return
            if self.dialog.again is not None and self.dialog.again.text() != secret:
                self.ask_passphrase(self.tr("Les deux saisies diffèrent."))
                return
            self.start(self._show_splash, passphrase=secret)

        def rejected() -> None:
            self._close_splash()
            self._release_app()
            self.cancelled.emit()

        self.dialog.accepted.connect(accepted)
        self.dialog.rejected.connect(rejected)
        self.dialog.open()


@contextlib.contextmanager
def _quit_on_interrupt(app: QApplication) -> Iterator[None]:
    """Ctrl+C in a terminal closes the app as closing its windows would (the store then closes
    properly). Python runs a signal's handler only once Qt's event loop hands it control: a
    timer gives it a turn four times a second."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
    try:
        yield
    finally:
        timer.stop()
        signal.signal(signal.SIGINT, previous)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)
    settings = st.Settings(paths.settings_file)
    i18n.install(app, settings.get(st.LANGUAGE))
    configure(app)  # again, for the display name in the chosen language
    launcher = Launcher(paths, settings)
    smoke.arm(app, launcher)  # STPAUL_FIELD_SMOKE_TEST: show the window, then quit

    def failed(message: str) -> None:
        QMessageBox.critical(
            None,
            QApplication.translate("Launcher", "Ouverture impossible"),
            QApplication.translate(
                "Launcher", "Les données du poste n'ont pas pu être ouvertes :\n{0}"
            ).format(message),
        )
        app.exit(1)

    launcher.failed.connect(failed)
    launcher.cancelled.connect(lambda: app.exit(0))  # « Annuler » at the passphrase: a clean exit
    launcher.start()
    with _quit_on_interrupt(app):
        code = app.exec()
    launcher.closing = True
    tasks.wait_until_settled(10_000)
    if launcher.window is not None:
        launcher.window.ctx.store.close()
    return code
