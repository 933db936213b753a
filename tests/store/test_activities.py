"""Store services for activities: atomic saves, status, attendance, delete/undo, queries."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from stpaul_field.domain.entities import ActivityData, BeneficiaryData
from stpaul_field.domain.validation import ValidationError
from stpaul_field.store import activities as acts
from stpaul_field.store.models import Activity, Beneficiary, OutboxEntry, Participation, Venue
from stpaul_field.store.outbox import pending_count
from stpaul_field.store.reference import local_advisor_id
from tests.query_plans import plans_of


def _person(store, first: str, last: str) -> uuid.UUID:
    with store.session() as s:
        return acts.create_beneficiary(s, first, last)


def _venue(store) -> uuid.UUID:
    with store.reader() as s:
        return s.scalars(select(Venue.id).order_by(Venue.name)).first()


def _individual(store, **over) -> ActivityData:
    with store.reader() as s:
        advisor = local_advisor_id(s)
    data = ActivityData(
        type="individual",
        advisor_id=advisor,
        date=dt.date(2026, 11, 23),
        start_time=dt.time(9, 30),
        duration_min=45,
        venue_id=_venue(store),
        themes=["email"],
        equipment=["ordinateur"],
        autonomy="autonome",
    )
    for k, val in over.items():
        setattr(data, k, val)
    return data


def test_save_individual_with_known_beneficiary(store):
    person = _person(store, "Hélène", "Payet")
    with store.session() as s:
        aid = acts.save_activity(s, _individual(store), [acts.ParticipantInput(beneficiary_id=person)])
    with store.reader() as s:
        loaded = acts.load_activity(s, aid)
        assert loaded.data.themes == ["email"]
        assert loaded.data.duration_min == 45
        assert [p.beneficiary_id for p in loaded.participants] == [person]
        assert loaded.participants[0].first_time is True
        entities = set(s.scalars(select(OutboxEntry.entity)))
        assert {"activity", "participation", "beneficiary"} <= entities


def test_invalid_activity_saves_nothing(store):
    person = _person(store, "Jean", "Hoarau")
    with store.reader() as s:
        before = pending_count(s)
    bad = _individual(store, themes=[], redirected=True)
    with pytest.raises(ValidationError) as err, store.session() as s:
        acts.save_activity(s, bad, [acts.ParticipantInput(beneficiary_id=person)])
    fields = err.value.by_field()
    assert "themes" in fields and "redirect_structure" in fields
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 0
        assert s.scalar(select(func.count()).select_from(Participation)) == 0
        assert pending_count(s) == before


def test_anonymous_individual_makes_an_unnamed_record(store):
    anon = BeneficiaryData(gender="feminin", age_band="soixante_soixante_neuf", already_accompanied=True)
    with store.session() as s:
        aid = acts.save_activity(s, _individual(store), [acts.ParticipantInput(anonymous=anon)])
    with store.reader() as s:
        loaded = acts.load_activity(s, aid)
        assert loaded.participants[0].anonymous
        assert loaded.anonymous_beneficiary.gender == "feminin"
        b = s.get(Beneficiary, loaded.participants[0].beneficiary_id)
        assert b.anonymous and b.first_name == "" and b.age_band == "soixante_soixante_neuf"
    # Saving again updates the same anonymous person rather than adding another.
    anon.gender = "masculin"
    with store.session() as s:
        acts.save_activity(s, _individual(store), [acts.ParticipantInput(anonymous=anon)], aid)
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Beneficiary).where(Beneficiary.anonymous)) == 1
        assert acts.load_activity(s, aid).anonymous_beneficiary.gender == "masculin"


def test_workshop_participants_attendance_and_walk_in(store):
    a, b, c = (_person(store, f"P{i}", f"Nom{i}") for i in range(3))
    data = _individual(
        store,
        type="workshop",
        status="planned",
        title="Découvrir l'e-mail",
        level="debutant",
        autonomy=None,
        anon_total=3,
        anon_genders={"feminin": 2, "masculin": 1},
    )
    with store.session() as s:
        wid = acts.save_activity(s, data, [acts.ParticipantInput(beneficiary_id=x) for x in (a, b)])
    with store.reader() as s:
        rows = {p.beneficiary_id: p for p in acts.load_activity(s, wid).participants}
    with store.session() as s:
        acts.set_attendance(s, wid, {rows[a].participation_id: True, rows[b].participation_id: False})
        acts.add_walk_in(s, wid, c)
    with store.reader() as s:
        loaded = acts.load_activity(s, wid)
        assert loaded.data.status == "done"
        got = {p.beneficiary_id: (p.registered, p.attended) for p in loaded.participants}
        assert got == {a: (True, True), b: (True, False), c: (False, True)}
    # Removing someone from the list tombstones their participation only.
    with store.session() as s:
        acts.save_activity(s, loaded.data, [acts.ParticipantInput(beneficiary_id=x) for x in (a, c)], wid)
    with store.reader() as s:
        assert {p.beneficiary_id for p in acts.load_activity(s, wid).participants} == {a, c}
        gone = s.scalar(select(Participation).where(Participation.beneficiary_id == b))
        assert gone.deleted_at is not None


def test_status_change_and_unknown_status(store):
    person = _person(store, "Marie", "Grondin")
    with store.session() as s:
        aid = acts.save_activity(
            s, _individual(store, status="planned"), [acts.ParticipantInput(beneficiary_id=person)]
        )
    with store.session() as s:
        acts.set_status(s, aid, "cancelled")
    with store.reader() as s:
        assert s.get(Activity, aid).status == "cancelled"
    with pytest.raises(ValidationError), store.session() as s:
        acts.set_status(s, aid, "lost")


def test_delete_and_restore(store):
    person = _person(store, "Paul", "Técher")
    with store.session() as s:
        aid = acts.save_activity(s, _individual(store), [acts.ParticipantInput(beneficiary_id=person)])
    with store.session() as s:
        acts.delete_activity(s, aid)
    with store.reader() as s:
        assert acts.count_activities(s, acts.ActivityFilter()) == 0
        assert s.get(Activity, aid) is not None  # a tombstone, never a physical delete
    with store.session() as s:
        acts.restore_activity(s, aid)
    with store.reader() as s:
        assert acts.count_activities(s, acts.ActivityFilter()) == 1
        assert len(acts.load_activity(s, aid).participants) == 1


def test_list_filters_sort_and_paging(store):
    person = _person(store, "Zoé", "Abed")
    venue = _venue(store)
    with store.reader() as s:
        other_venue = s.scalars(select(Venue.id).where(Venue.id != venue)).first()
    with store.session() as s:
        for day in range(1, 11):
            acts.save_activity(
                s,
                _individual(
                    store,
                    date=dt.date(2026, 11, day),
                    themes=["sante"] if day % 2 else ["email"],
                    venue_id=venue if day <= 5 else other_venue,
                    duration_min=10 * day,
                ),
                [acts.ParticipantInput(beneficiary_id=person)],
            )
    with store.reader() as s:
        assert acts.count_activities(s, acts.ActivityFilter(theme="sante")) == 5
        assert acts.count_activities(s, acts.ActivityFilter(venue_id=venue)) == 5
        flt = acts.ActivityFilter(date_from=dt.date(2026, 11, 3), date_to=dt.date(2026, 11, 6))
        assert [r.date.day for r in acts.list_activities(s, flt, "date", False)] == [3, 4, 5, 6]
        page1 = acts.list_activities(s, acts.ActivityFilter(), "duration", True, limit=4)
        page2 = acts.list_activities(s, acts.ActivityFilter(), "duration", True, limit=4, offset=4)
        assert [r.duration_min for r in page1 + page2] == [100, 90, 80, 70, 60, 50, 40, 30]
        assert page1[0].beneficiary == "ABED Zoé" and page1[0].participants == 1
        week = acts.agenda_items(s, dt.date(2026, 11, 2), dt.date(2026, 11, 8))
        assert [r.date.day for r in week] == [2, 3, 4, 5, 6, 7, 8]
        # The agenda reads its week its own way, and shows what the list shows.
        listed = acts.list_activities(
            s,
            acts.ActivityFilter(date_from=dt.date(2026, 11, 2), date_to=dt.date(2026, 11, 8)),
            "date",
            False,
        )
        assert week == listed and {r.themes for r in week} == {("sante",), ("email",)}


def test_create_beneficiary_rejects_missing_name(store):
    with pytest.raises(ValidationError) as err, store.session() as s:
        acts.create_beneficiary(s, "", "Payet")
    assert "first_name" in err.value.by_field()


def test_list_order_comes_from_the_index_alone(store):
    from sqlalchemy import text

    with store.reader() as s:
        plan = " ".join(
            str(row[-1])
            for row in s.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT id FROM activity WHERE deleted_at IS NULL "
                    "ORDER BY date DESC, start_time DESC, id DESC"
                )
            )
        )
    assert "COVERING INDEX ix_activity_list" in plan and "TEMP B-TREE" not in plan


def test_ids_then_rows_keep_the_order(store):
    person = _person(store, "Zoé", "Abed")
    with store.session() as s:
        made = [
            acts.save_activity(
                s,
                _individual(store, date=dt.date(2026, 11, 1 + i % 3), start_time=dt.time(9 + i, 0)),
                [acts.ParticipantInput(beneficiary_id=person)],
            )
            for i in range(6)
        ]
    with store.reader() as s:
        ids = acts.sorted_ids(s, acts.ActivityFilter())
        rows = acts.activity_rows(s, ids)
    assert sorted(r.id for r in rows) == sorted(made)
    assert [(r.date, r.start_time) for r in rows] == sorted(
        ((r.date, r.start_time) for r in rows), reverse=True
    )


def test_agenda_of_an_advisor_includes_what_they_co_lead(store):
    from stpaul_field.store.models import Advisor

    person = _person(store, "Jean", "Payet")
    with store.session() as s:
        colleague = Advisor(first_name="Nadia", last_name="Técher")
        s.add(colleague)
        s.flush()
        colleague_id = colleague.id
    workshop = _individual(
        store, type="workshop", title="Messagerie", autonomy=None, co_advisor_ids=[str(colleague_id)]
    )
    with store.session() as s:
        wid = acts.save_activity(s, workshop, [acts.ParticipantInput(beneficiary_id=person)])
        acts.save_activity(s, _individual(store), [acts.ParticipantInput(beneficiary_id=person)])
    day = dt.date(2026, 11, 23)
    with store.reader() as s:
        assert [r.id for r in acts.agenda_items(s, day, day, colleague_id)] == [wid]
        assert len(acts.agenda_items(s, day, day, workshop.advisor_id)) == 2
        assert len(acts.agenda_items(s, day, day)) == 2


def test_the_lists_filters_read_its_index_alone(store):
    # A theme or type filter at 100,000 activities must not read every (wide, encrypted)
    # row: the list's index holds what the filters and the order need.
    filters = [
        acts.ActivityFilter(theme="sante"),
        acts.ActivityFilter(type="workshop", status="planned"),
        acts.ActivityFilter(advisor_id=uuid.uuid4()),
    ]
    with store.reader() as s:
        plans = plans_of(store.engine, s, lambda: [acts.sorted_ids(s, flt) for flt in filters])
    assert len(plans) == len(filters)
    for plan in plans:
        assert "COVERING INDEX ix_activity_" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("sort", ["date", "type", "status", "duration"])
@pytest.mark.parametrize("descending", [False, True])
def test_a_click_on_a_column_header_reads_the_sorted_ids_from_an_index(store, sort, descending):
    # Sorting 100,000 activities in a temporary B-tree took most of a second (issue 22):
    # each of these sort keys, both ways, with or without a filter, has its index.
    filters = [acts.ActivityFilter(), acts.ActivityFilter(theme="sante", advisor_id=uuid.uuid4())]
    with store.reader() as s:
        plans = plans_of(
            store.engine,
            s,
            lambda: [acts.sorted_ids(s, flt, sort=sort, descending=descending) for flt in filters],
        )
    assert len(plans) == len(filters)
    for plan in plans:
        assert "USING COVERING INDEX ix_activity_" in plan and "TEMP B-TREE" not in plan, plan


def test_a_descending_sort_is_the_ascending_one_read_backwards(store):
    person = _person(store, "Hélène", "PAYET")
    with store.session() as s:
        for minutes in (30, 30, 30, 45):
            acts.save_activity(
                s, _individual(store, duration_min=minutes), [acts.ParticipantInput(beneficiary_id=person)]
            )
    with store.reader() as s:
        up = acts.sorted_ids(s, acts.ActivityFilter(), sort="duration", descending=False)
        down = acts.sorted_ids(s, acts.ActivityFilter(), sort="duration", descending=True)
    assert down == up[::-1]
