"""The About dialog: which version this is and where the advisor's data lives.

The two things support asks on the phone ("quelle version ?", "où sont les fichiers ?"): the
version comes from the package metadata (the installed or frozen build's), the folders from
the same AppPaths the app uses, with a button that opens the data folder.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from stpaul_field import __version__
from stpaul_field.paths import AppPaths
from stpaul_field.resources import resource
from stpaul_field.sync.protocol import PROTOCOL_VERSION

LICENCE = "EUPL-1.2"


class AboutDialog(QDialog):
    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setWindowTitle(self.tr("À propos"))
        self.setMinimumWidth(480)  # long data paths wrap less
        icon_file = resource("icons", "stpaul-field.svg")
        if icon_file.exists():
            self.setWindowIcon(QIcon(str(icon_file)))

        title = QGuiApplication.applicationDisplayName() or "stpaul-field"
        self.title_label = QLabel(f"<h3>{escape(title)}</h3>")
        self.version_label = QLabel(
            self.tr("Version {0} (protocole de synchronisation {1})").format(__version__, PROTOCOL_VERSION)
        )
        self.version_label.setObjectName("version")
        self.data_label = QLabel(self.tr("Données du poste : {0}").format(paths.data))
        self.data_label.setObjectName("data_dir")
        self.backups_label = QLabel(self.tr("Sauvegardes : {0}").format(paths.backups))
        self.licence_label = QLabel(self.tr("Ville de Saint-Paul — licence {0}").format(LICENCE))
        for label in (self.version_label, self.data_label, self.backups_label):
            # Selectable so the advisor can copy it into a message to support.
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder_button = QPushButton(self.tr("Ouvrir le dossier des données"))
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(self.open_data_folder)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (self.title_label, self.version_label, self.data_label, self.backups_label):
            layout.addWidget(widget)
        layout.addWidget(self.licence_label)
        layout.addWidget(buttons)

    def open_data_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.data)))


def show_about(parent: QWidget | None, paths: AppPaths) -> AboutDialog:
    """Open the About dialog (window-modal, not blocking) and return it."""
    dialog = AboutDialog(paths, parent)
    dialog.open()
    return dialog
