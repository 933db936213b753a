"""« Colonnes… » of the beneficiaries import: which column of a city's own file holds each of
our fields, one list of the file's headers per field, offered with the mapping the laptop
remembers for these headers (or the one guessed from their names)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from stpaul_field.domain.beneficiary_import import FIELDS


class ColumnsDialog(QDialog):
    """`ColumnsDialog(headers, current, parent)`; after OK, `mapping()` is {field: header}."""

    def __init__(
        self, headers: Sequence[str], current: Mapping[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Colonnes du fichier"))
        intro = QLabel(
            self.tr(
                "Pour chaque information, choisissez la colonne du fichier qui la contient. "
                "Ce choix est retenu pour les prochains fichiers aux mêmes en-têtes."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for name, label in FIELDS.items():
            combo = QComboBox()
            combo.addItem(self.tr("— aucune —"), "")
            for header in headers:
                combo.addItem(header, header)
            at = combo.findData(current.get(name, ""))
            combo.setCurrentIndex(max(at, 0))
            combo.setAccessibleName(label)
            form.addRow(label + " :", combo)
            self.combos[name] = combo
        button = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(button.Ok | button.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)  # the title and the intro on two lines, not five

    def mapping(self) -> dict[str, str]:
        return {name: combo.currentData() for name, combo in self.combos.items() if combo.currentData()}

    def choose(self, name: str, header: str) -> None:
        combo = self.combos[name]
        combo.setCurrentIndex(max(combo.findData(header), 0))
