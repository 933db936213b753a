"""Settings of this laptop: language, where I work, blank rows of attendance sheets."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stpaul_field import settings as st
from stpaul_field.ui import i18n
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.widgets.venue_combo import VenueCombo


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Paramètres"))
        form = QFormLayout()

        self.venue = VenueCombo(ctx, allow_none=self.tr("— aucun —"))
        self.venue.set_venue_id(ctx.venue_id)
        self._row(form, self.tr("&Lieu où je travaille"), self.venue, st.CURRENT_VENUE)

        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(ctx.settings.get(st.LANGUAGE)), 0))
        self._row(form, self.tr("Lan&gue de l'interface"), self.language, st.LANGUAGE)

        self.walkin_rows = QSpinBox()
        self.walkin_rows.setRange(0, 30)
        self.walkin_rows.setValue(ctx.settings.get(st.WALKIN_ROWS))
        self._row(
            form, self.tr("Lignes &vierges des feuilles d'émargement"), self.walkin_rows, st.WALKIN_ROWS
        )

        note = QLabel(self.tr("La langue change au prochain démarrage de l'application."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _row(self, form: QFormLayout, text: str, widget: QWidget, setting: st.Setting) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(label.text().replace("&", ""))
        widget.setToolTip(setting.label)
        form.addRow(label, widget)

    def save(self) -> None:
        settings = self.ctx.settings
        settings.set(st.LANGUAGE, self.language.currentData())
        settings.set(st.WALKIN_ROWS, self.walkin_rows.value())
        if self.venue.venue_id() != self.ctx.venue_id:
            self.ctx.set_venue(self.venue.venue_id())
        self.accept()
