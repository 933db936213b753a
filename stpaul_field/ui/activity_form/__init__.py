"""Forms of an activity: individual accompaniment, workshop, and the attendance view."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtWidgets import QWidget

from stpaul_field.store.models import Activity
from stpaul_field.ui.context import AppContext


def open_activity(ctx: AppContext, activity_id: uuid.UUID, parent: QWidget | None = None) -> QWidget | None:
    """Open the right form for a stored activity (non-modal for the rest of the app)."""
    from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
    from stpaul_field.ui.activity_form.workshop import WorkshopForm

    kind = ctx.read_now(lambda s: s.get(Activity, activity_id).type if s.get(Activity, activity_id) else None)
    if kind is None:
        return None
    form_class = WorkshopForm if kind == "workshop" else AccompanimentForm
    form = form_class(ctx, activity_id=activity_id, parent=parent)
    form.open()
    return form


def new_activity(
    ctx: AppContext,
    kind: str,
    parent: QWidget | None = None,
    day: dt.date | None = None,
    start: dt.time | None = None,
    status: str = "done",
) -> QWidget:
    from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
    from stpaul_field.ui.activity_form.workshop import WorkshopForm

    form_class = WorkshopForm if kind == "workshop" else AccompanimentForm
    form = form_class(ctx, parent=parent, day=day, start=start, status=status)
    form.open()
    return form
