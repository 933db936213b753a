"""The window an advisor lives in all day: navigation on the left, one view at a time.

Views are registered with `add_view(key, title, widget)`; the places other parts of the
app fill (register, reports, sync, bin) start as placeholders that `add_view` replaces.
The status bar always says where the laptop stands with the central record
(`sync.status.describe`: « À jour », « N modifications en attente », « Hors ligne depuis … »).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stpaul_field import settings as st
from stpaul_field.store.models import Venue
from stpaul_field.sync.status import SyncStatus, describe, read_status
from stpaul_field.ui import i18n
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from stpaul_field.ui.sync_panel import SyncPanel

KEY_ROLE = Qt.ItemDataRole.UserRole
PENDING_REFRESH_MS = 30_000
NAV_STYLE = """
QListWidget#navigation { font-size: 11pt; }
QListWidget#navigation::item { padding: 8px 10px; }
QListWidget#navigation:focus { border: 2px solid #1565c0; }
"""


class PlaceholderView(QWidget):
    """Keeps a navigation slot until the part that fills it is installed."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(self.tr("« {0} » n'est pas encore disponible sur ce poste.").format(title))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)


class LazyView(QWidget):
    """Builds its view the first time it is shown, so that a costly view (the bin counts
    every tombstone) does not delay the start; the view follows `ctx.data_changed` itself."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.view: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.view is None:
            self.view = self._factory()
            self._layout.addWidget(self.view)
            self.setFocusProxy(self.view)
        return self.view

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)

    def refresh(self) -> None:
        refresh = getattr(self.view, "refresh", None)
        if callable(refresh):
            refresh()


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The application's display name follows (Qt adds it): the title only names the view.
        self.setWindowTitle(self.tr("Agenda"))
        self.setStyleSheet(NAV_STYLE)
        self._views: dict[str, QWidget] = {}
        # Unsent changes as last read (None until the first read lands); reads run in a pool
        # and may land out of order, so each carries a number and an older one is dropped.
        self.pending_count: int | None = None
        self._status_asked = 0
        self._status_shown = 0
        self._sync_queued = False

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setMinimumWidth(self.fontMetrics().horizontalAdvance("Synchronisation") + 60)
        self.navigation.setMaximumWidth(260)
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([200, 1000])
        self.setCentralWidget(splitter)
        self.navigation.currentRowChanged.connect(self._row_changed)

        # Before the views follow the same signal: the status bar's recount is read first.
        ctx.data_changed.connect(self.refresh_pending)
        self._build_menus()
        self._build_status_bar()
        self._install_own_views()
        self._restore()

        ctx.venue_changed.connect(self._show_venue)
        self._pending_timer = QTimer(self)
        self._pending_timer.setInterval(PENDING_REFRESH_MS)
        self._pending_timer.timeout.connect(self.refresh_pending)
        self._pending_timer.start()
        self.refresh_pending()
        self._show_venue()

    # ---- views ------------------------------------------------------------------
    def _install_own_views(self) -> None:
        from stpaul_field.ui.activities_view import ActivitiesView
        from stpaul_field.ui.agenda.agenda_view import AgendaView
        from stpaul_field.ui.bin_view import BinView
        from stpaul_field.ui.register.view import RegisterView
        from stpaul_field.ui.reports_view import ReportsView

        self.agenda = AgendaView(self.ctx)
        self.activities = ActivitiesView(self.ctx)
        self.register = RegisterView(self.ctx)
        self.bin = LazyView(lambda: BinView(self.ctx))
        self.add_view("agenda", self.tr("Agenda"), self.agenda)
        self.add_view("beneficiaries", self.tr("Bénéficiaires"), self.register)
        self.add_view("activities", self.tr("Activités"), self.activities)
        self.add_view("reports", self.tr("Rapports"), LazyView(lambda: self._reports_view(ReportsView)))
        self.add_view("sync", self.tr("Synchronisation"), self._sync_view())
        self.add_view("bin", self.tr("Corbeille"), self.bin)
        self.register.activityRequested.connect(self.open_activity)

    def _reports_view(self, factory: Callable[..., Any]) -> QWidget:
        view = factory(self.ctx)
        view.awaitingAttendanceRequested.connect(self.show_awaiting_attendance)
        return view

    def show_awaiting_attendance(
        self, first_day: dt.date | None = None, last_day: dt.date | None = None
    ) -> None:
        """The Activités list on the workshops whose attendance is to be marked (all time by default)."""
        self.show_view("activities")
        self.activities.show_awaiting_attendance(first_day or dt.date(2000, 1, 1), last_day or i18n.today())

    def remind_awaiting_attendance(self) -> None:
        """On the first start of the day: the advisor's workshops awaiting attendance."""
        from stpaul_field.ui import attendance_reminder

        attendance_reminder.remind(self, self.ctx, self.show_awaiting_attendance)

    def _sync_view(self) -> QWidget:
        if self.ctx.paths is None:  # a window over a bare store (benchmarks): nothing to sync with
            self._sync_lazy: LazyView | None = None
            return PlaceholderView(self.tr("Synchronisation"))
        # Built once the window has painted: its imports (HTTP, the sync files' cryptography)
        # are a fifth of a start, and nothing of it is needed to see the agenda.
        self._sync_lazy = LazyView(self._build_sync_panel)
        return self._sync_lazy

    def _build_sync_panel(self) -> QWidget:
        from stpaul_field.ui.sync_panel import SyncPanel

        panel = SyncPanel(self.ctx)
        panel.status_changed.connect(self.set_sync_status)
        self.file_menu.insertAction(self._sync_menu_anchor, panel.sync_action)
        return panel

    @property
    def sync_panel(self) -> SyncPanel | None:
        """The « Synchronisation » view, built now if it is not yet (None over a bare store)."""
        return None if self._sync_lazy is None else self._sync_lazy.build()  # type: ignore[return-value]

    def _built_sync_panel(self) -> SyncPanel | None:
        return None if self._sync_lazy is None else self._sync_lazy.view  # type: ignore[return-value]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._sync_lazy is not None and self._sync_lazy.view is None and not self._sync_queued:
            self._sync_queued = True  # the first frame is drawn: the sync view comes next
            QTimer.singleShot(0, self._sync_lazy.build)

    def open_activity(self, activity_id: object) -> QWidget | None:
        from stpaul_field.ui.activity_form import open_activity

        return open_activity(self.ctx, activity_id, self)  # type: ignore[arg-type]

    def add_view(self, key: str, title: str, widget: QWidget, icon: QIcon | None = None) -> None:
        """Add a view to the navigation, or replace the one (or placeholder) with this key."""
        old = self._views.get(key)
        if old is not None:
            index = self.stack.indexOf(old)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            item = self.navigation.item(index)
            item.setText(title)
            if icon is not None:
                item.setIcon(icon)
            if self.navigation.currentRow() == index:
                self.stack.setCurrentWidget(widget)
        else:
            self.stack.addWidget(widget)
            item = QListWidgetItem(title)
            if icon is not None:
                item.setIcon(icon)
            item.setData(KEY_ROLE, key)
            self.navigation.addItem(item)
            # Ctrl+1… Ctrl+9 go to the views in their order.
            number = self.navigation.count()
            if number <= 9:
                action = QAction(title, self)
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
                action.triggered.connect(lambda _=False, k=key: self.show_view(k, focus=True))
                self.view_menu.addAction(action)
        self._views[key] = widget

    def view(self, key: str) -> QWidget | None:
        return self._views.get(key)

    def show_view(self, key: str, focus: bool = False) -> None:
        """Show a view; with `focus` (Ctrl+1…9) the keyboard goes to the view's main control,
        its focus proxy (the list of Activités, the register's search), if it has one."""
        widget = self._views.get(key)
        if widget is not None:
            self.navigation.setCurrentRow(self.stack.indexOf(widget))
            if focus and widget.focusProxy() is not None:
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_view_key(self) -> str:
        item = self.navigation.currentItem()
        return item.data(KEY_ROLE) if item else ""

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        widget = self.stack.widget(row)
        self.stack.setCurrentWidget(widget)
        self.setWindowTitle(self.navigation.item(row).text())
        activated = getattr(widget, "activated", None)
        if callable(activated):
            activated()

    # ---- menus --------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        new_individual = file_menu.addAction(self.tr("Nouvel &accompagnement…"))
        new_individual.setShortcut(QKeySequence("Ctrl+N"))
        new_individual.triggered.connect(lambda: self.new_activity("individual"))
        new_workshop = file_menu.addAction(self.tr("Nouvel a&telier…"))
        new_workshop.setShortcut(QKeySequence("Ctrl+Shift+N"))
        new_workshop.triggered.connect(lambda: self.new_activity("workshop"))
        sheets = file_menu.addAction(self.tr("Feuilles d'é&margement du jour…"))
        sheets.setShortcut(QKeySequence("Ctrl+P"))
        sheets.triggered.connect(lambda: self.agenda.print_day_sheets())
        blank = file_menu.addAction(self.tr("Feuille d'émargement vier&ge…"))
        blank.triggered.connect(self.open_blank_sheet)
        self._sync_menu_anchor = file_menu.addSeparator()  # « Synchroniser maintenant » goes above
        prefs = file_menu.addAction(self.tr("&Paramètres…"))
        prefs.setShortcut(QKeySequence("Ctrl+,"))
        prefs.triggered.connect(self.open_settings)
        venues = file_menu.addAction(self.tr("&Lieux d'activité…"))
        venues.triggered.connect(self.open_venues)
        backups = file_menu.addAction(self.tr("Sa&uvegardes…"))
        backups.triggered.connect(self.open_backups)
        backups.setEnabled(self.ctx.paths is not None)
        self.lock_action = file_menu.addAction(self.tr("&Verrouiller le poste"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setEnabled(False)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quitter"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.view_menu = self.menuBar().addMenu(self.tr("&Affichage"))
        help_menu = self.menuBar().addMenu(self.tr("Ai&de"))
        help_page = help_menu.addAction(self.tr("&Aide…"))
        help_page.setShortcut(QKeySequence("F1"))
        help_page.triggered.connect(self.open_help)
        about = help_menu.addAction(self.tr("À &propos de l'application…"))
        about.triggered.connect(self.open_about)
        about.setEnabled(self.ctx.paths is not None)

    def install_lock(self, lock: QObject) -> None:
        """The window lock (see `ui.lock`): on demand with Ctrl+L, and when idle."""
        self.lock = lock
        self.lock_action.triggered.connect(lock.lock)
        self.lock_action.setEnabled(True)

    def new_activity(self, kind: str) -> QWidget:
        from stpaul_field.ui.activity_form import new_activity

        return new_activity(self.ctx, kind, self)

    def open_about(self) -> QWidget | None:
        from stpaul_field.ui.about import show_about

        return show_about(self, self.ctx.paths) if self.ctx.paths is not None else None

    def open_venues(self) -> QWidget:
        from stpaul_field.ui.venues_dialog import show_venues

        return show_venues(self.ctx, self)

    def open_help(self) -> QWidget:
        from stpaul_field.ui.help_dialog import show_help

        return show_help(self)

    def open_blank_sheet(self) -> QWidget:
        from stpaul_field.ui.blank_sheet_dialog import show_blank_sheet

        return show_blank_sheet(self.ctx, self)

    def open_backups(self) -> QWidget:
        from stpaul_field.ui.backups_dialog import show_backups

        return show_backups(self.ctx, self)

    def open_settings(self) -> None:
        from stpaul_field.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).open()

    # ---- status bar ---------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.sync_status = QLabel()
        self.sync_status.setAccessibleName(self.tr("État de la synchronisation"))
        self.venue_button = QToolButton()
        self.venue_button.setAutoRaise(True)
        self.venue_button.setToolTip(self.tr("Changer le lieu où je travaille"))
        self.venue_button.clicked.connect(self.open_settings)
        bar.addWidget(self.sync_status, 1)
        bar.addPermanentWidget(self.venue_button)

    def set_sync_status(self, text: str) -> None:
        self.sync_status.setText(text)

    def refresh_pending(self) -> None:
        """Re-read the sync status (unsent changes, offline, errors) for the status bar."""
        self._status_asked += 1
        asked = self._status_asked
        self.ctx.read(read_status, lambda status: self._show_status(status, asked), owner=self)

    def _show_status(self, status: SyncStatus, asked: int) -> None:
        if asked < self._status_shown:
            return  # a newer read already landed: this one would show a stale count
        self._status_shown = asked
        self.pending_count = status.pending
        panel = self._built_sync_panel()
        if panel is not None and panel.running:
            return  # the running sync's progress has the status bar until it ends
        self.set_sync_status(describe(status, i18n.now(), i18n.message))

    def _show_venue(self) -> None:
        venue_id = self.ctx.venue_id
        name = None
        if venue_id is not None:
            name = self.ctx.read_now(lambda s: getattr(s.get(Venue, venue_id), "name", None))
        self.venue_button.setText(
            self.tr("Lieu : {0}").format(name) if name else self.tr("Choisir mon lieu de travail…")
        )

    # ---- remembering ------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.ctx.settings.get(st.WINDOW_GEOMETRY)
        restored = bool(geometry) and self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        # Restored from a bigger screen (or never saved): brought inside the current one.
        fit_to_screen(self, None if restored else QSize(1200, 780))
        # The day starts on the agenda (today); otherwise where the advisor left off.
        last = self.ctx.settings.get(st.LAST_VIEW)
        self.show_view(last if last in self._views else "agenda")

    def save_state(self) -> None:
        self.ctx.settings.set(st.WINDOW_GEOMETRY, bytes(self.saveGeometry().toBase64()).decode("ascii"))
        self.ctx.settings.set(st.LAST_VIEW, self.current_view_key())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        panel = self._built_sync_panel()
        if panel is not None:
            panel.shutdown()  # before the store closes: a sync writes to it
        super().closeEvent(event)
