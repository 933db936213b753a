"""The « Rapports » view: figures computed in the background, scope and month choices, exports."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from stpaul_field.settings import ADVISOR_TARGET, CURRENT_ADVISOR, MONTHLY_TARGET, Settings
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.reports_view import ReportsView
from tests.statistics_fixture import NOV, build


def make_view(qtbot, store, paths, **settings_values):
    settings = Settings(paths.settings_file)
    for setting, value in settings_values.items():
        settings.set(
            {"current": CURRENT_ADVISOR, "team": MONTHLY_TARGET, "mine": ADVISOR_TARGET}[setting], value
        )
    view = ReportsView(AppContext(store, settings, paths))
    qtbot.addWidget(view)
    view.wait()
    return view


def shown(qtbot, view, action):
    with qtbot.waitSignal(view.reportReady, timeout=10_000) as blocker:
        action()
    view.wait()
    return blocker.args[0]


def test_team_month_figures_charts_and_tables(qtbot, store, paths):
    fx = build(store)
    view = make_view(qtbot, store, paths, team=40)
    report = shown(qtbot, view, lambda: view.set_month(*NOV))
    assert report.figures.period.label() == "novembre 2026"
    assert view.follow_ups_label.text() == "8 suivis"
    assert view.counted_label.text().startswith("Activités réalisées jusqu'au 30/11/2026")
    assert view.target_label.text() == "objectif 40"
    assert view.progress.value() == 8 and view.progress.maximum() == 40
    assert view.cards["unique"].text() == "2"
    assert view.cards["new"].text() == "1"
    assert view.cards["anonymous"].text() == "4"
    assert view.cards["activities"].text() == "3 / 3"
    # The evolution chart: twelve bars ending with November, and the target line.
    bars = view.evolution_chart.series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())][-2:] == [1, 8]
    line = view.evolution_chart.series()[1]
    assert {p.y() for p in line.points()} == {40}
    # The bassins chart lists Mafate with 4 follow-ups; the table says the same, with its share.
    bassins = view.bassin_chart.series()[0].barSets()[0]
    labels = view.bassin_chart.axes()[0].categories()
    assert bassins.at(labels.index("Mafate")) == 4
    model = view.models["by_bassin"]
    rows = {
        model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
        for r in range(model.rowCount())
    }
    assert rows["Mafate"] == ("4", "50%")
    advisors = view.models["by_advisor"]
    assert {advisors.index(r, 0).data() for r in range(advisors.rowCount())} == {
        "Alice Grondin",
        "Bruno Payet",
    }
    assert fx.alice


def test_my_figures_against_my_target(qtbot, store, paths):
    fx = build(store)
    view = make_view(qtbot, store, paths, current=str(fx.alice), mine=14)
    shown(qtbot, view, lambda: view.set_month(*NOV))
    report = shown(qtbot, view, lambda: view.set_team(False))
    assert report.figures.scope.label == "Alice Grondin"
    assert view.follow_ups_label.text() == "7 suivis"
    assert view.target_label.text() == "objectif 14"
    assert view.models["by_advisor"].rowCount() == 0


def test_export_and_pdf_from_the_view(qtbot, store, paths, tmp_path):
    build(store)
    view = make_view(qtbot, store, paths)
    shown(qtbot, view, lambda: view.set_month(*NOV))
    out = tmp_path / "activites.xlsx"
    with qtbot.waitSignal(view.exportDone, timeout=10_000) as blocker:
        view.export_to("activities", out, "xlsx")
    view.wait()
    assert blocker.args == [str(out), 8]  # 4 named accompaniments, 4 anonymous participants
    ws = load_workbook(out).active
    (table,) = ws.tables.values()  # the Coop's layout: the table under the export's blocks
    assert "Prénom du médiateur" in [c.value for c in ws[table.ref][0]]  # a team export
    pdf = tmp_path / "rapport.pdf"
    view.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_my_export_and_the_latest_choice_wins(qtbot, store, paths, tmp_path):
    fx = build(store)
    view = make_view(qtbot, store, paths, current=str(fx.bruno))
    view.set_team(False)
    view.set_month(2026, 10)
    view.set_month(*NOV)  # chosen before October's figures arrive: only November's are shown
    view.wait()
    qtbot.waitUntil(lambda: view.report is not None and view.report.figures.period.start.month == 11)
    qtbot.wait(50)
    assert view.report.figures.period.label() == "novembre 2026"
    assert view.follow_ups_label.text() == "1 suivis"
    out = tmp_path / "mes-activites.csv"
    with qtbot.waitSignal(view.exportDone, timeout=10_000) as blocker:
        view.export_to("activities", out, "csv")
    view.wait()
    assert blocker.args[1] == 1  # a7 (a4's attendance was never marked)
    header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert "Prénom du médiateur" not in header


def test_in_english_the_view_speaks_english(qtbot, qapp, store, paths):
    from stpaul_field.ui import i18n

    build(store)
    try:
        i18n.install(qapp, "en")
        view = make_view(qtbot, store, paths, team=40)
        report = shown(qtbot, view, lambda: view.set_month(*NOV))
        assert view.team_radio.text() == "The team"
        assert view.pdf_button.text() == "Save the PDF report…"
        assert view.follow_ups_label.text() == "8 follow-ups"
        assert view.target_label.text() == "target 40"
        assert view.month_box.currentText() == "November 2026"
        assert [view.tabs.tabText(i) for i in range(view.tabs.count())][:2] == ["Venues", "Themes"]
        genders = view.models["by_gender"]
        assert genders.headerData(0, Qt.Orientation.Horizontal) == "By gender"
        assert genders.headerData(1, Qt.Orientation.Horizontal) == "Follow-ups"
        shown_labels = {genders.index(r, 0).data() for r in range(genders.rowCount())}
        assert "Female" in shown_labels and "Féminin" not in shown_labels
        assert view.bassin_chart.title() == "By living area"
        # The figures themselves, and the store's French report, are the same in either language.
        assert report.figures.by_gender.title == "Par genre"
    finally:
        i18n.install(qapp, "fr")
    assert qapp.translate("ReportsView", "Mes chiffres") == "Mes chiffres"
