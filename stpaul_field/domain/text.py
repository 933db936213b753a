"""Text folding shared by search, duplicate detection and validation."""

from __future__ import annotations

import re
import unicodedata
from typing import Protocol

_NON_DIGITS = re.compile(r"\D+")
# What no record may hold: NUL (PostgreSQL stores none, not even inside JSON) and a lone UTF-16
# surrogate (no UTF-8 form: neither SQLite nor the protocol's JSON can carry it).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable(text: str) -> str | None:
    """Why `text` cannot be stored nor sent, in French (« caractère nul (U+0000) interdit »),
    or None: the one rule of the laptop's validation and of the central record's checks."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    return f"caractère {'nul' if code == 0 else 'invalide'} (U+{code:04X}) interdit"


def fold(text: str | None) -> str:
    """Lower-case, accent-free, single-spaced: 'Hélène  PAYET' -> 'helene payet'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def sort_key(*parts: str | None) -> str:
    """An order on folded text, part by part: « Éthève » sorts with the E and « hoarau » with
    « HOARAU », and the unit separator between parts sorts before every letter and space, so
    each part is compared in full before the next one is."""
    return "\x1f".join(fold(part) for part in parts)


def name_key(last_name: str | None, first_name: str | None) -> str:
    """The register's order: last name, then first name."""
    return sort_key(last_name, first_name)


class Person(Protocol):
    last_name: str
    first_name: str
    anonymous: bool
    id: object


def person_order(person: Person) -> tuple[bool, str, str]:
    """The one order of every list of people — the register, the Émargement dialog, the
    attendance sheet, the exports: last name then first name with accents and case folded
    (BÈGUE, BÉNARD, BOULEVART, as a French reader expects), anonymous people last."""
    return (bool(person.anonymous), name_key(person.last_name, person.first_name), str(person.id))


def register_sort_keys(
    last_name: str | None, first_name: str | None, commune: str | None
) -> tuple[str, str, str]:
    """A person's keys in the register's orders: by name, by first name, by commune (ties
    broken by name)."""
    return (
        name_key(last_name, first_name),
        sort_key(first_name, last_name),
        sort_key(commune, last_name, first_name),
    )


def normalize_phone(phone: str | None) -> str:
    """Digits only, with a Réunion/metropolitan international prefix turned national.

    '+262 692 12 34 56' -> '0692123456'; '0692 12-34-56' -> '0692123456'.
    """
    if not phone:
        return ""
    digits = _NON_DIGITS.sub("", phone)
    if phone.strip().startswith("+") or phone.strip().startswith("00"):
        digits = digits.removeprefix("00")
        for prefix in ("262", "33"):
            if digits.startswith(prefix) and len(digits) == len(prefix) + 9:
                return "0" + digits[len(prefix) :]
    return digits


def format_phone(digits: str | None) -> str:
    """'0692123456' -> '06 92 12 34 56' (other lengths are shown as stored)."""
    if not digits:
        return ""
    if len(digits) == 10 and digits.isdigit():
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return digits
