"""« Feuille d'émargement vierge… »: a sheet for a workshop that is not in the agenda.

In an îlet, people gather and a workshop happens that nobody planned: the advisor prints (or
saves as PDF, for a printer elsewhere) a sheet with what is known — title, day, times, venue,
the advisor — and the participants write their names by hand. The same sheet as
`stpaul-field print-sheet --blank` (`documents.sheet_data.blank_sheet`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.documents.sheet_batch import sheet_look
from stpaul_field.documents.sheet_data import SheetData, advisor_name, blank_sheet, venue_labels
from stpaul_field.domain.typed_input import parse_time
from stpaul_field.store.models import Venue
from stpaul_field.ui import i18n, printing
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.screen_fit import fit_to_screen
from stpaul_field.ui.widgets.field_errors import ERROR_STYLE
from stpaul_field.ui.widgets.typed_fields import DateField, TimeField
from stpaul_field.ui.widgets.venue_combo import VenueCombo


class BlankSheetDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Feuille d'émargement vierge"))
        intro = QLabel(
            self.tr(
                "Pour un atelier qui n'est pas dans l'agenda : ce qui est déjà connu est imprimé, "
                "les participants écrivent leur nom à la main. Enregistrez ensuite l'atelier "
                "(Fichier › Nouvel atelier) avec ses présents."
            )
        )
        intro.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("à écrire à la main si vide"))
        today = i18n.today()
        self.day = DateField(QDate(today.year, today.month, today.day))
        self.start = TimeField()
        self.end = TimeField()
        self.venue = VenueCombo(ctx, allow_none=self.tr("Autre lieu (écrit ci-dessous)"))
        self.venue.set_venue_id(ctx.venue_id)
        self.other_venue = QLineEdit()
        self.other_venue.setMaxLength(200)
        self.other_venue.setPlaceholderText(self.tr("nom du lieu, commune"))
        self.venue.currentIndexChanged.connect(self._venue_chosen)
        form = QFormLayout()
        form.addRow(self.tr("&Titre :"), self.title)
        form.addRow(self.tr("&Date :"), self.day)
        form.addRow(self.tr("&Heure de début :"), self.start)
        form.addRow(self.tr("Heure de &fin :"), self.end)
        form.addRow(self.tr("&Lieu :"), self.venue)
        form.addRow(self.tr("A&utre lieu :"), self.other_venue)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton(self.tr("&Aperçu…"))
        self.print_button = QPushButton(self.tr("&Imprimer…"))
        self.pdf_button = QPushButton(self.tr("Enregistrer en &PDF…"))
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(lambda: self.deliver("preview"))
        self.print_button.clicked.connect(lambda: self.deliver("print"))
        self.pdf_button.clicked.connect(lambda: self.deliver("pdf"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._venue_chosen()
        fit_to_screen(self, QSize(520, 340))

    def _venue_chosen(self) -> None:
        other = self.venue.venue_id() is None
        self.other_venue.setEnabled(other)

    def problems(self) -> list[str]:
        """What the advisor must correct, in French; empty fields are fine (written by hand)."""
        found = []
        if self.day.edit.text().strip() and self.day.error():
            found.append(self.day.error())
        for field in (self.start, self.end):
            if field.text().strip() and field.error():
                found.append(field.error())
        start, end = self._time(self.start), self._time(self.end)
        if start is not None and end is not None and end <= start:
            found.append(self.tr("L'heure de fin doit suivre l'heure de début."))
        return found

    @staticmethod
    def _time(field: TimeField) -> dt.time | None:
        return parse_time(field.text()) if field.text().strip() else None

    def sheet(self) -> SheetData:
        """The sheet as filled in (call `problems()` first)."""
        venue_id = self.venue.venue_id()
        advisor_id = self.ctx.advisor_id

        def read(session: Session) -> tuple[tuple[str, str], str]:
            venue = session.get(Venue, venue_id) if venue_id else None
            return venue_labels(venue), advisor_name(session, advisor_id)

        (venue, bassin), advisor = self.ctx.read_now(read)
        day = self.day.date()
        return blank_sheet(
            title=self.title.text().strip(),
            day=dt.date(day.year(), day.month(), day.day()) if self.day.edit.text().strip() else None,
            start=self._time(self.start),
            end=self._time(self.end),
            venue=venue or self.other_venue.text().strip(),
            bassin=bassin,
            advisors=[advisor] if advisor else [],
        )

    def deliver(self, action: printing.Action, path: str | Path | None = None) -> bool | Path | None:
        """Aperçu, Imprimer or Enregistrer en PDF (to `path` if given); None if refused."""
        problems = self.problems()
        self.error.setText("\n".join(problems))
        if problems:
            return None
        return printing.deliver(self, [self.sheet()], sheet_look(self.ctx.settings), action, path)


def show_blank_sheet(ctx: AppContext, parent: QWidget | None = None) -> BlankSheetDialog:
    dialog = BlankSheetDialog(ctx, parent)
    dialog.open()
    return dialog
