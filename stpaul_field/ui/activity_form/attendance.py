"""After a workshop: tick who came, add the people who came without registering.

One tick list (arrows and Space, or a click), "Tous présents" for the usual case, and a
search to add walk-ins (or create them on the spot). Nothing is written until
"Enregistrer": attendance and walk-ins are saved in one unit of work.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.store import activities as acts
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.base import FOCUS_STYLE, save_buttons, swallow_plain_enter
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.screen_fit import fit_to_screen
from stpaul_field.ui.widgets.beneficiary_picker import BeneficiaryPicker
from stpaul_field.ui.widgets.checklist import TickList

PARTICIPATION_ROLE = Qt.ItemDataRole.UserRole
WALK_IN_ROLE = Qt.ItemDataRole.UserRole + 1


class AttendanceDialog(QDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, activity_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity_id = activity_id
        self.setStyleSheet(FOCUS_STYLE)
        loaded = ctx.read_now(lambda s: acts.load_activity(s, activity_id))
        d = loaded.data
        self.setWindowTitle(self.tr("Émargement — {0}").format(d.title))
        header = QLabel(f"<b>{d.title}</b><br>{i18n.format_date(d.date)} {i18n.format_time(d.start_time)}")
        self.people = TickList()
        self.people.setAccessibleName(self.tr("Participants : cocher les présents"))
        for p in loaded.participants:
            item = QListWidgetItem(p.display_name + ("" if p.registered else self.tr(" (non inscrit)")))
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Checked if p.attended else Qt.CheckState.Unchecked)
            item.setData(PARTICIPATION_ROLE, p.participation_id)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)
        people_label = QLabel(self.tr("&Présents"))
        people_label.setBuddy(self.people)
        all_present = QPushButton(self.tr("&Tous présents"))
        all_present.clicked.connect(self.mark_all_present)
        self.picker = BeneficiaryPicker(ctx)
        self.picker.search.setAccessibleName(self.tr("Ajouter un participant non inscrit : rechercher"))
        walk_label = QLabel(self.tr("&Ajouter une personne venue sans inscription"))
        walk_label.setBuddy(self.picker.search)
        self.picker.picked.connect(self.add_walk_in)
        self.count = QLabel()
        self.people.itemChanged.connect(lambda _i: self._update_count())

        buttons, self.save_button = save_buttons(self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        row = QHBoxLayout()
        row.addWidget(people_label)
        row.addStretch(1)
        row.addWidget(all_present)
        layout.addLayout(row)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.count)
        layout.addWidget(walk_label)
        layout.addWidget(self.picker)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self._update_count()
        self.people.setFocus()
        fit_to_screen(self, QSize(520, 600))

    def keyPressEvent(self, event) -> None:
        if swallow_plain_enter(event):
            return
        super().keyPressEvent(event)

    def mark_all_present(self) -> None:
        for i in range(self.people.count()):
            self.people.item(i).setCheckState(Qt.CheckState.Checked)

    def add_walk_in(self, beneficiary_id: uuid.UUID, name: str) -> None:
        for i in range(self.people.count()):
            item = self.people.item(i)
            if item.data(WALK_IN_ROLE) == beneficiary_id:
                item.setCheckState(Qt.CheckState.Checked)
                return
        item = QListWidgetItem(name + self.tr(" (non inscrit)"))
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
        )
        item.setCheckState(Qt.CheckState.Checked)
        item.setData(WALK_IN_ROLE, beneficiary_id)
        self.people.addItem(item)
        self.picker.setFocus()

    def _update_count(self) -> None:
        present = sum(
            self.people.item(i).checkState() == Qt.CheckState.Checked for i in range(self.people.count())
        )
        self.count.setText(self.tr("{0} présent(s) sur {1}").format(present, self.people.count()))

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        marks: dict[uuid.UUID, bool] = {}
        walk_ins: list[uuid.UUID] = []
        for i in range(self.people.count()):
            item = self.people.item(i)
            came = item.checkState() == Qt.CheckState.Checked
            if item.data(PARTICIPATION_ROLE) is not None:
                marks[item.data(PARTICIPATION_ROLE)] = came
            elif came:
                walk_ins.append(item.data(WALK_IN_ROLE))
        activity_id = self.activity_id

        def work(s: Session) -> None:
            acts.set_attendance(s, activity_id, marks)
            for bid in walk_ins:
                acts.add_walk_in(s, activity_id, bid)

        self.save_button.setEnabled(False)
        self.ctx.write(work, self._saved, self._failed, owner=self, changes=Changes(activities=True))

    def _saved(self, _result: object) -> None:
        self.saved.emit(self.activity_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        QMessageBox.critical(self, self.tr("Enregistrement impossible"), str(error))
