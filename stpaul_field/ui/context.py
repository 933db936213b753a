"""What every screen shares: the store, the settings, who works here and where.

Screens read and write the store through `read()` / `write()`, which run off the UI
thread (see `tasks`); a write announces itself with `data_changed` so that every view
and the status bar refresh.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from stpaul_field import settings as st
from stpaul_field.paths import AppPaths
from stpaul_field.store.database import Store
from stpaul_field.store.reference import current_advisor_id
from stpaul_field.ui import tasks

T = TypeVar("T")


class AppContext(QObject):
    data_changed = Signal()
    venue_changed = Signal()

    def __init__(self, store: Store, settings: st.Settings, paths: AppPaths | None = None) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.paths = paths

    @property
    def advisor_id(self) -> uuid.UUID | None:
        # Read each time: enrolling the laptop hands its work to the enrolled advisor.
        with self.store.reader() as session:
            return current_advisor_id(session, self.settings.get(st.CURRENT_ADVISOR))

    @property
    def venue_id(self) -> uuid.UUID | None:
        """The advisor's current venue, chosen once, the default of every form."""
        chosen = self.settings.get(st.CURRENT_VENUE)
        try:
            return uuid.UUID(chosen) if chosen else None
        except ValueError:
            return None

    def set_venue(self, venue_id: uuid.UUID | None) -> None:
        self.settings.set(st.CURRENT_VENUE, str(venue_id) if venue_id else "")
        self.venue_changed.emit()

    def read(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        def job() -> T:
            with self.store.reader() as session:
                return work(session)

        tasks.run_in_background(job, on_done, on_error, owner=owner)

    def write(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """One unit of work in the background; views are told once it is committed."""

        def job() -> T:
            with self.store.session() as session:
                return work(session)

        def done(result: T) -> None:
            if on_done is not None:
                on_done(result)
            self.data_changed.emit()

        tasks.run_in_background(job, done, on_error, owner=owner)

    def read_now(self, work: Callable[[Session], Any]) -> Any:
        """A small indexed query the UI needs at once (a page of a list, a combo's items)."""
        with self.store.reader() as session:
            return work(session)
