"""Search of the register: accents, case, prefixes, phone, ranking, hidden records."""

import datetime as dt

import pytest

from stpaul_field.store.database import Store
from stpaul_field.store.models import Beneficiary
from stpaul_field.store.search import count_matches, search_beneficiaries


@pytest.fixture
def register(store: Store) -> Store:
    with store.session() as s:
        s.add_all(
            [
                Beneficiary(first_name="Hélène", last_name="PAYET", commune="Saint-Paul", phone="0692123456"),
                Beneficiary(first_name="Jean-Marc", last_name="Hoarau", commune="Saint-Gilles les Bains"),
                Beneficiary(first_name="Payet", last_name="Grondin", commune="La Saline"),
                Beneficiary(first_name="Marie", last_name="Payetlo", commune="Le Guillaume"),
                Beneficiary(first_name="Thérèse", last_name="Técher", commune="Payet"),
                Beneficiary(first_name="Rose", last_name="Effacée", deleted_at=dt.datetime.now(dt.UTC)),
                Beneficiary(anonymous=True, commune="Saint-Paul"),
            ]
        )
    return store


def names(store: Store, query: str) -> list[str]:
    with store.reader() as s:
        return [f"{h.first_name} {h.last_name}" for h in search_beneficiaries(s, query)]


def test_accent_and_case_insensitive(register: Store):
    assert names(register, "helene payet") == ["Hélène PAYET"]
    assert names(register, "HÉLÈNE") == ["Hélène PAYET"]
    assert names(register, "therese techer") == ["Thérèse Técher"]


def test_prefix_of_each_word_as_you_type(register: Store):
    assert names(register, "hel pa") == ["Hélène PAYET"]
    assert names(register, "jean marc") == ["Jean-Marc Hoarau"]
    assert names(register, "saint-gil") == ["Jean-Marc Hoarau"]


def test_phone_with_or_without_spaces(register: Store):
    assert names(register, "0692 12 34") == ["Hélène PAYET"]
    assert names(register, "069212") == ["Hélène PAYET"]
    assert names(register, "06") == []  # too short to mean anything
    with register.reader() as s:  # one digit is no search of every phone either
        assert [count_matches(s, typed) for typed in ("0", " 0 ", "6")] == [0, 0, 0]


def test_last_name_hit_ranks_before_first_name_and_commune_hits(register: Store):
    found = names(register, "payet")
    assert found[0] == "Hélène PAYET"
    assert set(found) == {"Hélène PAYET", "Payet Grondin", "Marie Payetlo", "Thérèse Técher"}
    assert found.index("Payet Grondin") < found.index("Thérèse Técher")


def test_deleted_and_anonymous_people_are_not_listed(register: Store):
    assert names(register, "effacee") == []
    assert names(register, "saint paul") == ["Hélène PAYET"]


def test_search_follows_edits(register: Store):
    with register.session() as s:
        person = s.query(Beneficiary).filter_by(first_name="Marie").one()
        person.last_name = "Lebon"
    assert names(register, "marie lebon") == ["Marie Lebon"]
    assert "Marie Payetlo" not in names(register, "payet")


def test_punctuation_and_empty_queries_are_harmless(register: Store):
    assert names(register, '"') == []
    assert names(register, "   ") == []
    assert names(register, 'pay"et OR *') == []
    with register.reader() as s:
        assert count_matches(s, "pa") == 4


def test_count_is_capped_for_short_prefixes(register: Store):
    with register.reader() as s:
        assert count_matches(s, "payet", cap=2) == 3  # "more than 2"
