"""Aperçu, Imprimer, Enregistrer en PDF: the attendance sheets from the workshop form and the agenda.

Each entry point takes the ids of the workshops (or a day), reads them from the store,
then previews, prints or saves them as one document. The drawing is the same as the
headless PDF (`documents.attendance_sheet`); batches of more than a few sheets show a
progress dialog (the painting itself must happen on the UI thread for a printer).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSize, QStandardPaths, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget
from sqlalchemy.orm import Session

from stpaul_field.documents.attendance_sheet import (
    DOCUMENT_TITLE,
    SheetLook,
    a4_layout,
    is_cycle,
    render_sheets,
)
from stpaul_field.documents.sheet_batch import cycle_of, day_of, save_pdf, sheet_look, sheets_of
from stpaul_field.documents.sheet_data import SheetData, SheetError
from stpaul_field.domain.text import fold
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.screen_fit import fit_to_screen

Action = Literal["preview", "print", "pdf"]
Sheets = Sequence[SheetData]
# Above this many sheets, printing and saving show their progress.
PROGRESS_FROM = 4


def preview_sheets(parent: QWidget | None, ctx: AppContext, activity_ids: Sequence[uuid.UUID]) -> bool:
    """Aperçu: the print preview dialog, from which the advisor can also print."""
    sheets = _load(parent, ctx, lambda s: sheets_of(s, ctx.settings, activity_ids))
    return bool(sheets) and show_preview(parent, sheets, sheet_look(ctx.settings))


def print_sheets(parent: QWidget | None, ctx: AppContext, activity_ids: Sequence[uuid.UUID]) -> bool:
    """Imprimer: the system print dialog, then one print job for all the sheets."""
    sheets = _load(parent, ctx, lambda s: sheets_of(s, ctx.settings, activity_ids))
    return bool(sheets) and print_with_dialog(parent, sheets, sheet_look(ctx.settings))


def save_sheets_pdf(
    parent: QWidget | None,
    ctx: AppContext,
    activity_ids: Sequence[uuid.UUID],
    path: str | Path | None = None,
) -> Path | None:
    """Enregistrer en PDF: asks where (unless `path` is given); returns the file written."""
    sheets = _load(parent, ctx, lambda s: sheets_of(s, ctx.settings, activity_ids))
    return save_with_dialog(parent, sheets, sheet_look(ctx.settings), path) if sheets else None


def day_sheets(
    parent: QWidget | None,
    ctx: AppContext,
    day: dt.date,
    action: Action,
    path: str | Path | None = None,
) -> bool | Path | None:
    """Every workshop of a day in one preview, one print job or one PDF (from the agenda)."""
    sheets = _load(parent, ctx, lambda s: day_of(s, ctx.settings, day))
    if not sheets:
        return None
    return deliver(parent, sheets, sheet_look(ctx.settings), action, path)


def cycle_sheet(
    parent: QWidget | None,
    ctx: AppContext,
    series_id: uuid.UUID,
    action: Action,
    path: str | Path | None = None,
) -> bool | Path | None:
    """A series' cycle sheet (one row per person, a signature box per session)."""
    sheets = _load(parent, ctx, lambda s: cycle_of(s, ctx.settings, series_id))
    if not sheets:
        return None
    return deliver(parent, sheets, sheet_look(ctx.settings), action, path)


def deliver(
    parent: QWidget | None,
    sheets: Sequence[SheetData],
    look: SheetLook,
    action: Action,
    path: str | Path | None = None,
) -> bool | Path | None:
    """Preview, print or save sheets already gathered (a blank sheet, for one)."""
    if action == "preview":
        return show_preview(parent, sheets, look)
    if action == "print":
        return print_with_dialog(parent, sheets, look)
    return save_with_dialog(parent, sheets, look, path)


# ---- the three ways out -------------------------------------------------------------


def new_printer(landscape: bool = False) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(a4_layout(landscape))
    printer.setDocName(DOCUMENT_TITLE)
    return printer


def preview_dialog(
    parent: QWidget | None, sheets: Sequence[SheetData], look: SheetLook
) -> QPrintPreviewDialog:
    printer = new_printer(is_cycle(sheets))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Aperçu – {DOCUMENT_TITLE}")
    fit_to_screen(dialog, QSize(900, 1000))
    # The dialog keeps the printer; the lambda keeps the sheets for as long as the dialog lives.
    dialog.paintRequested.connect(lambda target: paint(target, sheets, look))
    dialog.printer_kept = printer  # QPrintPreviewDialog does not own it
    return dialog


def show_preview(parent: QWidget | None, sheets: Sequence[SheetData], look: SheetLook) -> bool:
    dialog = preview_dialog(parent, sheets, look)
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted


def print_with_dialog(parent: QWidget | None, sheets: Sequence[SheetData], look: SheetLook) -> bool:
    printer = new_printer(is_cycle(sheets))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Imprimer – {DOCUMENT_TITLE}")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    return paint(printer, sheets, look, parent) > 0


def save_with_dialog(
    parent: QWidget | None, sheets: Sequence[SheetData], look: SheetLook, path: str | Path | None = None
) -> Path | None:
    if path is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, "Enregistrer en PDF", str(Path(folder) / suggested_file_name(sheets)), "PDF (*.pdf)"
        )
        if not chosen:
            return None
        path = chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf"
    target = Path(path)
    progress = _progress(parent, len(sheets))
    try:
        pages = save_pdf(target, sheets, look, progress)
    except OSError as error:
        QMessageBox.warning(
            parent, DOCUMENT_TITLE, f"Impossible d'écrire {target} : {error.strerror or error}"
        )
        return None
    finally:
        _close(progress)
    return target if pages else None


def paint(
    printer: QPrinter, sheets: Sequence[SheetData], look: SheetLook, parent: QWidget | None = None
) -> int:
    """Draw the sheets on a printer (or the preview's); returns the pages drawn, 0 if cancelled."""
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(parent, DOCUMENT_TITLE, "L'imprimante n'a pas pu démarrer l'impression.")
        return 0
    progress = _progress(parent, len(sheets)) if parent is not None else None
    cancelled = False

    def track(done: int, total: int) -> bool:
        nonlocal cancelled
        if progress is not None and progress(done, total) is False:
            cancelled = True
            printer.abort()
        return not cancelled

    try:
        pages = render_sheets(painter, printer, sheets, look, track)
    finally:
        painter.end()
        _close(progress)
    return 0 if cancelled else pages


def suggested_file_name(sheets: Sequence[SheetData]) -> str:
    """'emargement-2026-11-23-decouvrir-la-tablette.pdf', or the day's name for a batch."""
    parts = ["emargement"]
    days = {s.date for s in sheets if s.date}
    if len(days) == 1:
        parts.append(next(iter(days)).isoformat())
    if sheets and is_cycle(sheets):
        parts.append("cycle")
    if len(sheets) == 1 and sheets[0].title:
        parts.append("-".join("".join(c if c.isalnum() else " " for c in fold(sheets[0].title)).split())[:60])
    elif len(sheets) > 1:
        parts.append(f"{len(sheets)}-ateliers")
    return "-".join(parts) + ".pdf"


# ---- helpers --------------------------------------------------------------------------


def _load(
    parent: QWidget | None, ctx: AppContext, gather: Callable[[Session], list[SheetData]]
) -> list[SheetData]:
    try:
        # At once, through the context: a few reads by id, and the modal dialog that shows
        # them follows (the painting, which can be long, reports its progress).
        return ctx.read_now(gather)
    except SheetError as error:
        QMessageBox.information(parent, DOCUMENT_TITLE, str(error))
        return []


class _ProgressCallback:
    def __init__(self, dialog: QProgressDialog) -> None:
        self.dialog = dialog

    def __call__(self, done: int, total: int) -> bool:
        self.dialog.setValue(done)
        return not self.dialog.wasCanceled()


def _progress(parent: QWidget | None, total: int) -> _ProgressCallback | None:
    if total < PROGRESS_FROM:
        return None
    dialog = QProgressDialog("Préparation des feuilles d'émargement…", "Annuler", 0, total, parent)
    dialog.setWindowTitle(DOCUMENT_TITLE)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setValue(0)
    return _ProgressCallback(dialog)


def _close(progress: _ProgressCallback | None) -> None:
    if progress is not None:
        progress.dialog.close()
        progress.dialog.deleteLater()
