"""Locking the window: after some idle minutes, or on demand (a laptop left open in a room).

While locked, the window's content is hidden behind a modal unlock dialog. Unlocking asks
for the store's passphrase when the store has one; when its key lives in the OS keyring,
for an unlock code the advisor chose (kept only as a scrypt hash in the settings).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from stpaul_field import settings as st
from stpaul_field.paths import AppPaths
from stpaul_field.store import keys

MIN_CODE = 6
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits `idle` after `minutes` without keyboard, mouse or touch input in the app."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.timer.stop()
        if minutes > 0:
            self.timer.setInterval(minutes * 60_000)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.interval() > 0:
            self.timer.start()  # any input restarts the countdown
        return False


class SecretDialog(QDialog):
    """Asks a passphrase or unlock code; with `confirm`, twice (when choosing one).

    `note` is a paragraph shown under the fields (what a forgotten secret means);
    `cancellable` adds « Annuler » (the start of the app; never the lock, which Échap
    must not open).
    """

    def __init__(
        self,
        title: str,
        prompt: str,
        confirm: bool = False,
        parent: QWidget | None = None,
        *,
        hint: str = "",
        note: str = "",
        cancellable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(prompt)
        self.again: QLineEdit | None = None
        form = QFormLayout()
        form.addRow(prompt, self.secret)
        if confirm:
            self.again = QLineEdit()
            self.again.setEchoMode(QLineEdit.EchoMode.Password)
            self.again.setAccessibleName(self.tr("Confirmation"))
            form.addRow(self.tr("Confirmation"), self.again)
        if hint:
            form.addRow("", QLabel(hint))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        if cancellable:
            cancel = buttons.addButton(self.tr("&Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
            cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        if note:
            explain = QLabel(note)
            explain.setWordWrap(True)
            layout.addWidget(explain)
        layout.addWidget(buttons)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.secret.clear()
        if self.again is not None:
            self.again.clear()
        self.secret.setFocus()


class LockController(QObject):
    """Locks `window` on demand or when idle; unlocks with the passphrase or unlock code."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow, paths: AppPaths, settings: st.Settings, key: bytes) -> None:
        super().__init__(window)
        self.window = window
        self.paths = paths
        self.settings = settings
        self._key = key
        self.is_locked = False
        self.dialog: SecretDialog | None = None
        self.watcher = IdleWatcher(settings.get(st.IDLE_LOCK_MINUTES), self)
        self.watcher.idle.connect(self.lock)

    @property
    def uses_passphrase(self) -> bool:
        return keys.store_uses_passphrase(self.paths)

    def has_secret(self) -> bool:
        return self.uses_passphrase or bool(self.settings.get(st.LOCK_CODE_HASH))

    def choose_code(self) -> bool:
        """Ask the advisor to choose an unlock code; False if they gave up."""
        dialog = SecretDialog(
            self.tr("Code de déverrouillage"),
            self.tr("Choisissez un code ({0} caractères au moins)").format(MIN_CODE),
            confirm=True,
            parent=self.window,
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            code = dialog.secret.text()
            if len(code) < MIN_CODE:
                dialog.show_error(self.tr("Le code doit compter au moins {0} caractères.").format(MIN_CODE))
            elif dialog.again is not None and dialog.again.text() != code:
                dialog.show_error(self.tr("Les deux saisies diffèrent."))
            else:
                self.settings.set(st.LOCK_CODE_HASH, keys.hash_lock_code(code))
                return True
        return False

    def check(self, secret: str) -> bool:
        if self.uses_passphrase:
            return keys.passphrase_opens(self.paths, secret, self._key)
        stored = self.settings.get(st.LOCK_CODE_HASH)
        return bool(stored) and keys.lock_code_matches(stored, secret)

    def lock(self) -> None:
        if self.is_locked:
            return
        if not self.has_secret() and not self.choose_code():
            return
        self.is_locked = True
        central = self.window.centralWidget()
        if central is not None:
            central.hide()  # nothing of the register stays visible behind the dialog
        self.locked.emit()
        prompt = (
            self.tr("Phrase de passe du poste") if self.uses_passphrase else self.tr("Code de déverrouillage")
        )
        self.dialog = SecretDialog(self.tr("Poste verrouillé"), prompt, parent=self.window)
        self.dialog.rejected.connect(self.dialog.open)  # Échap does not unlock
        self.dialog.accepted.connect(self._try_unlock)
        self.dialog.open()

    def _try_unlock(self) -> None:
        assert self.dialog is not None
        if self.check(self.dialog.secret.text()):
            self.dialog.deleteLater()
            self.dialog = None
            self.is_locked = False
            central = self.window.centralWidget()
            if central is not None:
                central.show()
            self.watcher.set_minutes(self.settings.get(st.IDLE_LOCK_MINUTES))
            self.unlocked.emit()
        else:
            self.dialog.show_error(self.tr("Ce n'est pas le bon secret. Réessayez."))
            self.dialog.open()
