"""The beneficiary register: create, edit, find duplicates, merge, follow-up history, pages.

Every write goes through the caller's session (one unit of work, see `Store.session`), so
the outbox hook records it in the same transaction. Rules come from `domain.validation`;
nothing here re-states them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Select, and_, false, func, literal, literal_column, select, text, tuple_
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.domain.text import fold, normalize_phone, person_order, register_sort_keys
from stpaul_field.domain.validation import validate_beneficiary
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation, Venue, utcnow
from stpaul_field.store.search import COUNT_CAP, count_matches, match_expression

# The fields an advisor edits: those of the domain's record, in its order.
EDITABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(BeneficiaryData))
_STRIPPED = ("first_name", "last_name", "email", "address", "commune", "postcode", "insee_code", "notes")


class RegisterError(ValueError):
    """A register operation that cannot be done; the message is French, for the advisor."""


# ---- create / edit -------------------------------------------------------------------


def data_of(b: Beneficiary) -> BeneficiaryData:
    """The editable fields of a stored person, as a form fills them."""
    return BeneficiaryData(**{name: getattr(b, name) for name in EDITABLE_FIELDS})


def prepared(data: BeneficiaryData, today: dt.date | None = None) -> BeneficiaryData:
    """The record as it will be stored: trimmed, phone as digits, age band from the birth year."""
    today = today or dt.date.today()
    values = {name: getattr(data, name) for name in EDITABLE_FIELDS}
    for name in _STRIPPED:
        values[name] = (values[name] or "").strip()
    values["phone"] = normalize_phone(values["phone"])
    if values["birth_year"] is not None:
        # Known birth year: the band follows from it, whatever was chosen by hand.
        values["age_band"] = v.age_band_for(values["birth_year"], today.year)
    return BeneficiaryData(**values)


def validate_for_save(data: BeneficiaryData, today: dt.date | None = None) -> None:
    """The checks `create_beneficiary` makes, without a session (forms check before asking)."""
    validate_beneficiary(prepared(data, today), today)


def create_beneficiary(session: Session, data: BeneficiaryData, today: dt.date | None = None) -> Beneficiary:
    """Validate and add a person; raises `ValidationError` (French, by field) and adds nothing."""
    clean = prepared(data, today)
    validate_beneficiary(clean, today)
    person = Beneficiary(**{name: getattr(clean, name) for name in EDITABLE_FIELDS})
    session.add(person)
    session.flush()
    return person


def update_beneficiary(
    session: Session, person: Beneficiary | uuid.UUID, data: BeneficiaryData, today: dt.date | None = None
) -> Beneficiary:
    """Validate and apply an edit; only fields that really changed are written (and synced)."""
    person = _live(session, person)
    clean = prepared(data, today)
    validate_beneficiary(clean, today)
    for name in EDITABLE_FIELDS:
        new = getattr(clean, name)
        if getattr(person, name) != new:
            setattr(person, name, new)
    session.flush()
    return person


def _live(session: Session, person: Beneficiary | uuid.UUID) -> Beneficiary:
    found = session.get(Beneficiary, person) if isinstance(person, uuid.UUID) else person
    if found is None:
        raise RegisterError("Cette fiche n'existe pas (ou plus) sur ce poste.")
    if found.merged_into_id is not None:
        raise RegisterError("Cette fiche a été fusionnée avec une autre ; ouvrez la fiche conservée.")
    if found.deleted_at is not None:
        raise RegisterError("Cette fiche est dans la corbeille ; restaurez-la d'abord.")
    return found


# ---- duplicates ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    id: uuid.UUID
    first_name: str
    last_name: str
    birth_year: int | None
    phone: str
    commune: str
    same_name: bool
    same_phone: bool

    @property
    def display_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}".strip()


_ROWID = literal_column("beneficiary.rowid")


def _fts_rowids(match: str) -> Any:
    """The rowids of the people the search index matches (see `store.search`)."""
    return text("SELECT rowid FROM beneficiary_search WHERE beneficiary_search MATCH :m").bindparams(m=match)


def _live_people() -> Any:
    return and_(
        Beneficiary.deleted_at.is_(None),
        Beneficiary.merged_into_id.is_(None),
        Beneficiary.anonymous == false(),
    )


def duplicate_candidates(
    session: Session, data: BeneficiaryData, exclude_id: uuid.UUID | None = None
) -> list[DuplicateCandidate]:
    """People already in the register who may be this one.

    Same name (accents, case and spacing folded) with the same birth year — or a birth year
    unknown on either side, since a missing year says nothing against it — or the same phone.
    """
    if data.anonymous:
        return []
    first, last = fold(data.first_name), fold(data.last_name)
    phone = normalize_phone(data.phone)
    found: dict[uuid.UUID, Beneficiary] = {}
    by_name: set[uuid.UUID] = set()
    match = match_expression(f"{data.first_name} {data.last_name}") if first and last else None
    if match:
        # The FTS index narrows to people whose words start alike; the exact folded test follows.
        stmt = select(Beneficiary).where(_ROWID.in_(_fts_rowids(match)), _live_people())
        for person in session.scalars(stmt):
            if fold(person.first_name) != first or fold(person.last_name) != last:
                continue
            if data.birth_year is not None and person.birth_year not in (None, data.birth_year):
                continue
            found[person.id] = person
            by_name.add(person.id)
    by_phone: set[uuid.UUID] = set()
    if len(phone) >= 6:
        for person in session.scalars(select(Beneficiary).where(Beneficiary.phone == phone, _live_people())):
            found[person.id] = person
            by_phone.add(person.id)
    found.pop(exclude_id, None)  # type: ignore[arg-type]
    return [
        DuplicateCandidate(
            p.id,
            p.first_name,
            p.last_name,
            p.birth_year,
            p.phone,
            p.commune,
            p.id in by_name,
            p.id in by_phone,
        )
        for p in sorted(found.values(), key=person_order)
    ]


# ---- merge ---------------------------------------------------------------------------


def merge_beneficiaries(
    session: Session,
    keep: Beneficiary | uuid.UUID,
    other: Beneficiary | uuid.UUID,
    chosen: dict[str, Any] | None = None,
    today: dt.date | None = None,
) -> Beneficiary:
    """Fold `other` into `keep`, keeping both histories, in the caller's one transaction.

    `chosen` maps field names to the values the advisor picked (from either fiche); other
    fields keep `keep`'s values. Participations of `other` move to `keep`; `other` is marked
    `merged_into_id` and tombstoned, so every laptop learns of the merge through sync.
    """
    keep, other = _live(session, keep), _live(session, other)
    if keep.id == other.id:
        raise RegisterError("Choisissez deux fiches différentes à fusionner.")
    if keep.anonymous or other.anonymous:
        raise RegisterError("Une fiche anonyme ne se fusionne pas.")
    unknown = set(chosen or {}) - set(EDITABLE_FIELDS)
    if unknown:
        raise RegisterError(f"Champ inconnu pour une fusion : {', '.join(sorted(unknown))}.")
    merged = data_of(keep)
    for name, value in (chosen or {}).items():
        setattr(merged, name, value)
    # Pass Numérique vouchers were handed to both fiches: the person received them all.
    if "pass_numerique_vouchers" not in (chosen or {}):
        merged.pass_numerique_vouchers = (keep.pass_numerique_vouchers or 0) + (
            other.pass_numerique_vouchers or 0
        )
    update_beneficiary(session, keep, merged, today)

    kept_by_activity = {
        p.activity_id: p
        for p in session.scalars(
            select(Participation).where(
                Participation.beneficiary_id == keep.id, Participation.deleted_at.is_(None)
            )
        )
    }
    now = utcnow()
    for part in session.scalars(select(Participation).where(Participation.beneficiary_id == other.id)):
        twin = kept_by_activity.get(part.activity_id)
        if twin is not None and part.deleted_at is None:
            # The same person registered twice in one activity: one participation stays.
            if part.attended and not twin.attended:
                twin.attended = True
            twin.first_time = twin.first_time or part.first_time
            part.deleted_at = now
        part.beneficiary_id = keep.id
    # People merged earlier into `other` now point at the fiche that is kept.
    for earlier in session.scalars(select(Beneficiary).where(Beneficiary.merged_into_id == other.id)):
        earlier.merged_into_id = keep.id
    other.merged_into_id = keep.id
    other.deleted_at = now
    session.flush()
    return keep


# ---- follow-up history ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    activity_id: uuid.UUID
    type: str
    status: str
    date: dt.date
    start_time: dt.time | None
    duration_min: int
    title: str
    themes: list[str]
    place: str
    advisor: str
    attended: bool | None

    @property
    def summary(self) -> str:
        """Workshop title, else the themes' labels."""
        return self.title or ", ".join(v.THEMES.labels(self.themes))


def follow_up_history(session: Session, beneficiary_id: uuid.UUID) -> list[HistoryEntry]:
    """Every accompaniment and workshop of this person, by any advisor, latest first."""
    stmt = (
        select(
            Activity.id,
            Activity.type,
            Activity.status,
            Activity.date,
            Activity.start_time,
            Activity.duration_min,
            Activity.title,
            Activity.themes,
            Activity.place_type,
            Activity.commune,
            Venue.name,
            Advisor.first_name,
            Advisor.last_name,
            Participation.attended,
        )
        .join(Activity, Activity.id == Participation.activity_id)
        .outerjoin(Venue, Venue.id == Activity.venue_id)
        .outerjoin(Advisor, Advisor.id == Activity.advisor_id)
        .where(
            Participation.beneficiary_id == beneficiary_id,
            Participation.deleted_at.is_(None),
            Activity.deleted_at.is_(None),
        )
        .order_by(Activity.date.desc(), Activity.start_time.desc(), Activity.id)
    )
    out = []
    seen: set[uuid.UUID] = set()
    for row in session.execute(stmt):
        if row.id in seen:  # a double participation made offline shows once
            continue
        seen.add(row.id)
        if row.place_type == v.PLACE_WITH_VENUE and row.name:
            place = row.name
        else:
            place = " – ".join(x for x in (v.PLACE_TYPES.label(row.place_type), row.commune) if x)
        advisor = f"{row.first_name or ''} {row.last_name or ''}".strip()
        out.append(
            HistoryEntry(
                row.id,
                row.type,
                row.status,
                row.date,
                row.start_time,
                row.duration_min,
                row.title or "",
                list(row.themes or []),
                place,
                advisor,
                row.attended,
            )
        )
    return out


# ---- register pages ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegisterRow:
    id: uuid.UUID
    last_name: str
    first_name: str
    birth_year: int | None
    phone: str
    no_phone: bool
    commune: str
    disability: bool
    family_carer: bool
    homeless: bool
    updated_at: dt.datetime

    @property
    def priority_publics(self) -> list[str]:
        return [code for code in v.PRIORITY_PUBLICS.codes if getattr(self, code)]


# Sort keys the register offers; each maps to SQL, never to a string from outside.
# Each key is a list of (SQL expression, the same value read from a fetched row), ending
# with the id so that the order is total and the next page starts right after a row.
SORT_NAME = "name"
SORT_FIRST_NAME = "first_name"
SORT_BIRTH_YEAR = "birth_year"
SORT_PHONE = "phone"
SORT_COMMUNE = "commune"
SORT_UPDATED = "updated"
_SORTS: dict[str, tuple[tuple[Any, Callable[[RegisterRow], Any]], ...]] = {
    SORT_NAME: ((Beneficiary.sort_name, lambda r: _keys(r)[0]),),
    SORT_FIRST_NAME: ((Beneficiary.sort_first_name, lambda r: _keys(r)[1]),),
    # Unknown years sort first, as 0, so that the key has no NULL to compare.
    SORT_BIRTH_YEAR: ((func.coalesce(Beneficiary.birth_year, 0), lambda r: r.birth_year or 0),),
    SORT_PHONE: ((Beneficiary.phone, lambda r: r.phone),),
    SORT_COMMUNE: ((Beneficiary.sort_commune, lambda r: _keys(r)[2]),),
    SORT_UPDATED: ((Beneficiary.updated_at, lambda r: r.updated_at),),
}
SORT_KEYS: tuple[str, ...] = tuple(_SORTS)


def _keys(row: RegisterRow) -> tuple[str, str, str]:
    return register_sort_keys(row.last_name, row.first_name, row.commune)


def _register_filter(stmt: Select[Any], query: str) -> Select[Any] | None:
    stmt = stmt.where(_live_people())
    if not query.strip():
        return stmt
    match = match_expression(query)
    if match is None:
        return None
    return stmt.where(_ROWID.in_(_fts_rowids(match)))


def register_count(session: Session, query: str = "", cap: int = COUNT_CAP) -> int:
    """How many followed people the register lists for this search.

    The whole register ('') is counted exactly; a search is counted up to `cap` + 1, as
    `store.search` does, since counting every match of a one-letter prefix costs more
    than it tells (more than `cap` reads « plus de `cap` »).
    """
    if query.strip():
        return count_matches(session, query, cap)
    # Kept by triggers (migration 0005): counting 100,000 entries at every opening costs more.
    return session.scalar(text("SELECT live FROM register_tally")) or 0


def register_page(
    session: Session,
    query: str = "",
    sort: str = SORT_NAME,
    descending: bool = False,
    limit: int = 200,
    after: RegisterRow | None = None,
) -> list[RegisterRow]:
    """One page of the register, searched (FTS, accent-insensitive) and sorted in SQL.

    `after` is the last row of the previous page: the next page starts right after it
    (keyset paging), so page 500 costs what page 1 does, unlike an OFFSET.
    """
    if sort not in _SORTS:
        raise ValueError(f"unknown sort key {sort!r}")
    columns = [getattr(Beneficiary, f.name) for f in fields(RegisterRow)]
    stmt = _register_filter(select(*columns), query)
    if stmt is None:
        return []
    keys = [*_SORTS[sort], (Beneficiary.id, lambda r: r.id)]
    if after is not None:
        position = tuple_(*(expr for expr, _ in keys))
        values = tuple_(*(literal(read(after), type_=_type_of(expr)) for expr, read in keys))
        stmt = stmt.where(position < values if descending else position > values)
    order = [expr.desc() if descending else expr for expr, _ in keys]
    rows = session.execute(stmt.order_by(*order).limit(limit))
    return [RegisterRow(*row) for row in rows]


def _type_of(expr: Any) -> Any:
    # The bound value must go through the column's type (UTC datetimes are stored naive).
    return getattr(expr, "type", None)
