"""Text folding shared by search, duplicate detection and validation."""

from __future__ import annotations

import re
import unicodedata

_NON_DIGITS = re.compile(r"\D+")


def fold(text: str | None) -> str:
    """Lower-case, accent-free, single-spaced: 'Hélène  PAYET' -> 'helene payet'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def name_key(last_name: str | None, first_name: str | None) -> str:
    """The register's order: last then first name, folded, so that « Éthève » sorts with the
    E and « hoarau » with « HOARAU » (the unit separator sorts before every letter and space)."""
    return f"{fold(last_name)}\x1f{fold(first_name)}"


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
