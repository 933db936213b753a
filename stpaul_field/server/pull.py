"""The pull: one page of the records changed after a cursor, in sequence order.

One SQL statement (so one snapshot, even under READ COMMITTED): the team's records and
the shared ones, each an index range scan on (team_id, seq) bounded by the page size.
Because writers commit in sequence order (see `db.py`), a snapshot always holds a prefix
of the sequence, and the cursor returned never jumps over a change still to come.

A first sync pulls the whole record (100,000 beneficiaries and more) in pages: the stored
JSON of each record is spliced into the response as the database returns it, rather than
parsed and serialised again (several times faster).

Protocol 2 answers also carry the conflicts logged in the page's window (cursor, page
cursor]: the team's (and shared records') lost values, so that the laptop whose value lost
to another laptop's later push learns it. A page and its conflicts travel together; when
the window holds too many of them, the page is cut short (the cursor stays right).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Text, bindparam, cast, func, or_, select, union_all
from sqlalchemy.orm import Session

from stpaul_field.domain.privacy import is_erased
from stpaul_field.server import jsontext
from stpaul_field.server.bulk import chunks
from stpaul_field.server.models import ConflictLog, Record
from stpaul_field.sync.protocol import MAX_CONFLICTS_PER_PAGE, LoggedConflict, RecordState

# Core tables: statements on mapped attributes would go through the ORM's layers (CPU).
_RECORD = Record.__table__
_CONFLICTS = ConflictLog.__table__


def _page_statement() -> Select[Any]:
    r = _RECORD.c
    cursor, limit = bindparam("cursor"), bindparam("limit")
    cols = (r.seq, r.entity, r.id, cast(r.fields, Text), cast(r.field_stamps, Text))
    mine = select(*cols).where(r.team_id == bindparam("team"), r.seq > cursor).order_by(r.seq).limit(limit)
    shared = select(*cols).where(r.team_id.is_(None), r.seq > cursor).order_by(r.seq).limit(limit)
    both = union_all(select(mine.subquery()), select(shared.subquery())).subquery()
    return select(both).order_by(both.c.seq).limit(limit)


def _conflicts_statement() -> Select[Any]:
    log = _CONFLICTS.c
    return (
        select(
            log.seq, log.entity, log.record_id, log.field, log.kept, log.lost, log.kept_stamp, log.lost_stamp
        )
        .where(
            or_(log.team_id == bindparam("team"), log.team_id.is_(None)),
            log.seq > bindparam("cursor"),
            log.seq <= bindparam("upto"),
            or_(log.device_id.is_(None), log.device_id != bindparam("device")),
        )
        .order_by(log.seq, log.id)
        .limit(bindparam("limit"))
    )


# Built once: building and keying one cost as much as running it.
_PAGE = _page_statement()
_CONFLICTS_IN_WINDOW = _conflicts_statement()
_PEOPLE = select(_RECORD.c.id, _RECORD.c.fields).where(
    _RECORD.c.entity == "beneficiary", _RECORD.c.id.in_(bindparam("ids", expanding=True))
)

# The last seq a caller pulls: its team's newest record and the newest shared one, each the
# end of its (team_id, seq) index range.
_LAST_SEQ = select(
    select(func.max(_RECORD.c.seq)).where(_RECORD.c.team_id == bindparam("team")).scalar_subquery(),
    select(func.max(_RECORD.c.seq)).where(_RECORD.c.team_id.is_(None)).scalar_subquery(),
)


def last_seq_of(session: Session, team_id: uuid.UUID) -> int:
    """The last sequence value of the records `team_id` pulls (0 when there is none)."""
    mine, shared = session.execute(_LAST_SEQ, {"team": team_id}).one()
    return max(mine or 0, shared or 0)


# seq, entity, record id, fields (JSON text), field stamps (JSON text)
Row = tuple[int, str, uuid.UUID, str, str]


@dataclass
class Page:
    rows: list[Row]
    cursor: int
    more: bool

    def without(self, entities: frozenset[str]) -> Page:
        """The page less the records of `entities` (a client too old for them), same cursor."""
        return Page([row for row in self.rows if row[1] not in entities], self.cursor, self.more)

    @property
    def changes(self) -> list[RecordState]:
        return [
            RecordState(
                seq=seq,
                entity=entity,
                record_id=record_id,
                version=seq,  # type: ignore[arg-type]
                fields=jsontext.loads(fields),
                field_stamps=jsontext.loads(stamps),
            )
            for seq, entity, record_id, fields, stamps in self.rows
        ]

    def changes_json(self) -> str:
        """The page as the JSON array of `SyncResponse.changes` (`RecordState` objects)."""
        return (
            "["
            + ",".join(
                f'{{"seq":{seq},"entity":"{entity}","record_id":"{record_id}","version":{seq},'
                f'"fields":{fields},"field_stamps":{stamps}}}'
                for seq, entity, record_id, fields, stamps in self.rows
            )
            + "]"
        )


def pull_page(
    session: Session,
    team_id: uuid.UUID,
    cursor: int,
    page_size: int,
    known_to_device: set[int] | frozenset[int] = frozenset(),
    high_seq: int = 0,
) -> Page:
    """Records of `team_id` (and shared ones) with seq > cursor, at most `page_size` of them.

    `known_to_device`: sequence values written by this request that the device already holds
    (skipped, but the cursor moves past them). `high_seq`: the largest value this request
    committed; when the page is the last one, the cursor moves up to it.
    """
    limit = page_size + 1
    rows = session.execute(_PAGE, {"team": team_id, "cursor": cursor, "limit": limit}).all()
    more = len(rows) > page_size
    rows = rows[:page_size]
    new_cursor = rows[-1][0] if rows else cursor
    if not more:
        new_cursor = max(new_cursor, high_seq, cursor)
    kept = [tuple(row) for row in rows if row[0] not in known_to_device]
    return Page(kept, new_cursor, more)  # type: ignore[arg-type]


def page_conflicts(
    session: Session,
    team_id: uuid.UUID,
    device_id: uuid.UUID,
    cursor: int,
    page: Page,
    limit: int = MAX_CONFLICTS_PER_PAGE,
) -> tuple[list[LoggedConflict], Page]:
    """Conflicts of `team_id` (and shared records) with seq in (cursor, page.cursor].

    Run in the page's transaction, after it: every seq up to the page's cursor is committed
    by then (writers commit in sequence order), so no conflict of the window is missed.
    Those pushed by `device_id` itself are left out: that device had them in its results.
    Returns the conflicts and the page, cut short (`more`) if the window holds over `limit`.
    """
    rows = session.execute(
        _CONFLICTS_IN_WINDOW,
        {"team": team_id, "cursor": cursor, "upto": page.cursor, "device": device_id, "limit": limit + 1},
    ).all()
    if len(rows) > limit:
        # Stop before the first seq that does not fit whole (one write logs at most one
        # conflict per field, fewer than `limit`: the cursor still moves).
        cut = rows[limit][0]
        rows = [r for r in rows if r[0] < cut]
        page = Page([r for r in page.rows if r[0] < cut], cut - 1, True)
    erased = _erased_people(session, {r[2] for r in rows if r[1] == "beneficiary"})
    conflicts = [
        LoggedConflict(
            seq=seq,
            entity=entity,
            record_id=record_id,
            field=name,
            kept=kept,
            lost=lost,
            kept_stamp=kept_stamp,
            lost_stamp=lost_stamp,
        )
        for seq, entity, record_id, name, kept, lost, kept_stamp, lost_stamp in rows
        if record_id not in erased  # an erased person's old values never travel again
    ]
    return conflicts, page


def _erased_people(session: Session, ids: set[uuid.UUID]) -> set[uuid.UUID]:
    out: set[uuid.UUID] = set()
    for chunk in chunks(list(ids)):
        for record_id, fields in session.execute(_PEOPLE, {"ids": chunk}):
            if is_erased(fields):
                out.add(record_id)
    return out
