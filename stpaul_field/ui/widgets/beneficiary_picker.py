"""Find a person of the register as you type (over `store.search`), or create one inline.

Type a name or a phone number; the matches appear below. Down moves into the list, Enter
takes the highlighted person (Enter in the search box takes the first match). The query
runs off the UI thread after a short pause in typing; stale answers are dropped.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.domain.text import format_phone
from stpaul_field.domain.validation import ValidationError
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.beneficiaries import DuplicateCandidate
from stpaul_field.store.search import search_beneficiaries
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.register.duplicates import DuplicateDialog
from stpaul_field.ui.widgets.focus import focus_through
from stpaul_field.ui.widgets.unsaved import NOT_ENTERED

ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 120
MAX_HITS = 30


class BeneficiaryPicker(QWidget):
    """Emits `picked(id, display name)` when a person is chosen or created."""

    picked = Signal(object, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        # Enter pressed while the search for what was typed is still running: take its first
        # match when it arrives (under load the reply can come after the key).
        self._take_on_reply = False
        self._in_flight = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Nom, prénom ou téléphone…"))
        self.search.setAccessibleName(self.tr("Rechercher un bénéficiaire"))
        self.search.setClearButtonEnabled(True)
        self.create_button = QPushButton(self.tr("&Nouveau…"))
        self.create_button.setToolTip(self.tr("Créer un bénéficiaire (prénom et nom)"))
        self.create_button.setAccessibleName(self.tr("Créer un nouveau bénéficiaire"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Bénéficiaires trouvés"))
        self.results.setMaximumHeight(self.fontMetrics().height() * 7)
        self.results.hide()
        self.results.setProperty(NOT_ENTERED, True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.results)
        focus_through(self, self.search)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run_search)
        self.search.textEdited.connect(self._edited)
        self.search.returnPressed.connect(self._take_first)
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.itemActivated.connect(self._take)
        self.create_button.clicked.connect(self._create)

    # -- searching
    def _edited(self, _text: str) -> None:
        self._take_on_reply = False
        self._timer.start()

    def _run_search(self) -> None:
        query = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if len(query) < 2:
            self._in_flight = False
            self._show([])
            return
        self._in_flight = True
        self.ctx.read(
            lambda s: search_beneficiaries(s, query, limit=MAX_HITS),
            lambda hits: self._arrived(hits, generation),
            owner=self,
        )

    def _arrived(self, hits, generation: int) -> None:
        if generation != self._generation:
            return  # a newer search (or a cleared picker) supersedes this reply
        self._in_flight = False
        self._show(hits)
        if self._take_on_reply:
            self._take_on_reply = False
            self._take_first()

    def _show(self, hits) -> None:
        self.results.clear()
        for hit in hits:
            parts = [f"{hit.last_name.upper()} {hit.first_name}".strip()]
            if hit.birth_year:
                parts.append(str(hit.birth_year))
            if hit.phone:
                parts.append(format_phone(hit.phone))
            if hit.commune:
                parts.append(hit.commune)
            item = QListWidgetItem(" · ".join(parts))
            item.setData(ID_ROLE, (hit.id, parts[0]))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        elif len(self.search.text().strip()) >= 2:
            item = QListWidgetItem(self.tr("Aucun bénéficiaire trouvé — « Nouveau… » pour le créer"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        self.results.setVisible(self.results.count() > 0)

    def search_now(self) -> None:
        """Run the pending search at once (used when Enter comes before the pause ends)."""
        self._timer.stop()
        self._run_search()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.results.isVisible()
        ):
            # Échap closes the list of matches only, never the form around it.
            self.results.hide()
            self.search.setFocus()
            return True
        is_down = event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
        has_hits = self.results.count() and self.results.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
        if obj is self.search and is_down and has_hits:
            self.results.setFocus()
            self.results.setCurrentRow(0)
            return True
        return super().eventFilter(obj, event)

    def _take_first(self) -> None:
        if self._timer.isActive() or self._in_flight:
            # Results for what was just typed are not there yet: take the first when they come.
            self._take_on_reply = True
            if self._timer.isActive():
                self.search_now()
            return
        item = self.results.item(0)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self._take(item)

    def _take(self, item: QListWidgetItem) -> None:
        data = item.data(ID_ROLE)
        if data is None:
            return
        beneficiary_id, name = data
        self.clear()
        self.picked.emit(beneficiary_id, name)

    def clear(self) -> None:
        self._generation += 1
        self._take_on_reply = self._in_flight = False
        self._timer.stop()
        self.search.clear()
        self.results.clear()
        self.results.hide()

    # -- creating
    def _create(self) -> None:
        dialog = QuickCreateDialog(self.ctx, self.search.text(), self)
        dialog.created.connect(lambda bid, name: (self.clear(), self.picked.emit(bid, name)))
        dialog.open()


class QuickCreateDialog(QDialog):
    """First and last name, enough to register someone met on the spot; the rest later."""

    created = Signal(object, str)

    def __init__(self, ctx: AppContext, typed: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.duplicate_dialog: DuplicateDialog | None = None
        self.setWindowTitle(self.tr("Nouveau bénéficiaire"))
        words = typed.split()
        self.first_name = QLineEdit(" ".join(words[1:]) if len(words) > 1 else "")
        self.last_name = QLineEdit(words[0] if words else "")
        self.first_name.setAccessibleName(self.tr("Prénom"))
        self.last_name.setAccessibleName(self.tr("Nom"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        lbl_first = QLabel(self.tr("&Prénom"))
        lbl_first.setBuddy(self.first_name)
        lbl_last = QLabel(self.tr("N&om"))
        lbl_last.setBuddy(self.last_name)
        form.addRow(lbl_first, self.first_name)
        form.addRow(lbl_last, self.last_name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Créer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.first_name.setFocus()

    def _save(self) -> None:
        """Check, warn about likely duplicates, then create: the register editor's own steps
        (`store.beneficiaries`), so that « Kevin BEGUE » is not made beside « Kévin BÈGUE »."""
        data = BeneficiaryData(first_name=self.first_name.text(), last_name=self.last_name.text())
        try:
            reg.validate_for_save(data)
        except ValidationError as error:
            self._failed(error)
            return
        candidates = self.ctx.read_now(lambda s: reg.duplicate_candidates(s, reg.prepared(data)))
        if not candidates:
            self._write(data)
            return
        self.duplicate_dialog = DuplicateDialog(candidates, self)
        self.duplicate_dialog.finished.connect(lambda result: self._after_warning(result, data, candidates))
        self.duplicate_dialog.open()

    def _after_warning(
        self, result: int, data: BeneficiaryData, candidates: list[DuplicateCandidate]
    ) -> None:
        warning, self.duplicate_dialog = self.duplicate_dialog, None
        if warning is None or result != QDialog.DialogCode.Accepted:
            return  # back to the names
        if warning.existing_id is not None:
            [chosen] = [c for c in candidates if c.id == warning.existing_id]
            self._done(chosen.id, chosen.display_name)
        else:
            self._write(data)

    def _write(self, data: BeneficiaryData) -> None:
        def create(session: Session) -> tuple[uuid.UUID, str]:
            person = reg.create_beneficiary(session, data)
            return person.id, person.display_name

        self.ctx.write(
            create, lambda made: self._done(*made), self._failed, owner=self, changes=Changes.people()
        )

    def _done(self, beneficiary_id: uuid.UUID, name: str) -> None:
        self.created.emit(beneficiary_id, name)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.error.setText("\n".join(e.message for e in error.errors))
        self.error.show()
