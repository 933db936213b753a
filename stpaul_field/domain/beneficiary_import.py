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
_PLACES = [*COMMUNES.values(), *(Commune(**x) for x in _REFERENCE["localities"])]
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}  # « St-Paul », « Ste Marie »


def _name_key(name: str) -> str:
    words = fold(name).replace("-", " ").replace("'", " ").replace("’", " ").split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


_BY_NAME = {_name_key(c.name): c for c in _PLACES}
# A postcode gives the commune (its INSEE code) that holds it: 97460 is Saint-Paul's (its
# centre and Plateau Caillou), and so are 97411, 97422, 97423, 97434, 97435 of its places —
# though 97411, 97422 and 97423 are also the INSEE codes of Saint-Denis, Le Tampon and Les
# Trois-Bassins: a postcode is read as one only from a postcode column.
_BY_POSTCODE: dict[str, set[str]] = {}
for _place in _PLACES:
    _BY_POSTCODE.setdefault(_place.postcode, set()).add(_place.insee_code)
REUNION_PREFIX = "974"  # La Réunion's INSEE codes and postcodes, all known offline


def commune_named(name: str) -> Commune | None:
    return _BY_NAME.get(_name_key(name))


def resolve_commune(name: str, insee: str, postcode: str) -> tuple[Commune, tuple[str, str] | None]:
    """A commune given by its name, its INSEE code or its postcode (any of them, as the Coop's
    template's Commune columns), completed from the others; with the error (field, French
    message) when it cannot be known. A commune outside La Réunion needs its name and a code."""
    if insee:
        known = COMMUNES.get(insee)
        if known is not None:
            named = commune_named(name) if name else None
            if named is not None and named.insee_code != insee:
                return Commune(name, insee, postcode), (
                    "insee_code",
                    f"Le code INSEE « {insee} » est celui de {known.name}, pas de « {name} ».",
                )
            # The Coop's template fills name and postcode by formulas, maybe never computed.
            return Commune(name or known.name, insee, postcode or known.postcode), None
        if insee.startswith(REUNION_PREFIX):
            return Commune(name, insee, postcode), (
                "insee_code",
                f"Code INSEE « {insee} » inconnu à La Réunion (97401 à 97424).",
            )
        if not name:
            return Commune(name, insee, postcode), (
                "insee_code",
                f"Commune inconnue pour le code INSEE « {insee} » : indiquez aussi son nom.",
            )
        return Commune(name, insee, postcode), None
    if name:
        known = commune_named(name)
        if known is not None:
            return Commune(known.name, known.insee_code, postcode or known.postcode), None
        if postcode:
            by_code = _by_postcode(postcode)
            if by_code is not None:
                # A place of the commune not in our list (« Bellemène »): kept as named.
                return Commune(name, by_code.insee_code, postcode), None
            if not postcode.startswith(REUNION_PREFIX):
                return Commune(name, "", postcode), None  # outside La Réunion, as given
        return Commune(name, "", postcode), (
            "commune",
            f"Commune « {name} » inconnue : indiquez son code INSEE ou son code postal.",
        )
    if postcode:
        candidates = sorted(_BY_POSTCODE.get(postcode, set()))
        if len(candidates) > 1:
            names = " ou ".join(COMMUNES[c].name for c in candidates)
            return Commune("", "", postcode), (
                "postcode",
                f"Le code postal « {postcode} » est celui de {names} : indiquez le nom de la commune.",
            )
        by_code = _by_postcode(postcode)
        if by_code is not None:
            return Commune(by_code.name, by_code.insee_code, postcode), None
        return Commune("", "", postcode), (
            "postcode",
            f"Code postal « {postcode} » inconnu à La Réunion : indiquez le nom de la commune.",
        )
    return Commune("", "", ""), None


def _by_postcode(postcode: str) -> Commune | None:
    candidates = _BY_POSTCODE.get(postcode, set())
    return COMMUNES[next(iter(candidates))] if len(candidates) == 1 else None


def gender_of(raw: str) -> str | None:
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
        gender = gender_of(text("gender"))
        if gender is None:
            error("gender", f"Genre « {text('gender')} » inconnu : Féminin, Masculin ou Non communiqué.")
    place, wrong = resolve_commune(text("commune"), text("insee_code"), text("postcode"))
    commune, insee, postcode = place.name, place.insee_code, place.postcode
    if wrong is not None:
        error(*wrong)
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


KEY_WORDS = {
    "nom": "même nom et année de naissance",
    # A name alone, a birth year unknown on one side (always, for a Coop activities export).
    "nom seul": "même nom (année de naissance inconnue)",
    "téléphone": "même téléphone",
    "e-mail": "même e-mail",
}


def describe(reasons: Iterable[str]) -> str:
    return ", ".join(KEY_WORDS[r] for r in dict.fromkeys(reasons))
