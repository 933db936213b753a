"""The month's figures as a workbook, as the Coop's statistics export them: the key figures on
a first sheet, then one sheet per split of `report_model.SPLITS` (label, follow-ups, share).

No Qt: openpyxl only. Written through `paths.private_file` (owner-only, never a half file).
"""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo

from stpaul_field.domain import values as v
from stpaul_field.domain.report_model import MonthlyReport
from stpaul_field.paths import private_file

SUMMARY = "Chiffres clés"
HEADER = ("Valeur", "Suivis", "Part des suivis")
# Excel forbids these in a sheet's name, and allows 31 characters.
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str) -> str:
    return _FORBIDDEN.sub("-", title)[:31]


def summary_rows(report: MonthlyReport) -> list[tuple[str, object]]:
    f = report.figures
    generated = report.generated_at.astimezone(ZoneInfo(v.TIME_ZONE))
    return [
        ("Période", f.period.label()),
        ("Du", f.period.start),
        ("Au", f.period.end),
        ("Périmètre", "Équipe" if f.scope.is_team else f.scope.label),
        ("Ce qui est compté", report.statement),
        ("Suivis", f.follow_ups),
        ("Objectif", report.target),
        ("Bénéficiaires uniques", f.unique_beneficiaries),
        ("Nouveaux bénéficiaires", f.new_beneficiaries),
        ("Suivis individuels", f.individual_follow_ups),
        ("Suivis en ateliers", f.workshop_follow_ups),
        ("dont participants anonymes", f.anonymous_follow_ups),
        ("Accompagnements individuels", f.individual_activities),
        ("Ateliers", f.workshop_activities),
        ("Suivis Aidants Connect", f.aidants_connect),
        ("Ateliers sans émargement", f.awaiting_attendance_workshops),
        ("Inscrits non comptés (émargement à saisir)", f.awaiting_attendance_registered),
        ("Édité le", generated.replace(tzinfo=None)),
    ]


def write_figures_xlsx(report: MonthlyReport, path: Path) -> int:
    """Write the workbook; returns its number of sheets."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    f = report.figures
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SUMMARY
    for label, value in summary_rows(report):
        ws.append([label, value])
        cell = ws.cell(row=ws.max_row, column=2)
        if hasattr(value, "year"):
            cell.number_format = "dd/mm/yyyy hh:mm" if hasattr(value, "hour") else "dd/mm/yyyy"
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 60
    for split, breakdown in f.splits():
        sheet = wb.create_sheet(sheet_name(split.title))
        sheet.append(list(HEADER))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in breakdown.rows:
            if split.skip_zero and not row.count:
                continue
            share = row.count / f.follow_ups if f.follow_ups else 0.0
            sheet.append([row.label, row.count, share])
            sheet.cell(row=sheet.max_row, column=3).number_format = "0%"
        if breakdown.overlapping:
            sheet.append([])
            sheet.append(["Une activité peut compter dans plusieurs lignes : le total dépasse les suivis."])
        sheet.column_dimensions["A"].width = 60
        sheet.column_dimensions["B"].width = 10
        sheet.column_dimensions["C"].width = 16
    with private_file(path) as tmp:
        wb.save(tmp)
    return len(wb.sheetnames)
