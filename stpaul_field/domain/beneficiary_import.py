"""Rows of a register brought in from a file (the Coop's import template or export, or a city's
own spreadsheet): each row read into a person with its errors in French, and the keys that tell
the same person twice apart — in the register and within the file.

Pure: the file formats are read by `documents.beneficiary_import`, the writing is
`store.beneficiary_import`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.domain.text import fold, normalize_phone
from stpaul_field.domain.validation import beneficiary_errors
from stpaul_field.resources import resource

# The fields an import fills, with the French name of each (the column a file maps to it).
FIELDS: dict[str, str] = {
    "last_name": "Nom",
    "first_name": "Prénom",
    "birth_year": "Année de naissance",
    "commune": "Commune",
    "insee_code": "Code INSEE",
    "postcode": "Code postal",
    "phone": "N° de téléphone",
    "email": "E-mail",
    "gender": "Genre",
    "notes": "Notes supplémentaires",
}
# Beyond this, a file is cut in parts: one import is one transaction, previewed whole.
MAX_ROWS = 20_000
_YEAR = re.compile(r"^\d{4}(\.0+)?$")


@dataclass(frozen=True, slots=True)
class RowError:
    row: int  # the row's number in the file, as a spreadsheet shows it
    column: str  # the file's column (its header), or the field's French name
    message: str

    def __str__(self) -> str:
        return f"Ligne {self.row}, colonne « {self.column} » : {self.message}"


@dataclass
class ImportRow:
    row: int
    data: BeneficiaryData
    errors: list[RowError] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Commune:
    name: str
    insee_code: str
    postcode: str


_REFERENCE = json.loads(resource("reference", "communes-reunion.json").read_text(encoding="utf-8"))
# La Réunion's communes, known offline; elsewhere a row gives name, postcode and code itself.
COMMUNES = {
    c["insee_code"]: Commune(c["name"], c["insee_code"], c["postcode"]) for c in _REFERENCE["communes"]
}
# Saint-Paul's places that registers name as the commune (« La Saline »): kept as named.
_BY_NAME = {
    fold(c.name).replace("-", " "): c
    for c in [*COMMUNES.values(), *(Commune(**x) for x in _REFERENCE["localities"])]
}


def commune_named(name: str) -> Commune | None:
    return _BY_NAME.get(fold(name).replace("-", " "))


def _gender(raw: str) -> str | None:
    # As the Coop's import reads it: the first letter (F, M or N); Homme / Femme too.
    letter = fold(raw)[:1]
    return {"f": "feminin", "m": "masculin", "n": "non_communique", "h": "masculin"}.get(letter)


def parse_row(number: int, cells: Mapping[str, str], columns: Mapping[str, str], today: dt.date) -> ImportRow:
    """One row: `cells` by field (text as read), `columns` the file's header of each field."""

    def text(name: str) -> str:
        return (cells.get(name) or "").strip()

    errors: list[RowError] = []

    def error(name: str, message: str) -> None:
        errors.append(RowError(number, columns.get(name, FIELDS[name]), message))

    birth_year = None
    raw_year = text("birth_year")
    if raw_year:
        if _YEAR.match(raw_year):
            birth_year = int(float(raw_year))
        else:
            error("birth_year", f"« {raw_year} » n'est pas une année de naissance (4 chiffres, ex. 1958).")
    gender = None
    if text("gender"):
        gender = _gender(text("gender"))
        if gender is None:
            error("gender", f"Genre « {text('gender')} » inconnu : Féminin, Masculin ou Non communiqué.")
    commune, insee, postcode = text("commune"), text("insee_code"), text("postcode")
    if insee:
        known = COMMUNES.get(insee)
        if known is not None:
            # The Coop's template fills name and postcode by formulas, maybe never computed.
            commune, postcode = commune or known.name, postcode or known.postcode
        elif not commune:
            error("insee_code", f"Commune inconnue pour le code INSEE « {insee} » : indiquez aussi son nom.")
    elif commune:
        known = commune_named(commune)
        if known is not None:
            commune, insee, postcode = known.name, known.insee_code, postcode or known.postcode
        elif not postcode:
            error("commune", f"Commune « {commune} » inconnue : indiquez son code INSEE ou son code postal.")
    data = BeneficiaryData(
        first_name=text("first_name"),
        last_name=text("last_name"),
        phone=normalize_phone(text("phone")),
        no_phone=False,
        email=text("email"),
        birth_year=birth_year,
        commune=commune,
        postcode=postcode,
        insee_code=insee,
        gender=gender,
        notes=text("notes"),
    )
    if text("phone") and not data.phone:
        error("phone", f"« {text('phone')} » n'est pas un numéro de téléphone.")
    reported = {e.column for e in errors}
    for e in beneficiary_errors(data, today):
        name = e.field if e.field in FIELDS else None
        if name is None or columns.get(name, FIELDS[name]) in reported:
            continue
        if name == "phone" and text("phone"):
            error(
                name,
                f"« {text('phone')} » n'est pas un numéro de téléphone (10 chiffres, ex. 06 92 12 34 56).",
            )
            continue
        error(name, e.message)
    return ImportRow(number, data, errors)


# ---- the same person twice ------------------------------------------------------------------


def name_key(first_name: str, last_name: str) -> str:
    """Accents, case, hyphens and word order aside: « Kévin BÈGUE » = « begue kevin »."""
    words = fold(f"{first_name} {last_name}").replace("-", " ").replace("'", " ").split()
    return " ".join(sorted(words))


def keys(data: BeneficiaryData) -> list[tuple[str, str]]:
    """How a person is recognised: the name (with the birth year: `same_years`), phone, e-mail."""
    out = []
    name = name_key(data.first_name, data.last_name)
    if name:
        out.append(("nom", name))
    if data.phone:
        out.append(("téléphone", data.phone))
    if data.email:
        out.append(("e-mail", data.email.strip().casefold()))
    return out


def same_years(a: int | None, b: int | None) -> bool:
    """Two birth years that may be one person's: equal, or one unknown."""
    return a is None or b is None or a == b


KEY_WORDS = {"nom": "même nom et année de naissance", "téléphone": "même téléphone", "e-mail": "même e-mail"}


def describe(reasons: Iterable[str]) -> str:
    return ", ".join(KEY_WORDS[r] for r in dict.fromkeys(reasons))
