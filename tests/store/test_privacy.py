"""RGPD: a person's data exported, erased (anonymised, queued for sync), retention."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Beneficiary, OutboxEntry, Participation
from stpaul_field.store.privacy import (
    PersonNotFound,
    apply_retention,
    erase_person,
    export_person,
    people_past_retention,
)
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.store.search import search_beneficiaries

TODAY = dt.date(2026, 11, 23)


def add_person(store: Store, last_seen: dt.date | None, **fields) -> Beneficiary:
    with store.session() as s:
        person = Beneficiary(
            first_name=fields.pop("first_name", "Hélène"),
            last_name=fields.pop("last_name", "PAYET"),
            phone="0692123456",
            notes="habite chez sa fille",
            birth_year=1950,
            gender="feminin",
            age_band="soixante_dix_plus",
            commune="Saint-Paul",
            disability=True,
            consent_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
            **fields,
        )
        s.add(person)
        if last_seen:
            activity = Activity(
                type="individual",
                advisor_id=local_advisor_id(s),
                date=last_seen,
                themes=["email"],
                notes="Mme Payet a perdu son mot de passe",
            )
            s.add(activity)
            s.add(Participation(activity_id=activity.id, beneficiary_id=person.id, attended=True))
    return person


def test_export_tells_the_person_everything_in_french(store: Store):
    person = add_person(store, TODAY)
    with store.reader() as s:
        data = export_person(s, person.id)
    assert data["personne"]["nom"] == "PAYET"
    assert data["personne"]["tranche d'âge"] == "70 ans et plus"
    assert data["personne"]["situation de handicap"] is True
    (visit,) = data["accompagnements"]
    assert visit["date"] == "23/11/2026"
    assert visit["thématiques"] == ["E-mail"]
    assert data["responsable_du_traitement"].startswith("Ville de Saint-Paul")


def test_erasure_anonymises_everywhere_and_is_queued_for_sync(store: Store):
    person = add_person(store, TODAY)
    with store.session() as s:
        erase_person(s, person.id)
    with store.reader() as s:
        erased = s.get(Beneficiary, person.id)
        assert erased.anonymous and erased.first_name == "" and erased.last_name == ""
        assert erased.phone == "" and erased.notes == "" and erased.birth_year is None
        assert not erased.disability and erased.consent_at is None
        # Still counted in the figures, by coarse criteria only.
        assert (erased.gender, erased.age_band, erased.commune) == (
            "feminin",
            "soixante_dix_plus",
            "Saint-Paul",
        )
        assert s.scalars(select(Activity.notes)).one() == ""
        assert search_beneficiaries(s, "payet") == []
        erasure = [e for e in s.scalars(select(OutboxEntry)) if e.record_id == person.id][-1]
        assert erasure.fields["last_name"] == "" and erasure.fields["anonymous"] is True


def test_erasing_an_unknown_person_changes_nothing(store: Store):
    import uuid

    with pytest.raises(PersonNotFound), store.session() as s:
        erase_person(s, uuid.uuid4())


def test_retention_anonymises_only_people_unseen_for_n_years(store: Store):
    old = add_person(store, dt.date(2024, 6, 1), first_name="Gilbert", last_name="GRONDIN")
    recent = add_person(store, dt.date(2025, 12, 1), first_name="Marie", last_name="HOARAU")
    with store.reader() as s:
        assert people_past_retention(s, 2, TODAY) == [old.id]
    with store.session() as s:
        assert apply_retention(s, 2, TODAY) == 1
    with store.reader() as s:
        assert s.get(Beneficiary, old.id).anonymous
        assert not s.get(Beneficiary, recent.id).anonymous
    with pytest.raises(ValueError), store.session() as s:
        apply_retention(s, 0, TODAY)


def test_privacy_commands(paths, tmp_path, capsys):
    import json

    from stpaul_field.cli import main

    store = Store.open(paths)
    person = add_person(store, TODAY)
    store.close()
    root = str(paths.data.parent)
    out = tmp_path / "acces.json"
    assert (
        main(["--data-dir", root, "privacy", "export", "--beneficiary", str(person.id), "-o", str(out)]) == 0
    )
    assert json.loads(out.read_text(encoding="utf-8"))["personne"]["prénom"] == "Hélène"
    assert main(["--data-dir", root, "privacy", "erase", "--beneficiary", "pas-un-id"]) == 2
    assert main(["--data-dir", root, "privacy", "erase", "--beneficiary", str(person.id)]) == 0
    assert "anonymisée" in capsys.readouterr().out
    assert (
        main(["--data-dir", root, "privacy", "export", "--beneficiary", str(person.id), "-o", str(out)]) == 0
    )
    assert json.loads(out.read_text(encoding="utf-8"))["personne"]["nom"] == ""


def test_retention_leaves_erased_people_alone_and_catches_a_name_that_came_back(store: Store):
    person = add_person(store, dt.date(2020, 1, 1))
    with store.session() as s:
        assert apply_retention(s, 2, TODAY) == 1
    with store.reader() as s:
        queued = s.scalar(select(func.count()).select_from(OutboxEntry))
        assert people_past_retention(s, 2, TODAY) == []
    with store.session() as s:
        assert apply_retention(s, 2, TODAY) == 0
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == queued  # nothing re-queued
    # A laptop's offline edit won a conflict after the erasure: the name is back on an
    # anonymous record; the next retention run erases it again.
    with store.session() as s:
        s.get(Beneficiary, person.id).last_name = "PAYET"
    with store.reader() as s:
        assert people_past_retention(s, 2, TODAY) == [person.id]
