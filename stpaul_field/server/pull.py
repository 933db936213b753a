"""The pull: one page of the records changed after a cursor, in sequence order.

One SQL statement (so one snapshot, even under READ COMMITTED): the team's records and
the shared ones, each an index range scan on (team_id, seq) bounded by the page size.
Because writers commit in sequence order (see `db.py`), a snapshot always holds a prefix
of the sequence, and the cursor returned never jumps over a change still to come.

A first sync pulls the whole record (100,000 beneficiaries and more) in pages: the stored
JSON of each record is spliced into the response as the database returns it, rather than
parsed and serialised again (several times faster).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import Text, cast, select, union_all
from sqlalchemy.orm import Session

from stpaul_field.server.models import Record
from stpaul_field.sync.protocol import RecordState

# seq, entity, record id, fields (JSON text), field stamps (JSON text)
Row = tuple[int, str, uuid.UUID, str, str]


@dataclass
class Page:
    rows: list[Row]
    cursor: int
    more: bool

    @property
    def changes(self) -> list[RecordState]:
        return [
            RecordState(
                seq=seq,
                entity=entity,
                record_id=record_id,
                version=seq,  # type: ignore[arg-type]
                fields=json.loads(fields),
                field_stamps=json.loads(stamps),
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
    cols = (Record.seq, Record.entity, Record.id, cast(Record.fields, Text), cast(Record.field_stamps, Text))
    mine = (
        select(*cols).where(Record.team_id == team_id, Record.seq > cursor).order_by(Record.seq).limit(limit)
    )
    shared = (
        select(*cols).where(Record.team_id.is_(None), Record.seq > cursor).order_by(Record.seq).limit(limit)
    )
    both = union_all(select(mine.subquery()), select(shared.subquery())).subquery()
    rows = session.execute(select(both).order_by(both.c.seq).limit(limit)).all()
    more = len(rows) > page_size
    rows = rows[:page_size]
    new_cursor = rows[-1][0] if rows else cursor
    if not more:
        new_cursor = max(new_cursor, high_seq, cursor)
    kept = [tuple(row) for row in rows if row[0] not in known_to_device]
    return Page(kept, new_cursor, more)  # type: ignore[arg-type]
