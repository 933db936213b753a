"""One sync exchange: apply the pushed batch, then read one page of changes after the cursor."""

from __future__ import annotations

from dataclasses import dataclass

from stpaul_field.domain.hlc import HybridClock
from stpaul_field.server import jsontext
from stpaul_field.server.admin import SERVER_NODE
from stpaul_field.server.auth import still_allowed
from stpaul_field.server.batch import BatchIdTaken, apply_batch
from stpaul_field.server.book import committed_counter
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.errors import ApiError
from stpaul_field.server.pull import Page, last_seq_of, page_conflicts, pull_page
from stpaul_field.sync.protocol import (
    PROTOCOL_VERSION,
    LoggedConflict,
    SyncRequest,
    SyncResponse,
    entities_unknown_to,
)


@dataclass
class Answer:
    head: SyncResponse  # every field but `changes`
    page: Page

    def response(self) -> SyncResponse:
        return self.head.model_copy(update={"changes": self.page.changes})

    def json_bytes(self) -> bytes:
        """The `SyncResponse` as JSON, with the page's stored JSON spliced in as it is."""
        parts = []
        # An older client's model forbids unknown fields: what its protocol lacks (None) is
        # left out (`conflicts` before protocol 2, `last_seq` before 4).
        skip = {key for key in ("conflicts", "last_seq") if getattr(self.head, key) is None}
        for key, value in self.head.model_dump(mode="json", exclude=skip).items():
            text = self.page.changes_json() if key == "changes" else jsontext.dumps(value)
            parts.append(f'"{key}":{text}')
        return ("{" + ",".join(parts) + "}").encode()


def answer(db: Database, caller: Caller, request: SyncRequest) -> Answer:
    with db.one_connection():
        return _answer(db, caller, request)


def _answer(db: Database, caller: Caller, request: SyncRequest) -> Answer:
    try:
        outcome = apply_batch(db, caller, request)
    except BatchIdTaken:
        raise ApiError(409, "Identifiant de lot déjà utilisé par un autre poste.", "batch_id_taken") from None
    with db.session() as s:
        still_allowed(s, caller)  # nothing is read for a device revoked since it was authenticated
        page = pull_page(
            s, caller.team_id, request.cursor, request.page_size, outcome.known_to_device, outcome.high_seq
        )
        conflicts: list[LoggedConflict] | None = None
        if request.protocol >= 2:
            conflicts, page = page_conflicts(s, caller.team_id, caller.device_id, request.cursor, page)
        unknown = entities_unknown_to(request.protocol)
        if unknown:  # an older laptop: nothing its models would refuse (the cursor still moves)
            page = page.without(unknown)
            if conflicts is not None:
                conflicts = [c for c in conflicts if c.entity not in unknown]
        last_seq = last_seq_of(s, caller.team_id) if request.protocol >= 4 else None
        resync = False
        if not page.rows and not page.more and request.cursor > 0:
            # A cursor from the future: the record was restored from an older backup.
            counter = committed_counter(s)
            resync = request.cursor > counter
    if resync and conflicts is not None:
        conflicts = []
    # The server's own time, never an echo of the laptop's clock (`request.clock`, unused):
    # a poisoned or 2099 clock sent back would be adopted as the server's word.
    clock = HybridClock(SERVER_NODE)
    head = SyncResponse(
        protocol=min(request.protocol, PROTOCOL_VERSION),  # the version this answer speaks
        results=outcome.results,
        cursor=0 if resync else page.cursor,
        more=page.more,
        clock=clock.now().encode(),
        resync_required=resync,
        conflicts=conflicts,
        last_seq=last_seq,
    )
    return Answer(head, page)


def exchange(db: Database, caller: Caller, request: SyncRequest) -> SyncResponse:
    """`answer()` as a `SyncResponse` (for tests and in-process callers)."""
    return answer(db, caller, request).response()
