"""Who is calling: the authenticated device, its advisor, team and role."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

COORDINATOR = "coordinator"


@dataclass(frozen=True, slots=True)
class Caller:
    device_id: uuid.UUID
    advisor_id: uuid.UUID
    team_id: uuid.UUID
    role: str
    # The device's last-seen time is due for an update that the caller's own write will make
    # (see `auth.authenticate(defer_seen=True)`, `batch.apply_batch`).
    seen_due: bool = False

    @property
    def is_coordinator(self) -> bool:
        return self.role == COORDINATOR
