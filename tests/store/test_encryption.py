"""The store is encrypted at rest: no personal data readable in any file of the data directory."""

import shutil
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from stpaul_field.paths import AppPaths
from stpaul_field.store import cipher
from stpaul_field.store.backup import backup_store
from stpaul_field.store.database import Store
from stpaul_field.store.keys import PASSPHRASE_ENV, KeyUnavailable
from stpaul_field.store.models import Beneficiary
from stpaul_field.store.search import search_beneficiaries

R0001 = Path(__file__).parents[1] / "data" / "store-r0001.sqlite3"
SECRETS = ("Ravenala", "0692987654", "rappeler pour le dossier MDPH")


def record_people(store: Store) -> None:
    with store.session() as s:
        s.add(Beneficiary(first_name="Zoé", last_name=SECRETS[0], phone=SECRETS[1], notes=SECRETS[2]))


def files_holding(root: Path, needles: tuple[str, ...]) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                for encoding in ("utf-8", "utf-16-le"):
                    if needle.encode(encoding) in data:
                        found.append(f"{path.relative_to(root)}: {needle}")
    return found


def test_no_name_phone_or_note_in_any_file_of_the_data_dir(paths: AppPaths, tmp_path: Path):
    store = Store.open(paths)
    record_people(store)
    backup_store(store.engine, paths.backups, store.key)
    # Look while the store is open (WAL file present) and after it is closed.
    root = paths.data.parent
    assert files_holding(root, SECRETS) == []
    store.close()
    assert files_holding(root, SECRETS) == []
    # The data is really there: opened with its key, it is found.
    store = Store.open(paths)
    with store.reader() as s:
        assert [h.phone for h in search_beneficiaries(s, "zoe ravenala")] == [SECRETS[1]]
    store.close()


def test_wrong_passphrase_is_refused_and_changes_nothing(paths: AppPaths, monkeypatch):
    store = Store.open(paths)
    record_people(store)
    store.close()
    before = paths.store_file.read_bytes()
    monkeypatch.setenv(PASSPHRASE_ENV, "pas la bonne phrase")
    with pytest.raises(cipher.WrongKey):
        Store.open(paths)
    assert paths.store_file.read_bytes() == before


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_a_passphrase_is_required_without_a_keyring(paths: AppPaths, monkeypatch, no_keyring):
    monkeypatch.delenv(PASSPHRASE_ENV)
    with pytest.raises(KeyUnavailable, match="phrase de passe"):
        Store.open(paths)
    assert not paths.store_file.exists()
    with pytest.raises(KeyUnavailable, match="au moins 8"):
        Store.open(paths, passphrase="court")


def test_unencrypted_store_of_an_older_version_is_encrypted_in_place(paths: AppPaths):
    paths.ensure()
    shutil.copy(R0001, paths.store_file)
    shutil.copy(R0001, paths.backups / "stpaul-field-20261101-000000-000000-manuelle.sqlite3")
    assert cipher.is_plaintext(paths.store_file)
    store = Store.open(paths)
    with store.reader() as s:
        assert [h.last_name for h in search_beneficiaries(s, "helene")] == ["PAYET"]
    store.close()
    assert not cipher.is_plaintext(paths.store_file)
    assert files_holding(paths.data.parent, ("PAYET", "0693654321")) == []
    leftovers = [p.name for p in paths.data.iterdir() if "clair" in p.name or "chiffrement" in p.name]
    assert leftovers == []


class MemoryKeyring(KeyringBackend):
    # Below zero so that keyring never picks it by itself for other tests.
    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


def test_with_a_keyring_the_key_is_random_and_kept_there(paths: AppPaths, monkeypatch):
    monkeypatch.delenv(PASSPHRASE_ENV)
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        store = Store.open(paths)
        record_people(store)
        store.close()
        (stored,) = memory.secrets.values()
        assert bytes.fromhex(stored) == store.key
        assert stored not in paths.data.joinpath("store-key.json").read_text()
        Store.open(paths).close()  # opens again from the keyring, no passphrase
        memory.secrets.clear()
        with pytest.raises(KeyUnavailable, match="trousseau"):
            Store.open(paths)
    finally:
        keyring.set_keyring(previous)
