"""The register's store services: create/edit, duplicates, merge, history, pages."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.domain.validation import ValidationError
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Beneficiary, OutboxEntry, Participation
from stpaul_field.store.reference import local_advisor_id
from tests.query_plans import plans_of

TODAY = dt.date(2026, 11, 23)


def person(**kw: object) -> BeneficiaryData:
    base: dict[str, object] = {"first_name": "Hélène", "last_name": "PAYET"}
    base.update(kw)
    return BeneficiaryData(**base)  # type: ignore[arg-type]


def add_activity(store: Store, who: uuid.UUID, day: dt.date, **kw: object) -> uuid.UUID:
    with store.session() as s:
        fields: dict[str, object] = {
            "type": "individual",
            "advisor_id": local_advisor_id(s),
            "date": day,
            "place_type": "domicile",
            "commune": "Saint-Paul",
            "themes": ["email"],
        }
        fields.update(kw)
        activity = Activity(**fields)
        s.add(activity)
        s.flush()
        s.add(Participation(activity_id=activity.id, beneficiary_id=who, attended=True))
        return activity.id


def test_create_normalises_phone_and_computes_age_band(store: Store) -> None:
    with store.session() as s:
        b = reg.create_beneficiary(s, person(phone="+262 692 12 34 56", birth_year=1950), TODAY)
        bid = b.id
    with store.reader() as s:
        stored = s.get(Beneficiary, bid)
        assert stored is not None
        assert stored.phone == "0692123456"
        assert stored.age_band == "soixante_dix_plus"
        entries = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == bid)).all()
        assert len(entries) == 1 and entries[0].fields["last_name"] == "PAYET"


def test_age_band_chosen_by_hand_when_birth_year_unknown(store: Store) -> None:
    with store.session() as s:
        bid = reg.create_beneficiary(s, person(age_band="vingt_cinq_trente_neuf"), TODAY).id
    with store.reader() as s:
        assert s.get(Beneficiary, bid).age_band == "vingt_cinq_trente_neuf"  # type: ignore[union-attr]


def test_invalid_person_is_refused_and_nothing_is_stored(store: Store) -> None:
    with pytest.raises(ValidationError) as err, store.session() as s:
        reg.create_beneficiary(s, person(first_name="", phone="12", email="x@", birth_year=1800), TODAY)
    by_field = err.value.by_field()
    assert set(by_field) >= {"first_name", "phone", "email", "birth_year"}
    assert by_field["first_name"] == "Le prénom est obligatoire."
    with store.reader() as s:
        assert s.scalars(select(Beneficiary)).all() == []
        assert s.scalars(select(OutboxEntry)).all() == []


def test_update_writes_only_changed_fields(store: Store) -> None:
    with store.session() as s:
        bid = reg.create_beneficiary(s, person(), TODAY).id
    with store.session() as s:
        b = s.get(Beneficiary, bid)
        data = reg.data_of(b)  # type: ignore[arg-type]
        data.commune = "Saint-Paul"
        data.birth_year = 1990
        reg.update_beneficiary(s, bid, data, TODAY)
    with store.reader() as s:
        last = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq.desc())).first()
        assert last is not None
        assert set(last.fields) == {"commune", "birth_year", "age_band", "updated_at"}
        assert last.fields["age_band"] == "vingt_cinq_trente_neuf"


def test_duplicates_by_folded_name_and_birth_year_or_phone(store: Store) -> None:
    with store.session() as s:
        a = reg.create_beneficiary(s, person(birth_year=1961), TODAY).id
        b = reg.create_beneficiary(
            s, person(first_name="Jean", last_name="Hoarau", phone="0692111111"), TODAY
        ).id
        reg.create_beneficiary(s, person(birth_year=1990), TODAY)  # same name, other year
        reg.create_beneficiary(s, person(first_name="Hélèna"), TODAY)  # a prefix, not the name
    with store.reader() as s:
        found = reg.duplicate_candidates(
            s, person(first_name="helene", last_name="  Payet ", birth_year=1961)
        )
        assert [c.id for c in found] == [a]
        assert found[0].same_name and not found[0].same_phone
        by_phone = reg.duplicate_candidates(s, person(first_name="Marie", phone="06 92 11 11 11"))
        assert [c.id for c in by_phone] == [b] and by_phone[0].same_phone
        # Unknown birth year: both Hélène PAYET are candidates.
        assert len(reg.duplicate_candidates(s, person())) == 2
        assert reg.duplicate_candidates(s, person(birth_year=1961), exclude_id=a) == []


def test_merge_keeps_both_histories_in_one_transaction(store: Store) -> None:
    with store.session() as s:
        keep = reg.create_beneficiary(s, person(birth_year=1961, pass_numerique_vouchers=1), TODAY).id
        other = reg.create_beneficiary(
            s, person(first_name="Helene", phone="0692000001", pass_numerique_vouchers=2), TODAY
        ).id
    a1 = add_activity(store, keep, dt.date(2026, 10, 1))
    a2 = add_activity(store, other, dt.date(2026, 11, 2), type="workshop", title="Mon e-mail", anon_total=0)
    shared = add_activity(store, keep, dt.date(2026, 11, 5))
    with store.session() as s:
        s.add(Participation(activity_id=shared, beneficiary_id=other, attended=True))
    with store.reader() as s:
        seq_before = s.scalars(select(OutboxEntry.seq).order_by(OutboxEntry.seq.desc())).first()

    with store.session() as s:
        reg.merge_beneficiaries(s, keep, other, {"phone": "0692000001"}, TODAY)

    with store.reader() as s:
        kept = s.get(Beneficiary, keep)
        gone = s.get(Beneficiary, other)
        assert kept is not None and gone is not None
        assert kept.phone == "0692000001" and kept.birth_year == 1961
        assert kept.pass_numerique_vouchers == 3
        assert gone.merged_into_id == keep and gone.deleted_at is not None
        history = reg.follow_up_history(s, keep)
        assert [h.activity_id for h in history] == [shared, a2, a1]
        assert reg.follow_up_history(s, other) == []
        # Every change of the merge is in the outbox, so it reaches the central record.
        entries = s.scalars(select(OutboxEntry).where(OutboxEntry.seq > seq_before)).all()
        touched = {(e.entity, e.record_id) for e in entries}
        assert ("beneficiary", keep) in touched and ("beneficiary", other) in touched
        moved = {e.record_id for e in entries if e.entity == "participation"}
        assert len(moved) == 2
        live_parts = s.scalars(
            select(Participation).where(
                Participation.beneficiary_id == keep, Participation.deleted_at.is_(None)
            )
        ).all()
        assert len(live_parts) == 3  # the double in `shared` folded into one


def test_merge_refuses_same_or_merged_fiche(store: Store) -> None:
    with store.session() as s:
        a = reg.create_beneficiary(s, person(), TODAY).id
        b = reg.create_beneficiary(s, person(first_name="Marie"), TODAY).id
    with pytest.raises(reg.RegisterError), store.session() as s:
        reg.merge_beneficiaries(s, a, a)
    with store.session() as s:
        reg.merge_beneficiaries(s, a, b)
    with pytest.raises(reg.RegisterError, match="fusionnée"), store.session() as s:
        reg.merge_beneficiaries(s, a, b)


def test_merge_with_invalid_choice_changes_nothing(store: Store) -> None:
    with store.session() as s:
        a = reg.create_beneficiary(s, person(), TODAY).id
        b = reg.create_beneficiary(s, person(first_name="Marie"), TODAY).id
    with pytest.raises(ValidationError), store.session() as s:
        reg.merge_beneficiaries(s, a, b, {"disability": True}, TODAY)  # no consent
    with store.reader() as s:
        assert s.get(Beneficiary, b).merged_into_id is None  # type: ignore[union-attr]
        assert s.get(Beneficiary, a).disability is False  # type: ignore[union-attr]


def test_history_lists_every_advisor_and_skips_deleted_activities(store: Store) -> None:
    from stpaul_field.store.models import Advisor

    with store.session() as s:
        bid = reg.create_beneficiary(s, person(), TODAY).id
        colleague = Advisor(first_name="Sully", last_name="GRONDIN")
        s.add(colleague)
        s.flush()
        colleague_id = colleague.id
    mine = add_activity(store, bid, dt.date(2026, 9, 1))
    theirs = add_activity(store, bid, dt.date(2026, 9, 2), advisor_id=colleague_id)
    deleted = add_activity(store, bid, dt.date(2026, 9, 3))
    with store.session() as s:
        s.get(Activity, deleted).deleted_at = dt.datetime.now(dt.UTC)  # type: ignore[union-attr]
    with store.reader() as s:
        history = reg.follow_up_history(s, bid)
    assert [h.activity_id for h in history] == [theirs, mine]
    assert history[0].advisor == "Sully GRONDIN"
    assert history[0].summary == "E-mail"
    assert history[0].place == "À domicile – Saint-Paul"


def test_register_pages_sorted_and_searched_in_sql(store: Store) -> None:
    names = [
        ("Hélène", "PAYET", 1961),
        ("Jean", "hoarau", 1980),
        ("Éric", "Técher", None),
        ("Zoé", "Abrousse", 2001),
    ]
    with store.session() as s:
        for first, last, year in names:
            reg.create_beneficiary(s, person(first_name=first, last_name=last, birth_year=year), TODAY)
        reg.create_beneficiary(s, BeneficiaryData(anonymous=True), TODAY)
        gone = reg.create_beneficiary(s, person(first_name="Paul", last_name="PAYET"), TODAY)
        gone.deleted_at = dt.datetime.now(dt.UTC)
    with store.reader() as s:
        assert reg.register_count(s) == 4
        page = reg.register_page(s, sort=reg.SORT_NAME)
        assert [r.last_name for r in page] == ["Abrousse", "hoarau", "PAYET", "Técher"]
        first_two = reg.register_page(s, sort=reg.SORT_NAME, limit=2)
        next_two = reg.register_page(s, sort=reg.SORT_NAME, limit=2, after=first_two[-1])
        assert [r.last_name for r in next_two] == ["PAYET", "Técher"]
        backwards = reg.register_page(s, sort=reg.SORT_NAME, descending=True, limit=3)
        assert [r.last_name for r in backwards] == ["Técher", "PAYET", "hoarau"]
        rest = reg.register_page(s, sort=reg.SORT_NAME, descending=True, after=backwards[-1])
        assert [r.last_name for r in rest] == ["Abrousse"]
        by_year = reg.register_page(s, sort=reg.SORT_BIRTH_YEAR, descending=True)
        assert [r.birth_year for r in by_year] == [2001, 1980, 1961, None]
        after_none = reg.register_page(s, sort=reg.SORT_BIRTH_YEAR, limit=1)
        assert after_none[0].birth_year is None
        assert [
            r.birth_year for r in reg.register_page(s, sort=reg.SORT_BIRTH_YEAR, after=after_none[0])
        ] == [
            1961,
            1980,
            2001,
        ]
        by_update = reg.register_page(s, sort=reg.SORT_UPDATED, limit=2)
        assert len(reg.register_page(s, sort=reg.SORT_UPDATED, after=by_update[-1])) == 2
        assert [r.first_name for r in reg.register_page(s, "helene payet")] == ["Hélène"]
        assert reg.register_count(s, "helene payet") == 1
        assert [r.last_name for r in reg.register_page(s, "tech")] == ["Técher"]
        assert reg.register_page(s, "!!!") == [] and reg.register_count(s, "!!!") == 0
        with pytest.raises(ValueError):
            reg.register_page(s, sort="last_name; DROP TABLE beneficiary")


def test_the_registers_count_and_first_page_by_name_come_from_an_index_not_a_sort(store: Store) -> None:
    # At 100,000 people a sort, a count of every entry or a read of each row's (encrypted) page
    # costs tens of ms at every opening: the count is kept by triggers, the first page is read
    # from the register's covering index, in order.
    with store.reader() as s:
        (count_plan,) = plans_of(store.engine, s, lambda: reg.register_count(s))
        (page_plan,) = plans_of(store.engine, s, lambda: reg.register_page(s, sort=reg.SORT_NAME, limit=100))
    assert "register_tally" in count_plan and "beneficiary" not in count_plan.replace("register_tally", "")
    assert "COVERING INDEX ix_beneficiary_register" in page_plan and "TEMP B-TREE" not in page_plan, page_plan


def test_the_registers_kept_count_follows_every_kind_of_change(store: Store) -> None:
    from stpaul_field.store.privacy import erase_person

    def exact(s) -> int:  # type: ignore[no-untyped-def]
        return s.scalar(select(func.count()).select_from(Beneficiary).where(reg._live_people()))

    with store.session() as s:
        ids = [
            reg.create_beneficiary(s, person(first_name=f"P{i}", last_name="Test"), TODAY).id
            for i in range(6)
        ]
        reg.create_beneficiary(s, BeneficiaryData(anonymous=True), TODAY)
    with store.reader() as s:
        assert reg.register_count(s) == exact(s) == 6
    with store.session() as s:
        s.get(Beneficiary, ids[0]).deleted_at = dt.datetime.now(dt.UTC)  # to the bin
        erase_person(s, ids[1])  # anonymised
        reg.merge_beneficiaries(s, ids[2], ids[3])
    with store.reader() as s:
        assert reg.register_count(s) == exact(s) == 3
    with store.session() as s:
        s.get(Beneficiary, ids[0]).deleted_at = None  # back from the bin
    with store.reader() as s:
        assert reg.register_count(s) == exact(s) == 4


def test_the_register_sorts_names_the_french_way(store: Store) -> None:
    # Accents and case do not move a name out of its letter (SQLite's NOCASE folds ASCII only).
    names = [
        ("Zoé", "ZITTE"),
        ("Émilie", "ÉTHÈVE"),
        ("jean", "étienne"),
        ("Paul", "ETHEVE"),
        ("Anne", "Abrousse"),
    ]
    with store.session() as s:
        for first, last in names:
            reg.create_beneficiary(s, person(first_name=first, last_name=last), TODAY)
    with store.reader() as s:
        page = reg.register_page(s, sort=reg.SORT_NAME)
        assert [(r.last_name, r.first_name) for r in page] == [
            ("Abrousse", "Anne"),
            ("ÉTHÈVE", "Émilie"),
            ("ETHEVE", "Paul"),
            ("étienne", "jean"),
            ("ZITTE", "Zoé"),
        ]
        # Renaming keeps the order right, and pages continue after a row by the same key.
        first_two = reg.register_page(s, sort=reg.SORT_NAME, limit=2)
        rest = reg.register_page(s, sort=reg.SORT_NAME, after=first_two[-1])
        assert [r.last_name for r in rest] == ["ETHEVE", "étienne", "ZITTE"]
    with store.session() as s:
        zitte = s.scalars(select(Beneficiary).where(Beneficiary.last_name == "ZITTE")).one()
        zitte.last_name = "Ãbel"
    with store.reader() as s:
        assert reg.register_page(s, sort=reg.SORT_NAME, limit=1)[0].last_name == "Ãbel"


def test_the_register_sorts_first_names_and_communes_the_french_way(store: Store) -> None:
    people = [
        ("Zoé", "PAYET", "Saint-Paul"),
        ("Émilie", "HOARAU", "Étang-Salé"),
        ("éloïse", "GRONDIN", "le Port"),
        ("Eric", "ABROUSSE", "Étang-Salé"),
        ("Alain", "TÉCHER", "Entre-Deux"),
    ]
    with store.session() as s:
        for first, last, commune in people:
            reg.create_beneficiary(s, person(first_name=first, last_name=last, commune=commune), TODAY)
    with store.reader() as s:
        by_first = reg.register_page(s, sort=reg.SORT_FIRST_NAME)
        assert [r.first_name for r in by_first] == ["Alain", "éloïse", "Émilie", "Eric", "Zoé"]
        by_commune = reg.register_page(s, sort=reg.SORT_COMMUNE)
        # Communes folded; within one commune, people by name.
        assert [(r.commune, r.last_name) for r in by_commune] == [
            ("Entre-Deux", "TÉCHER"),
            ("Étang-Salé", "ABROUSSE"),
            ("Étang-Salé", "HOARAU"),
            ("le Port", "GRONDIN"),
            ("Saint-Paul", "PAYET"),
        ]
        # Pages continue after a row by the same keys, both ways.
        two = reg.register_page(s, sort=reg.SORT_FIRST_NAME, limit=2)
        assert [r.first_name for r in reg.register_page(s, sort=reg.SORT_FIRST_NAME, after=two[-1])] == [
            "Émilie",
            "Eric",
            "Zoé",
        ]
        last_two = reg.register_page(s, sort=reg.SORT_COMMUNE, descending=True, limit=2)
        rest = reg.register_page(s, sort=reg.SORT_COMMUNE, descending=True, after=last_two[-1])
        assert [r.last_name for r in rest] == ["HOARAU", "ABROUSSE", "TÉCHER"]
    # A renamed first name or a move moves the person in these orders too.
    with store.session() as s:
        zoe = s.scalars(select(Beneficiary).where(Beneficiary.first_name == "Zoé")).one()
        zoe.first_name, zoe.commune = "Ève", "Cilaos"
    with store.reader() as s:
        assert [r.first_name for r in reg.register_page(s, sort=reg.SORT_FIRST_NAME)][1:3] == [
            "éloïse",
            "Émilie",
        ]
        assert [r.first_name for r in reg.register_page(s, sort=reg.SORT_FIRST_NAME)][4] == "Ève"
        assert reg.register_page(s, sort=reg.SORT_COMMUNE, limit=1)[0].commune == "Cilaos"


def test_a_nul_character_is_refused_before_anything_is_stored_or_queued(store: Store) -> None:
    # The central record refuses it (PostgreSQL stores none): the laptop never queues it.
    with pytest.raises(ValidationError) as err, store.session() as s:
        reg.create_beneficiary(s, person(email="m\x00@x.re", notes="suivi RSA"), TODAY)
    assert err.value.by_field()["email"] == "E-mail : caractère nul (U+0000) interdit, retirez-le."
    with store.session() as s:
        bid = reg.create_beneficiary(s, person(), TODAY).id
    with pytest.raises(ValidationError), store.session() as s:
        reg.update_beneficiary(s, bid, person(notes="Mardi\x00"), TODAY)
    with store.reader() as s:
        assert [b.notes for b in s.scalars(select(Beneficiary))] == [""]
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 1  # the creation only
