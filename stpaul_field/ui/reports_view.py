"""« Rapports »: the month's follow-ups against the target, the breakdowns, charts and exports.

Figures are computed off the UI thread (through `ctx.read`, in their own store session) and
shown when they arrive; a newer request makes an older answer obsolete.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.domain.report_model import (
    SECTIONS,
    SPLITS,
    Breakdown,
    MonthlyReport,
    Period,
    add_months,
)
from stpaul_field.settings import ADVISOR_TARGET, CURRENT_ADVISOR, MONTHLY_TARGET, counting_rule
from stpaul_field.store import statistics as st
from stpaul_field.store.reference import current_advisor_id
from stpaul_field.ui import i18n, tasks
from stpaul_field.ui.context import AppContext, Changes

MONTHS_OFFERED = 24
ACCENT = QColor("#0b6e4f")
TARGET = QColor("#c0392b")
LABEL_GAP = 6  # px between two labels side by side
log = logging.getLogger(__name__)

# ---- table model -----------------------------------------------------------------------


class BreakdownModel(QAbstractTableModel):
    """One breakdown as a table: label, follow-ups, share of the follow-ups."""

    LABEL, COUNT, SHARE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.breakdown: Breakdown | None = None
        self.total = 0
        self.headers = ("", self.tr("Suivis"), self.tr("Part"))

    def set_breakdown(self, breakdown: Breakdown, total: int) -> None:
        self.beginResetModel()
        self.breakdown, self.total = breakdown, total
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.breakdown is None else len(self.breakdown.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.LABEL and self.breakdown is not None:
                return self.breakdown.title
            return self.headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.breakdown is None or not index.isValid():
            return None
        row = self.breakdown.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.LABEL:
                return row.label
            if index.column() == self.COUNT:
                return f"{row.count:,}".replace(",", "\u202f")
            return f"{row.count / self.total:.0%}" if self.total else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != self.LABEL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# ---- the view --------------------------------------------------------------------------


def _card(title: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName("card")
    frame.setStyleSheet("#card { background: #f5f8fa; border-radius: 6px; }")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 6, 10, 6)
    value = QLabel("–")
    font = QFont()
    font.setPointSize(16)
    font.setBold(True)
    value.setFont(font)
    caption = QLabel(title)
    caption.setStyleSheet("color: #6b7785;")
    layout.addWidget(value)
    layout.addWidget(caption)
    return frame, value


def _month_text(month: dt.date) -> str:
    """« novembre 2026 » in the UI's language (the locale `ui.i18n.install` chose)."""
    return f"{QLocale().standaloneMonthName(month.month)} {month.year}"


def _short_month_text(month: dt.date) -> str:
    return f"{QLocale().standaloneMonthName(month.month, QLocale.FormatType.ShortFormat)} {month:%y}"


def _reset_chart(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def _bars(series: QAbstractBarSeries, name: str, counts: list[int]) -> QAbstractBarSeries:
    """One set of bars in the accent colour, each with its count written on it."""
    bars = QBarSet(name)
    bars.setColor(ACCENT)
    for n in counts:
        bars.append(n)
    series.append(bars)
    series.setLabelsVisible(True)
    return series


def _category_axis(labels: list[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setTruncateLabels(False)
    axis.setLabelsFont(_small_font())
    return axis


WRAP_AT = 20  # characters: a longer category label takes two lines


def two_lines(label: str) -> str:
    """A long label broken at the space nearest its middle (Qt Charts reads it as rich text).
    On one line, « Plaine – Bois de Nèfles » was cut at the chart's edge on a 1024 px screen:
    a bar chart's category axis gets at most a share of the chart's width."""
    spaces = [i for i, c in enumerate(label) if c == " "]
    if len(label) <= WRAP_AT or not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{html.escape(label[:cut])}<br>{html.escape(label[cut + 1 :])}"


def _count_axis(highest: int) -> QValueAxis:
    """From 0 to a round number a little above `highest` (room for the bars' labels)."""
    axis = QValueAxis()
    axis.setRange(0, max(highest, 1) * 1.15)
    axis.applyNiceNumbers()
    axis.setLabelFormat("%d")
    return axis


def _small_font() -> QFont:
    font = QFont()
    font.setPointSize(8)
    return font


def _chart_view(title: str) -> tuple[QChartView, QChart]:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view, chart


class ReportsView(QWidget):
    """The « Rapports » screen. `reportReady` is emitted when new figures are shown."""

    reportReady = Signal(object)
    exportDone = Signal(str, int)
    failed = Signal(str)
    # The link « N ateliers sans émargement »: the Activités list on them (first day, last day).
    awaitingAttendanceRequested = Signal(object, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.settings = ctx, ctx.settings
        self.report: MonthlyReport | None = None
        self._latest_report = 0  # the figures request whose answer is the one to show
        self._build()
        ctx.follow(self, self.concerns, self.refresh)
        self.refresh()

    # -- layout

    def _build(self) -> None:
        # Each breakdown's title in the UI's language (the store's are French, for the PDF);
        # the splits and their sections are declared once, in `report_model.SPLITS`.
        self.titles = {split.key: i18n.text(split.title) for split in SPLITS}
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        title = QLabel(self.tr("Rapports"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        bar.addWidget(title)
        bar.addSpacing(16)
        self.month_radio = QRadioButton(self.tr("Mois"))
        self.period_radio = QRadioButton(self.tr("Période"))
        self.month_radio.setChecked(True)
        self.month_box = QComboBox()
        today = dt.date.today().replace(day=1)
        for i in range(MONTHS_OFFERED):
            month = add_months(today, -i)
            self.month_box.addItem(_month_text(month), month)
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.start_edit.setDate(QDate(today.year, today.month, 1))
        self.end_edit.setDate(QDate.currentDate())
        bar.addWidget(self.month_radio)
        bar.addWidget(self.month_box)
        bar.addWidget(self.period_radio)
        bar.addWidget(QLabel(self.tr("du")))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("au")))
        bar.addWidget(self.end_edit)
        self.status = QLabel("")
        self.status.setStyleSheet("color: #6b7785;")
        self.status.setWordWrap(True)  # its width never pushes the buttons off a small screen
        bar.addSpacing(16)
        bar.addWidget(self.status, 1)
        outer.addLayout(bar)
        # Scope and actions on a second row: one row of everything needed 1050 px (issue 15).
        actions = QHBoxLayout()
        self.mine_radio = QRadioButton(self.tr("Mes chiffres"))
        self.team_radio = QRadioButton(self.tr("L'équipe"))
        self.team_radio.setChecked(True)
        scope_group = QButtonGroup(self)
        scope_group.addButton(self.mine_radio)
        scope_group.addButton(self.team_radio)
        kind_group = QButtonGroup(self)
        kind_group.addButton(self.month_radio)
        kind_group.addButton(self.period_radio)
        actions.addWidget(self.mine_radio)
        actions.addWidget(self.team_radio)
        actions.addSpacing(16)
        self.export_activities_button = QPushButton(self.tr("Exporter les activités…"))
        self.export_beneficiaries_button = QPushButton(self.tr("Exporter les bénéficiaires…"))
        self.pdf_button = QPushButton(self.tr("Enregistrer le rapport PDF…"))
        actions.addStretch(1)
        for button in (self.export_activities_button, self.export_beneficiaries_button, self.pdf_button):
            actions.addWidget(button)
        outer.addLayout(actions)
        # What the figures hold (only what happened, `domain.counting`), said above them.
        self.counted_label = QLabel("")
        self.counted_label.setWordWrap(True)
        # Workshops whose attendance nobody marked: their people are not in the figures.
        self.awaiting_label = QLabel("")
        self.awaiting_label.setStyleSheet("color: #b45309;")
        self.awaiting_label.setTextFormat(Qt.TextFormat.RichText)
        self.awaiting_label.linkActivated.connect(self._awaiting_requested)
        self.awaiting_label.hide()
        counted = QHBoxLayout()
        counted.addWidget(self.counted_label, 1)
        counted.addWidget(self.awaiting_label)
        outer.addLayout(counted)

        body = QWidget()
        grid = QVBoxLayout(body)
        # Key figures
        headline = QHBoxLayout()
        self.follow_ups_label = QLabel("–")
        self.follow_ups_label.setStyleSheet("font-size: 22pt; font-weight: bold; color: #0b6e4f;")
        self.target_label = QLabel("")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("%p % de l'objectif"))
        headline.addWidget(self.follow_ups_label)
        headline.addWidget(self.target_label)
        headline.addWidget(self.progress, 1)
        grid.addLayout(headline)
        cards = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(
            (
                ("unique", self.tr("Bénéficiaires uniques")),
                ("new", self.tr("Nouveaux bénéficiaires")),
                ("individual", self.tr("Suivis individuels")),
                ("workshop", self.tr("Suivis en ateliers")),
                ("anonymous", self.tr("dont participants anonymes")),
                ("activities", self.tr("Activités (indiv. / ateliers)")),
                ("redirected", self.tr("Réorientations")),
                ("priority", self.tr("Publics prioritaires")),
                ("aidants_connect", self.tr("Suivis Aidants Connect")),
            )
        ):
            frame, value = _card(caption)
            self.cards[key] = value
            cards.addWidget(frame, i // 4, i % 4)
        grid.addLayout(cards)
        # Charts
        charts = QHBoxLayout()
        self.evolution_view, self.evolution_chart = _chart_view(self.tr("Suivis sur 12 mois et objectif"))
        self.evolution_chart.plotAreaChanged.connect(self._fit_evolution_labels)
        self.bassin_view, self.bassin_chart = _chart_view(self.titles["by_bassin"])
        charts.addWidget(self.evolution_view, 3)
        charts.addWidget(self.bassin_view, 2)
        grid.addLayout(charts)
        self.theme_view, self.theme_chart = _chart_view(self.titles["by_theme"])
        self.theme_view.setMinimumHeight(480)
        grid.addWidget(self.theme_view)
        # Tables of the breakdowns, by subject
        self.tabs = QTabWidget()
        self.models: dict[str, BreakdownModel] = {}
        for section, section_title in SECTIONS.items():
            keys = [split.key for split in SPLITS if split.section == section]
            page = QWidget()
            row = QGridLayout(page)
            for i, key in enumerate(keys):
                model = BreakdownModel(self)
                table = QTableView()
                table.setModel(model)
                table.verticalHeader().hide()
                table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
                table.setMinimumHeight(220)
                row.addWidget(table, i // 2, i % 2)  # two a row: four tables fit a small screen
                self.models[key] = model
            self.tabs.addTab(page, i18n.text(section_title))
        grid.addWidget(self.tabs)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        for widget_signal in (
            self.month_box.currentIndexChanged,
            self.start_edit.dateChanged,
            self.end_edit.dateChanged,
            self.month_radio.toggled,
            self.team_radio.toggled,
        ):
            widget_signal.connect(self.refresh)
        self.export_activities_button.clicked.connect(lambda: self.export_dialog("activities"))
        self.export_beneficiaries_button.clicked.connect(lambda: self.export_dialog("beneficiaries"))
        self.pdf_button.clicked.connect(self.save_pdf_dialog)

    # -- what is asked

    def period(self) -> Period:
        if self.month_radio.isChecked():
            month: dt.date = self.month_box.currentData()
            return Period.month(month.year, month.month)
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        return Period(min(start, end), max(start, end))

    def set_month(self, year: int, month: int) -> None:
        self.month_radio.setChecked(True)
        index = self.month_box.findData(dt.date(year, month, 1))
        if index < 0:
            self.month_box.addItem(_month_text(dt.date(year, month, 1)), dt.date(year, month, 1))
            index = self.month_box.count() - 1
        self.month_box.setCurrentIndex(index)

    def set_team(self, team: bool) -> None:
        (self.team_radio if team else self.mine_radio).setChecked(True)

    def _scope_reader(self) -> Callable[[Any], uuid.UUID | None]:
        """Read the choice here, on the UI thread; the returned function runs in the job."""
        team, configured = self.team_radio.isChecked(), self.settings.get(CURRENT_ADVISOR)
        return lambda session: None if team else current_advisor_id(session, configured)

    # -- work

    def _submit(self, work: Callable[[Session], Any], on_done: Callable[[Any], None]) -> None:
        self.ctx.read(work, on_done, self._on_failed, owner=self)

    def concerns(self, changes: Changes) -> bool:
        """The figures count activities and people (by venue), against targets in settings."""
        return changes.any("activities", "beneficiaries", "venues", "series", "settings")

    def refresh(self, *_args: Any) -> None:
        period, advisor_of = self.period(), self._scope_reader()
        team_target, advisor_target = self.settings.get(MONTHLY_TARGET), self.settings.get(ADVISOR_TARGET)
        rule = counting_rule(self.settings)

        def work(session: Session) -> MonthlyReport:
            advisor = advisor_of(session)
            scope = st.advisor_scope(session, advisor) if advisor else st.team_scope()
            return st.monthly_report(session, period, scope, rule, team_target, advisor_target)

        self._latest_report += 1
        request = self._latest_report

        def show_if_latest(report: MonthlyReport) -> None:
            if request == self._latest_report:  # else figures of an older choice: newer ones are coming
                self._show(report)

        self.status.setText(self.tr("Calcul en cours…"))
        self._submit(work, show_if_latest)

    def _on_failed(self, error: BaseException) -> None:
        # Reported to the advisor, never lost in a thread.
        log.error("rapport : échec du calcul : %s", tasks.failure_details(error))
        message = str(error) or type(error).__name__
        self.status.setText(self.tr("Erreur : {0}").format(message))
        self.failed.emit(message)

    def wait(self) -> None:
        """Wait until background work has run and delivered (tests, closing)."""
        self.ctx.wait_until_idle(5000)

    # -- showing

    def _show(self, report: MonthlyReport) -> None:
        self.report = report
        f = report.figures
        fmt = self._fmt
        self.follow_ups_label.setText(self.tr("{0} suivis").format(fmt(f.follow_ups)))
        self.target_label.setText(self.tr("objectif {0}").format(fmt(report.target)))
        self.progress.setRange(0, max(1, report.target))
        self.progress.setValue(min(f.follow_ups, max(1, report.target)))
        values = {
            "unique": fmt(f.unique_beneficiaries),
            "new": fmt(f.new_beneficiaries),
            "individual": fmt(f.individual_follow_ups),
            "workshop": fmt(f.workshop_follow_ups),
            "anonymous": fmt(f.anonymous_follow_ups),
            "activities": f"{fmt(f.individual_activities)} / {fmt(f.workshop_activities)}",
            "redirected": fmt(f.redirected),
            "priority": fmt(f.by_priority_public.total),
            "aidants_connect": fmt(f.aidants_connect),
        }
        for key, text in values.items():
            self.cards[key].setText(text)
        for key, model in self.models.items():
            breakdown = f.breakdown(key)
            if breakdown is None:
                breakdown = Breakdown(self.tr("Par conseiller (vue équipe)"), ())
            else:
                breakdown = self._translated(key, breakdown)
            model.set_breakdown(breakdown, f.follow_ups)
        self._draw_evolution(report)
        self._draw_hbars(self.bassin_chart, self._translated("by_bassin", f.by_bassin), skip_zero=False)
        self._draw_hbars(self.theme_chart, self._translated("by_theme", f.by_theme), skip_zero=True)
        scope = self.tr("Équipe") if f.scope.is_team else f.scope.label
        self.status.setText(f"{scope} · {self._period_text(f.period)}")
        counted = self.tr("Activités réalisées jusqu'au {0}").format(
            i18n.format_date(report.rule.counted_until(f.period.end))
        )
        if report.rule.planned_past:
            counted += self.tr(" (les activités prévues déjà passées comptent comme réalisées)")
        self.counted_label.setText(counted)
        workshops, registered = f.awaiting_attendance_workshops, f.awaiting_attendance_registered
        self.awaiting_label.setVisible(workshops > 0)
        if workshops:
            text = self.tr("%n atelier(s) sans émargement", "", workshops)
            text += ", " + self.tr("%n inscrit(s) non compté(s)", "", registered)
            self.awaiting_label.setText(f'<a href="activites">{text}</a>')
            self.awaiting_label.setToolTip(self.tr("Voir ces ateliers dans la liste des activités"))
        self.reportReady.emit(report)

    def _awaiting_requested(self, _link: str = "") -> None:
        period = self.period()
        self.awaitingAttendanceRequested.emit(period.start, period.end)

    def _translated(self, key: str, breakdown: Breakdown) -> Breakdown:
        """The breakdown with its title and value-list labels in the UI's language."""
        values = breakdown.values

        def label(code: str | None, text: str) -> str:
            if code is None:
                return self.tr("Non renseigné")
            return i18n.label(values, code) if values is not None and code in values.codes else text

        rows = tuple(dataclasses.replace(r, label=label(r.code, r.label)) for r in breakdown.rows)
        return dataclasses.replace(breakdown, title=self.titles.get(key, breakdown.title), rows=rows)

    def _period_text(self, period: Period) -> str:
        if period.is_month:
            return _month_text(period.start)
        return self.tr("du {0} au {1}").format(i18n.format_date(period.start), i18n.format_date(period.end))

    @staticmethod
    def _fmt(n: int) -> str:
        return f"{n:,}".replace(",", "\u202f")

    def _draw_evolution(self, report: MonthlyReport) -> None:
        chart = self.evolution_chart
        _reset_chart(chart)
        series = _bars(QStackedBarSeries(), self.tr("Suivis"), [p.follow_ups for p in report.evolution])
        chart.addSeries(series)
        target = QLineSeries()
        target.setName(self.tr("Objectif"))
        pen = target.pen()
        pen.setColor(TARGET)
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        target.setPen(pen)
        # The line runs across the bars' categories (-0.5 to n - 0.5).
        target.append(-0.5, report.target)
        target.append(len(report.evolution) - 0.5, report.target)
        chart.addSeries(target)
        x = _category_axis([_short_month_text(p.month) for p in report.evolution])
        y = _count_axis(max([report.target, *(p.follow_ups for p in report.evolution)]))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        line_x = QValueAxis()
        line_x.setRange(-0.5, len(report.evolution) - 0.5)
        line_x.setVisible(False)
        chart.addAxis(line_x, Qt.AlignmentFlag.AlignBottom)
        target.attachAxis(line_x)
        target.attachAxis(y)
        self._fit_evolution_labels()

    def _fit_evolution_labels(self) -> None:
        """Months written upright, and no count over the bars, when the 12 months do not fit
        side by side in the chart's width (a 1024 px screen): labels must never overlap."""
        chart = self.evolution_chart
        months = next(
            (a for a in chart.axes(Qt.Orientation.Horizontal) if isinstance(a, QBarCategoryAxis)), None
        )
        if months is None or months.count() == 0:
            return
        slot = chart.plotArea().width() / months.count()
        widest = max(QFontMetrics(months.labelsFont()).horizontalAdvance(m) for m in months.categories())
        months.setLabelsAngle(0 if widest + LABEL_GAP <= slot else -90)
        for series in chart.series():
            if isinstance(series, QAbstractBarSeries):
                counts = [
                    f"{int(n)}"
                    for bars in series.barSets()
                    for n in (bars.at(i) for i in range(bars.count()))
                ]
                font = QFontMetrics(series.barSets()[0].labelFont()) if series.barSets() else None
                need = max((font.horizontalAdvance(c) for c in counts), default=0) if font else 0
                series.setLabelsVisible(need + LABEL_GAP <= slot * series.barWidth())

    def _draw_hbars(self, chart: QChart, breakdown: Breakdown, *, skip_zero: bool) -> None:
        _reset_chart(chart)
        rows = [r for r in breakdown.rows if r.count or not skip_zero]
        rows.reverse()  # the value list's first row at the top
        series = _bars(QHorizontalBarSeries(), breakdown.title, [r.count for r in rows])
        chart.addSeries(series)
        y = _category_axis([two_lines(r.label) for r in rows])
        x = _count_axis(max([r.count for r in rows], default=0))
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)

    # -- exports and PDF

    def export_to(self, kind: str, path: Path, fmt: str) -> None:
        """Export in the background; `exportDone(path, rows)` when written."""
        from stpaul_field.documents import exports

        period, advisor_of, rule = self.period(), self._scope_reader(), counting_rule(self.settings)
        configured = self.settings.get(CURRENT_ADVISOR)

        def work(session: Session) -> int:
            me = current_advisor_id(session, configured)
            owner = advisor_of(session)
            return exports.export(session, kind, period, owner, path, fmt, requester_id=me, rule=rule)

        def done(rows: int) -> None:
            self.status.setText(self.tr("{0} ligne(s) exportée(s) dans {1}").format(rows, path.name))
            self.exportDone.emit(str(path), rows)

        self._submit(work, done)

    def export_dialog(self, kind: str) -> None:
        what = "activites" if kind == "activities" else "beneficiaires"
        period = self.period()
        suggested = f"{what}-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.xlsx"
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter"),
            str(Path.home() / suggested),
            self.tr("Classeur Excel (*.xlsx);;CSV (*.csv)"),
        )
        if not name:
            return
        path = Path(name)
        fmt = "csv" if "csv" in chosen or path.suffix.lower() == ".csv" else "xlsx"
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        self.export_to(kind, path, fmt)

    def save_pdf(self, path: Path) -> None:
        from stpaul_field.documents.monthly_report import write_monthly_report

        if self.report is None:
            raise ValueError(self.tr("Les chiffres ne sont pas encore calculés."))
        write_monthly_report(self.report, path)
        self.status.setText(self.tr("Rapport enregistré dans {0}").format(path.name))

    def save_figures_xlsx(self, path: Path) -> None:
        """The figures shown, one sheet per split (as the Coop exports its statistics)."""
        from stpaul_field.documents.figures_export import write_figures_xlsx

        if self.report is None:
            raise ValueError(self.tr("Les chiffres ne sont pas encore calculés."))
        write_figures_xlsx(self.report, path)
        self.status.setText(self.tr("Chiffres enregistrés dans {0}").format(path.name))

    def save_pdf_dialog(self) -> None:
        if self.report is None:
            return
        period = self.report.figures.period
        suggested = f"rapport-{period.start:%Y-%m}.pdf"
        xlsx = self.tr("Chiffres par répartition, XLSX (*.xlsx)")
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Rapport PDF"), str(Path.home() / suggested), f"PDF (*.pdf);;{xlsx}"
        )
        if not name:
            return
        try:
            if chosen == xlsx or name.lower().endswith(".xlsx"):
                self.save_figures_xlsx(Path(name).with_suffix(".xlsx"))
            else:
                self.save_pdf(Path(name).with_suffix(".pdf"))
        except OSError as error:
            QMessageBox.warning(
                self, self.tr("Rapport"), self.tr("Enregistrement impossible : {0}").format(error)
            )

    def closeEvent(self, event: Any) -> None:
        self.wait()
        super().closeEvent(event)
