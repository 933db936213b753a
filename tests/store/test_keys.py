"""The laptop's passphrase key (issue 17): scrypt's cost, stores made at an older cost, and a
missing `store-key.json` beside an existing store."""

from __future__ import annotations

import json

import pytest

from stpaul_field.paths import AppPaths
from stpaul_field.store import keys
from stpaul_field.store.database import Store
from stpaul_field.store.keys import KeyInfo, KeyInfoMissing, key_info_file
from stpaul_field.store.models import Beneficiary
from stpaul_field.unlock import StoreLocked, open_store_interactive

# Read at import, before tests/conftest.py makes it cheap for each test.
PRODUCT_SCRYPT_N = keys.SCRYPT_N


def _store_with_one_person(paths: AppPaths) -> None:
    store = Store.open(paths)
    with store.session() as s:
        s.add(Beneficiary(first_name="Zoé", last_name="Ravenala", phone="0692987654"))
    store.close()


def test_new_stores_cost_scrypt_at_least_2_to_the_17(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert PRODUCT_SCRYPT_N >= 2**17  # OWASP's minimum for scrypt
    monkeypatch.setattr(keys, "SCRYPT_N", PRODUCT_SCRYPT_N)
    Store.open(paths).close()
    info = KeyInfo.load(key_info_file(paths))
    assert info is not None and info.method == "passphrase" and info.n == PRODUCT_SCRYPT_N
    assert json.loads(key_info_file(paths).read_text())["n"] == PRODUCT_SCRYPT_N


def test_a_store_made_before_the_cost_was_written_down_still_opens_at_its_own(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**15)  # the cost of the app's earlier versions
    _store_with_one_person(paths)
    monkeypatch.setattr(keys, "SCRYPT_N", PRODUCT_SCRYPT_N)
    # store-key.json as those versions wrote it: no "n".
    info = json.loads(key_info_file(paths).read_text())
    del info["n"]
    key_info_file(paths).write_text(json.dumps(info))
    keys.derive_key.cache_clear()
    store = Store.open(paths)  # the passphrase, at the store's own cost
    with store.reader() as s:
        assert [b.last_name for b in s.query(Beneficiary)] == ["Ravenala"]
    store.close()
    assert json.loads(key_info_file(paths).read_text()) == info  # left as it was


def test_a_missing_store_key_file_is_refused_in_french_and_never_rewritten(paths: AppPaths) -> None:
    _store_with_one_person(paths)
    key_info_file(paths).unlink()
    before = paths.store_file.read_bytes()
    with pytest.raises(KeyInfoMissing) as refused:
        Store.open(paths)
    assert "store-key.json manque" in str(refused.value) and "rien n'a été modifié" in str(refused.value)
    assert not key_info_file(paths).exists()
    assert paths.store_file.read_bytes() == before
    with pytest.raises(StoreLocked):  # a terminal command says so and exits 2, no traceback
        open_store_interactive(paths)
    assert not key_info_file(paths).exists()


def test_store_key_file_is_never_replaced(paths: AppPaths) -> None:
    Store.open(paths).close()
    written = key_info_file(paths).read_text()
    with pytest.raises(FileExistsError):
        KeyInfo("passphrase", salt="00" * 16).save(key_info_file(paths))
    assert key_info_file(paths).read_text() == written


def test_unlock_codes_hashed_before_and_now_both_match() -> None:
    stored = keys.hash_lock_code("1234")
    assert stored.startswith(f"scrypt${keys.SCRYPT_N}$") and keys.lock_code_matches(stored, "1234")
    assert not keys.lock_code_matches(stored, "1235")
    salt = "ab" * 16
    legacy = f"scrypt${salt}${keys.derive_key('1234', salt, 2**15).hex()}"
    assert keys.lock_code_matches(legacy, "1234") and not keys.lock_code_matches(legacy, "0000")
