"""What every screen shares: the store, the settings, who works here and where.

The one door to the store for screens: `read()` / `write()` run off the UI thread (see
`tasks`). A write says what it changed (`Changes`, as Anki's OpChanges) and `data_changed`
carries it, so each view reloads only for what it shows. A failed write with no error
callback tells the advisor in French (`report_failure`).
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from stpaul_field import settings as st
from stpaul_field.paths import AppPaths
from stpaul_field.store.database import Store
from stpaul_field.store.reference import current_advisor_id
from stpaul_field.ui import tasks

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write changed, so that a view reloads only for what it shows."""

    beneficiaries: bool = False  # any field of a person (a phone number, a consent…)
    beneficiary_names: bool = False  # what other lists show of a person: names, deleted, merged
    activities: bool = False  # activities and their attendance
    venues: bool = False
    series: bool = False
    settings: bool = False
    sync_state: bool = False  # enrolment, conflicts, refused changes

    @classmethod
    def everything(cls) -> Changes:
        """A restored backup, a sync, an enrolment: any record may have changed."""
        return cls(**{f.name: True for f in dataclasses.fields(cls)})

    @classmethod
    def people(cls, names: bool = True) -> Changes:
        """People changed; `names=False` when no list but the register shows what did."""
        return cls(beneficiaries=True, beneficiary_names=names)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in dataclasses.fields(self)}
        )

    def any(self, *kinds: str) -> bool:
        """Whether one of these kinds (field names) changed."""
        return any(getattr(self, kind) for kind in kinds)


def report_failure(what: str | None, error: BaseException, parent: QObject | None) -> None:
    """Tell the advisor, in French, that a write did not go through; log it without data."""
    log.error("store write failed (%s): %s", what or "-", tasks.failure_details(error))
    # QCoreApplication.translate spelled out: lupdate does not follow an alias.
    subject = what or QCoreApplication.translate("AppContext", "La modification")
    QMessageBox.warning(
        parent if isinstance(parent, QWidget) else None,
        QCoreApplication.translate("AppContext", "Échec de l'enregistrement"),
        QCoreApplication.translate(
            "AppContext",
            "{0} n'a pas abouti : rien n'a été modifié. "
            "Réessayez ; si le problème revient, signalez-le à votre référent.",
        ).format(subject),
    )


class _Follower(QObject):
    """Reloads its view for the changes it concerns: now if shown, else when next shown."""

    def __init__(
        self, view: QWidget, concerns: Callable[[Changes], bool], reload: Callable[[], None]
    ) -> None:
        super().__init__(view)  # goes with the view, and its connection with it
        self._view, self._concerns, self._reload = view, concerns, reload
        self.stale = False
        view.installEventFilter(self)

    @Slot(object)
    def changed(self, changes: Changes) -> None:
        if not self._concerns(changes):
            return
        if self._view.isVisible():
            self._reload()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._reload()
        return False


class AppContext(QObject):
    data_changed = Signal(object)  # the `Changes` of a committed write
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

    def follow(self, view: QWidget, concerns: Callable[[Changes], bool], reload: Callable[[], None]) -> None:
        """Have `view` reload after the writes it `concerns`: at once if it is on screen,
        else the next time it is shown (a hidden view costs nothing)."""
        self.data_changed.connect(_Follower(view, concerns, reload).changed)

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

    def read_long(
        self,
        work: Callable[[Session, Callable[[Any], None]], T],
        on_progress: Callable[[Any], None] | None,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """A long read (previewing a file to import) on the long-work lane: the screens'
        reads go on meanwhile; `work(session, report)` may report progress."""

        def job(report: Callable[[Any], None]) -> T:
            with self.store.reader() as session:
                return work(session, report)

        tasks.run_long(job, on_progress, on_done, on_error, owner=owner)

    def write(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        *,
        changes: Changes,
        what: str | None = None,
    ) -> None:
        """One unit of work in the background; views are told what changed once it is
        committed. `what` names it for the advisor if it fails and `on_error` is None."""

        def job() -> T:
            with self.store.session() as session:
                return work(session)

        def done(result: T) -> None:
            if on_done is not None:
                on_done(result)
            self.data_changed.emit(changes)

        def failed(error: BaseException) -> None:
            if on_error is not None:
                on_error(error)
            else:
                report_failure(what, error, owner)

        tasks.run_in_background(job, done, failed, owner=owner)

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Store work that opens its own transaction (a backup, an import that commits in
        parts) on the same store-work lane, so it queues behind the screens' reads and
        writes; nothing is announced (the caller emits `data_changed` with what changed)."""
        tasks.run_in_background(work, on_done, on_error, owner=owner)

    def run_long(
        self,
        work: Callable[[Callable[[Any], None]], T],
        on_progress: Callable[[Any], None] | None = None,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Long work (a sync, an enrolment, reading a file to import) on its own lane, so
        that it never holds up the screens' reads; `work(report)` reports progress."""
        tasks.run_long(work, on_progress, on_done, on_error, owner=owner)

    def wait_until_idle(self, timeout_ms: int) -> bool:
        """Let queued store work finish (before a restore replaces the store); False if not."""
        return tasks.wait_until_settled(timeout_ms)

    def read_now(self, work: Callable[[Session], Any]) -> Any:
        """A small indexed query the UI needs at once (a page of a list, a combo's items)."""
        with self.store.reader() as session:
            return work(session)
