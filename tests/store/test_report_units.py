"""The reports' follow-ups kept by triggers (`report_unit`, migration 0019) never differ from
the follow-ups computed from the participations, activities and people (`unit_rows`),
whatever edits come and in whatever order: a kept row gone stale would be a wrong figure
in a report sent to the funders. Hypothesis draws sequences of edits (the forms' and the
bin's, merges, erasure, hard deletes as a pulled purge makes) on the month of
`tests/statistics_fixture.py`; a pulled page that brings records before those they point to
is checked on its own, since a sync's page is written with the foreign keys unchecked."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from stpaul_field.domain.report_model import Period
from stpaul_field.store import bin as recycle
from stpaul_field.store import statistics as stats
from stpaul_field.store.beneficiaries import merge_beneficiaries
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Beneficiary, Participation, utcnow
from stpaul_field.store.privacy import erase_person
from stpaul_field.sync.apply import remote_session
from tests.statistics_fixture import NOV, RULE, RULE_PLANNED_PAST, build

NOVEMBER = Period.month(*NOV)


def _kept(session: Session) -> set[tuple]:
    return set(session.execute(select(*stats.UNIT_TABLE.c)).all())


def _computed(session: Session) -> set[tuple]:
    return set(session.execute(stats.unit_rows()).all())


def _assert_in_step(session: Session) -> None:
    session.flush()
    assert _kept(session) == _computed(session)


@pytest.fixture
def month_store(store: Store) -> Store:
    """The hand-counted month; each example's edits are rolled back (one store for them all)."""
    build(store)
    return store


def _ids(session: Session, model) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
    return sorted(session.scalars(select(model.id)))


# An edit: (kind, three numbers that pick its records and values among those present).
EDIT = st.tuples(
    st.sampled_from(
        [
            "attended",
            "participation_tombstone",
            "participation_moves_person",
            "participation_moves_activity",
            "participation_hard_delete",
            "participation_added",
            "activity_status",
            "activity_date",
            "activity_type",
            "activity_advisor",
            "activity_bin",
            "activity_hard_delete",
            "person_description",
            "person_bin",
            "person_merge",
            "person_erased",
            "person_hard_delete",
        ]
    ),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(0, 50),
)


def _apply(session: Session, edit: tuple[str, int, int, int]) -> None:
    kind, i, j, k = edit
    people = _ids(session, Beneficiary)
    activities = _ids(session, Activity)
    participations = _ids(session, Participation)
    person = session.get(Beneficiary, people[i % len(people)]) if people else None
    other = session.get(Beneficiary, people[j % len(people)]) if people else None
    activity = session.get(Activity, activities[i % len(activities)]) if activities else None
    participation = (
        session.get(Participation, participations[i % len(participations)]) if participations else None
    )
    if kind.startswith("participation") or kind == "attended":
        if kind == "participation_added" and person is not None and activity is not None:
            session.add(
                Participation(
                    activity_id=activity.id,
                    beneficiary_id=person.id,
                    registered=True,
                    attended=(None, True, False)[k % 3],
                )
            )
        elif participation is None:
            return
        elif kind == "attended":
            participation.attended = (None, True, False)[j % 3]
        elif kind == "participation_tombstone":
            participation.deleted_at = None if participation.deleted_at else utcnow()
        elif kind == "participation_moves_person" and other is not None:
            participation.beneficiary_id = other.id
        elif kind == "participation_moves_activity" and activities:
            participation.activity_id = activities[j % len(activities)]
        elif kind == "participation_hard_delete":
            session.execute(delete(Participation).where(Participation.id == participation.id))
    elif kind.startswith("activity") and activity is not None:
        if kind == "activity_status":
            activity.status = ("done", "planned", "cancelled")[j % 3]
        elif kind == "activity_date":
            activity.date = dt.date(2026, 10, 25) + dt.timedelta(days=j)
        elif kind == "activity_type":
            activity.type = "workshop" if activity.type == "individual" else "individual"
        elif kind == "activity_advisor":
            advisors = sorted({a for a in session.scalars(select(Activity.advisor_id))})
            activity.advisor_id = advisors[j % len(advisors)]
        elif kind == "activity_bin":
            (recycle.restore if activity.deleted_at else recycle.delete)(session, activity)
        elif kind == "activity_hard_delete":
            session.execute(delete(Participation).where(Participation.activity_id == activity.id))
            session.execute(delete(Activity).where(Activity.id == activity.id))
    elif person is not None:
        if kind == "person_description":
            person.gender = (None, "feminin", "masculin")[j % 3]
            person.age_band = (None, "vingt_cinq_trente_neuf", "quarante_cinquante_neuf")[k % 3]
            person.social_status = (None, "retraite", "en_emploi")[(j + k) % 3]
            person.commune = ("", "Saint-Paul", "La Possession")[k % 3]
            person.disability = bool(j % 2)
            person.family_carer = bool(k % 2)
            person.homeless = bool((j + k) % 2)
        elif person.merged_into_id is not None:
            return  # a merged record is neither binned, merged again nor erased
        elif kind == "person_bin":
            (recycle.restore if person.deleted_at else recycle.delete)(session, person)
        elif kind == "person_merge" and other is not None and other.id != person.id:
            if person.deleted_at is None and other.deleted_at is None and other.merged_into_id is None:
                merge_beneficiaries(session, person, other)
        elif kind == "person_erased" and person.deleted_at is None:
            erase_person(session, person.id)
        elif kind == "person_hard_delete":
            session.execute(delete(Participation).where(Participation.beneficiary_id == person.id))
            session.execute(
                update(Beneficiary).where(Beneficiary.merged_into_id == person.id).values(merged_into_id=None)
            )
            session.execute(delete(Beneficiary).where(Beneficiary.id == person.id))
    session.flush()
    session.expire_all()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(EDIT, min_size=1, max_size=12))
def test_the_kept_follow_ups_equal_the_computed_ones_after_any_edits(month_store: Store, edits) -> None:
    with month_store.engine.connect() as conn:
        outer = conn.begin()  # every example starts from the same month: rolled back after
        session = Session(bind=conn, join_transaction_mode="create_savepoint")
        try:
            _assert_in_step(session)
            for edit in edits:
                _apply(session, edit)
                _assert_in_step(session)
            # The figures read from the kept rows are those of the rows as computed.
            for rule in (RULE, RULE_PLANNED_PAST):
                figures = stats.period_figures(session, NOVEMBER, stats.team_scope(), rule)
                counted = _computed_follow_ups(session, rule)
                assert figures.follow_ups - figures.anonymous_follow_ups == counted
        finally:
            session.close()
            outer.rollback()


def _computed_follow_ups(session: Session, rule) -> int:  # type: ignore[no-untyped-def]
    rows = stats.unit_rows().subquery()
    return len(
        session.execute(
            select(rows.c.participation_id).where(
                rows.c.day >= NOVEMBER.start,
                rows.c.day <= NOVEMBER.end,
                stats.happened(rows.c.status, rows.c.day, rule),
            )
        ).all()
    )


def test_records_pulled_before_those_they_point_to_are_counted_once_all_are_held(store: Store) -> None:
    """A first sync writes its pages in the central record's order: a participation may come
    before its activity and its person, a merged record before the person it was merged into."""
    fx = build(store)
    activity, survivor, merged = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with remote_session(store) as s:  # as a pulled page is written: foreign keys unchecked
        s.add(Participation(activity_id=activity, beneficiary_id=merged, registered=True, attended=True))
    with remote_session(store) as s:
        s.add(
            Activity(
                id=activity,
                type="workshop",
                status="done",
                date=NOVEMBER.start + dt.timedelta(days=3),
                advisor_id=fx.alice,
                duration_min=60,
            )
        )
    with store.reader() as s:
        assert activity not in {r.activity_id for r in _kept(s)}  # its person is not held yet
    with remote_session(store) as s:
        s.add(
            Beneficiary(
                id=merged, first_name="Ti", last_name="Jean", merged_into_id=survivor, deleted_at=utcnow()
            )
        )
    with remote_session(store) as s:
        s.add(
            Beneficiary(
                id=survivor,
                first_name="Jean",
                last_name="Hoarau",
                gender="masculin",
                age_band="quarante_cinquante_neuf",
            )
        )
    with store.reader() as s:
        _assert_in_step(s)
        (row,) = [r for r in _kept(s) if r.activity_id == activity]
        # The merged record counts as the survivor, with the survivor's description.
        assert (row.person, row.gender, row.age_band) == (survivor, "masculin", "quarante_cinquante_neuf")
