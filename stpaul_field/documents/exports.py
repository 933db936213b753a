"""Exports in the columns of the national activity report (CRA of La Coop de la médiation
numérique): activities, one row per accompaniment, and beneficiaries; XLSX or CSV.

Column order and labels follow docs/reference/coop-cra.md exactly. Codes are written
as their French labels; dates as dd/mm/yyyy (real date cells in XLSX, text in CSV); the CSV
is UTF-8 with a BOM and `;` separators, as French spreadsheets expect.
"""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.report_model import Period
from stpaul_field.domain.text import format_phone
from stpaul_field.store import statistics as st
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Venue

FORMATS = ("xlsx", "csv")
KINDS = ("activities", "beneficiaries")
DATE_FORMAT = "%d/%m/%Y"
XLSX_DATE_FORMAT = "dd/mm/yyyy"
SOURCE = "Ville de Saint-Paul (stpaul-field)"
LOCAL_ZONE = ZoneInfo(v.TIME_ZONE)

ACTIVITY_HEAD = ("Date", "Enregistré le", "Dernière modification le")
ACTIVITY_TEAM = ("Prénom du médiateur", "Nom du médiateur", "Rôle")
ACTIVITY_TAIL = (
    "Type",
    "Participants",
    "Bénéficiaire",
    "Canaux d'accompagnement",
    "Nom du lieu",
    "Adresse",
    "Commune",
    "Code postal",
    "Code Insee",
    "Durée (min)",
    "Nom de l'atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d'accompagnement",
    "Tags",
    "Nom de la démarche administrative",
    "Niveau d'autonomie (ou de l'atelier)",
    "Bénéficiaire réorienté",
    "Structure de redirection",
    "Commune du bénéficiaire",
    "Code postal du bénéficiaire",
    "Code Insee du bénéficiaire",
    "Genre du bénéficiaire",
    "Tranche d'âge du bénéficiaire",
    "Statut du bénéficiaire",
    "Notes supplémentaires",
    "Source de la donnée",
    "ID CRA",
)
BENEFICIARY_COLUMNS = (
    "Nom",
    "Prénom",
    "Année de naissance",
    "Nom de la commune",
    "Code INSEE",
    "Code postal",
    "N° de téléphone",
    "E-mail",
    "Genre",
    "Tranche d'âge",
    "Statut",
    "Nombre d'accompagnements",
    "Notes supplémentaires",
)


def activity_columns(team: bool) -> tuple[str, ...]:
    return ACTIVITY_HEAD + (ACTIVITY_TEAM if team else ()) + ACTIVITY_TAIL


@dataclass(frozen=True)
class Table:
    """An export ready to write: a header and rows of cells (str, int or date)."""

    title: str
    columns: tuple[str, ...]
    rows: list[list[Any]]


def _local_date(stamp: dt.datetime | None) -> dt.date | None:
    return stamp.astimezone(LOCAL_ZONE).date() if stamp else None


def _join(labels: Sequence[str]) -> str:
    return ", ".join(label for label in labels if label)


def _age_band(b: Beneficiary, on_year: int) -> str:
    code = b.age_band or (v.age_band_for(b.birth_year, on_year) if b.birth_year else None)
    return v.AGE_BANDS.label(code or "non_communique")


def _activity_row(
    a: Activity,
    b: Beneficiary | None,
    venue: Venue | None,
    advisor: Advisor | None,
    participants: int,
    team: bool,
) -> list[Any]:
    individual = a.type == "individual"
    if b is None:
        person = "Participants anonymes"
    elif b.anonymous:
        person = "Anonyme"
    else:
        person = f"{b.first_name} {b.last_name}".strip()
    place = (
        (venue.commune, venue.postcode, venue.insee_code) if venue else (a.commune, a.postcode, a.insee_code)
    )
    level = v.AUTONOMY.label(a.autonomy) if individual else v.WORKSHOP_LEVELS.label(a.level)
    row: list[Any] = [a.date, _local_date(a.created_at), _local_date(a.updated_at)]
    if team:
        row += [
            advisor.first_name if advisor else "",
            advisor.last_name if advisor else "",
            v.ADVISOR_ROLES.label(advisor.role) if advisor else "",
        ]
    row += [
        v.ACTIVITY_TYPES.label(a.type),
        participants,
        person,
        v.PLACE_TYPES.label(a.place_type),
        venue.name if venue else "",
        venue.address if venue else "",
        *place,
        a.duration_min,
        a.title,
        _join(v.EQUIPMENT.labels(a.equipment)),
        _join(v.THEMES.labels(a.themes) + v.ADMIN_THEMES.labels(a.admin_themes)),
        "",  # Tags: Saint-Paul does not tag activities
        a.procedure_name,
        level,
        ("Oui" if a.redirected else "Non") if individual else "",
        v.REDIRECT_STRUCTURES.label(a.redirect_structure),
        b.commune if b else "",
        b.postcode if b else "",
        b.insee_code if b else "",
        v.GENDER_EXPORT_LABELS.get(b.gender or "non_communique", "") if b else "",
        _age_band(b, a.date.year) if b else "",
        v.SOCIAL_STATUSES.label(b.social_status or "non_communique") if b else "",
        a.notes,
        SOURCE,
        str(a.id),
    ]
    return row


def activities_table(session: Session, period: Period, advisor_id: uuid.UUID | None) -> Table:
    """One row per accompaniment of the period; `advisor_id` None: the whole team."""
    team = advisor_id is None
    rows = [_activity_row(*r, team=team) for r in st.accompaniments(session, period, advisor_id)]
    return Table("Activités", activity_columns(team), rows)


def beneficiaries_table(session: Session, period: Period, advisor_id: uuid.UUID | None) -> Table:
    rows = []
    for b, count in st.followed_beneficiaries(session, period, advisor_id):
        rows.append(
            [
                b.last_name,
                b.first_name,
                b.birth_year,
                b.commune,
                b.insee_code,
                b.postcode,
                format_phone(b.phone) if b.phone else "",
                b.email,
                v.GENDER_EXPORT_LABELS.get(b.gender or "non_communique", ""),
                _age_band(b, period.end.year),
                v.SOCIAL_STATUSES.label(b.social_status or "non_communique"),
                count,
                b.notes,
            ]
        )
    return Table("Bénéficiaires", BENEFICIARY_COLUMNS, rows)


def build_table(session: Session, kind: str, period: Period, advisor_id: uuid.UUID | None) -> Table:
    if kind == "activities":
        return activities_table(session, period, advisor_id)
    if kind == "beneficiaries":
        return beneficiaries_table(session, period, advisor_id)
    raise ValueError(f"Export inconnu « {kind} » : activities ou beneficiaries.")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.strftime(DATE_FORMAT)
    return "" if value is None else value


def write_csv(table: Table, path: Path) -> None:
    # utf-8-sig writes the BOM that makes Excel read the accents right.
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_csv_cell(c) for c in row])


def write_xlsx(table: Table, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=False)
    ws = wb.active
    assert ws is not None
    ws.title = table.title
    ws.append(list(table.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    date_columns = set()
    for row in table.rows:
        ws.append(row)
        for i, value in enumerate(row):
            if isinstance(value, dt.date):
                date_columns.add(i)
    for i in date_columns:
        for (cell,) in ws.iter_rows(min_row=2, min_col=i + 1, max_col=i + 1):
            cell.number_format = XLSX_DATE_FORMAT
    for i, name in enumerate(table.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(40, len(name) + 2))
    ws.freeze_panes = "A2"
    wb.save(path)


def write(table: Table, path: Path, fmt: str) -> None:
    """Write to `path` through a temporary file, so a failed export leaves no half file."""
    if fmt not in FORMATS:
        raise ValueError(f"Format inconnu « {fmt} » : xlsx ou csv.")
    tmp = path.with_name(f".{path.name}.part")
    try:
        (write_xlsx if fmt == "xlsx" else write_csv)(table, tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def export(
    session: Session, kind: str, period: Period, advisor_id: uuid.UUID | None, path: Path, fmt: str
) -> int:
    """Build and write an export; returns the number of rows written."""
    table = build_table(session, kind, period, advisor_id)
    write(table, path, fmt)
    return len(table.rows)
