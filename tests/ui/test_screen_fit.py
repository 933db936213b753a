"""Every window and dialog fits the advisors' screens (1024×600 netbooks, 1366×768 laptops),
in French and in English, and each of its underlined letters (Alt+letter) reaches one control.

Qt's offscreen screen has one size per process, so each size runs `tests/screen_fit_probe.py`
in a subprocess on a screen of that size; the probe opens every window and dialog as the app
does and reports its frame and the buttons cut off by the screen or the window's edge.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import QSize, Qt

from stpaul_field.ui.reports_view import ReportsView
from stpaul_field.ui.screen_fit import fit_to_screen
from tests.statistics_fixture import NOV, build

PROBE = Path(__file__).parents[1] / "screen_fit_probe.py"
WINDOWS = {
    *(f"fenêtre principale, vue {key}" for key in ("agenda", "beneficiaries", "activities", "reports")),
    *(f"fenêtre principale, vue {key}" for key in ("sync", "bin")),
    "fenêtre principale rouverte (taille d'un plus grand écran)",
    "accompagnement",
    "atelier",
    "atelier existant",
    "nouveau cycle d'ateliers",
    "inscription au cycle",
    "émargement",
    "aperçu d'impression",
    "fiche bénéficiaire",
    "fiche existante",
    "doublons",
    "fusion",
    "import de bénéficiaires",
    "import d'activités",
    "colonnes du fichier",
    "nouveau bénéficiaire rapide",
    "sauvegardes",
    "feuille vierge",
    "aide",
    "lieux d'activité",
    "lieu",
    "paramètres",
    "à propos",
    "phrase de passe",
}


@pytest.mark.parametrize(("size", "language"), [("1024x600", "fr"), ("1366x768", "fr"), ("1024x600", "en")])
def test_every_window_and_dialog_fits_the_screen_with_its_buttons_visible(size, language):
    env = {k: val for k, val in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["STPAUL_PROBE_LANGUAGE"] = language
    run = subprocess.run(
        [sys.executable, str(PROBE), size], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr[-3000:]
    reports = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert {r["name"] for r in reports} == WINDOWS
    width, height = (int(n) for n in size.split("x"))
    for report in reports:
        assert report["screen"] == [0, 0, width, height]
    too_big = {r["name"]: r["frame"] for r in reports if not r["fits"]}
    cut = {r["name"]: r["cut_buttons"] for r in reports if r["cut_buttons"]}
    assert too_big == {}, f"plus grandes que l'écran {size} : {too_big}"
    assert cut == {}, f"boutons hors de l'écran {size} : {cut}"
    # Alt+letter reaches one control: two with the same letter make Alt only move the focus
    # between them (« Heure de début » and « Thématiques » both answered Alt+H).
    shared = {r["name"]: r["shared_mnemonics"] for r in reports if r["shared_mnemonics"]}
    assert shared == {}, f"lettres soulignées en double ({language}) : {shared}"


def test_a_window_bigger_than_the_screen_is_brought_inside_it(qtbot):
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    qtbot.addWidget(dialog)
    area = dialog.screen().availableGeometry()
    dialog.move(area.right() - 50, area.bottom() - 50)
    fit_to_screen(dialog, area.size() + QSize(400, 300))
    dialog.show()
    assert dialog.width() < area.width() and dialog.height() < area.height()
    assert area.contains(dialog.frameGeometry())
    fit_to_screen(dialog, QSize(300, 200))  # smaller than the screen: asked size, kept inside
    assert dialog.size() == QSize(300, 200)
    assert area.contains(dialog.frameGeometry())


def _months_axis(view: ReportsView) -> QBarCategoryAxis:
    return next(a for a in view.evolution_chart.axes() if isinstance(a, QBarCategoryAxis))


def test_the_twelve_months_never_overlap_in_a_narrow_chart(qtbot, store, ctx):
    build(store)
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.resize(760, 900)  # the view's share of a 1024 px window
    view.show()
    with qtbot.waitSignal(view.reportReady, timeout=10_000):
        view.set_month(*NOV)
    view.wait()
    qtbot.waitUntil(lambda: view.evolution_chart.plotArea().width() > 0)
    months = _months_axis(view)
    slot = view.evolution_chart.plotArea().width() / months.count()
    assert slot < 60  # side by side, « sept. 26 » and its neighbours would touch
    assert months.labelsAngle() == -90
    view.resize(1900, 900)  # a wide screen: the months read across again
    qtbot.waitUntil(lambda: _months_axis(view).labelsAngle() == 0)


def test_a_long_bar_label_takes_two_lines_instead_of_being_cut(qtbot, store, ctx):
    from stpaul_field.ui.reports_view import two_lines

    # On one line « Plaine – Bois de Nèfles » lost its « P » at the left edge at 1024 px.
    first, second = two_lines("Plaine – Bois de Nèfles").split("<br>")
    assert f"{first} {second}" == "Plaine – Bois de Nèfles" and max(len(first), len(second)) <= 13
    assert two_lines("Mafate") == "Mafate"
    assert two_lines("Réseaux sociaux & communication") == "Réseaux sociaux<br>&amp; communication"
    build(store)
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.resize(760, 900)
    view.show()
    with qtbot.waitSignal(view.reportReady, timeout=10_000):
        view.set_month(*NOV)
    view.wait()
    categories = view.bassin_chart.axes(Qt.Orientation.Vertical)[0].categories()
    assert "Saint-Gilles<br>les Bains" in categories and "Mafate" in categories
