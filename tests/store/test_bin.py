"""The bin: delete is a tombstone that syncs, restore clears it, merged fiches stay out."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store import bin as trash
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Beneficiary, OutboxEntry
from stpaul_field.store.reference import local_advisor_id

TODAY = dt.date(2026, 11, 23)


def test_delete_and_restore_a_person_sync_through_the_outbox(store: Store) -> None:
    with store.session() as s:
        bid = reg.create_beneficiary(s, BeneficiaryData(first_name="Hélène", last_name="PAYET"), TODAY).id
    with store.session() as s:
        trash.delete(s, s.get(Beneficiary, bid))  # type: ignore[arg-type]
    with store.reader() as s:
        assert reg.register_count(s) == 0
        assert [e.label for e in trash.deleted_beneficiaries(s)] == ["PAYET Hélène"]
        assert trash.deleted_count(s) == 1
        last = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq.desc())).first()
        assert (
            last is not None
            and set(last.fields) == {"deleted_at", "updated_at"}
            and last.fields["deleted_at"]
        )
    with store.session() as s:
        trash.restore(s, trash.record_of(s, trash.KIND_BENEFICIARY, bid))
    with store.reader() as s:
        assert reg.register_count(s) == 1
        assert trash.deleted_entries(s) == []
        last = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq.desc())).first()
        assert last is not None and last.fields.keys() - {"updated_at"} == {"deleted_at"}
        assert last.fields["deleted_at"] is None


def test_activities_in_the_bin_listed_with_people_latest_first(store: Store) -> None:
    with store.session() as s:
        activity = Activity(
            type="workshop",
            title="Découvrir sa tablette",
            advisor_id=local_advisor_id(s),
            date=dt.date(2026, 11, 20),
            place_type="domicile",
            commune="Saint-Paul",
            themes=["email"],
        )
        s.add(activity)
        b = reg.create_beneficiary(s, BeneficiaryData(first_name="Jean", last_name="HOARAU"), TODAY)
        s.flush()
        trash.delete(s, b)
    with store.session() as s:
        trash.delete(s, s.get(Activity, activity.id))  # type: ignore[arg-type]
    with store.reader() as s:
        entries = trash.deleted_entries(s)
        assert [(e.kind, e.label) for e in entries] == [
            (trash.KIND_ACTIVITY, "Découvrir sa tablette"),
            (trash.KIND_BENEFICIARY, "HOARAU Jean"),
        ]
        assert entries[0].detail == "Atelier collectif du 20/11/2026"


def test_merged_fiche_is_not_in_the_bin_and_cannot_be_restored(store: Store) -> None:
    with store.session() as s:
        a = reg.create_beneficiary(s, BeneficiaryData(first_name="Marie", last_name="RIVIÈRE"), TODAY).id
        b = reg.create_beneficiary(s, BeneficiaryData(first_name="Marie", last_name="RIVIERE"), TODAY).id
    with store.session() as s:
        reg.merge_beneficiaries(s, a, b)
    with store.reader() as s:
        assert trash.deleted_entries(s) == []
    with pytest.raises(trash.BinError), store.session() as s:
        trash.restore(s, s.get(Beneficiary, b))  # type: ignore[arg-type]
    with store.reader() as s:
        assert s.get(Beneficiary, b).deleted_at is not None  # type: ignore[union-attr]
