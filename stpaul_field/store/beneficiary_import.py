"""An import of beneficiaries into the register: the preview (what would be created, merged,
skipped, every row's errors, the duplicates found against the register and within the file),
then one transaction that writes it through the outbox, so it syncs like any edit.

Importing the same file twice creates nobody twice: its people are then the register's, found
as duplicates and joined (which only fills what their record left empty).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from stpaul_field.domain import beneficiary_import as bi
from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.store.beneficiaries import EDITABLE_FIELDS, prepared
from stpaul_field.store.models import Beneficiary

Choice = Literal["join", "create", "skip"]
CHOICES: dict[str, Choice] = {"joindre": "join", "créer": "create", "ignorer": "skip"}
# What joining fills in an existing record: only what it left empty, never what it holds.
_FILLED = (
    *("phone", "email", "birth_year", "commune", "postcode", "insee_code", "gender", "notes"),
    *("age_band", "social_status"),  # an activity history gives them, a register rarely
)
Progress = Callable[[int, int], None]


@dataclass
class Duplicate:
    row: int
    reasons: list[str]  # « même nom et année de naissance », « même téléphone », « même e-mail »
    person_id: uuid.UUID | None = None  # the register's record, or None
    person_name: str = ""
    earlier_row: int | None = None  # or an earlier row of the same file

    def __str__(self) -> str:
        where = f"{self.person_name} (registre)" if self.person_id else f"la ligne {self.earlier_row}"
        return f"Ligne {self.row} : {bi.describe(self.reasons)} que {where}"


@dataclass
class Preview:
    rows: list[bi.ImportRow]
    duplicates: dict[int, Duplicate] = field(default_factory=dict)  # by row number

    @property
    def errors(self) -> list[bi.RowError]:
        return [e for r in self.rows for e in r.errors]

    def plan(
        self, choices: Mapping[int, Choice] | None = None, default: Choice = "join"
    ) -> dict[int, Choice]:
        """Each valid row's fate: created, joined to its duplicate, or skipped."""
        choices = choices or {}
        out: dict[int, Choice] = {}
        for r in self.rows:
            if r.errors:
                out[r.row] = "skip"
            elif r.row in self.duplicates:
                out[r.row] = choices.get(r.row, default)
            else:
                out[r.row] = "skip" if choices.get(r.row) == "skip" else "create"
        return out

    def counts(self, choices: Mapping[int, Choice] | None = None, default: Choice = "join") -> dict[str, int]:
        plan = self.plan(choices, default)
        return {
            "créer": sum(c == "create" for c in plan.values()),
            "fusionner": sum(c == "join" for c in plan.values()),
            "ignorer": sum(c == "skip" for c in plan.values()),
            "erreurs": sum(bool(r.errors) for r in self.rows),
        }


class _Index:
    """People by key: name (with their birth years), phone, e-mail."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[tuple[object, int | None]]] = {}
        self.by_other: dict[tuple[str, str], object] = {}

    def add(self, who: object, data: BeneficiaryData) -> None:
        for kind, key in bi.keys(data):
            if kind == "nom":
                self.by_name.setdefault(key, []).append((who, data.birth_year))
            else:
                self.by_other.setdefault((kind, key), who)

    def find(self, data: BeneficiaryData) -> tuple[object, list[str]] | None:
        found: dict[object, list[str]] = {}
        for kind, key in bi.keys(data):
            if kind == "nom":
                for who, year in self.by_name.get(key, []):
                    if bi.same_years(year, data.birth_year):
                        known = year is not None and data.birth_year is not None
                        found.setdefault(who, []).append(kind if known else "nom seul")
            elif (kind, key) in self.by_other:
                found.setdefault(self.by_other[(kind, key)], []).append(kind)
        if not found:
            return None
        who = max(found, key=lambda w: len(found[w]))  # the one matched by the most keys
        return who, found[who]


def _register(session: Session) -> tuple[_Index, dict[uuid.UUID, str]]:
    index, names = _Index(), {}
    live = select(
        Beneficiary.id,
        Beneficiary.first_name,
        Beneficiary.last_name,
        Beneficiary.birth_year,
        Beneficiary.phone,
        Beneficiary.email,
    ).where(
        Beneficiary.deleted_at.is_(None),
        Beneficiary.merged_into_id.is_(None),
        Beneficiary.anonymous.is_(False),
    )
    for pid, first, last, year, phone, email in session.execute(live):
        index.add(
            pid, BeneficiaryData(first_name=first, last_name=last, birth_year=year, phone=phone, email=email)
        )
        names[pid] = f"{last.upper()} {first}".strip()
    return index, names


def preview(
    session: Session,
    rows: Iterable[tuple[int, Mapping[str, str]]],
    columns: Mapping[str, str],
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Preview:
    """Read and check every row, find the duplicates; writes nothing."""
    today = today or dt.date.today()
    register, names = _register(session)
    in_file = _Index()
    listed = list(rows)
    out = Preview([])
    for i, (number, cells) in enumerate(listed):
        row = bi.parse_row(number, cells, columns, today)
        out.rows.append(row)
        if not row.errors:
            found = register.find(row.data)
            if found is not None:
                pid, reasons = found
                assert isinstance(pid, uuid.UUID)
                out.duplicates[number] = Duplicate(number, reasons, pid, names.get(pid, ""))
            else:
                earlier = in_file.find(row.data)
                if earlier is not None:
                    out.duplicates[number] = Duplicate(number, earlier[1], earlier_row=int(earlier[0]))  # type: ignore[call-overload]
            in_file.add(number, row.data)
        if progress is not None and (i % 500 == 0 or i == len(listed) - 1):
            progress(i + 1, len(listed))
    return out


@dataclass(frozen=True)
class Written:
    created: int
    joined: int
    skipped: int
    # The person each written row is now, created or joined (an activity import links them).
    people: dict[int, Beneficiary] = field(default_factory=dict, compare=False)


def write(
    session: Session,
    found: Preview,
    choices: Mapping[int, Choice] | None = None,
    default: Choice = "join",
    today: dt.date | None = None,
) -> Written:
    """Write the preview's plan in `session` (the caller's one transaction: all or nothing).

    A row joined to a register's person fills what that record left empty; one joined to an
    earlier row of the file becomes whoever that row became (created once).
    """
    today = today or dt.date.today()
    plan = found.plan(choices, default)
    created: dict[int, Beneficiary] = {}
    became: dict[int, Beneficiary] = {}  # the person each written row is now
    joined = 0
    people = {d.person_id for d in found.duplicates.values() if d.person_id}
    held = (
        {p.id: p for p in session.scalars(select(Beneficiary).where(Beneficiary.id.in_(people)))}
        if people
        else {}
    )
    for r in found.rows:
        fate = plan[r.row]
        if fate == "skip":
            continue
        dup = found.duplicates.get(r.row)
        clean = prepared(r.data, today)
        if fate == "join" and dup is not None:
            target = held.get(dup.person_id) if dup.person_id else became.get(dup.earlier_row or -1)
            if target is not None:
                for name in _FILLED:
                    value = getattr(clean, name)
                    if value not in (None, "") and getattr(target, name) in (None, ""):
                        setattr(target, name, value)
                became[r.row] = target
                joined += 1
                continue
        created[r.row] = became[r.row] = Beneficiary(
            **{name: getattr(clean, name) for name in EDITABLE_FIELDS}
        )
    session.add_all(created.values())
    session.flush()  # one flush: the outbox records every new person in the same transaction
    return Written(len(created), joined, sum(1 for c in plan.values() if c == "skip"), became)
