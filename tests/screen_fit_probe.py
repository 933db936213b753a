"""Opens every window and dialog of the app on a screen of a given size; prints what overflows.

Run by `tests/ui/test_screen_fit.py` in a subprocess, because Qt's offscreen screen has one
size for the life of a process: `python tests/screen_fit_probe.py 1024x600` prints one JSON
object per window (its name, the screen, the window's frame, the buttons that are cut off).
A button inside a scroll area is not checked (it can be scrolled to); any other shown button
must lie inside the window and the window inside the screen's available geometry.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def screen_config(width: int, height: int) -> str:
    """An offscreen screen of this size (Qt's offscreen plugin reads it from a JSON file)."""
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path = Path(tempfile.mkdtemp(prefix="stpaul-screen-")) / "screen.json"
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return str(path)


def main() -> int:
    width, height = (int(n) for n in sys.argv[1].split("x"))
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_config(width, height)}"
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    for report in probe(app):
        print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0


def probe(app) -> Iterator[dict]:
    from PySide6.QtWidgets import QWidget
    from sqlalchemy import select

    from stpaul_field import settings as st
    from stpaul_field.documents.sheet_batch import load_sheets, sheet_look
    from stpaul_field.paths import AppPaths
    from stpaul_field.store import activities as acts
    from stpaul_field.store import beneficiaries as reg
    from stpaul_field.store.database import Store
    from stpaul_field.store.demo import seed
    from stpaul_field.store.models import Activity, Beneficiary
    from stpaul_field.ui import i18n, tasks
    from stpaul_field.ui.about import AboutDialog
    from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
    from stpaul_field.ui.activity_form.attendance import AttendanceDialog
    from stpaul_field.ui.activity_form.workshop import WorkshopForm
    from stpaul_field.ui.app import configure
    from stpaul_field.ui.backups_dialog import BackupsDialog
    from stpaul_field.ui.blank_sheet_dialog import BlankSheetDialog
    from stpaul_field.ui.context import AppContext
    from stpaul_field.ui.help_dialog import HelpDialog
    from stpaul_field.ui.lock import SecretDialog
    from stpaul_field.ui.main_window import MainWindow
    from stpaul_field.ui.printing import preview_dialog
    from stpaul_field.ui.register.activity_import_dialog import ActivityImportDialog
    from stpaul_field.ui.register.columns_dialog import ColumnsDialog
    from stpaul_field.ui.register.duplicates import DuplicateDialog
    from stpaul_field.ui.register.editor import BeneficiaryDialog
    from stpaul_field.ui.register.import_dialog import ImportDialog
    from stpaul_field.ui.register.merge import MergeDialog
    from stpaul_field.ui.series_dialog import JoinSeriesDialog, SeriesDialog
    from stpaul_field.ui.settings_dialog import SettingsDialog
    from stpaul_field.ui.venues_dialog import VenueEditor, VenuesDialog
    from stpaul_field.ui.widgets.beneficiary_picker import QuickCreateDialog

    configure(app)
    i18n.install(app, os.environ.get("STPAUL_PROBE_LANGUAGE", "fr"))
    paths = AppPaths.under(tempfile.mkdtemp(prefix="stpaul-probe-"))
    store = Store.open(paths, passphrase="phrase de la sonde d'écran")
    seed(store, 60, 120, today=i18n.today())
    ctx = AppContext(store, st.Settings(paths.settings_file), paths)
    with store.reader() as s:
        workshop = s.scalars(select(Activity.id).where(Activity.type == "workshop")).first()
        first = s.scalars(select(Beneficiary).where(Beneficiary.anonymous.is_(False))).first()
    with store.session() as s:
        twin = acts.create_beneficiary(s, first.first_name, first.last_name)
    with store.reader() as s:
        candidates = reg.duplicate_candidates(s, reg.data_of(first))

    def settle() -> None:
        tasks.wait_until_settled(10_000)
        for _ in range(5):
            app.processEvents()

    def check(name: str, widget: QWidget) -> dict:
        widget.show()
        settle()
        report = fit_report(name, widget)
        widget.close()
        settle()
        return report

    window = MainWindow(ctx)
    window.show()
    for key in ("agenda", "beneficiaries", "activities", "reports", "sync", "bin"):
        window.show_view(key)
        settle()
        yield fit_report(f"fenêtre principale, vue {key}", window)
    window.close()
    settle()

    # Saved on a bigger screen, reopened on this one: the window comes back inside it.
    big = MainWindow(ctx)
    big.setGeometry(300, 200, 1900, 1100)
    saved = bytes(big.saveGeometry().toBase64()).decode("ascii")
    big.deleteLater()
    ctx.settings.set(st.WINDOW_GEOMETRY, saved)
    yield check("fenêtre principale rouverte (taille d'un plus grand écran)", MainWindow(ctx))

    dialogs: list[tuple[str, Callable[[], QWidget]]] = [
        ("accompagnement", lambda: AccompanimentForm(ctx)),
        ("atelier", lambda: WorkshopForm(ctx)),
        ("atelier existant", lambda: WorkshopForm(ctx, workshop)),
        ("nouveau cycle d'ateliers", lambda: SeriesDialog(ctx, sessions=6)),
        ("inscription au cycle", lambda: JoinSeriesDialog(ctx, uuid.uuid4())),
        ("émargement", lambda: AttendanceDialog(ctx, workshop)),
        (
            "aperçu d'impression",
            lambda: preview_dialog(
                None, load_sheets(store, ctx.settings, [workshop]), sheet_look(ctx.settings)
            ),
        ),
        ("fiche bénéficiaire", lambda: BeneficiaryDialog(ctx)),
        ("fiche existante", lambda: BeneficiaryDialog(ctx, first.id)),
        ("doublons", lambda: DuplicateDialog(candidates)),
        ("fusion", lambda: MergeDialog(ctx, first.id, twin)),
        ("import de bénéficiaires", lambda: ImportDialog(ctx)),
        ("import d'activités", lambda: ActivityImportDialog(ctx)),
        ("colonnes du fichier", lambda: ColumnsDialog([f"Colonne {n}" for n in range(1, 30)], {})),
        ("nouveau bénéficiaire rapide", lambda: QuickCreateDialog(ctx, "Payet Hélène")),
        ("sauvegardes", lambda: BackupsDialog(ctx)),
        ("feuille vierge", lambda: BlankSheetDialog(ctx)),
        ("aide", lambda: HelpDialog()),
        ("lieux d'activité", lambda: VenuesDialog(ctx)),
        ("lieu", lambda: VenueEditor(ctx)),
        ("paramètres", lambda: SettingsDialog(ctx)),
        ("à propos", lambda: AboutDialog(paths)),
        ("phrase de passe", lambda: passphrase_dialog(SecretDialog)),
    ]
    for name, make in dialogs:
        yield check(name, make())
    store.close()


def passphrase_dialog(dialog_class):
    """The first start's dialog, with its longest texts (the app's own, from the launcher)."""
    from stpaul_field.paths import AppPaths
    from stpaul_field.settings import Settings
    from stpaul_field.ui.app import Launcher

    paths = AppPaths.under(tempfile.mkdtemp(prefix="stpaul-probe-new-"))
    launcher = Launcher(paths, Settings(paths.settings_file), ask_venue=False)
    launcher.ask_passphrase("La phrase de passe doit compter au moins 8 caractères.")
    dialog = launcher.dialog
    assert isinstance(dialog, dialog_class)
    dialog.launcher_kept = launcher
    return dialog


def fit_report(name: str, window) -> dict:
    """Where the window is against its screen's available geometry, and which buttons are cut."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea

    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    cut: list[str] = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        if _inside_scroll_area(button, window, QAbstractScrollArea):
            continue
        # The part of the button its ancestors let through, on the screen.
        shown = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        widget = button.parentWidget()
        while widget is not None:
            shown &= QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
            if widget is window:
                break
            widget = widget.parentWidget()
        shown &= screen
        if shown.size() != button.size():
            cut.append(button.text().replace("&", "") or button.toolTip() or button.objectName() or "?")
    return {
        "name": name,
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "fits": screen.contains(frame),
        "cut_buttons": cut,
        "shared_mnemonics": shared_mnemonics(window),
    }


def mnemonic(text: str) -> str | None:
    """The letter after a single « & » (Alt+letter), « && » being a literal ampersand."""
    i = 0
    while (i := text.find("&", i)) != -1 and i + 1 < len(text):
        if text[i + 1] != "&":
            return text[i + 1].casefold()
        i += 2
    return None


def shared_mnemonics(window) -> dict[str, list[str]]:
    """Alt+letters that two controls of the window answer to (Qt then activates neither: the
    first press only moves the focus, an advisor's Alt+H lands on the wrong field). Controls a
    form shows on demand (an anonymous person's fields, « Autre lieu »'s commune) count, as
    they can be on screen together; the other pages of a stack or tab widget do not."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QGroupBox,
        QLabel,
        QMenuBar,
        QStackedWidget,
        QTabBar,
        QWidget,
    )

    def on_the_current_page(widget: QWidget) -> bool:
        child, parent = widget, widget.parentWidget()
        while parent is not None and child is not window:
            if isinstance(parent, QStackedWidget) and parent.currentWidget() is not child:
                return False
            child, parent = parent, parent.parentWidget()
        return True

    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not on_the_current_page(widget):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        elif isinstance(widget, QMenuBar):
            texts += [a.text() for a in widget.actions() if a.isVisible()]
    by_letter: dict[str, list[str]] = {}
    for text in texts:
        if letter := mnemonic(text):
            by_letter.setdefault(letter, []).append(text.replace("&", ""))
    return {letter: names for letter, names in sorted(by_letter.items()) if len(names) > 1}


def _inside_scroll_area(widget, window, scroll_class) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, scroll_class) and not isinstance(widget, scroll_class):
            return True
        parent = parent.parentWidget()
    return False


if __name__ == "__main__":
    sys.exit(main())
