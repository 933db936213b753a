"""Search of the register: accent- and case-insensitive, ranked, instant at 100,000 people."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from stpaul_field.domain.text import fold, normalize_phone

_WORD = re.compile(r"[\w-]+")
# Digits (and the spaces, dots and dashes typed between them): a phone number, however short.
_PHONE_QUERY = re.compile(r"^(?=.*\d)[\d\s.+-]+$")
# Fewer digits than this match most of the register ("0692…"): not worth a query.
MIN_PHONE_DIGITS = 6
# Ranking a one- or two-letter prefix is meaningless and costly: list those by name.
MIN_RANKED_WORD = 3
# The register shows "plus de 1000" rather than counting every match of a short prefix.
COUNT_CAP = 1000
# Column weights for bm25: a hit in the last name matters most, then first name.
WEIGHTS = "2.0, 4.0, 1.0, 0.5"  # first_name, last_name, phone, commune


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: uuid.UUID
    first_name: str
    last_name: str
    phone: str
    commune: str
    birth_year: int | None


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for what was typed, or None if nothing searchable.

    Every word must match the start of a word (prefix search as you type); a query of
    digits is a phone number, typed with or without spaces.
    """
    if _PHONE_QUERY.match(query.strip()):
        digits = normalize_phone(query)
        return f'phone : "{digits}"*' if len(digits) >= MIN_PHONE_DIGITS else None
    words = _WORD.findall(fold(query))
    if not words:
        return None
    # A whole-word hit counts twice in the ranking, so "payet" lists PAYET before PAYETLO.
    return " AND ".join(f'("{w}" OR "{w}"*)' if len(w) >= MIN_RANKED_WORD else f'"{w}"*' for w in words)


def is_ranked(query: str) -> bool:
    """Whether hits are ranked (bm25) rather than listed by name: a word of 3 letters or more."""
    if _PHONE_QUERY.match(query.strip()):
        return False
    return any(len(w) >= MIN_RANKED_WORD for w in _WORD.findall(fold(query)))


_MATCHES = """
FROM beneficiary_search s JOIN beneficiary b ON b.rowid = s.rowid
WHERE beneficiary_search MATCH :match
  AND b.deleted_at IS NULL AND b.merged_into_id IS NULL AND NOT b.anonymous
"""
_COLUMNS = "SELECT b.id, b.first_name, b.last_name, b.phone, b.commune, b.birth_year"
_PAGE = "LIMIT :limit OFFSET :offset"
_RANKED_SQL = (
    f"{_COLUMNS} {_MATCHES} ORDER BY bm25(beneficiary_search, {WEIGHTS}), b.last_name, b.first_name {_PAGE}"
)
_BY_NAME_SQL = f"{_COLUMNS} {_MATCHES} ORDER BY b.last_name, b.first_name {_PAGE}"
_COUNT_SQL = f"SELECT count(*) FROM (SELECT 1 {_MATCHES} LIMIT :cap)"


def search_beneficiaries(session: Session, query: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
    match = match_expression(query)
    if match is None:
        return []
    sql = _RANKED_SQL if is_ranked(query) else _BY_NAME_SQL
    rows = session.execute(text(sql), {"match": match, "limit": limit, "offset": offset})
    return [SearchHit(uuid.UUID(hex=r[0]) if isinstance(r[0], str) else r[0], *r[1:]) for r in rows]


def count_matches(session: Session, query: str, cap: int = COUNT_CAP) -> int:
    """How many people match, counted up to `cap` + 1 (more than `cap` reads "plus de cap")."""
    match = match_expression(query)
    if match is None:
        return 0
    return session.execute(text(_COUNT_SQL), {"match": match, "cap": cap + 1}).scalar_one()
