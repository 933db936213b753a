"""Reading a register from a file: the Coop's import template, the Coop's beneficiaries export,
or a city's own CSV or XLSX, its columns matched to our fields by their headers (or by a
mapping the advisor gave, remembered).

A file that cannot be read gets one clear French error (`ImportFileError`) and nothing else
happens; a readable one gives rows of text by field, each with its row number as a spreadsheet
shows it, for `domain.beneficiary_import.parse_row`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stpaul_field.domain.beneficiary_import import FIELDS, MAX_ROWS
from stpaul_field.domain.text import fold

COOP_SHEET = "Bénéficiaires"
COMMUNES_SHEET = "Communes"
COOP_TEMPLATE_FIRST_ROW = 4  # row 1: instructions, rows 2 and 3: headers
# The template's columns, by position (the Coop's analyseImportBeneficiairesExcel.ts).
COOP_TEMPLATE_COLUMNS = (
    "last_name",
    "first_name",
    "birth_year",
    "commune",
    "insee_code",
    "postcode",
    "phone",
    "email",
    "gender",
    "notes",
)
# Headers that name a field, folded (the Coop's export's own first, then common spellings).
ALIASES: dict[str, tuple[str, ...]] = {
    "last_name": ("nom", "nom de famille", "nom d'usage", "last name", "name"),
    "first_name": ("prenom", "prenoms", "first name"),
    "birth_year": ("annee de naissance", "annee", "naissance", "ne en", "ne(e) en"),
    "commune": ("nom de la commune", "commune", "ville", "commune de residence"),
    "insee_code": ("code insee", "insee", "code commune"),
    "postcode": ("code postal", "cp"),
    "phone": ("n° de telephone", "telephone", "tel", "tel.", "portable", "mobile", "numero de telephone"),
    "email": ("e-mail", "email", "mail", "courriel", "adresse e-mail", "adresse mail"),
    "gender": ("genre", "sexe"),
    "notes": (
        "notes supplementaires",
        "notes",
        "note",
        "commentaire",
        "commentaires",
        "observations",
        "remarque",
        "remarques",
    ),
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls alike


class ImportFileError(ValueError):
    """The file cannot be imported; the message is French, for the advisor."""


class UnknownColumnsError(ImportFileError):
    """No header row names our columns: the advisor says which is which (`headers` offered)."""

    def __init__(self, message: str, headers: list[str]) -> None:
        super().__init__(message)
        self.headers = headers


@dataclass
class ReadFile:
    layout: str  # « modèle d'import de la Coop », « export de la Coop », « fichier de la ville »
    columns: dict[str, str]  # field -> the file's header (or column letter) read for it
    ignored: list[str]  # the file's headers no field takes
    rows: list[tuple[int, dict[str, str]]]  # (row number, text by field)
    signature: str = ""  # its header row's (`header_signature`): what a mapping is remembered by
    mapping: dict[str, str] = field(default_factory=dict)  # the mapping given or remembered
    remembered: bool = False  # the mapping is the one remembered for these headers
    header: list[str] = field(default_factory=list)  # the header row's headers, to map from


# ---- mappings remembered per set of headers ----------------------------------------------


def header_signature(cells: Iterable[str]) -> str:
    """A set of headers, whatever their order, as a short digest: the key a mapping is
    remembered by in the laptop's settings (which so hold no cell of a file, only headers)."""
    headers = sorted({fold(c) for c in cells if c and c.strip()})
    return hashlib.sha256("\x1f".join(headers).encode()).hexdigest()[:16]


def remembered_mappings(text: str) -> dict[str, dict[str, str]]:
    """The setting's JSON: {signature: {field: header}}; anything else (a damaged setting, or
    the one mapping of every file that versions before December 2026 kept) is ignored."""
    try:
        loaded = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {
        sig: {f: h for f, h in m.items() if f in FIELDS and isinstance(h, str)}
        for sig, m in loaded.items()
        if isinstance(m, dict)
    }


def remember_mapping(text: str, read: ReadFile) -> str:
    """The setting's JSON with `read`'s mapping remembered for its headers."""
    known = remembered_mappings(text)
    if read.signature and read.mapping:
        known[read.signature] = dict(read.mapping)
    return json.dumps(known, ensure_ascii=False, sort_keys=True)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return "" if text == "-" else text  # the Coop's export writes « - » for an empty cell


def _field_of(header: str, mapping: Mapping[str, str]) -> str | None:
    folded = fold(header)
    for name, wanted in mapping.items():
        if fold(wanted) == folded:
            return name
    for name, aliases in ALIASES.items():
        if folded in aliases and name not in mapping:
            return name
    return None


def _header_row(grid: list[list[str]], mapping: Mapping[str, str]) -> int | None:
    """The first row naming both the last and the first name (within the first 30)."""
    for i, row in enumerate(grid[:30]):
        named = {_field_of(cell, mapping) for cell in row if cell}
        if {"last_name", "first_name"} <= named:
            return i
    return None


def _remembered_row(
    grid: list[list[str]], remembered: Mapping[str, Mapping[str, str]]
) -> tuple[int, dict[str, str]] | None:
    """The first row (within the first 30) whose headers have a remembered mapping."""
    for i, row in enumerate(grid[:30]):
        found = remembered.get(header_signature(row)) if any(row) else None
        if found:
            return i, dict(found)
    return None


def _by_header(
    grid: list[list[str]],
    layout: str,
    mapping: Mapping[str, str],
    first_number: int,
    remembered: Mapping[str, Mapping[str, str]] | None = None,
) -> ReadFile:
    at = _header_row(grid, mapping)
    from_memory = False
    if not mapping and remembered:
        # The headers this laptop was told about last time win over guessing from their names.
        hit = _remembered_row(grid, remembered)
        if hit is not None:
            at, mapping = hit
            from_memory = True
    if at is None:
        wanted = " et ".join(f"« {FIELDS[n]} »" for n in ("last_name", "first_name"))
        raise UnknownColumnsError(
            f"Aucune ligne d'en-tête n'a les colonnes {wanted} : indiquez quelle colonne tient quoi "
            '(option --colonne, ex. --colonne "Nom=NOM DE FAMILLE").',
            # The headers to choose from: the file's first row that holds anything.
            next(([c for c in row if c] for row in grid[:30] if any(row)), []),
        )
    header = grid[at]
    columns: dict[str, str] = {}
    index: dict[str, int] = {}
    ignored = []
    for i, cell in enumerate(header):
        name = _field_of(cell, mapping) if cell else None
        if name is None or name in index:
            if cell:
                ignored.append(cell)
            continue
        columns[name], index[name] = cell, i
    rows = []
    for offset, row in enumerate(grid[at + 1 :], start=at + 1):
        cells = {name: (row[i] if i < len(row) else "") for name, i in index.items()}
        if any(cells.values()):
            rows.append((first_number + offset, cells))
    named = [c for c in header if c]
    return ReadFile(
        layout, columns, ignored, rows, header_signature(header), dict(mapping), from_memory, named
    )


def _check_size(count: int) -> None:
    if count > MAX_ROWS + 40:  # headers and blocks above the table
        raise ImportFileError(
            f"Le fichier compte {count:,} lignes : {MAX_ROWS:,} au plus par import. ".replace(",", " ")
            + "Découpez-le en plusieurs fichiers."
        )


def _xlsx_grids(path: Path) -> dict[str, list[list[str]]]:
    from openpyxl import load_workbook

    try:
        values = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise ImportFileError(
            "Ce classeur Excel est abîmé ou n'en est pas un : il ne peut pas être lu."
        ) from e
    grids: dict[str, list[list[str]]] = {}
    try:
        for ws in values.worksheets:
            _check_size(ws.max_row or 0)
            grids[ws.title] = [[_text(c) for c in r] for r in ws.iter_rows(values_only=True)]
    finally:
        values.close()
    return grids


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError("Ce fichier texte n'est pas lisible (encodage inconnu).")  # latin-1 never fails


def _csv_grid(data: bytes) -> list[list[str]]:
    text = _decode(data)
    if "\x00" in text:
        raise ImportFileError("Ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier CSV lisible.")
    sample = "\n".join(line for line in text.splitlines()[:20] if line.strip())
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        dialect = "excel"
        if sample.count(";") >= sample.count(","):
            dialect = csv.excel
            dialect.delimiter = ";"  # type: ignore[misc]
    grid = [[_text(c) for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    _check_size(len(grid))
    return grid


def sheets(path: Path, empty: str) -> dict[str, list[list[str]]]:
    """A workbook's sheets as text, or a CSV file's one grid (under the name ""); the French
    error of a file that cannot be read (`empty`: what an empty file lacks)."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise ImportFileError(f"Le fichier « {path.name} » ne peut pas être ouvert ({e.strerror}).") from e
    if head.startswith(_OLE_MAGIC):
        raise ImportFileError(
            "Ce classeur est protégé par un mot de passe (ou au vieux format .xls) : ouvrez-le dans "
            "votre tableur, enregistrez-le sans mot de passe au format .xlsx, puis importez-le."
        )
    if head.startswith(b"PK"):
        return _xlsx_grids(path)
    data = path.read_bytes()
    if not data.strip(b"\xef\xbb\xbf \r\n\t"):
        raise ImportFileError(f"Le fichier est vide : {empty}.")
    return {"": _csv_grid(data)}


def read_file(
    path: Path,
    mapping: Mapping[str, str] | None = None,
    remembered: Mapping[str, Mapping[str, str]] | None = None,
) -> ReadFile:
    """The file's rows by field; `mapping` gives the header of a field a file names its own way,
    and without it `remembered` ({signature: mapping}) the one last given for the same headers."""
    mapping = dict(mapping or {})
    grids = sheets(path, "aucune personne à importer")
    if "" in grids:
        return _by_header(grids[""], "fichier de la ville", mapping, 1, remembered)
    if COOP_SHEET in grids and _is_coop_template(grids[COOP_SHEET]) and not mapping:
        return _coop_template(grids[COOP_SHEET], grids.get(COMMUNES_SHEET, []))
    sheet = COOP_SHEET if COOP_SHEET in grids else next(iter(grids), None)
    if sheet is None:
        raise ImportFileError("Ce classeur n'a aucune feuille.")
    layout = "export de la Coop" if sheet == COOP_SHEET else "fichier de la ville"
    return _by_header(grids[sheet], layout, mapping, 1, remembered)


def _is_coop_template(grid: list[list[str]]) -> bool:
    # Two header rows above the data: the second or third row starts « Nom », « Prénom ».
    for row in grid[1:3]:
        if [fold(c) for c in row[:2]] == ["nom", "prenom"]:
            return _header_row(grid[:1], {}) is None  # row 1 holds the instructions, not headers
    return False


def _communes_sheet(grid: list[list[str]]) -> dict[str, tuple[str, str]]:
    """The template's « Communes » sheet: INSEE code -> (name, postcode)."""
    at = next(
        (i for i, row in enumerate(grid[:10]) if {_field_of(c, {}) for c in row} >= {"insee_code"}), None
    )
    if at is None:
        return {}
    where = {_field_of(c, {}): i for i, c in enumerate(grid[at]) if c}
    name_at = where.get("commune", where.get("last_name"))
    insee_at, post_at = where["insee_code"], where.get("postcode")

    def cell(row: list[str], i: int | None) -> str:
        return row[i] if i is not None and i < len(row) else ""

    out = {}
    for row in grid[at + 1 :]:
        if cell(row, insee_at):
            out[cell(row, insee_at)] = (cell(row, name_at), cell(row, post_at))
    return out


def _coop_template(grid: list[list[str]], communes: list[list[str]]) -> ReadFile:
    # Name and postcode are formulas on the code INSEE, which a file saved by another program
    # than Excel may hold without their computed value: read them from the « Communes » sheet.
    lookup = _communes_sheet(communes)
    rows = []
    for number, row in enumerate(grid[COOP_TEMPLATE_FIRST_ROW - 1 :], start=COOP_TEMPLATE_FIRST_ROW):
        cells = {name: (row[i] if i < len(row) else "") for i, name in enumerate(COOP_TEMPLATE_COLUMNS)}
        if not any(cells.values()):
            break  # the Coop's import stops at the first empty row
        name, postcode = lookup.get(cells["insee_code"], ("", ""))
        cells["commune"] = cells["commune"] or name
        cells["postcode"] = cells["postcode"] or postcode
        rows.append((number, cells))
    columns = {name: FIELDS[name] for name in COOP_TEMPLATE_COLUMNS}
    return ReadFile("modèle d'import de la Coop", columns, [], rows)


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """« Nom=NOM DE FAMILLE » (our column's French name = the file's header) -> {field: header}."""
    by_label = {fold(alias): name for name, aliases in ALIASES.items() for alias in aliases}
    by_label.update({fold(label): name for name, label in FIELDS.items()})
    out: dict[str, str] = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        name = by_label.get(fold(ours))
        if not sep or name is None or not theirs.strip():
            known = ", ".join(FIELDS.values())
            raise ImportFileError(
                f"Correspondance « {pair} » illisible : attendu Champ=En-tête, le champ parmi {known}."
            )
        out[name] = theirs.strip()
    return out
