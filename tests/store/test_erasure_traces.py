"""An erased person leaves no trace in the laptop's search index (issue 17): their name and
phone tokens are gone from the index's data, not only hidden behind a delete marker."""

from __future__ import annotations

from sqlalchemy import text

from stpaul_field.store.database import Store
from stpaul_field.store.models import Beneficiary
from stpaul_field.store.privacy import ERASED_PERSON, erase_person
from stpaul_field.store.search import search_beneficiaries

PHONE_TAIL = b"987654"  # after the digits it shares with the other person's phone


def _index_data(store: Store) -> bytes:
    with store.reader() as s:
        return b"".join(
            bytes(block) for (block,) in s.execute(text("SELECT block FROM beneficiary_search_data"))
        )


def test_erasure_takes_the_tokens_out_of_the_search_index(store: Store) -> None:
    with store.session() as s:
        s.add(Beneficiary(first_name="Line", last_name="Payet", phone="0692123456"))
        person = Beneficiary(first_name="Zoé", last_name="Ravenala", phone="0692987654")
        s.add(person)
        s.flush()
        person_id = person.id
    assert PHONE_TAIL in _index_data(store)
    with store.session() as s:
        erase_person(s, person_id)
    assert PHONE_TAIL not in _index_data(store)
    with store.reader() as s:
        assert search_beneficiaries(s, "ravenala") == [] and search_beneficiaries(s, "0692987654") == []
        assert [h.last_name for h in search_beneficiaries(s, "payet")] == ["Payet"]  # the index still works


def test_a_store_that_erased_before_0011_loses_the_old_tokens_at_its_upgrade(paths) -> None:
    from stpaul_field.store import migrate

    store = Store.open(paths, upgrade=False, first_start=False)
    migrate.upgrade(store.engine, None, to="0010")
    with store.session() as s:
        s.add(Beneficiary(first_name="Line", last_name="Payet", phone="0692123456"))
        person = Beneficiary(first_name="Zoé", last_name="Ravenala", phone="0692987654")
        s.add(person)
        s.flush()
        person_id = person.id
    with store.session() as s:
        # What an erasure did to the person's row then (erase_person today also reads columns
        # a 0010 store does not have yet, such as an activity's series).
        erased = s.get(Beneficiary, person_id)
        for name, value in ERASED_PERSON.items():
            setattr(erased, name, value)
    assert PHONE_TAIL in _index_data(store)  # a delete marker, the tokens still there
    migrate.upgrade(store.engine, paths.backups, store.key)
    assert PHONE_TAIL not in _index_data(store)
    with store.reader() as s:
        assert [h.last_name for h in search_beneficiaries(s, "payet")] == ["Payet"]
    store.close()


def test_nothing_of_an_erased_person_is_left_in_the_store_not_even_in_unsent_edits(store, tmp_path) -> None:
    import datetime as dt

    from stpaul_field.store import cipher
    from tests.store.test_privacy import add_person

    person = add_person(store, dt.date(2026, 11, 23), first_name="Zoé", last_name="Ravenala")
    with store.session() as s:  # never synced: the outbox holds the creation, with the name
        erase_person(s, person.id)
    clear = tmp_path / "en-clair.sqlite3"
    cipher.export_plaintext(store.paths.store_file, clear, store.key)  # every table, decrypted
    data = clear.read_bytes()
    for trace in ("Ravenala", "0692123456", "Mme Payet a perdu", "habite chez sa fille"):
        assert trace.encode() not in data, trace
