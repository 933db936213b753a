"""Where this laptop stands with the central record, and the one French line that says so.

`read_status` gathers the facts (outbox, quarantine, conflicts, the engine's bookkeeping);
`describe` turns them into the status bar's text. The status bar, the sync view and the
terminal all go through these two functions, so they never disagree.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.store.database import Store
from stpaul_field.store.models import Conflict, OutboxEntry
from stpaul_field.sync import state

# Below this age the oldest unsent change is ordinary work of the day, not worth a mention.
OLD_PENDING = dt.timedelta(hours=1)


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    pending: int  # outbox entries waiting to be sent (not counting rejected ones)
    oldest_pending: dt.datetime | None
    rejected: int  # entries the server refused, kept with its reason
    open_conflicts: int
    last_success: dt.datetime | None
    offline_since: dt.datetime | None
    last_error: str | None  # French, as the engine recorded it
    # When the last request file was written (issue 20), if no HTTPS sync went through since.
    last_file_sent: dt.datetime | None = None


def read_status(source: Session | Store) -> SyncStatus:
    """The status from a session, or from a store (a short read of its own)."""
    if isinstance(source, Store):
        with source.reader() as session:
            return read_status(session)
    session = source
    waiting = OutboxEntry.rejected_reason.is_(None)
    pending, oldest = session.execute(
        select(func.count(), func.min(OutboxEntry.created_at)).where(waiting)
    ).one()
    rejected = session.scalar(select(func.count()).where(OutboxEntry.rejected_reason.is_not(None))) or 0
    conflicts = session.scalar(select(func.count()).where(Conflict.resolved_at.is_(None))) or 0
    if oldest is not None and oldest.tzinfo is None:  # an aggregate bypasses the column's type
        oldest = oldest.replace(tzinfo=dt.UTC)
    last_success = state.get_instant(session, state.LAST_SUCCESS)
    file_sent = state.get(session, state.LAST_FILE_SENT)
    file_at = None if file_sent is None else dt.datetime.fromisoformat(json.loads(file_sent)["at"])
    if file_at is not None and last_success is not None and last_success >= file_at:
        file_at = None  # an HTTPS sync since has confirmed it all
    return SyncStatus(
        enrolled=state.get(session, state.ENROLMENT) is not None,
        pending=pending or 0,
        oldest_pending=oldest,
        rejected=rejected,
        open_conflicts=conflicts,
        last_success=last_success,
        offline_since=state.get_instant(session, state.OFFLINE_SINCE),
        last_error=state.get(session, state.LAST_ERROR),
        last_file_sent=file_at,
    )


def _reunion() -> dt.tzinfo:
    try:
        return ZoneInfo(v.TIME_ZONE)
    except ZoneInfoNotFoundError:  # no tz data on this system: La Réunion is UTC+4, no DST
        return dt.timezone(dt.timedelta(hours=4))


def _same(text: str) -> str:
    return text


# The UI passes its translator (`ui.i18n.message`); below the UI the texts stay French.
Translate = Callable[[str], str]


def _plural(count: int, singular: str, plural: str, tr: Translate) -> str:
    # French: 0 and 1 take the singular. Each form is a whole template, for the translator.
    return tr(singular if count <= 1 else plural).format(count)


def changes_text(count: int, tr: Translate = _same) -> str:
    """'1 modification en attente', '3 modifications en attente'."""
    return _plural(count, "{0} modification en attente", "{0} modifications en attente", tr)


def moment_text(moment: dt.datetime, now: dt.datetime, tr: Translate = _same) -> str:
    """A past instant as an advisor says it, in Réunion time: '14:32', 'hier à 18:05',
    'le 12/11/2026 à 08:00'."""
    zone = _reunion()
    local, today = moment.astimezone(zone), now.astimezone(zone).date()
    clock = f"{local:%H:%M}"
    if local.date() == today:
        return clock
    if local.date() == today - dt.timedelta(days=1):
        return tr("hier à {0}").format(clock)
    return tr("le {0} à {1}").format(f"{local:%d/%m/%Y}", clock)


def describe(status: SyncStatus, now: dt.datetime, tr: Translate = _same) -> str:
    """The status bar's line, in French (or through `tr`, in the UI's language)."""
    if not status.enrolled:
        if not status.pending:
            return tr("Poste non inscrit au registre central")
        return _plural(
            status.pending,
            "Poste non inscrit — {0} modification locale",
            "Poste non inscrit — {0} modifications locales",
            tr,
        )
    if status.offline_since is not None:
        head = tr("Hors ligne depuis {0}").format(moment_text(status.offline_since, now, tr))
    elif status.last_error:
        head = status.last_error
    elif status.pending:
        head = changes_text(status.pending, tr)
        if status.oldest_pending is not None and now - status.oldest_pending >= OLD_PENDING:
            head += tr(", la plus ancienne depuis {0}").format(moment_text(status.oldest_pending, now, tr))
    elif status.last_success is None:
        head = tr("Pas encore synchronisé")
    elif status.rejected:
        # Never « À jour » while the central record refuses some of this laptop's changes.
        head = ""
    else:
        head = tr("À jour")
    parts = [head] if head else []
    if status.last_file_sent is not None:
        parts.append(
            tr("Dernier envoi par fichier : {0}").format(moment_text(status.last_file_sent, now, tr))
        )
    if (status.offline_since is not None or status.last_error) and status.pending:
        parts.append(changes_text(status.pending, tr))
    if status.rejected:
        parts.append(
            _plural(
                status.rejected,
                "{0} modification refusée par le registre central",
                "{0} modifications refusées par le registre central",
                tr,
            )
        )
    if status.open_conflicts:
        parts.append(_plural(status.open_conflicts, "{0} conflit à examiner", "{0} conflits à examiner", tr))
    return " — ".join(parts)
