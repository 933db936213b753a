"""The synced fields are declared once (`records.synced`): the laptop's ORM, the server's specs,
the forms' data and the protocol all agree with that declaration."""

import dataclasses

from stpaul_field.domain.entities import ActivityData, BeneficiaryData
from stpaul_field.domain.fields import ENTITIES
from stpaul_field.records.specs import SPECS
from stpaul_field.records.synced import SYNCED_FIELDS
from stpaul_field.store.models import SYNCED_MODELS
from stpaul_field.sync.protocol import MAX_FIELDS_PER_CHANGE


def test_one_declaration_per_entity():
    assert tuple(SYNCED_FIELDS) == ENTITIES
    for entity, model in SYNCED_MODELS.items():
        assert issubclass(model, SYNCED_FIELDS[entity]), entity


def test_the_laptop_and_the_server_know_the_same_fields_in_the_same_order():
    for entity, model in SYNCED_MODELS.items():
        assert model.synced_fields() == list(SPECS[entity]), entity


def test_the_laptop_s_columns_are_the_declared_ones():
    for entity, model in SYNCED_MODELS.items():
        columns = model.__table__.columns
        for name, spec in SPECS[entity].items():
            assert bool(columns[name].nullable) == spec.nullable, (entity, name)
            assert getattr(columns[name].type, "length", None) in (spec.max_length, None), (entity, name)


def test_the_forms_data_hold_only_synced_fields():
    for data, entity in ((BeneficiaryData, "beneficiary"), (ActivityData, "activity")):
        assert {f.name for f in dataclasses.fields(data)} <= set(SPECS[entity]), entity


def test_a_change_can_carry_every_field_of_a_record():
    assert max(len(specs) for specs in SPECS.values()) <= MAX_FIELDS_PER_CHANGE
