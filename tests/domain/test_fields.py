"""The table of coded, counted and reference fields (`domain.fields`) is the one the code reads."""

import datetime as dt
import uuid
from typing import get_args

import pytest

from stpaul_field.domain import values as v
from stpaul_field.domain.entities import ActivityData
from stpaul_field.domain.fields import CODED_FIELDS, COUNTED_FIELDS, ENTITIES, REFERENCE_FIELDS
from stpaul_field.domain.validation import activity_errors
from stpaul_field.server.records import new_document, record_errors
from stpaul_field.store.models import SYNCED_MODELS
from stpaul_field.store.record_labels import value_label
from stpaul_field.sync import protocol

TODAY = dt.date(2026, 11, 23)


def _valid(entity: str) -> dict:
    """A valid record of each entity, as the server's documents hold it."""
    doc = new_document(entity, dt.datetime(2026, 11, 23, tzinfo=dt.UTC))
    doc.update(
        {
            "beneficiary": {"first_name": "Hélène", "last_name": "Payet"},
            "activity": {
                "type": "individual",
                "advisor_id": str(uuid.uuid4()),
                "date": TODAY.isoformat(),
                "themes": ["email"],
                "venue_id": str(uuid.uuid4()),
            },
            "venue": {"name": "Médiathèque"},
            "advisor": {"last_name": "Hoarau"},
        }[entity]
    )
    return doc


def test_the_entity_list_is_the_protocol_s_and_the_store_s():
    assert get_args(protocol.Entity) == ENTITIES
    assert set(SYNCED_MODELS) == set(ENTITIES)


def test_every_field_of_the_table_is_a_synced_field_of_its_entity():
    for name, coded in CODED_FIELDS.items():
        assert name in SYNCED_MODELS[coded.entity].synced_fields(), name
    for name, by in COUNTED_FIELDS.items():
        assert name in SYNCED_MODELS["activity"].synced_fields() and by in CODED_FIELDS
    synced = {n for m in SYNCED_MODELS.values() for n in m.synced_fields()}
    assert set(REFERENCE_FIELDS) <= synced
    assert set(REFERENCE_FIELDS.values()) <= set(ENTITIES)


def test_every_foreign_key_is_a_reference_field():
    for model in SYNCED_MODELS.values():
        for column in model.__table__.columns:
            for key in column.foreign_keys:
                assert REFERENCE_FIELDS[column.key] == key.column.table.name


@pytest.mark.parametrize("name", sorted(CODED_FIELDS))
def test_an_unknown_code_is_refused_for_every_coded_field(name):
    """By the server (record_errors runs the laptop's validation), naming the field."""
    coded = CODED_FIELDS[name]
    doc = _valid(coded.entity)
    assert record_errors(coded.entity, doc, TODAY) == []
    doc[name] = ["bogus"] if coded.many else "bogus"
    reasons = record_errors(coded.entity, doc, TODAY)
    assert f"{v.FIELD_LABELS.label(name)} : valeur inconnue « bogus »." in reasons


@pytest.mark.parametrize("name", [n for n, c in CODED_FIELDS.items() if c.required])
def test_a_required_code_cannot_be_empty(name):
    coded = CODED_FIELDS[name]
    doc = _valid(coded.entity)
    doc[name] = ""
    assert f"{v.FIELD_LABELS.label(name)} : valeur obligatoire." in record_errors(coded.entity, doc, TODAY)


@pytest.mark.parametrize("name", sorted(COUNTED_FIELDS))
def test_a_count_by_an_unknown_code_is_refused(name):
    workshop = ActivityData(type="workshop", date=TODAY, themes=["email"], title="Atelier", anon_total=2)
    setattr(workshop, name, {"bogus": 1})
    assert name in {e.field for e in activity_errors(workshop, 0)}


def test_labels_read_codes_and_counts_from_the_table():
    session = None  # coded and counted values need no record
    assert value_label(session, "level", "debutant") == "Débutant"  # type: ignore[arg-type]
    assert value_label(session, "equipment", ["ordinateur", "tablette"]) == "Ordinateur, Tablette"  # type: ignore[arg-type]
    assert value_label(session, "anon_age_bands", {"de_18_a_24": 2}) == "18 - 24 ans : 2"  # type: ignore[arg-type]


def test_the_form_s_data_holds_every_outcome_of_the_table_declared_there_only():
    import dataclasses
    import inspect

    from stpaul_field.domain import entities
    from stpaul_field.domain.fields import outcome_fields

    names = {f.name: f.default for f in dataclasses.fields(ActivityData)}
    source = inspect.getsource(entities)
    assert outcome_fields()
    for name in outcome_fields():
        assert name in names and names[name] is None, name
        assert f"{name}:" not in source, f"{name} is declared in domain/fields.py only"
