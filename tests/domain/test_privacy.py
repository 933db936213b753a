"""The erasure and retention rule shared by the laptop and the central record."""

import datetime as dt

import pytest

from stpaul_field.domain.privacy import (
    ERASED_PERSON,
    KEPT_ON_ERASURE,
    is_erased,
    past_retention,
    retention_limit,
)
from stpaul_field.store.models import Beneficiary


def test_every_field_of_a_person_is_either_erased_or_deliberately_kept():
    # A new field must be classified here, or an erased person could keep it.
    bookkeeping = {"created_at", "updated_at", "deleted_at"}
    classified = set(ERASED_PERSON) | set(KEPT_ON_ERASURE) | bookkeeping
    assert set(Beneficiary.synced_fields()) == classified
    assert not set(ERASED_PERSON) & set(KEPT_ON_ERASURE)


def test_retention_limit_counts_whole_years_even_from_29_february():
    assert retention_limit(dt.date(2026, 11, 23), 2) == dt.date(2024, 11, 23)
    assert retention_limit(dt.date(2028, 2, 29), 2) == dt.date(2026, 2, 28)
    assert past_retention(dt.date(2024, 11, 22), dt.date(2026, 11, 23), 2)
    assert not past_retention(dt.date(2024, 11, 23), dt.date(2026, 11, 23), 2)
    with pytest.raises(ValueError, match="au moins un an"):
        retention_limit(dt.date(2026, 1, 1), 0)


def test_a_person_is_erased_only_when_nothing_identifying_is_left():
    erased = dict(ERASED_PERSON, gender="feminin", commune="Saint-Paul")
    assert is_erased(erased)
    assert not is_erased({**erased, "last_name": "PAYET"})
    assert not is_erased({**erased, "birth_year": 1950})
