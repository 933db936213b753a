"""« Aide » (F1): the French help page shipped in `resources/help/aide.html`.

One page, read offline, that says how to do the common tasks (the field has no network to
look things up). A QTextBrowser shows it: links inside the page move within it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from stpaul_field.resources import resource
from stpaul_field.ui.screen_fit import fit_to_screen

HELP_PAGE = ("help", "aide.html")


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(resource(*HELP_PAGE))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.browser.setFocus()  # arrows and Page Up/Down scroll at once
        fit_to_screen(self, QSize(760, 700))


def show_help(parent: QWidget | None = None) -> HelpDialog:
    dialog = HelpDialog(parent)
    dialog.show()  # not modal: the help stays open beside the form it explains
    return dialog
