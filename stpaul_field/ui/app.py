"""`stpaul-field` with no sub-command: the desktop application.

The store is opened (migrations, first-start data) off the UI thread while a small
"opening" window shows, then the main window appears. `Launcher` is also what the
start-up benchmark measures.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from stpaul_field import APP_AUTHOR, APP_NAME, __version__
from stpaul_field import settings as st
from stpaul_field.paths import AppPaths
from stpaul_field.store.database import Store
from stpaul_field.ui import i18n, smoke, tasks


def configure(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("Saint-Paul — Accompagnements")


class Launcher(QObject):
    """Opens the store in the background, then shows the main window."""

    ready = Signal(object)  # the MainWindow, shown
    failed = Signal(str)

    def __init__(self, paths: AppPaths, settings: st.Settings, ask_venue: bool = True) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.ask_venue = ask_venue
        self.window = None
        self.splash: QLabel | None = None
        self.dialog = None
        self._show_splash = True

    def start(self, show_splash: bool = True, passphrase: str | None = None) -> None:
        if show_splash and self.splash is None:
            self.splash = QLabel(self.tr("Ouverture des données du poste…"))
            self.splash.setWindowFlag(Qt.WindowType.SplashScreen)
            self.splash.setMargin(24)
            self.splash.show()
        self._show_splash = show_splash
        keep = self.settings.get(st.BACKUPS_KEPT)
        paths = self.paths
        tasks.run_in_background(
            lambda: Store.open(paths, passphrase=passphrase, backups_kept=keep), self._opened, self._failed
        )

    def _opened(self, store: Store) -> None:
        from stpaul_field.ui.context import AppContext
        from stpaul_field.ui.lock import LockController
        from stpaul_field.ui.main_window import MainWindow

        try:
            ctx = AppContext(store, self.settings, self.paths)
            self.window = MainWindow(ctx)
            self.window.install_lock(LockController(self.window, self.paths, self.settings, store.key))
        except Exception as error:  # a window that cannot be built must not leave a splash forever
            store.close()
            self._failed(error)
            return
        self.window.show()
        if self.splash is not None:
            self.splash.close()
        if self.ask_venue and ctx.venue_id is None:
            # The current venue is chosen once, then is the default everywhere.
            QTimer.singleShot(0, self.window.open_settings)
        self.ready.emit(self.window)

    def _failed(self, error: BaseException) -> None:
        from stpaul_field.store.cipher import WrongKey
        from stpaul_field.store.keys import KeyUnavailable

        if isinstance(error, KeyUnavailable | WrongKey):
            self.ask_passphrase(str(error) if isinstance(error, WrongKey) or self._asked else "")
            return
        if self.splash is not None:
            self.splash.close()
        self.failed.emit(str(error))

    _asked = False

    def ask_passphrase(self, error: str = "") -> None:
        """No key in the OS keyring: the store is opened (or protected) with a passphrase."""
        from stpaul_field.store.keys import key_info_file
        from stpaul_field.ui.lock import SecretDialog

        creating = not key_info_file(self.paths).exists()
        prompt = (
            self.tr("Choisissez une phrase de passe pour protéger ce poste")
            if creating
            else self.tr("Phrase de passe du poste")
        )
        self.dialog = SecretDialog(self.tr("Ouvrir le poste"), prompt, confirm=creating)
        if error:
            self.dialog.show_error(error)
        self._asked = True

        def accepted() -> None:
            assert self.dialog is not None
            secret = self.dialog.secret.text()
            if self.dialog.again is not None and self.dialog.again.text() != secret:
                self.ask_passphrase(self.tr("Les deux saisies diffèrent."))
                return
            self.start(self._show_splash, passphrase=secret)

        def rejected() -> None:
            if self.splash is not None:
                self.splash.close()
            self.failed.emit(self.tr("Le poste reste fermé sans sa phrase de passe."))

        self.dialog.accepted.connect(accepted)
        self.dialog.rejected.connect(rejected)
        self.dialog.open()


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)
    settings = st.Settings(paths.settings_file)
    i18n.install(app, settings.get(st.LANGUAGE))
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
    launcher.start()
    code = app.exec()
    tasks.wait_until_settled(10_000)
    if launcher.window is not None:
        launcher.window.ctx.store.close()
    return code
