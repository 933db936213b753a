"""The attendance sheet (feuille d'émargement), drawn with QPainter on any paged device.

The same drawing goes to a PDF (QPdfWriter), to a printer or to the print preview
(QPrinter): layout is measured in millimetres on the device it is drawn on, so nothing
depends on the printer's resolution. A sheet is paginated before it is drawn, so every
page knows N in "page n/N"; the table header is repeated on every page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from stpaul_field.documents.qt_runtime import ensure_gui_application
from stpaul_field.documents.sheet_data import SheetData, french_date

log = logging.getLogger(__name__)

CITY_NAME = "Ville de Saint-Paul"
DOCUMENT_TITLE = "Feuille d'émargement"
# DejaVu Sans ships with every Debian desktop (fonts-dejavu-core) and covers French
# accents; the others are what Windows and macOS laptops have.
FONT_FAMILIES = ["DejaVu Sans", "Arial", "Liberation Sans", "Helvetica"]

MARGIN_MM = 12.0
ROW_MM = 13.0  # a signature box must be at least 12 mm high
TABLE_HEADER_MM = 8.0
SECTION_MM = 7.0
LOGO_MAX_MM = QSizeF(40.0, 18.0)
PDF_DPI = 300

COLUMNS = ("N°", "Nom et prénom", "Commune", "Signature")
# Share of the table width for each column; the signature keeps the largest part.
COLUMN_SHARES = (0.06, 0.37, 0.22, 0.35)
# A workshop over noon or longer than a half-day: one signature per half-day.
HALF_DAY_COLUMNS = ("N°", "Nom et prénom", "Commune", "Signature matin", "Signature après-midi")
HALF_DAY_SHARES = (0.06, 0.30, 0.16, 0.24, 0.24)
ADVISORS_SECTION = "Conseiller(s) animant l'atelier : nom et signature"
ADVISOR_BOX_MM = 14.0  # a signature box, higher than a participant's row (12 mm at least)
ADVISORS_LABEL_MM = 5.5
FUNDING_LOGO_MM = 11.0
WALKIN_SECTION = "Participants non inscrits (à compléter sur place)"

RGPD_NOTICE = (
    "Protection des données — Les informations de cette feuille servent à attester la présence "
    "aux ateliers d'inclusion numérique et à établir les statistiques anonymes du service "
    "(mission d'intérêt public). Responsable du traitement : Ville de Saint-Paul. Elles ne sont "
    "communiquées qu'aux agents chargés de ces ateliers. Vous pouvez y accéder, les faire "
    "rectifier ou effacer et vous opposer à leur traitement en vous adressant à votre conseiller "
    "numérique ou par courrier à la Mairie de Saint-Paul, à l'attention du délégué à la "
    "protection des données ; vous pouvez aussi saisir la CNIL (www.cnil.fr)."
)

# Called after each sheet with (sheets done, total); returning False stops the batch.
Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True)
class SheetLook:
    """What is the same on every sheet of a batch."""

    city: str = CITY_NAME
    logo: QImage | None = None
    # The funders' mentions and logos (settings SHEET_FUNDING_TEXT, SHEET_FUNDING_LOGOS).
    funding_text: str = ""
    funding_logos: tuple[QImage, ...] = ()


def load_logo(path: str | Path | None) -> QImage | None:
    """The logo image, or None (and a warning in the log) when it cannot be read."""
    if not path:
        return None
    image = QImage(str(path))
    if image.isNull():
        log.warning("logo des feuilles d'émargement illisible : %s", path)
        return None
    return image


def a4_layout(landscape: bool = False) -> QPageLayout:
    """A4, portrait; landscape for a cycle sheet (a signature box per session)."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def write_pdf(
    path: str | Path, sheets: Sequence[SheetData], look: SheetLook | None = None, progress: Progress = None
) -> int:
    """Write the sheets to one PDF, each starting on its own page; returns the page count."""
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(a4_layout(landscape=is_cycle(sheets)))
    writer.setTitle(DOCUMENT_TITLE if len(sheets) != 1 else f"{DOCUMENT_TITLE} – {sheets[0].heading}")
    writer.setCreator("stpaul-field")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Impossible d'écrire le fichier PDF {path}.")
    try:
        return render_sheets(painter, writer, sheets, look or SheetLook(), progress)
    finally:
        painter.end()


def is_cycle(sheets: Sequence[SheetData]) -> bool:
    """A batch of cycle sheets (printed landscape); the app never mixes them with others."""
    return bool(sheets) and all(s.is_cycle for s in sheets)


def render_sheets(
    painter: QPainter,
    device: QPagedPaintDevice,
    sheets: Sequence[SheetData],
    look: SheetLook,
    progress: Progress = None,
) -> int:
    """Draw the sheets on an active painter; returns the number of pages drawn."""
    pages = 0
    for index, sheet in enumerate(sheets):
        drawer = _CycleSheetPainter if sheet.is_cycle else _SheetPainter
        page_drawer = drawer(painter, device, sheet, look)
        for page_number in range(page_drawer.page_count):
            if pages:
                device.newPage()
            page_drawer.draw_page(page_number)
            pages += 1
        if progress is not None and progress(index + 1, len(sheets)) is False:
            break
    return pages


def font(point_size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


@dataclass(frozen=True)
class _Row:
    kind: str  # "person", "walkin", "section" or "advisors" (their names and signature boxes)
    number: int = 0
    name: str = ""
    commune: str = ""


class _SheetPainter:
    """Lays one sheet out on the device, then draws any of its pages."""

    document_title = DOCUMENT_TITLE
    table_header_mm = TABLE_HEADER_MM

    def __init__(
        self, painter: QPainter, device: QPagedPaintDevice, sheet: SheetData, look: SheetLook
    ) -> None:
        self.p = painter
        self.device = device
        self.sheet = sheet
        self.look = look
        self.mm = device.logicalDpiY() / 25.4
        self.width = float(device.width())
        self.height = float(device.height())
        self.f_city = font(10, bold=True)
        self.f_doc = font(14, bold=True)
        self.f_title = font(15, bold=True)
        self.f_label = font(9.5, bold=True)
        self.f_value = font(9.5)
        self.f_head = font(9, bold=True)
        self.f_cell = font(10)
        self.f_footer = font(8)
        self.f_notice = font(7)
        self.footer_h = self._footer_height()
        self.first_header_h = self._first_header(draw=False)
        self.next_header_h = self._next_header(draw=False)
        self.pages = self._paginate()

    @property
    def page_count(self) -> int:
        return len(self.pages)

    # ---- measuring ------------------------------------------------------------------

    def _metrics(self, f: QFont) -> QFontMetricsF:
        return QFontMetricsF(f, self.device)

    def _text_height(self, f: QFont, text: str, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self._metrics(f).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()

    def _funding_height(self) -> float:
        look, mm = self.look, self.mm
        height = 0.0
        if look.funding_logos:
            height += FUNDING_LOGO_MM * mm + mm
        if look.funding_text:
            height += self._text_height(self.f_notice, look.funding_text, self.width) + mm
        return height

    def _footer_height(self) -> float:
        line = self._metrics(self.f_footer).height()
        notice = self._text_height(self.f_notice, RGPD_NOTICE, self.width)
        return 2 * self.mm + line + 1.5 * self.mm + self._funding_height() + notice

    # ---- pagination -----------------------------------------------------------------

    def _rows(self, first_page_room: float) -> list[_Row]:
        sheet = self.sheet
        rows = [_Row("person", i + 1, p.name, p.commune) for i, p in enumerate(sheet.participants)]
        advisors = _Row("advisors")
        if sheet.blank:
            # As many numbered rows as the first page holds (with the advisors' boxes), at
            # least the walk-in rows.
            room = first_page_room - self._row_height(advisors)
            count = max(int(room // (ROW_MM * self.mm)), sheet.walkin_rows, 1)
            return [*rows, *(_Row("walkin", len(rows) + i + 1) for i in range(count)), advisors]
        if sheet.walkin_rows:
            rows.append(_Row("section"))
            rows += [_Row("walkin", len(sheet.participants) + i + 1) for i in range(sheet.walkin_rows)]
        return [*rows, advisors]

    def _advisor_names(self) -> list[str]:
        """One signature box per advisor (co-advisors too); two to fill on a sheet without any."""
        return list(self.sheet.advisors) or ["", ""]

    def _advisor_lines(self) -> int:
        return -(-len(self._advisor_names()) // 3)

    def _row_height(self, row: _Row) -> float:
        if row.kind == "advisors":
            return (ADVISORS_LABEL_MM + self._advisor_lines() * (ADVISOR_BOX_MM + 1)) * self.mm
        return (SECTION_MM if row.kind == "section" else ROW_MM) * self.mm

    def _body_top(self, page: int) -> float:
        header = self.first_header_h if page == 0 else self.next_header_h
        return header + self.table_header_mm * self.mm

    def _paginate(self) -> list[list[_Row]]:
        bottom = self.height - self.footer_h
        rows = self._rows(bottom - self._body_top(0))
        pages: list[list[_Row]] = [[]]
        y = self._body_top(0)
        for i, row in enumerate(rows):
            h = self._row_height(row)
            # A section heading never ends a page alone: it goes with its first row; nor do the
            # advisors' boxes start a page alone: the last row goes with them.
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            joined = nxt is not None and (row.kind == "section" or nxt.kind == "advisors")
            need = h + (self._row_height(nxt) if joined and nxt is not None else 0)
            if y + need > bottom and pages[-1]:
                pages.append([])
                y = self._body_top(len(pages) - 1)
            pages[-1].append(row)
            y += h
        return pages

    # ---- drawing --------------------------------------------------------------------

    def draw_page(self, page: int) -> None:
        p = self.p
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor("black")))
        header_h = self._first_header(draw=True) if page == 0 else self._next_header(draw=True)
        y = self._table_header(header_h)
        for row in self.pages[page]:
            y = self._draw_row(row, y)
        self._footer(page)
        p.restore()

    def _text(
        self, rect: QRectF, f: QFont, text: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    ) -> None:
        self.p.setFont(f)
        self.p.drawText(rect, int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), text)

    def _band(self, draw: bool) -> float:
        """City, logo and document name; returns the band's height."""
        mm = self.mm
        logo = self.look.logo
        logo_rect = QRectF()
        if logo is not None:
            size = QSizeF(logo.width(), logo.height())
            size.scale(
                QSizeF(LOGO_MAX_MM.width() * mm, LOGO_MAX_MM.height() * mm),
                Qt.AspectRatioMode.KeepAspectRatio,
            )
            logo_rect = QRectF(QPointF(0, 0), size)
        text_x = logo_rect.width() + (4 * mm if logo is not None else 0)
        city_h = self._metrics(self.f_city).height()
        doc_h = self._metrics(self.f_doc).height()
        height = max(logo_rect.height(), city_h + doc_h)
        if draw:
            if logo is not None:
                self.p.drawImage(logo_rect, logo)
            self._text(QRectF(text_x, 0, self.width - text_x, city_h), self.f_city, self.look.city)
            self._text(QRectF(text_x, city_h, self.width - text_x, doc_h), self.f_doc, self.document_title)
        return height + 2 * mm

    def _details(self) -> list[tuple[str, str]]:
        s = self.sheet
        when = french_date(s.date) if s.date else ""
        hours = s.scheduled_hours
        venue = s.venue
        if venue and s.bassin:
            venue = f"{venue} (bassin de vie : {s.bassin})"
        advisors = ""
        if s.advisors:
            advisors = s.advisors[0] + (" (référent)" if len(s.advisors) > 1 else "")
            advisors += "".join(f", {a}" for a in s.advisors[1:])
        details = [("Date", when), ("Horaire prévu", hours), ("Lieu", venue)]
        # On a planned workshop an empty theme or level is a fact ("—"); on a blank sheet
        # it is a line to fill by hand.
        missing = "" if s.blank else "—"
        details.append(("Thèmes", ", ".join(s.themes) if s.themes else missing))
        details.append(("Niveau", s.level or missing))
        label = "Conseillers" if len(s.advisors) > 1 else "Conseiller"
        details.append((label, advisors))
        return details

    def _first_header(self, draw: bool) -> float:
        mm = self.mm
        y = self._band(draw)
        title = self.sheet.heading
        if title:
            title_h = self._text_height(self.f_title, title, self.width)
            if draw:
                self._text(QRectF(0, y, self.width, title_h), self.f_title, title)
        else:
            # A blank sheet's title is written by hand on a line.
            title_h = 9 * mm
            if draw:
                self._text(QRectF(0, y, self.width, title_h), self.f_label, "Atelier :")
                x = self._metrics(self.f_label).horizontalAdvance("Atelier : ")
                self._hand_line(x, y + title_h - 1.5 * mm)
        y += title_h + 2 * mm
        label_w = max(self._metrics(self.f_label).horizontalAdvance(f"{lbl} :") for lbl, _ in self._details())
        label_w += 2 * mm
        for label, value in self._details():
            value_w = self.width - label_w
            h = self._text_height(self.f_value, value, value_w) if value else 7 * mm
            if draw:
                self._text(QRectF(0, y, label_w, h), self.f_label, f"{label} :")
                if value:
                    self._text(QRectF(label_w, y, value_w, h), self.f_value, value)
                else:
                    self._hand_line(label_w, y + h - 1.5 * mm)
            y += h + 0.8 * mm
        return y + 3 * mm

    def _hand_line(self, x: float, y: float) -> None:
        self.p.save()
        self.p.setPen(QPen(QColor("#888888"), 0.2 * self.mm, Qt.PenStyle.DotLine))
        self.p.drawLine(QPointF(x, y), QPointF(self.width, y))
        self.p.restore()

    def _ident(self) -> str:
        """'Title – lundi 23/11/2026': which workshop a loose page belongs to."""
        date = french_date(self.sheet.date) if self.sheet.date else ""
        return " – ".join(x for x in (self.sheet.heading, date) if x)

    def _next_header(self, draw: bool) -> float:
        """Continuation pages: enough to tell which workshop a loose page belongs to."""
        mm = self.mm
        line_h = self._metrics(self.f_city).height()
        parts = [self.look.city, f"{self.document_title} (suite)"]
        ident = self._ident()
        ident_h = self._text_height(self.f_label, ident, self.width) if ident else 0.0
        if draw:
            self._text(QRectF(0, 0, self.width, line_h), self.f_city, " – ".join(parts))
            if ident:
                self._text(QRectF(0, line_h + mm, self.width, ident_h), self.f_label, ident)
        return line_h + mm + ident_h + 3 * mm

    @property
    def column_titles(self) -> tuple[str, ...]:
        return HALF_DAY_COLUMNS if self.sheet.half_days else COLUMNS

    def _columns(self) -> list[tuple[float, float]]:
        x = 0.0
        out = []
        for share in HALF_DAY_SHARES if self.sheet.half_days else COLUMN_SHARES:
            w = share * self.width
            out.append((x, w))
            x += w
        return out

    def _table_header(self, y: float) -> float:
        h = self.table_header_mm * self.mm
        p = self.p
        p.fillRect(QRectF(0, y, self.width, h), QColor("#e6e6e6"))
        p.setPen(QPen(QColor("black"), 0.25 * self.mm))
        p.setFont(self.f_head)
        for (x, w), title in zip(self._columns(), self.column_titles, strict=True):
            p.drawRect(QRectF(x, y, w, h))
            p.drawText(QRectF(x + self.mm, y, w - 2 * self.mm, h), int(Qt.AlignmentFlag.AlignVCenter), title)
        return y + h

    def _draw_row(self, row: _Row, y: float) -> float:
        p = self.p
        mm = self.mm
        h = self._row_height(row)
        p.setPen(QPen(QColor("black"), 0.25 * mm))
        if row.kind == "section":
            p.fillRect(QRectF(0, y, self.width, h), QColor("#f3f3f3"))
            p.drawRect(QRectF(0, y, self.width, h))
            p.setFont(self.f_head)
            p.drawText(
                QRectF(2 * mm, y, self.width - 4 * mm, h), int(Qt.AlignmentFlag.AlignVCenter), WALKIN_SECTION
            )
            return y + h
        if row.kind == "advisors":
            return self._draw_advisors(y, h)
        cols = self._columns()
        for x, w in cols:
            p.drawRect(QRectF(x, y, w, h))
        (nx, nw), (ax, aw), (cx, cw) = cols[:3]
        centre = Qt.AlignmentFlag.AlignVCenter
        p.setFont(self.f_cell)
        p.drawText(QRectF(nx, y, nw - mm, h), int(centre | Qt.AlignmentFlag.AlignRight), str(row.number))
        if row.name:
            self._fit(QRectF(ax + mm, y + 0.5 * mm, aw - 2 * mm, h - mm), row.name)
        if row.commune:
            self._fit(QRectF(cx + mm, y + 0.5 * mm, cw - 2 * mm, h - mm), row.commune)
        return y + h

    def _draw_advisors(self, y: float, h: float) -> float:
        """Under the table: each advisor's name above a signature box, three to a line."""
        p, mm = self.p, self.mm
        top = y + 0.5 * mm
        p.setFont(self.f_head)
        p.drawText(
            QRectF(0, top, self.width, ADVISORS_LABEL_MM * mm),
            int(Qt.AlignmentFlag.AlignVCenter),
            ADVISORS_SECTION,
        )
        gap = 4 * mm
        box_w = (self.width - 2 * gap) / 3
        for i, name in enumerate(self._advisor_names()):
            x = (i % 3) * (box_w + gap)
            box_top = y + ADVISORS_LABEL_MM * mm + (i // 3) * (ADVISOR_BOX_MM + 1) * mm
            box = QRectF(x, box_top, box_w, ADVISOR_BOX_MM * mm)
            p.setPen(QPen(QColor("black"), 0.25 * mm))
            p.drawRect(box)
            label = name or "Nom :"
            self._text(QRectF(x + mm, box_top + 0.5 * mm, box_w - 2 * mm, 5 * mm), self.f_footer, label)
        return y + h

    def _fit(self, rect: QRectF, text: str) -> None:
        """Draw text in a cell, on two lines or smaller if needed, elided as a last resort."""
        flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
        for size in (10.0, 9.0, 8.0):
            f = font(size)
            if self._metrics(f).boundingRect(rect, flags, text).height() <= rect.height():
                self.p.setFont(f)
                self.p.drawText(rect, flags, text)
                return
        f = font(8.0)
        elided = self._metrics(f).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.p.setFont(f)
        self.p.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter), elided)

    def _footer(self, page: int) -> None:
        p = self.p
        mm = self.mm
        top = self.height - self.footer_h
        p.setPen(QPen(QColor("black"), 0.2 * mm))
        p.drawLine(QPointF(0, top + mm), QPointF(self.width, top + mm))
        line_h = self._metrics(self.f_footer).height()
        y = top + 2 * mm
        count = self.sheet.registered_count
        registered = "Feuille vierge" if self.sheet.blank else f"{count} inscrit{'s' if count > 1 else ''}"
        left = self._metrics(self.f_footer).elidedText(
            self._ident(), Qt.TextElideMode.ElideRight, self.width * 0.62
        )
        self._text(QRectF(0, y, self.width * 0.62, line_h), self.f_footer, left)
        self._text(
            QRectF(0, y, self.width, line_h),
            self.f_footer,
            f"{registered} · Page {page + 1}/{self.page_count}",
            Qt.AlignmentFlag.AlignRight,
        )
        y += line_h + 1.5 * mm
        p.setPen(QPen(QColor("#333333")))
        y = self._draw_funding(y)
        self._text(QRectF(0, y, self.width, self.height - y), self.f_notice, RGPD_NOTICE)

    def _draw_funding(self, y: float) -> float:
        """The funders' logos in a row, then their mentions (the city's settings)."""
        look, mm = self.look, self.mm
        if look.funding_logos:
            x = 0.0
            for logo in look.funding_logos:
                size = QSizeF(logo.width(), logo.height())
                size.scale(QSizeF(self.width / 4, FUNDING_LOGO_MM * mm), Qt.AspectRatioMode.KeepAspectRatio)
                if x + size.width() > self.width:
                    break
                self.p.drawImage(QRectF(QPointF(x, y), size), logo)
                x += size.width() + 4 * mm
            y += FUNDING_LOGO_MM * mm + mm
        if look.funding_text:
            h = self._text_height(self.f_notice, look.funding_text, self.width)
            self._text(QRectF(0, y, self.width, h), self.f_notice, look.funding_text)
            y += h + mm
        return y


CYCLE_DOCUMENT_TITLE = "Feuille d'émargement du cycle"
CYCLE_NUMBER_SHARE, CYCLE_NAME_SHARE = 0.04, 0.22
CYCLE_HEADER_MM = 13.0  # a session's number, day and hours on three lines
NOT_REGISTERED = QColor("#d9d9d9")  # a session before the person joined: nothing to sign


class _CycleSheetPainter(_SheetPainter):
    """A series' cycle sheet: one row per person, one signature box per session; the advisors
    sign each session on their own rows, under the participants."""

    document_title = CYCLE_DOCUMENT_TITLE
    table_header_mm = CYCLE_HEADER_MM

    def __init__(
        self, painter: QPainter, device: QPagedPaintDevice, sheet: SheetData, look: SheetLook
    ) -> None:
        super().__init__(painter, device, sheet, look)
        self.f_head = font(8, bold=True)  # « 09h00–11h30 » fits a box of eight on a line

    def _rows(self, first_page_room: float) -> list[_Row]:
        sheet = self.sheet
        rows = [_Row("person", i + 1, p.name, p.commune) for i, p in enumerate(sheet.participants)]
        if sheet.walkin_rows:
            rows.append(_Row("section"))
            rows += [_Row("walkin", len(rows) + i) for i in range(sheet.walkin_rows)]
        rows.append(_Row("section", name=ADVISORS_SECTION))
        rows += [_Row("advisor", name=name) for name in self._advisor_names()]
        return rows

    def _details(self) -> list[tuple[str, str]]:
        s = self.sheet
        days = [c.date for c in s.sessions if c.date is not None]
        when = ""
        if days:
            when = f"du {french_date(min(days))} au {french_date(max(days))} (horaires par séance ci-dessous)"
        venue = f"{s.venue} (bassin de vie : {s.bassin})" if s.venue and s.bassin else s.venue
        return [
            ("Dates", when),
            ("Lieu", venue),
            ("Thèmes", ", ".join(s.themes) or "—"),
            ("Niveau", s.level or "—"),
            ("Conseillers" if len(s.advisors) > 1 else "Conseiller", ", ".join(s.advisors)),
        ]

    def _ident(self) -> str:
        return self.sheet.heading

    @property
    def column_titles(self) -> tuple[str, ...]:
        return ("N°", "Nom et prénom", *(c.heading for c in self.sheet.sessions))

    def _columns(self) -> list[tuple[float, float]]:
        number_w, name_w = CYCLE_NUMBER_SHARE * self.width, CYCLE_NAME_SHARE * self.width
        box_w = (self.width - number_w - name_w) / len(self.sheet.sessions)
        out = [(0.0, number_w), (number_w, name_w)]
        out += [(number_w + name_w + i * box_w, box_w) for i in range(len(self.sheet.sessions))]
        return out

    def _draw_row(self, row: _Row, y: float) -> float:
        if row.kind == "section":
            return self._draw_section(row, y)
        p, mm = self.p, self.mm
        h = self._row_height(row)
        cols = self._columns()
        person = self.sheet.participants[row.number - 1] if row.kind == "person" else None
        for (x, w), column in zip(cols[2:], self.sheet.sessions, strict=True):
            if person is not None and person.sessions is not None and column.number not in person.sessions:
                p.fillRect(QRectF(x, y, w, h), NOT_REGISTERED)
        p.setPen(QPen(QColor("black"), 0.25 * mm))
        for x, w in cols:
            p.drawRect(QRectF(x, y, w, h))
        (nx, nw), (ax, aw) = cols[:2]
        p.setFont(self.f_cell)
        if row.number:
            centre = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            p.drawText(QRectF(nx, y, nw - mm, h), int(centre), str(row.number))
        name = row.name or ("" if row.kind != "advisor" else "Nom :")
        if name:
            self._fit(QRectF(ax + mm, y + 0.5 * mm, aw - 2 * mm, h - mm), name)
        return y + h

    def _draw_section(self, row: _Row, y: float) -> float:
        p, mm = self.p, self.mm
        h = self._row_height(row)
        p.setPen(QPen(QColor("black"), 0.25 * mm))
        p.fillRect(QRectF(0, y, self.width, h), QColor("#f3f3f3"))
        p.drawRect(QRectF(0, y, self.width, h))
        p.setFont(self.f_head)
        text = row.name or WALKIN_SECTION
        p.drawText(QRectF(2 * mm, y, self.width - 4 * mm, h), int(Qt.AlignmentFlag.AlignVCenter), text)
        return y + h
