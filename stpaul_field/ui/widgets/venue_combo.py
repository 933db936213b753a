"""The venues of the store (active ones), by name."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy import select

from stpaul_field.domain import values as v
from stpaul_field.store.models import Venue
from stpaul_field.ui import i18n
from stpaul_field.ui.context import AppContext


def venue_choices(ctx: AppContext) -> list[tuple[uuid.UUID, str]]:
    def query(s):
        rows = s.execute(
            select(Venue.id, Venue.name, Venue.bassin)
            .where(Venue.active, Venue.deleted_at.is_(None))
            .order_by(Venue.name)
        )
        return [(r[0], f"{r[1]} — {i18n.label(v.BASSINS, r[2])}" if r[2] else r[1]) for r in rows]

    return ctx.read_now(query)


class VenueCombo(QComboBox):
    def __init__(self, ctx: AppContext, allow_none: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if allow_none is not None:
            self.addItem(allow_none, None)
        # Item data holds the id as text: Qt compares strings, not Python objects.
        for venue_id, name in venue_choices(ctx):
            self.addItem(name, str(venue_id))

    def venue_id(self) -> uuid.UUID | None:
        data = self.currentData()
        return uuid.UUID(data) if data else None

    def set_venue_id(self, venue_id: uuid.UUID | None) -> None:
        index = self.findData(str(venue_id)) if venue_id else 0
        if index >= 0:
            self.setCurrentIndex(index)
