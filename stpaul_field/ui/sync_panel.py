"""« Synchronisation »: enrol the laptop once, then sync with the central record.

Before enrolment the view is a form (server address, login, password, the laptop's name,
an optional certificate authority). Once enrolled it shows the server and the advisor,
« Synchroniser » (F5 anywhere in the window), the progress of a running sync, its last
result, the changes the server refused (with its reason, « Renvoyer ») and the conflicts
to review. Syncs run off the UI thread (`ctx.run_long`); background attempts follow
`sync_attempts`. `status_changed` carries the status bar's line; a pull, an enrolment or a
settled conflict is announced on `ctx.data_changed` (any record may have changed).

With no network (issue 20), « Synchroniser par fichier… » writes a request file (on a USB
key), « Lire une réponse… » applies the answer file the central record made for it, and
« Transmettre un fichier d'un collègue… » relays a colleague's request over this laptop's
connection and writes their answer (`sync.file_sync`).
"""

from __future__ import annotations

import logging
import math
import socket
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.validation import FieldError
from stpaul_field.sync import file_sync, quarantine
from stpaul_field.sync.engine import Backoff, SyncEngine, SyncProgress, SyncReport
from stpaul_field.sync.enrolment import Enrolment, enrol, load_enrolment, transport_for
from stpaul_field.sync.errors import AuthError, InsecureServerError, OfflineError, SyncError
from stpaul_field.sync.status import SyncStatus, describe, moment_text, read_status
from stpaul_field.ui import i18n, tasks
from stpaul_field.ui.activity_form.base import FOCUS_STYLE
from stpaul_field.ui.conflicts_view import TABLE_FOCUS_STYLE, ConflictsView
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.sync_attempts import BackgroundAttempts
from stpaul_field.ui.widgets.entries_model import AnyIndex, EntriesTableModel
from stpaul_field.ui.widgets.field_errors import ERROR_STYLE, FieldErrors

log = logging.getLogger(__name__)

SYNC_SHORTCUT = "F5"
PULL_STEPS = 1000  # the progress bar's range while pulling a known total
_Read = tuple[SyncStatus, "Enrolment | None", list[quarantine.Quarantined], list[quarantine.Pending]]
# How long closing the window waits for a running sync to stop between two pages.
SHUTDOWN_WAIT_MS = 15_000


class RejectedModel(EntriesTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Fiche"), self.tr("Motif du refus"), self.tr("Saisie")]

    def entry(self, row: int) -> quarantine.Quarantined:
        return self._entries[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._entries[index.row()]
        return (e.label, e.reason, moment_text(e.created_at, i18n.now(), i18n.message))[index.column()]


class PendingModel(EntriesTableModel):
    """The changes a laptop not yet enrolled holds, before they leave with the first sync."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Fiche"), self.tr("Changement"), self.tr("Saisie")]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._entries[index.row()]
        change = i18n.text(e.change)
        return (e.label, change, moment_text(e.created_at, i18n.now(), i18n.message))[index.column()]


def _table(model: EntriesTableModel, name: str, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


class EnrolmentForm(QWidget):
    """The laptop's one-time enrolment with the central record."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        explain = QLabel(
            self.tr(
                "Ce poste n'est pas encore inscrit au registre central. L'inscription se fait une "
                "fois, avec une connexion, avec votre compte de conseiller. Tout ce qui a été saisi "
                "avant l'inscription est ensuite envoyé à votre nom."
            )
        )
        explain.setWordWrap(True)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://registre.saintpaul.re")
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.device_name = QLineEdit(socket.gethostname())
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("Fichier .pem fourni par le service informatique"))
        self.browse = QPushButton(self.tr("&Parcourir…"))
        self.browse.setAccessibleName(self.tr("Choisir le fichier de l'autorité de certification"))
        self.browse.clicked.connect(self._choose_ca)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_file, 1)
        ca_layout.addWidget(self.browse)

        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.errors = FieldErrors(self.summary)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Adresse du &serveur :"), self.server, "server")
        self.errors.add_row(form, self.tr("&Identifiant :"), self.login, "login")
        self.errors.add_row(form, self.tr("&Mot de passe :"), self.password, "password")
        self.errors.add_row(form, self.tr("&Nom du poste :"), self.device_name, "device_name")
        ca_label = self.errors.add_row(
            form, self.tr("A&utorité de certification (facultatif) :"), ca_row, "ca"
        )
        ca_label.setBuddy(self.ca_file)
        self.ca_file.setAccessibleName(self.tr("Autorité de certification (facultatif)"))

        self.enrol_button = QPushButton(self.tr("Inscrire ce p&oste"))
        self.enrol_button.setDefault(True)
        self.enrol_button.clicked.connect(self.submit)
        for field in (self.server, self.login, self.password, self.device_name, self.ca_file):
            field.returnPressed.connect(self.submit)
        self.busy = QLabel(self.tr("Inscription en cours…"))
        self.busy.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        buttons.addWidget(self.enrol_button)

        box = QGroupBox(self.tr("Inscrire ce poste"))
        box.setMaximumWidth(820)  # lines an eye can follow, even on a wide screen
        inner = QVBoxLayout(box)
        inner.addWidget(explain)
        inner.addWidget(self.summary)
        inner.addLayout(form)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addStretch(1)
        self.setFocusProxy(self.server)

    def _choose_ca(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Autorité de certification"),
            "",
            self.tr("Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)"),
        )
        if chosen:
            self.ca_file.setText(chosen)

    def values(self) -> dict[str, str]:
        return {
            "server": self.server.text().strip(),
            "login": self.login.text().strip(),
            "password": self.password.text(),
            "device_name": self.device_name.text().strip(),
            "ca": self.ca_file.text().strip(),
        }

    def check(self, values: dict[str, str]) -> list[FieldError]:
        errors: list[FieldError] = []
        server = values["server"]
        if not server:
            errors.append(FieldError("server", self.tr("Indiquez l'adresse du serveur du registre central.")))
        elif not server.lower().startswith(("https://", "http://")):
            errors.append(
                FieldError(
                    "server",
                    self.tr("L'adresse commence par https:// (par exemple https://registre.saintpaul.re)."),
                )
            )
        if not values["login"]:
            errors.append(FieldError("login", self.tr("Indiquez votre identifiant de conseiller.")))
        if not values["password"]:
            errors.append(FieldError("password", self.tr("Indiquez votre mot de passe.")))
        if not values["device_name"]:
            errors.append(
                FieldError(
                    "device_name", self.tr("Donnez un nom à ce poste (par exemple « Portable Mafate 2 »).")
                )
            )
        if values["ca"] and not Path(values["ca"]).is_file():
            errors.append(FieldError("ca", self.tr("Ce fichier est introuvable.")))
        return errors

    def submit(self) -> None:
        if not self.enrol_button.isEnabled():
            return
        values = self.values()
        errors = self.check(values)
        self.errors.show(errors)
        if not errors:
            self.submitted.emit(values)

    def set_busy(self, busy: bool) -> None:
        self.enrol_button.setEnabled(not busy)
        self.busy.setVisible(busy)

    def show_failure(self, error: BaseException) -> None:
        """A refusal of the server, under the field it concerns."""
        message = error.message if isinstance(error, SyncError) else self.tr("L'inscription a échoué.")
        if isinstance(error, AuthError):
            self.password.clear()
            self.errors.show([FieldError("password", message)])
        elif isinstance(error, OfflineError | InsecureServerError) or type(error) is SyncError:
            # Unreachable, unprotected, or not an address at all: the server field is at fault.
            self.errors.show([FieldError("server", message)])
        else:
            self.errors.show([FieldError("", message)])


class SyncPanel(QWidget):
    """`SyncPanel(ctx)` (a context with `paths`): the view installed in the « sync » slot."""

    status_changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, background: bool = True) -> None:
        super().__init__(parent)
        assert ctx.paths is not None, "a sync needs the app's folders (the enrolment is kept there)"
        self.ctx = ctx
        self.store = ctx.store  # handed to the sync engine, which opens its own sessions
        self.paths = ctx.paths
        self.settings = ctx.settings
        # Any write adds to what is to send; a sync or a settled conflict may change anything.
        ctx.follow(self, lambda _changes: True, self.refresh)
        self.running = False
        self.enrolled: bool | None = None  # None until the store has been read
        self.status: SyncStatus | None = None
        self.last_report: SyncReport | None = None
        # Retries within one run (a link that drops); the background attempts space out the runs.
        self.backoff = Backoff()
        self._stop = threading.Event()
        self.setAccessibleName(self.tr("Synchronisation"))
        self.setStyleSheet(FOCUS_STYLE + TABLE_FOCUS_STYLE + ERROR_STYLE)

        self.sync_action = QAction(self.tr("&Synchroniser maintenant"), self)
        self.sync_action.setShortcut(QKeySequence(SYNC_SHORTCUT))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.sync_action.triggered.connect(self.sync_now)
        self.addAction(self.sync_action)

        self.form = EnrolmentForm()
        self.form.submitted.connect(self.enrol)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_enrolment_page())
        self.stack.addWidget(self._build_synced_page())

        layout = QVBoxLayout(self)
        layout.addWidget(_title(self.tr("Synchronisation")))
        layout.addWidget(self.stack, 1)

        self.attempts = BackgroundAttempts(self)
        self.background = background
        self.attempts.due.connect(self._background_attempt)
        self.refresh()

    # ---- layout -----------------------------------------------------------------------
    def _build_enrolment_page(self) -> QWidget:
        page = QWidget()
        self.pending_model = PendingModel(self)
        self.pending_table = _table(self.pending_model, self.tr("Modifications en attente"), 0)
        self.pending_box = QGroupBox()
        self.pending_box.setMaximumWidth(820)
        inner = QVBoxLayout(self.pending_box)
        self.pending_note = QLabel()
        self.pending_note.setWordWrap(True)
        inner.addWidget(self.pending_note)
        inner.addWidget(self.pending_table, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addWidget(self.pending_box, 1)
        page.setFocusProxy(self.form)
        return page

    def _show_pending(self, pending: list[quarantine.Pending], count: int) -> None:
        self.pending_model.set_entries(pending)
        self.pending_box.setVisible(count > 0)
        self.pending_box.setTitle(
            self.tr("Modifications enregistrées sur ce poste (%1)").replace("%1", str(count))
        )
        note = self.tr(
            "Elles partiront vers le registre central à la première synchronisation, une fois le "
            "poste inscrit."
        )
        if count > len(pending):
            note += " " + self.tr("Les %1 plus anciennes sont listées.").replace("%1", str(len(pending)))
        self.pending_note.setText(note)

    def _build_synced_page(self) -> QWidget:
        page = QWidget()
        self.server_label = QLabel()
        self.advisor_label = QLabel()
        for label in (self.server_label, self.advisor_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        who = QFormLayout()
        who.addRow(self.tr("Registre central :"), self.server_label)
        who.addRow(self.tr("Conseiller :"), self.advisor_label)

        self.status_label = QLabel()
        font = self.status_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.status_label.setFont(font)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("État de la synchronisation"))

        self.sync_button = QPushButton(self.tr("&Synchroniser"))
        self.sync_button.setToolTip(self.tr("Envoyer les modifications et recevoir celles de l'équipe (F5)"))
        self.sync_button.clicked.connect(self.sync_now)
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progression de la synchronisation"))
        self.progress.setTextVisible(False)
        self.progress.hide()
        run_row = QHBoxLayout()
        run_row.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignLeft)
        run_row.addWidget(self.progress, 1)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)

        self.file_box = self._build_file_box()

        self.conflicts = ConflictsView(self.ctx)
        self.conflicts.changed.connect(self._conflict_settled)
        self.rejected_model = RejectedModel(self)
        self.rejected_table = _table(self.rejected_model, self.tr("Modifications refusées"), 1)
        self.rejected_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.resend_button = QPushButton(self.tr("&Renvoyer"))
        self.resend_button.setToolTip(
            self.tr("Remettre les modifications choisies dans la prochaine synchronisation")
        )
        self.resend_button.clicked.connect(self.resend_selected)
        self.rejected_table.selectionModel().selectionChanged.connect(self._update_actions)
        rejected_page = QWidget()
        rejected_layout = QVBoxLayout(rejected_page)
        rejected_layout.setContentsMargins(6, 6, 6, 6)
        explain = QLabel(
            self.tr(
                "Le registre central a refusé ces modifications ; elles restent sur ce poste. "
                "Corrigez la fiche si besoin, puis renvoyez-les."
            )
        )
        explain.setWordWrap(True)
        rejected_layout.addWidget(explain)
        rejected_layout.addWidget(self.rejected_table, 1)
        resend_row = QHBoxLayout()
        resend_row.addStretch(1)
        resend_row.addWidget(self.resend_button)
        rejected_layout.addLayout(resend_row)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(rejected_page, "")
        self._name_tabs(0, 0)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(who)
        layout.addSpacing(6)
        layout.addWidget(self.status_label)
        layout.addLayout(run_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.next_label)
        layout.addWidget(self.file_box)
        layout.addWidget(self.tabs, 1)
        self.setTabOrder(self.sync_button, self.write_file_button)
        self.setTabOrder(self.write_file_button, self.relay_button)
        self.setTabOrder(self.relay_button, self.read_file_button)
        self.setTabOrder(self.read_file_button, self.tabs)
        return page

    def _build_file_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sans réseau : par fichier (clé USB)"))
        self.write_file_button = QPushButton(self.tr("Synchroniser par fic&hier…"))
        self.write_file_button.setToolTip(
            self.tr("Écrire les modifications en attente dans un fichier chiffré pour le registre central")
        )
        self.write_file_button.clicked.connect(self.write_request_file)
        self.relay_button = QPushButton(self.tr("&Transmettre un fichier d'un collègue…"))
        self.relay_button.setToolTip(
            self.tr("Envoyer au registre central, par la connexion de ce poste, le fichier d'un collègue")
        )
        self.relay_button.clicked.connect(self.relay_file)
        self.read_file_button = QPushButton(self.tr("&Lire une réponse…"))
        self.read_file_button.setToolTip(self.tr("Appliquer la réponse du registre central à votre fichier"))
        self.read_file_button.clicked.connect(self.read_answer_file)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setAccessibleName(self.tr("Dernier fichier de synchronisation"))
        buttons = QHBoxLayout()
        for button in (self.write_file_button, self.relay_button, self.read_file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addLayout(buttons)
        inner.addWidget(self.file_label)
        return box

    def _name_tabs(self, conflicts: int, rejected: int) -> None:
        self.tabs.setTabText(0, self.tr("&Conflits à examiner (%1)").replace("%1", str(conflicts)))
        self.tabs.setTabText(1, self.tr("Modifications r&efusées (%1)").replace("%1", str(rejected)))

    # ---- reading ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the status, the enrolment, the conflicts and the refused changes."""
        store = self.store

        def read(session: Session) -> _Read:
            status = read_status(session)
            rejected = quarantine.rejected_entries(session)
            pending = [] if status.enrolled else quarantine.pending_entries(session)
            return status, load_enrolment(store) if status.enrolled else None, rejected, pending

        self.ctx.read(read, self._show, owner=self)
        self.conflicts.refresh()

    def _show(self, read: _Read) -> None:
        status, enrolment, rejected, pending = read
        was_enrolled = self.enrolled
        self.status = status
        self.enrolled = status.enrolled and enrolment is not None
        self.stack.setCurrentIndex(1 if self.enrolled else 0)
        if enrolment is not None:
            self._show_enrolment(enrolment)
        self.rejected_model.set_entries(rejected)
        self._show_pending(pending, status.pending)
        self._name_tabs(status.open_conflicts, status.rejected)
        text = describe(status, i18n.now(), i18n.message)
        if not self.running:
            self.status_label.setText(text)
            self.status_changed.emit(text)
        if self.last_report is None and status.last_success is not None:
            self.result_label.setText(
                self.tr("Dernière synchronisation réussie : %1").replace(
                    "%1", moment_text(status.last_success, i18n.now(), i18n.message)
                )
            )
        self.sync_action.setEnabled(bool(self.enrolled))
        if self.enrolled and not was_enrolled and self.background and not self.attempts.active:
            self.attempts.soon()
        if not self.enrolled:
            self.attempts.stop()
        self._update_actions()
        self._show_next_attempt()

    def _show_enrolment(self, enrolment: Enrolment) -> None:
        self.server_label.setText(enrolment.server_url)
        role = i18n.label(v.ADVISOR_ROLES, enrolment.role)
        self.advisor_label.setText(f"{enrolment.display_name} ({role})")

    def _show_next_attempt(self) -> None:
        remaining = self.attempts.remaining()
        if remaining is None or not self.enrolled:
            self.next_label.setText(
                self.tr("Pas de tentative automatique : utilisez « Synchroniser » (F5).")
                if self.enrolled and self.status is not None and self.status.last_error
                else ""
            )
            return
        at = i18n.now() + remaining
        self.next_label.setText(
            self.tr("Prochaine tentative automatique vers %1.").replace("%1", f"{at:%H:%M}")
        )

    def _update_actions(self) -> None:
        self.sync_button.setEnabled(bool(self.enrolled) and not self.running)
        for button in (self.write_file_button, self.relay_button, self.read_file_button):
            button.setEnabled(bool(self.enrolled) and not self.running)
        self.resend_button.setEnabled(
            self.rejected_table.selectionModel().hasSelection() and not self.running
        )

    # ---- enrolment -------------------------------------------------------------------
    def enrol(self, values: dict[str, str]) -> None:
        store, paths = self.store, self.paths
        self.form.set_busy(True)

        def work(_report: Any) -> Enrolment:
            return enrol(
                store,
                paths,
                values["server"],
                values["login"],
                values["password"],
                values["device_name"],
                ca_bundle=values["ca"] or None,
            )

        self.ctx.run_long(work, None, self._enrolled, self._enrol_failed, owner=self)

    def _enrolled(self, enrolment: Enrolment) -> None:
        self.form.set_busy(False)
        self.form.password.clear()
        self.enrolled = True
        self._show_enrolment(enrolment)
        self.stack.setCurrentIndex(1)
        self.sync_action.setEnabled(True)
        # What was recorded before enrolment now belongs to the advisor.
        self.ctx.data_changed.emit(Changes.everything())
        self.sync_now()  # the first sync at once: the advisor is online now

    def _enrol_failed(self, error: BaseException) -> None:
        self.form.set_busy(False)
        if not isinstance(error, SyncError):
            log.error("enrolment failed: %s", type(error).__name__)
        self.form.show_failure(error)

    # ---- syncing ---------------------------------------------------------------------
    def sync_now(self) -> bool:
        """Start a sync in the background; False if one runs or the laptop is not enrolled."""
        if self.running or not self.enrolled:
            return False
        self.running = True
        self._stop.clear()
        self.attempts.stop()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._say_progress(self.tr("Connexion au registre central…"))
        self._update_actions()
        store, stop, backoff = self.store, self._stop, self.backoff

        def work(report: Any) -> SyncReport:
            with transport_for(store) as transport:
                # Retries within a run wait on the stop flag: closing the window never waits them out.
                engine = SyncEngine(store, transport, backoff=backoff, sleep=stop.wait)
                return engine.run(report, stop.is_set)

        self.ctx.run_long(work, self._progressed, self._finished, self._failed, owner=self)
        return True

    def _say_progress(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_changed.emit(text)

    def _progressed(self, p: SyncProgress) -> None:
        text = (
            self.tr("Synchronisation — envoi : %1 sur %2, réception : %3")
            .replace("%1", QLocale().toString(p.pushed))
            .replace("%2", QLocale().toString(p.to_push))
            .replace("%3", QLocale().toString(p.pulled))
        )
        if p.to_push and p.pushed < p.to_push:
            self.progress.setRange(0, p.to_push)
            self.progress.setValue(p.pushed)
        elif p.pull_fraction is not None:  # the server says where the team's record ends
            self.progress.setRange(0, PULL_STEPS)
            self.progress.setValue(round(p.pull_fraction * PULL_STEPS))
            text += f" ({p.pull_fraction:.0%})".replace("%", "\u202f%")
            if p.seconds_left is not None and p.pull_fraction < 1:
                text += " — " + self.time_left(p.seconds_left)
        else:
            self.progress.setRange(0, 0)  # an older server: the total is not known in advance
        self._say_progress(text)

    def time_left(self, seconds: float) -> str:
        """'environ 12 minutes restantes', rounded up: a first sync takes minutes, not seconds."""
        if seconds < 60:
            return self.tr("moins d'une minute restante")
        return self.tr("environ %n minute(s) restante(s)", "", math.ceil(seconds / 60))

    def _done_running(self) -> None:
        self.running = False
        self.progress.hide()
        self._update_actions()

    def result_text(self, report: SyncReport) -> str:
        """'Synchronisation terminée à 17:02 : 3 modifications envoyées, 1 fiche reçue.'"""
        head = (
            self.tr("Synchronisation terminée à %1 :")
            if report.complete
            else self.tr("Synchronisation interrompue à %1 (la suite au prochain essai) :")
        ).replace("%1", f"{i18n.now():%H:%M}")
        # French takes the singular for 0 and 1; each form is its own string for translators.
        parts = [
            self.tr("%1 modification envoyée")
            if report.pushed <= 1
            else self.tr("%1 modifications envoyées"),
            self.tr("%1 fiche reçue") if report.pulled <= 1 else self.tr("%1 fiches reçues"),
        ]
        counts = [report.pushed, report.pulled]
        if report.rejected:
            parts.append(self.tr("%1 refusée") if report.rejected == 1 else self.tr("%1 refusées"))
            counts.append(report.rejected)
        if report.conflicts:
            parts.append(
                self.tr("%1 conflit à examiner")
                if report.conflicts == 1
                else self.tr("%1 conflits à examiner")
            )
            counts.append(report.conflicts)
        said = [part.replace("%1", str(n)) for part, n in zip(parts, counts, strict=True)]
        return f"{head} {', '.join(said)}."

    def _finished(self, report: SyncReport) -> None:
        self._done_running()
        self.last_report = report
        text = self.result_text(report)
        self.result_label.setText(text)
        if self.background:
            self.attempts.succeeded()
        if report.pulled or report.pushed:
            self.ctx.data_changed.emit(Changes.everything())
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._done_running()
        if isinstance(error, SyncError):
            message, retryable = error.message, error.retryable
        else:
            # A bug, not the network: say so plainly; the log gets the kind, never the data.
            log.error("sync failed: %s", type(error).__name__)
            message, retryable = self.tr("La synchronisation a échoué (erreur inattendue)."), True
        self.result_label.setText(
            self.tr("Échec à %1 : %2").replace("%1", f"{i18n.now():%H:%M}").replace("%2", message)
        )
        if self.background:
            self.attempts.failed(retryable)
        self.refresh()

    def _background_attempt(self) -> None:
        # Never two at once, never before enrolment; the next is set when this one ends.
        if not self.running and self.enrolled:
            self.sync_now()

    # ---- by file (a USB key) ---------------------------------------------------------
    def choose_folder(self) -> str:
        """Where to write a file (a USB key); replaced in tests."""
        return QFileDialog.getExistingDirectory(self, self.tr("Écrire la demande dans le dossier…"))

    def choose_file(self, title: str) -> str:
        """A sync file to open; replaced in tests."""
        kinds = self.tr("Fichiers de synchronisation (*.stpaul-sync);;Tous les fichiers (*)")
        chosen, _ = QFileDialog.getOpenFileName(self, title, "", kinds)
        return chosen

    def _run_file_work(self, work: Any, done: Any, busy: str) -> None:
        self.running = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self._say_progress(busy)
        self._update_actions()

        def finished(result: Any) -> None:
            self._done_running()
            self.file_label.setText(done(result))
            self.refresh()

        def failed(error: BaseException) -> None:
            self._done_running()
            if isinstance(error, SyncError):
                message = error.message
            else:
                log.error("sync file failed: %s", type(error).__name__)
                message = self.tr("L'opération a échoué (erreur inattendue).")
            self.file_label.setText(self.tr("Refusé : %1").replace("%1", message))
            self.refresh()

        self.ctx.run_long(lambda _report: work(), None, finished, failed, owner=self)

    def write_request_file(self) -> None:
        folder = self.choose_folder()
        if not folder or self.running:
            return
        store = self.store

        def said(written: file_sync.RequestSummary) -> str:
            text = (
                self.tr("Demande écrite : %1 — %2 modification(s)")
                .replace("%1", str(written.path))
                .replace("%2", str(written.changes))
            )
            if written.oldest is not None:
                text += self.tr(", la plus ancienne : %1").replace(
                    "%1", moment_text(written.oldest, i18n.now(), i18n.message)
                )
            text += ". " + self.tr("Faites-la porter au bureau ou transmettre par un collègue connecté.")
            if written.left:
                text += " " + self.tr("%1 modification(s) de plus iront dans le fichier suivant.").replace(
                    "%1", str(written.left)
                )
            return text

        self._run_file_work(
            lambda: file_sync.write_request(store, Path(folder)), said, self.tr("Écriture de la demande…")
        )

    def relay_file(self) -> None:
        chosen = self.choose_file(self.tr("Fichier de demande d'un collègue"))
        if not chosen or self.running:
            return
        store = self.store

        def work() -> Path:
            with transport_for(store) as transport:
                return file_sync.relay(store, transport, Path(chosen))

        def said(answer: Path) -> str:
            return self.tr("Demande transmise ; la réponse pour votre collègue est écrite : %1").replace(
                "%1", str(answer)
            )

        self._run_file_work(work, said, self.tr("Transmission au registre central…"))

    def read_answer_file(self) -> None:
        chosen = self.choose_file(self.tr("Réponse du registre central"))
        if not chosen or self.running:
            return
        store = self.store

        def said(read: file_sync.AnswerSummary) -> str:
            self.ctx.data_changed.emit(Changes.everything())
            text = (
                self.tr("Réponse (%1) lue : %2 modification(s) confirmée(s), %3 fiche(s) reçue(s)")
                .replace("%1", moment_text(read.answered_at, i18n.now(), i18n.message))
                .replace("%2", str(read.acknowledged))
                .replace("%3", str(read.pulled))
            )
            if read.rejected:
                text += self.tr(", %1 refusée(s)").replace("%1", str(read.rejected))
            if read.conflicts:
                text += self.tr(", %1 conflit(s) à examiner").replace("%1", str(read.conflicts))
            return text + "."

        self._run_file_work(
            lambda: file_sync.read_answer(store, Path(chosen)), said, self.tr("Lecture de la réponse…")
        )

    # ---- refused changes and conflicts -----------------------------------------------
    def resend_selected(self) -> None:
        rows = sorted({i.row() for i in self.rejected_table.selectionModel().selectedRows()})
        op_ids = [self.rejected_model.entry(r).op_id for r in rows]
        if not op_ids:
            return

        def write(session: Session) -> int:
            return sum(quarantine.resend(session, op_id) for op_id in op_ids)

        def done(_count: int) -> None:
            self.refresh()
            self.sync_now()

        self.ctx.write(
            write,
            done,
            owner=self,
            changes=Changes(sync_state=True),
            what=self.tr("Le renvoi des modifications refusées"),
        )

    def _conflict_settled(self) -> None:
        self.refresh()  # every other view heard it from the write itself

    # ---- life ------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_next_attempt()

    def shutdown(self, timeout_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Stop background attempts and a running sync (between two pages) before the store
        closes; True once nothing runs any more."""
        self.attempts.stop()
        self.background = False
        self._stop.set()
        deadline = QDeadlineTimer(timeout_ms)
        while self.running and not deadline.hasExpired():
            tasks.long_pool().wait_for_done(50)
            QCoreApplication.processEvents()
        return not self.running
