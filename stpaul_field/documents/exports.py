"""The Coop's exports (La Coop de la médiation numérique): activities, one row per
accompaniment, for an advisor or a team, and an advisor's beneficiaries; XLSX or CSV.

An XLSX is laid out as the Coop's own (docs/reference/coop-cra.md, « Exports », cites the
Coop's files): the sheet, an « Informations export » block, a « Filtres » block, then an Excel
table with the same name, headers, order and cell formats. The CSV is an extra with the same
columns and cells (UTF-8 with a BOM, `;` separators, as French spreadsheets expect).

Each column is declared once, with its header and the function giving its cell; a column
kept for an advisor's own export (names, notes) is never in a team's.
"""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.counting import CountingRule
from stpaul_field.domain.report_model import Period
from stpaul_field.domain.text import format_phone
from stpaul_field.paths import private_file
from stpaul_field.store import statistics as st
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Venue

FORMATS = ("xlsx", "csv")
KINDS = ("activities", "beneficiaries")
CSV_DATE_FORMAT = "%d/%m/%Y"
XLSX_DATE_FORMAT = "dd/mm/yyyy"
LOCAL_ZONE = ZoneInfo(v.TIME_ZONE)
CREATOR = "Ville de Saint-Paul (stpaul-field)"  # the workbook's author: us, not the Coop
LINE_BREAK = "\n"  # the Coop joins the values of one cell by line breaks
EMPTY = "-"  # the beneficiaries export and the blocks' empty value
Scope = Literal["own", "team"]
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    header: str
    cell: Callable[[R], Any]
    only: Scope | None = None  # "own": never in a team's export (names, notes), "team": the reverse


def headers(columns: Sequence[Column[Any]], scope: Scope) -> tuple[str, ...]:
    return tuple(c.header for c in _kept(columns, scope))


def _kept(columns: Sequence[Column[R]], scope: Scope) -> list[Column[R]]:
    return [c for c in columns if c.only in (None, scope)]


# ---- activities ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One accompaniment: a person in an activity (`person` None: an anonymous participant,
    described by `anonymous`), its rank in the activity and the activity's accompaniments."""

    activity: Activity
    person: Beneficiary | None
    anonymous: tuple[str, str, str]  # gender, age band, status of an anonymous participant
    venue: Venue | None
    advisor: Advisor | None
    rank: int
    count: int


def _stamp(stamp: dt.datetime) -> str:
    return stamp.astimezone(LOCAL_ZONE).strftime("%d/%m/%Y à %H:%M")


def _modified(a: Activity) -> str:
    # The Coop leaves it empty for a record never modified; ours stamps creation and last
    # change separately, a few microseconds apart on creation.
    if (
        a.updated_at is None
        or a.created_at is None
        or abs(a.updated_at - a.created_at) < dt.timedelta(seconds=1)
    ):
        return ""
    return _stamp(a.updated_at)


def _is_conum(advisor: Advisor | None) -> bool:
    return advisor is not None and advisor.role == "conseiller_numerique"


def _person_name(line: Line) -> str:
    p = line.person
    if p is None or p.anonymous:
        return "Bénéficiaire anonyme"
    return " ".join(x for x in (p.first_name, p.last_name) if x) or "Bénéficiaire anonyme"


def _place(line: Line, venue_attr: str, activity_attr: str) -> str:
    if line.venue is not None:
        return getattr(line.venue, venue_attr) or ""
    return getattr(line.activity, activity_attr) or ""


def _stars(a: Activity) -> str:
    # « 1/3 » … « 3/3 »: the rank in the value list, out of its length (the Coop's stars).
    for code, values in ((a.autonomy, v.AUTONOMY), (a.level, v.WORKSHOP_LEVELS)):
        if code in values:
            return f"{values.codes.index(code) + 1}/{len(values)}"
    return ""


def _redirected(a: Activity) -> str:
    if a.type != "individual":
        return ""  # the Coop asks it of individual accompaniments only
    return "Oui" if a.redirected else "Non"


def _joined(labels: Sequence[str]) -> str:
    return LINE_BREAK.join(label for label in labels if label)


def _person_attr(line: Line, name: str) -> str:
    return getattr(line.person, name) or "" if line.person is not None else ""


def _gender(line: Line) -> str:
    code = line.person.gender if line.person is not None else line.anonymous[0]
    return v.GENDERS.label(code or "non_communique")


def _age(line: Line) -> str:
    if line.person is None:
        return v.AGE_BANDS.label(line.anonymous[1])
    p = line.person
    return v.AGE_BANDS.label(v.effective_age_band(p.birth_year, p.age_band, line.activity.date.year))


def _status(line: Line) -> str:
    code = line.person.social_status if line.person is not None else line.anonymous[2]
    return v.SOCIAL_STATUSES.label(code or "non_communique")


ACTIVITY_COLUMNS: tuple[Column[Line], ...] = (
    Column("Date", lambda r: r.activity.date),
    Column("Enregistré le", lambda r: _stamp(r.activity.created_at)),
    Column("Dernière modification le", lambda r: _modified(r.activity)),
    Column("Prénom du médiateur", lambda r: r.advisor.first_name if r.advisor else "", only="team"),
    Column("Nom du médiateur", lambda r: r.advisor.last_name if r.advisor else "", only="team"),
    Column("Rôle", lambda r: "Conseiller Numérique" if _is_conum(r.advisor) else "Médiateur", only="team"),
    Column("ID - Conum", lambda r: _is_conum(r.advisor), only="team"),
    Column("Type", lambda r: v.ACTIVITY_TYPES.label(r.activity.type)),
    Column("Participants", lambda r: 1 if r.count == 1 else f"{r.rank}/{r.count}"),
    Column("Bénéficiaire", _person_name, only="own"),
    Column("Canaux d’accompagnement", lambda r: v.PLACE_TYPES.label(r.activity.place_type)),
    Column("Nom du lieu", lambda r: r.venue.name if r.venue else ""),
    Column("Adresse", lambda r: r.venue.address if r.venue else ""),
    Column("Commune", lambda r: _place(r, "commune", "commune")),
    Column("Code postal", lambda r: _place(r, "postcode", "postcode")),
    Column("Code Insee", lambda r: _place(r, "insee_code", "insee_code")),
    Column("Durée (min)", lambda r: r.activity.duration_min),
    Column("Nom de l’atelier", lambda r: r.activity.title or ""),
    Column("Matériel numérique utilisé", lambda r: _joined(v.EQUIPMENT.labels(r.activity.equipment))),
    Column(
        "Thématique(s) d’accompagnement",
        lambda r: _joined(
            v.THEMES.labels(r.activity.themes) + v.ADMIN_THEMES.labels(r.activity.admin_themes)
        ),
    ),
    Column("Tags", lambda r: ""),  # Saint-Paul does not tag activities
    Column("Nom de la démarche administrative", lambda r: r.activity.procedure_name or ""),
    Column("Niveau d’autonomie (ou de l’atelier)", lambda r: _stars(r.activity)),
    Column("Bénéficiaire réorienté", lambda r: _redirected(r.activity)),
    Column(
        "La démarche est-elle finalisée ?",
        lambda r: v.PROCEDURE_COMPLETIONS.label(r.activity.procedure_completion),
    ),
    Column("Structure de redirection", lambda r: v.REDIRECT_STRUCTURES.label(r.activity.redirect_structure)),
    Column("Commune du bénéficiaire", lambda r: _person_attr(r, "commune")),
    Column("Code postal du bénéficiaire", lambda r: _person_attr(r, "postcode")),
    Column("Code Insee du bénéficiaire", lambda r: _person_attr(r, "insee_code")),
    Column("Genre du bénéficiaire", _gender),
    Column("Tranche d’âge du bénéficiaire", _age),
    Column("Statut du bénéficiaire", _status),
    # The activity's notes, on its first row only (as the Coop).
    Column("Notes supplémentaires", lambda r: r.activity.notes or "" if r.rank == 1 else "", only="own"),
    Column("ID CRA", lambda r: str(r.activity.id)),
)


def _spread(counts: dict[str, int] | None, n: int) -> list[str]:
    """`n` anonymous participants' codes from a workshop's counts, the rest « non communiqué »."""
    codes = [code for code, k in (counts or {}).items() for _ in range(max(0, k))]
    return (codes + ["non_communique"] * n)[:n]


def activity_lines(
    session: Session, period: Period, advisor_id: uuid.UUID | None, rule: CountingRule
) -> list[Line]:
    """The period's accompaniments, each anonymous participant of a workshop one of them."""
    by_activity: dict[uuid.UUID, list[tuple[Any, ...]]] = {}
    for row in st.accompaniments(session, period, advisor_id, rule):
        by_activity.setdefault(row[0].id, []).append(row)
    lines: list[Line] = []
    for rows in by_activity.values():
        people = [(a, b, venue, adv) for a, b, venue, adv, _n in rows if b is not None]
        anonymous = [(a, venue, adv, n) for a, b, venue, adv, n in rows if b is None]
        count = len(people) + sum(n for *_x, n in anonymous)
        rank = 0
        for a, b, venue, adv in people:
            rank += 1
            lines.append(Line(a, b, ("", "", ""), venue, adv, rank, count))
        for a, venue, adv, n in anonymous:
            spread = zip(
                _spread(a.anon_genders, n),
                _spread(a.anon_age_bands, n),
                _spread(a.anon_statuses, n),
                strict=True,
            )
            for attrs in spread:
                rank += 1
                lines.append(Line(a, None, attrs, venue, adv, rank, count))
    return lines


# ---- beneficiaries ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    person: Beneficiary
    accompaniments: int
    on_year: int


def _or_empty(value: Any) -> Any:
    return EMPTY if value in (None, "") else value


BENEFICIARY_COLUMNS: tuple[Column[Person], ...] = (
    Column("Nom", lambda r: r.person.last_name),
    Column("Prénom", lambda r: r.person.first_name),
    Column("Année de naissance", lambda r: _or_empty(r.person.birth_year)),
    Column("Nom de la commune", lambda r: _or_empty(r.person.commune)),
    Column("Code INSEE", lambda r: _or_empty(r.person.insee_code)),
    Column("Code postal", lambda r: _or_empty(r.person.postcode)),
    Column("N° de téléphone", lambda r: _or_empty(format_phone(r.person.phone))),
    Column("E-mail", lambda r: _or_empty(r.person.email)),
    Column("Genre", lambda r: v.GENDER_EXPORT_LABELS[r.person.gender or "non_communique"]),
    Column(
        "Tranche d’âge",
        lambda r: v.AGE_BANDS.label(v.effective_age_band(r.person.birth_year, r.person.age_band, r.on_year)),
    ),
    Column("Statut", lambda r: v.SOCIAL_STATUSES.label(r.person.social_status or "non_communique")),
    Column("Nombre d’accompagnements", lambda r: r.accompaniments),
    Column("Notes supplémentaires", lambda r: r.person.notes or ""),
)

# Every accompaniment ever recorded: the Coop's beneficiaries export has no period.
ALL_TIME = Period(dt.date(1900, 1, 1), dt.date(9999, 12, 31))


# ---- the document ------------------------------------------------------------------------


@dataclass(frozen=True)
class Export:
    """An export ready to write: the blocks above the table, then the table."""

    sheet: str
    table_name: str
    blocks: list[list[Any]]  # rows above the table; a one-cell row of a block title is bold
    titles: frozenset[int]  # indexes in `blocks` of the title rows
    columns: tuple[str, ...]
    rows: list[list[Any]]


def _role_label(advisor: Advisor | None) -> str:
    # The Coop's getUserRoleLabel, for our roles.
    if advisor is None:
        return "Rôle non défini"
    return {"coordinator": "Coordinateur", "conseiller_numerique": "Conseiller Numérique"}.get(
        advisor.role, "Médiateur"
    )


def _information(requester: Advisor | None, total: int, now: dt.datetime) -> list[list[Any]]:
    local = now.astimezone(LOCAL_ZONE)
    return [
        ["Informations export"],
        ["Nom", requester.last_name or EMPTY if requester else EMPTY],
        ["Prénom", requester.first_name or EMPTY if requester else EMPTY],
        ["Rôle", _role_label(requester)],
        ["Total", total],
        ["Date d’export", local.strftime("%d/%m/%Y")],
        ["Heure d’export", local.strftime("%H:%M")],
        [],
    ]


def _activity_filters(period: Period, scoped: Advisor | None) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Filtres"],
        ["Période", f"{period.start:%d.%m.%Y} - {period.end:%d.%m.%Y}"],
        ["Source", EMPTY],
        ["Lieux d’accompagnement", EMPTY],
        ["Communes", EMPTY],
        ["Départements", EMPTY],
        ["Type d’accompagnement", EMPTY],
        ["Rôle", EMPTY],
        ["Thématiques non administratives", EMPTY],
        ["Thématiques administratives", EMPTY],
        ["Tags", EMPTY],
    ]
    if scoped is not None:  # an advisor's activities exported by someone else
        rows.append(["Médiateur", f"{scoped.first_name} {scoped.last_name}"])
    return [*rows, []]


def _document(
    sheet: str,
    table: str,
    blocks: list[list[Any]],
    columns: Sequence[Column[R]],
    items: Sequence[R],
    scope: Scope,
) -> Export:
    kept = _kept(columns, scope)
    titles = frozenset(i for i, row in enumerate(blocks) if len(row) == 1 and row[0] in _TITLES)
    blocks = [*blocks, [""]]  # the Coop's separator row before the table
    return Export(
        sheet,
        table,
        blocks,
        titles,
        tuple(c.header for c in kept),
        [[c.cell(i) for c in kept] for i in items],
    )


_TITLES = frozenset({"Informations export", "Filtres"})


def activities_export(
    session: Session,
    period: Period,
    advisor_id: uuid.UUID | None,
    requester_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
    rule: CountingRule | None = None,
) -> Export:
    """`advisor_id` None: the team's, without names or notes. `rule`: what counts, as in the
    report's figures (`domain.counting`; None: today's, planned activities not counted)."""
    now = now or dt.datetime.now(dt.UTC)
    lines = activity_lines(session, period, advisor_id, rule or CountingRule.now())
    requester = session.get(Advisor, requester_id) if requester_id else None
    scoped = session.get(Advisor, advisor_id) if advisor_id and advisor_id != requester_id else None
    blocks = _information(requester, len(lines), now) + _activity_filters(period, scoped)
    scope: Scope = "team" if advisor_id is None else "own"
    return _document("Activités", "Activités", blocks, ACTIVITY_COLUMNS, lines, scope)


def beneficiaries_export(
    session: Session,
    advisor_id: uuid.UUID | None,
    requester_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
    rule: CountingRule | None = None,
) -> Export:
    """The people an advisor has accompanied, with their accompaniments (ever), as the Coop's
    « mes bénéficiaires »: an advisor's export, never a team's (it names people)."""
    owner = advisor_id or requester_id
    if owner is None:
        raise ValueError(
            "L'export des bénéficiaires est celui d'un conseiller : choisissez le conseiller de ce poste."
        )
    now = now or dt.datetime.now(dt.UTC)
    year = now.astimezone(LOCAL_ZONE).year
    people = [
        Person(b, n, year)
        for b, n in st.followed_beneficiaries(session, ALL_TIME, owner, rule or CountingRule.now())
    ]
    requester = session.get(Advisor, requester_id or owner)
    blocks = [*_information(requester, len(people), now), ["Filtres"], ["Recherche", EMPTY], []]
    # Sic: the Coop names this table « Activités » too.
    return _document("Bénéficiaires", "Activités", blocks, BENEFICIARY_COLUMNS, people, "own")


def build(
    session: Session,
    kind: str,
    period: Period,
    advisor_id: uuid.UUID | None,
    requester_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
    rule: CountingRule | None = None,
) -> Export:
    if kind == "activities":
        return activities_export(session, period, advisor_id, requester_id, now, rule)
    if kind == "beneficiaries":
        return beneficiaries_export(session, advisor_id, requester_id, now, rule)
    raise ValueError(f"Export inconnu « {kind} » : activities ou beneficiaries.")


# ---- writers ------------------------------------------------------------------------------


def _csv_cell(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.strftime(CSV_DATE_FORMAT)
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"  # as a French spreadsheet shows the XLSX's cell
    return "" if value is None else value


def write_csv(doc: Export, path: Path) -> None:
    # utf-8-sig writes the BOM that makes Excel read the accents right.
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(doc.columns)
        for row in doc.rows:
            writer.writerow([_csv_cell(c) for c in row])


def _widths(doc: Export) -> Iterator[int]:
    # Like the Coop's autosizeColumns: the longest line of a column's cells, within bounds.
    everything = [*doc.blocks, list(doc.columns), *doc.rows]
    for i in range(max(len(r) for r in everything)):
        texts = [str(_csv_cell(r[i])) for r in everything if i < len(r)]
        longest = max((len(line) for t in texts for line in t.split(LINE_BREAK)), default=0)
        yield max(10, min(60, longest + 2))


def write_xlsx(doc: Export, path: Path, now: dt.datetime | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None)
    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = wb.properties.modified = now
    ws = wb.active
    assert ws is not None
    ws.title = doc.sheet
    for i, row in enumerate(doc.blocks):
        ws.append(row)
        if i in doc.titles:
            ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    first = len(doc.blocks) + 1
    ws.append(list(doc.columns))
    for row in doc.rows:
        ws.append(row)
    # An Excel table needs a row under its header, even when the export has none.
    last = max(first + len(doc.rows), first + 1)
    ref = f"A{first}:{get_column_letter(len(doc.columns))}{last}"
    table = Table(displayName=doc.table_name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=False)
    ws.add_table(table)
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in ws.iter_rows():
        for cell in cells:
            cell.alignment = wrap
            if cell.row > first and isinstance(cell.value, dt.date):
                cell.number_format = XLSX_DATE_FORMAT
    for i, width in enumerate(_widths(doc), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    wb.save(path)


def write(doc: Export, path: Path, fmt: str) -> None:
    """Write to `path` through a temporary file, so a failed export leaves no half file."""
    if fmt not in FORMATS:
        raise ValueError(f"Format inconnu « {fmt} » : xlsx ou csv.")
    with private_file(path) as tmp:
        (write_xlsx if fmt == "xlsx" else write_csv)(doc, tmp)


def export(
    session: Session,
    kind: str,
    period: Period,
    advisor_id: uuid.UUID | None,
    path: Path,
    fmt: str,
    requester_id: uuid.UUID | None = None,
    rule: CountingRule | None = None,
) -> int:
    """Build and write an export; returns the number of rows written.

    `advisor_id` None: the team's activities; `requester_id`: who exports (the export's
    information block), by default the advisor exported.
    """
    doc = build(session, kind, period, advisor_id, requester_id or advisor_id, rule=rule)
    write(doc, path, fmt)
    return len(doc.rows)
