"""Aperçu, Imprimer, Enregistrer en PDF from the UI, with the dialogs answered by the test."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from stpaul_field.documents.sheet_batch import load_sheets
from stpaul_field.settings import WALKIN_ROWS, Settings
from stpaul_field.store.database import Store
from stpaul_field.ui import printing
from stpaul_field.ui.context import AppContext
from tests.sheet_factory import add_workshop, people

DAY = dt.date(2026, 11, 23)


@pytest.fixture
def settings(store: Store) -> Settings:
    s = Settings(store.paths.settings_file)
    s.set(WALKIN_ROWS, 3)
    return s


@pytest.fixture
def parent(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, *a: shown.append(text))
    return shown


def pdf_text(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages]


def test_save_pdf_asks_where_and_adds_the_extension(
    parent: QWidget, store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wid = add_workshop(store, people(2), title="Découvrir la tablette")
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "feuille"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    written = printing.save_sheets_pdf(parent, AppContext(store, settings), [wid])
    assert written == tmp_path / "feuille.pdf"
    assert Path(asked[0]).name == "emargement-2026-11-23-decouvrir-la-tablette.pdf"
    (text,) = pdf_text(written)
    assert "Découvrir la tablette" in text and "2 inscrits" in text
    # The walk-in rows follow the setting: 3 after the 2 registered people.
    assert "Participants non inscrits" in text and " 5 " in text and " 6 " not in text


def test_save_cancelled_in_the_file_dialog_writes_nothing(
    parent: QWidget, store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wid = add_workshop(store, people(1))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert printing.save_sheets_pdf(parent, AppContext(store, settings), [wid]) is None


def test_unknown_workshop_is_said_in_french(
    parent: QWidget, store: Store, settings: Settings, tmp_path: Path, messages: list[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert printing.save_sheets_pdf(parent, AppContext(store, settings), [uuid.uuid4()], out) is None
    assert printing.day_sheets(parent, AppContext(store, settings), dt.date(2026, 12, 25), "pdf", out) is None
    assert messages[0].startswith("Aucun atelier ne porte l'identifiant")
    assert messages[1] == "Aucun atelier prévu le vendredi 25/12/2026."
    assert not out.exists()


def test_print_goes_to_the_chosen_printer_as_one_job(
    parent: QWidget, store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = add_workshop(store, people(2), title="Premier")
    second = add_workshop(store, people(40), title="Second")
    out = tmp_path / "printer.pdf"

    def pdf_printer(_landscape: bool = False) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(printing, "new_printer", pdf_printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Accepted)
    assert printing.print_sheets(parent, AppContext(store, settings), [first, second])
    pages = pdf_text(out)
    assert len(pages) >= 3
    assert "Premier" in pages[0] and "Page 1/1" in pages[0]
    assert "Second" in pages[1] and "Page 1/" in pages[1]


def test_print_dialog_cancelled_prints_nothing(
    parent: QWidget, store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    wid = add_workshop(store, people(1))
    painted: list[object] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.DialogCode.Rejected)
    monkeypatch.setattr(printing, "paint", lambda *a, **k: painted.append(a) or 1)
    assert not printing.print_sheets(parent, AppContext(store, settings), [wid])
    assert painted == []


def test_preview_shows_every_page_of_the_batch(
    qtbot, parent: QWidget, store: Store, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    ids = [add_workshop(store, people(n), title=f"Atelier {n}") for n in (0, 30)]
    sheets = load_sheets(store, settings, ids)
    dialog = printing.preview_dialog(parent, sheets, printing.sheet_look(settings))
    qtbot.addWidget(dialog)
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() > 0)
    # One page for the empty workshop, three for thirty people (as in the PDF).
    assert preview.pageCount() == 1 + 3
    dialog.close()


def test_day_batch_in_one_pdf_with_progress_that_can_cancel(
    parent: QWidget, store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for hour in range(8, 8 + printing.PROGRESS_FROM + 1):
        add_workshop(store, people(3), title=f"Atelier de {hour}h", day=DAY, start=dt.time(hour, 0))
    out = tmp_path / "jour.pdf"
    assert printing.day_sheets(parent, AppContext(store, settings), DAY, "pdf", out) == out
    pages = pdf_text(out)
    assert len(pages) == printing.PROGRESS_FROM + 1
    assert [p.split("Atelier de ")[1].split("h")[0] for p in pages] == [str(h) for h in range(8, 13)]
    # Cancelling the progress dialog leaves no file behind.
    out.unlink()
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert printing.day_sheets(parent, AppContext(store, settings), DAY, "pdf", out) is None
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []


def test_a_blank_sheet_for_an_unplanned_workshop_from_the_app(ctx, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QDate

    from stpaul_field.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    [action] = [a for a in window.file_menu.actions() if a.text() == "Feuille d'émargement vier&ge…"]
    action.trigger()
    [dialog] = [w for w in window.findChildren(QWidget) if w.windowTitle() == "Feuille d'émargement vierge"]
    # A mistyped time is said in French, and nothing is printed.
    dialog.title.setText("Atelier imprévu")
    dialog.start.setText("midi")
    assert dialog.deliver("pdf", tmp_path / "x.pdf") is None and not (tmp_path / "x.pdf").exists()
    assert "Heure non comprise" in dialog.error.text()
    dialog.start.setText("1430")
    dialog.end.setText("14")
    assert dialog.deliver("pdf", tmp_path / "x.pdf") is None
    assert "L'heure de fin doit suivre l'heure de début." in dialog.error.text()
    dialog.end.setText("16h")
    dialog.day.setDate(QDate(2026, 11, 23))
    # A place that is not yet a venue of the city: written by hand.
    dialog.venue.setCurrentIndex(0)
    assert dialog.other_venue.isEnabled()
    dialog.other_venue.setText("Case de Mme Payet, Aurère")
    written = dialog.deliver("pdf", tmp_path / "vierge.pdf")
    assert written == tmp_path / "vierge.pdf"
    (text,) = pdf_text(written)
    assert "Atelier imprévu" in text and "Case de Mme Payet, Aurère" in text
    assert "Feuille vierge" in text and "14h30 – 16h00" in text and "lundi 23/11/2026" in text
    # A known venue brings its bassin de vie, and the free text is then off.
    dialog.venue.setCurrentIndex(1)
    assert not dialog.other_venue.isEnabled()
    (text,) = pdf_text(dialog.deliver("pdf", tmp_path / "vierge2.pdf"))
    assert "bassin de vie" in text
