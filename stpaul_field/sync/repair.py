"""Repairs of what two laptops did offline that no single write could see (issue 16).

Two cases only a laptop holding both sides' records can see, settled in the pulled page's
transaction as ordinary local edits (queued in the outbox, so they reach the central record
and every other laptop):

- **One person twice in one workshop**: both co-leaders added the same person offline. The
  live participations of one (activity, person) are folded into the one with the smallest
  id; it keeps « inscrit », « présent » and « première fois » if either had them.
- **Opposite merges**: Marie merged P into Q while Paul merged Q into P; each fiche ends
  merged into the other and in the bin. The people of such a cycle are settled on the one
  with the smallest id: it is live again, the others are merged into it, and their
  participations move to it (then folded as above).

Every laptop that sees the same records makes the same edits with the same values (the
smallest id, times taken from the records themselves), so two laptops repairing at once
agree instead of conflicting. A laptop only repairs what its advisor may write: a
participation of an activity they lead or co-lead (the server refuses the others), people
(shared in the team) always; the leaders' laptops do the rest when they sync.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stpaul_field.store.models import Activity, Beneficiary, Participation, utcnow
from stpaul_field.store.outbox import APPLYING_REMOTE


@contextlib.contextmanager
def local_edits(session: Session) -> Iterator[None]:
    """Inside a pulled page's transaction, edits that are queued like the advisor's own."""
    session.flush()  # the page's own writes stay out of the outbox
    session.info[APPLYING_REMOTE] = False
    try:
        yield
        session.flush()
    finally:
        session.info[APPLYING_REMOTE] = True


def _leads(advisor_id: uuid.UUID | None, activity: Activity | None) -> bool:
    if advisor_id is None or activity is None:
        return False
    return activity.advisor_id == advisor_id or str(advisor_id) in (activity.co_advisor_ids or [])


def _chunks(ids: list[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    for start in range(0, len(ids), 500):
        yield ids[start : start + 500]


def fold_twin_participations(session: Session, ids: Iterable[uuid.UUID], advisor_id: uuid.UUID | None) -> int:
    """Fold the doubles of these participations (see the module's doc); how many went."""
    activities: set[uuid.UUID] = set()
    for chunk in _chunks(list(set(ids))):
        activities.update(
            session.scalars(select(Participation.activity_id).where(Participation.id.in_(chunk)))
        )
    # One statement per 500 activities (a first sync pulls 100,000 participations): only the
    # pairs that really are doubles are looked at one by one.
    pairs: set[tuple[uuid.UUID, uuid.UUID]] = set()
    for chunk in _chunks(list(activities)):
        rows = session.execute(
            select(Participation.activity_id, Participation.beneficiary_id)
            .where(Participation.activity_id.in_(chunk), Participation.deleted_at.is_(None))
            .group_by(Participation.activity_id, Participation.beneficiary_id)
            .having(func.count() > 1)
        )
        pairs.update((a, b) for a, b in rows)
    folded = 0
    for activity_id, person_id in sorted(pairs):
        group = sorted(
            session.scalars(
                select(Participation).where(
                    Participation.activity_id == activity_id,
                    Participation.beneficiary_id == person_id,
                    Participation.deleted_at.is_(None),
                )
            ),
            key=lambda p: p.id,
        )
        if len(group) < 2 or not _leads(advisor_id, session.get(Activity, activity_id)):
            continue
        keep, *others = group
        marks = [p.attended for p in group if p.attended is not None]
        attended = any(marks) if marks else None
        registered = any(p.registered for p in group)
        first_time = any(p.first_time for p in group)
        if (keep.attended, keep.registered, keep.first_time) != (attended, registered, first_time):
            keep.attended, keep.registered, keep.first_time = attended, registered, first_time
        # The same time on every laptop that folds: the latest creation of the group.
        gone = max((p.created_at for p in group if p.created_at is not None), default=None) or utcnow()
        for other in others:
            other.deleted_at = gone
        folded += len(others)
    return folded


def settle_merge_cycles(
    session: Session, ids: Iterable[uuid.UUID], advisor_id: uuid.UUID | None
) -> set[uuid.UUID]:
    """Settle the merge cycles these people are in; the participations moved to a survivor."""
    moved: set[uuid.UUID] = set()
    settled: set[uuid.UUID] = set()
    for start in sorted(set(ids)):
        cycle = _cycle_from(session, start)
        if not cycle or settled & cycle:
            continue
        settled |= cycle
        people = {i: session.get(Beneficiary, i) for i in cycle}
        # A merge tombstones the doubles it folds at the very time it tombstones the fiche:
        # two opposite merges of people in one workshop leave none of the two participations.
        merge_times = {p.deleted_at for p in people.values() if p is not None and p.deleted_at}
        survivor_id = min(cycle)
        for person_id, person in people.items():
            assert person is not None
            if person_id == survivor_id:
                person.merged_into_id, person.deleted_at = None, None
            elif person.merged_into_id != survivor_id:
                person.merged_into_id = survivor_id
        parts = session.scalars(select(Participation).where(Participation.beneficiary_id.in_(list(cycle))))
        for part in parts:
            if part.deleted_at is not None and part.deleted_at not in merge_times:
                continue  # taken out of the workshop by an advisor, not by a merge
            if _leads(advisor_id, session.get(Activity, part.activity_id)):
                part.beneficiary_id, part.deleted_at = survivor_id, None
                moved.add(part.id)
    return moved


def _cycle_from(session: Session, start: uuid.UUID) -> set[uuid.UUID]:
    """The people of the merge cycle `start` leads to ({} if its chain ends on a live fiche)."""
    path: list[uuid.UUID] = []
    current: uuid.UUID | None = start
    while current is not None and current not in path:
        person = session.get(Beneficiary, current)
        if person is None:
            return set()
        path.append(current)
        current = person.merged_into_id
    return set() if current is None else set(path[path.index(current) :])
