"""The Activités' sort keys kept by triggers (migration 0018) never differ from the keys as
computed, whatever edit comes: a kept key that went stale would put a row at the wrong place
of the list, so each kind of edit is checked against the computed keys."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import delete, select, update

from stpaul_field.store import activities as acts
from stpaul_field.store.models import Activity, Beneficiary, Participation, utcnow
from stpaul_field.sync.apply import remote_session
from tests.query_plans import plans_of
from tests.statistics_fixture import build


def _computed(store) -> dict[uuid.UUID, tuple]:
    with store.reader() as s:
        rows = s.execute(
            select(Activity.id, acts._PARTICIPANTS, acts._WHO, Activity.date, Activity.start_time)
        )
        return {r[0]: tuple(r[1:]) for r in rows}


def _kept(store) -> dict[uuid.UUID, tuple]:
    k = acts.SORT_KEY_TABLE.c
    with store.reader() as s:
        rows = s.execute(select(k.activity_id, k.participants, k.who, k.date, k.start_time))
        return {r[0]: tuple(r[1:]) for r in rows}


def _assert_in_step(store) -> None:
    computed = _computed(store)
    assert computed and _kept(store) == computed


def test_every_kind_of_edit_keeps_the_kept_keys_equal_to_the_computed_ones(store):
    fx = build(store)
    _assert_in_step(store)  # what was there when the store was made
    some = next(iter(fx.activities.values()))
    person = next(iter(fx.beneficiaries.values()))
    edits = [
        lambda s: s.execute(update(Beneficiary).where(Beneficiary.id == person).values(last_name="Zévaco")),
        lambda s: s.execute(update(Beneficiary).where(Beneficiary.id == person).values(first_name="Éloïse")),
        lambda s: s.execute(update(Activity).where(Activity.id == some).values(title="Atelier Ameli")),
        lambda s: s.execute(update(Activity).where(Activity.id == some).values(title="")),
        lambda s: s.execute(update(Activity).where(Activity.id == some).values(date=dt.date(2026, 1, 2))),
        lambda s: s.execute(update(Activity).where(Activity.id == some).values(start_time=None)),
        lambda s: s.execute(
            update(Participation).values(deleted_at=utcnow()).where(Participation.activity_id == some)
        ),
        lambda s: s.execute(
            update(Participation).values(deleted_at=None).where(Participation.activity_id == some)
        ),
        lambda s: s.add(Participation(activity_id=some, beneficiary_id=person, registered=True)),
        # A merge moves the participations of one person to another.
        lambda s: s.execute(update(Participation).values(beneficiary_id=person)),
        lambda s: s.execute(
            update(Participation)
            .values(activity_id=some)
            .where(Participation.id == select(Participation.id).limit(1).scalar_subquery())
        ),
        lambda s: s.execute(delete(Participation).where(Participation.activity_id == some)),
        lambda s: s.execute(update(Activity).where(Activity.id == some).values(deleted_at=utcnow())),
        lambda s: s.execute(delete(Activity).where(Activity.id == some)),
    ]
    for edit in edits:
        with store.session() as s:
            edit(s)
        _assert_in_step(store)


def test_a_person_who_arrives_after_their_participation_names_the_activity(store):
    # A first sync applies its pages in sequence order: a person may come after.
    fx = build(store)
    some = next(iter(fx.activities.values()))
    newcomer = uuid.uuid4()
    with store.session() as s:
        s.execute(update(Activity).where(Activity.id == some).values(title="", type="individual"))
        s.execute(delete(Participation).where(Participation.activity_id == some))
    with remote_session(store) as s:  # as a pulled page is written: foreign keys unchecked
        s.add(Participation(activity_id=some, beneficiary_id=newcomer, registered=True))
    with remote_session(store) as s:
        s.add(Beneficiary(id=newcomer, first_name="Teddy", last_name="Hoarau"))
    _assert_in_step(store)
    assert _kept(store)[some][1] == "HOARAU Teddy"


@pytest.mark.parametrize("sort", ["title", "participants"])
@pytest.mark.parametrize("descending", [False, True])
def test_the_kept_keys_give_the_computed_order_from_their_index(store, sort, descending):
    build(store)
    flt = acts.ActivityFilter()
    computed = {"title": acts._WHO, "participants": acts._PARTICIPANTS}[sort]
    keys = (computed, Activity.date, Activity.start_time, Activity.id)
    with store.reader() as s:
        expected = list(
            s.scalars(
                select(Activity.id)
                .where(Activity.deleted_at.is_(None))
                .order_by(*(k.desc() if descending else k.asc() for k in keys))
            )
        )
        (plan,) = plans_of(store.engine, s, lambda: acts.sorted_ids(s, flt, sort, descending, limit=100))
        assert acts.sorted_ids(s, flt, sort, descending) == expected
    assert f"ix_activity_sort_{'who' if sort == 'title' else sort}" in plan and "TEMP B-TREE" not in plan, (
        plan
    )
