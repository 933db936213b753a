"""The month's report as a printable A4 PDF: key figures against the target, charts, tables.

Drawn with QPainter on a QPdfWriter (Qt's print engine, no widgets), so it renders the same
from the app and from `stpaul-field report` on a machine without a display. Coordinates are
in points (1/72 inch) on an A4 page.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from stpaul_field.documents.qt_runtime import ensure_gui_application
from stpaul_field.domain import values as v
from stpaul_field.domain.report_model import Breakdown, MonthlyReport, MonthPoint, Split
from stpaul_field.paths import private_file

# Splits the PDF draws as bars (page one's bassins and advisors, page two's themes), not as tables.
CHARTED = frozenset({"by_bassin", "by_advisor", "by_theme"})

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 40.0
RESOLUTION = 720  # dots per inch of the PDF's coordinates: 10 per point
INK = QColor("#1f2933")
MUTED = QColor("#6b7785")
ACCENT = QColor("#0b6e4f")  # the bars
TARGET = QColor("#c0392b")  # the target line
LIGHT = QColor("#e8eef2")
PALETTE = ("#0b6e4f", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#457b9d", "#8d99ae", "#6a4c93")


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, round(size)))  # pixels of the painter's scaled space: points
    font.setBold(bold)
    return font


def _fmt(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")  # French thousands separator


class _Page:
    """A painter over one page in points, with a cursor going down the page."""

    def __init__(self, painter: QPainter) -> None:
        self.p = painter
        self.y = MARGIN

    def text(
        self,
        rect: QRectF,
        text: str,
        size: float = 9,
        bold: bool = False,
        color: QColor = INK,
        flags: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    ) -> None:
        self.p.setFont(_font(size, bold))
        self.p.setPen(QPen(color))
        self.p.drawText(rect, int(flags), text)

    def heading(self, text: str) -> None:
        self.text(QRectF(MARGIN, self.y, PAGE_W - 2 * MARGIN, 18), text, 12, True, ACCENT)
        self.y += 22


def _header(page: _Page, report: MonthlyReport, page_no: int, pages: int) -> None:
    f = report.figures
    width = PAGE_W - 2 * MARGIN
    page.text(QRectF(MARGIN, page.y, width, 14), "Ville de Saint-Paul · Médiation numérique", 9, color=MUTED)
    page.text(
        QRectF(MARGIN, page.y, width, 14),
        f"page {page_no}/{pages}",
        8,
        color=MUTED,
        flags=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    )
    page.y += 16
    page.text(QRectF(MARGIN, page.y, width, 26), f"Rapport mensuel — {f.period.label()}", 18, True)
    page.y += 28
    generated = report.generated_at.astimezone(ZoneInfo(v.TIME_ZONE))
    page.text(
        QRectF(MARGIN, page.y, width, 14),
        f"{'Équipe' if f.scope.is_team else 'Conseiller : ' + f.scope.label} · "
        f"du {f.period.start:%d/%m/%Y} au {f.period.end:%d/%m/%Y} · édité le {generated:%d/%m/%Y à %H:%M}",
        9,
        color=MUTED,
    )
    page.y += 14
    # What the figures hold: only what happened (`domain.counting`).
    page.text(QRectF(MARGIN, page.y, width, 14), report.statement, 8, color=MUTED)
    page.y += 18
    page.p.setPen(QPen(LIGHT, 1))
    page.p.drawLine(QPointF(MARGIN, page.y), QPointF(PAGE_W - MARGIN, page.y))
    page.y += 12


def _key_figures(page: _Page, report: MonthlyReport) -> None:
    f = report.figures
    width = PAGE_W - 2 * MARGIN
    # The headline: follow-ups against the target, with a progress bar.
    page.text(QRectF(MARGIN, page.y, width, 30), f"{_fmt(f.follow_ups)} suivis", 24, True, ACCENT)
    page.text(
        QRectF(MARGIN, page.y, width, 30),
        f"objectif {_fmt(report.target)} · {report.progress:.0%}",
        12,
        flags=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    )
    page.y += 34
    bar = QRectF(MARGIN, page.y, width, 10)
    page.p.fillRect(bar, LIGHT)
    done = QRectF(bar.x(), bar.y(), bar.width() * min(1.0, report.progress), bar.height())
    page.p.fillRect(done, ACCENT if report.progress >= 1 else QColor("#2a9d8f"))
    page.y += 20
    boxes = (
        ("Bénéficiaires uniques", f.unique_beneficiaries),
        ("Nouveaux bénéficiaires", f.new_beneficiaries),
        ("Suivis individuels", f.individual_follow_ups),
        ("Suivis en ateliers", f.workshop_follow_ups),
        ("dont participants anonymes", f.anonymous_follow_ups),
        ("Activités (indiv. / ateliers)", f"{f.individual_activities} / {f.workshop_activities}"),
        ("Réorientations", f.redirected),
        ("Publics prioritaires", f.by_priority_public.total),
        ("Suivis Aidants Connect", f.aidants_connect),
    )
    cols, gap = 4, 8.0
    box_w = (width - gap * (cols - 1)) / cols
    for i, (label, value) in enumerate(boxes):
        x = MARGIN + (i % cols) * (box_w + gap)
        y = page.y + (i // cols) * 48
        page.p.fillRect(QRectF(x, y, box_w, 42), QColor("#f5f8fa"))
        shown = _fmt(value) if isinstance(value, int) else str(value)
        page.text(QRectF(x + 8, y + 3, box_w - 12, 22), shown, 15, True)
        page.text(QRectF(x + 8, y + 24, box_w - 12, 14), label, 7.5, color=MUTED)
    page.y += -(-len(boxes) // cols) * 48 + 8


def draw_evolution(page: _Page, rect: QRectF, points: Sequence[MonthPoint], target: int) -> None:
    """Bars of follow-ups month by month, and the target as a horizontal line."""
    p = page.p
    label_h, axis_w = 14.0, 34.0
    top = max([target, *(pt.follow_ups for pt in points), 1]) * 1.1
    plot = QRectF(rect.x() + axis_w, rect.y() + 4, rect.width() - axis_w, rect.height() - label_h - 4)

    def y_of(n: float) -> float:
        return plot.bottom() - plot.height() * n / top

    for step in (0, 0.25, 0.5, 0.75, 1.0):
        n = top / 1.1 * step
        y = y_of(n)
        p.setPen(QPen(LIGHT, 0.5))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        page.text(
            QRectF(rect.x(), y - 6, axis_w - 4, 12),
            _fmt(round(n)),
            6.5,
            color=MUTED,
            flags=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
    slot = plot.width() / max(1, len(points))
    for i, pt in enumerate(points):
        x = plot.left() + i * slot + slot * 0.15
        bar = QRectF(x, y_of(pt.follow_ups), slot * 0.7, plot.bottom() - y_of(pt.follow_ups))
        p.fillRect(bar, ACCENT if i == len(points) - 1 else QColor("#7fb8a4"))
        page.text(
            QRectF(x - slot * 0.15, plot.bottom() + 1, slot, label_h),
            pt.short_label,
            6.5,
            color=MUTED,
            flags=Qt.AlignmentFlag.AlignCenter,
        )
        if pt.follow_ups:
            page.text(
                QRectF(x - slot * 0.15, bar.top() - 11, slot, 10),
                _fmt(pt.follow_ups),
                6,
                color=INK,
                flags=Qt.AlignmentFlag.AlignCenter,
            )
    if target:
        pen = QPen(TARGET, 1.2)
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(plot.left(), y_of(target)), QPointF(plot.right(), y_of(target)))
        page.text(
            QRectF(plot.right() - 120, y_of(target) - 12, 120, 10),
            f"objectif {_fmt(target)}",
            7,
            True,
            TARGET,
            flags=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )


def draw_hbars(page: _Page, rect: QRectF, breakdown: Breakdown, *, skip_zero: bool = False) -> float:
    """Horizontal bars, one row per value; returns the height used."""
    rows = [r for r in breakdown.rows if r.count or not skip_zero]
    row_h = 13.0
    label_w = rect.width() * 0.45
    top = max([r.count for r in rows] + [1])
    total = breakdown.total or 1
    for i, r in enumerate(rows):
        y = rect.y() + i * row_h
        page.text(QRectF(rect.x(), y, label_w - 4, row_h), r.label, 7.5)
        width = (rect.width() - label_w - 60) * r.count / top
        page.p.fillRect(
            QRectF(rect.x() + label_w, y + 2.5, width, row_h - 5), QColor(PALETTE[i % len(PALETTE)])
        )
        share = "" if breakdown.overlapping else f" ({r.count / total:.0%})"
        page.text(
            QRectF(rect.x() + label_w + width + 4, y, 70, row_h), f"{_fmt(r.count)}{share}", 7, color=MUTED
        )
    return len(rows) * row_h


def draw_table(
    page: _Page, x: float, width: float, breakdown: Breakdown, *, skip_zero: bool = False
) -> float:
    """A two-column table under its title, from the page's cursor; returns the height used."""
    y0 = page.y
    rows = [r for r in breakdown.rows if r.count or not skip_zero]
    page.text(QRectF(x, page.y, width, 14), breakdown.title, 9, True)
    y = page.y + 15
    for i, r in enumerate(rows):
        if i % 2 == 0:
            page.p.fillRect(QRectF(x, y, width, 11.5), QColor("#f5f8fa"))
        page.text(QRectF(x + 3, y, width - 50, 11.5), r.label, 7)
        page.text(
            QRectF(x + width - 48, y, 45, 11.5),
            _fmt(r.count),
            7,
            flags=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
        y += 11.5
    if not rows:
        page.text(QRectF(x + 3, y, width, 11.5), "Aucun", 7, color=MUTED)
        y += 11.5
    return y - y0


def _page_one(page: _Page, report: MonthlyReport) -> None:
    _header(page, report, 1, 2)
    _key_figures(page, report)
    page.heading("Évolution des suivis sur 12 mois")
    draw_evolution(page, QRectF(MARGIN, page.y, PAGE_W - 2 * MARGIN, 190), report.evolution, report.target)
    page.y += 204
    page.heading("Suivis par bassin de vie")
    page.y += draw_hbars(page, QRectF(MARGIN, page.y, PAGE_W - 2 * MARGIN, 0), report.figures.by_bassin) + 10
    if report.figures.by_advisor is not None and page.y < PAGE_H - 120:
        page.heading("Suivis par conseiller")
        page.y += draw_hbars(page, QRectF(MARGIN, page.y, PAGE_W - 2 * MARGIN, 0), report.figures.by_advisor)


def _page_two(page: _Page, report: MonthlyReport) -> None:
    f = report.figures
    _header(page, report, 2, 2)
    page.heading("Suivis par thématique")
    page.y += (
        draw_hbars(page, QRectF(MARGIN, page.y, PAGE_W - 2 * MARGIN, 0), f.by_theme, skip_zero=True) + 12
    )
    # Three columns of tables below the themes: every split of `SPLITS` not drawn as bars,
    # each put in the column that is shortest so far.
    gap = 14.0
    col_w = (PAGE_W - 2 * MARGIN - 2 * gap) / 3
    columns: list[list[tuple[Split, Breakdown]]] = [[], [], []]
    heights = [0.0, 0.0, 0.0]
    for split, breakdown in f.splits():
        if split.key in CHARTED:
            continue
        shown = [r for r in breakdown.rows if r.count or not split.skip_zero]
        c = heights.index(min(heights))
        columns[c].append((split, breakdown))
        heights[c] += 25 + 11.5 * max(1, len(shown))
    start = page.y
    for c, tables in enumerate(columns):
        page.y = start
        x = MARGIN + c * (col_w + gap)
        for split, breakdown in tables:
            if page.y > PAGE_H - MARGIN - 40:
                break
            page.y += draw_table(page, x, col_w, breakdown, skip_zero=split.skip_zero) + 10
    page.text(
        QRectF(MARGIN, PAGE_H - MARGIN + 8, PAGE_W - 2 * MARGIN, 12),
        "Suivi : un bénéficiaire présent à une activité qui a eu lieu (voir l'en-tête ; jamais une "
        "annulée ni une à venir), plus les participants anonymes des ateliers. "
        "Thématiques et matériels se cumulent.",
        6.5,
        color=MUTED,
    )


def write_monthly_report(report: MonthlyReport, path: Path) -> None:
    """Write the report's PDF at `path` (through a temporary file: never a half PDF)."""
    ensure_gui_application()
    with private_file(path) as tmp:
        _write(report, path, tmp)


def _write(report: MonthlyReport, path: Path, tmp: Path) -> None:
    writer = QPdfWriter(str(tmp))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    writer.setTitle(f"Rapport mensuel — {report.figures.period.label()}")
    writer.setCreator("stpaul-field")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Impossible d'écrire le PDF {path}")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(RESOLUTION / 72, RESOLUTION / 72)
        _page_one(_Page(painter), report)
        writer.newPage()
        _page_two(_Page(painter), report)
    finally:
        painter.end()


__all__ = ["draw_evolution", "draw_hbars", "draw_table", "write_monthly_report"]
