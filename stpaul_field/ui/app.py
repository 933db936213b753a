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

    def start(self, show_splash: bool = True) -> None:
        if show_splash:
            self.splash = QLabel(self.tr("Ouverture des données du poste…"))
            self.splash.setWindowFlag(Qt.WindowType.SplashScreen)
            self.splash.setMargin(24)
            self.splash.show()
        keep = self.settings.get(st.BACKUPS_KEPT)
        tasks.run_in_background(lambda: Store.open(self.paths, backups_kept=keep), self._opened, self._failed)

    def _opened(self, store: Store) -> None:
        from stpaul_field.ui.context import AppContext
        from stpaul_field.ui.main_window import MainWindow

        ctx = AppContext(store, self.settings, self.paths)
        self.window = MainWindow(ctx)
        self.window.show()
        if self.splash is not None:
            self.splash.close()
        if self.ask_venue and ctx.venue_id is None:
            # The current venue is chosen once, then is the default everywhere.
            QTimer.singleShot(0, self.window.open_settings)
        self.ready.emit(self.window)

    def _failed(self, error: BaseException) -> None:
        if self.splash is not None:
            self.splash.close()
        self.failed.emit(str(error))


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
