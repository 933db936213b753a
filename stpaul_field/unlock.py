"""Opening the store from a terminal (the sub-commands): the laptop's settings, and the
passphrase asked when one is needed."""

from __future__ import annotations

import getpass
import sys

from stpaul_field.paths import AppPaths
from stpaul_field.settings import store_options
from stpaul_field.store.cipher import WrongKey
from stpaul_field.store.database import Store
from stpaul_field.store.keys import (
    PASSPHRASE_ENV,
    KeyInfoMissing,
    KeyUnavailable,
    key_info_file,
    resolve_key,
)


class StoreLocked(SystemExit):
    """The store cannot be opened here; carries the French reason and exit code 2."""

    def __init__(self, reason: str) -> None:
        print(f"Erreur : {reason}", file=sys.stderr)
        super().__init__(2)


def open_store_interactive(paths: AppPaths, **options: object) -> Store:
    """Store.open, asking the passphrase on the terminal if the keyring cannot give the key."""
    options = {**store_options(paths.settings_file), **options}
    try:
        return Store.open(paths, **options)  # type: ignore[arg-type]
    except KeyUnavailable as missing:
        if not sys.stdin.isatty():
            raise StoreLocked(
                f"{missing} (donnez-la dans {PASSPHRASE_ENV} ou lancez depuis un terminal)"
            ) from None
        creating = not key_info_file(paths).exists()
        passphrase = getpass.getpass("Phrase de passe du poste : ")
        if creating and getpass.getpass("Confirmez la phrase de passe : ") != passphrase:
            raise StoreLocked("les deux phrases de passe diffèrent") from None
        try:
            return Store.open(paths, passphrase=passphrase, **options)  # type: ignore[arg-type]
        except (KeyUnavailable, WrongKey) as error:
            raise StoreLocked(str(error)) from None
    except WrongKey as error:
        raise StoreLocked(f"{error} (phrase de passe erronée ?)") from None
    except KeyInfoMissing as error:
        raise StoreLocked(str(error)) from None


def key_interactive(paths: AppPaths) -> bytes:
    """The store's key without opening the store (which may be the damaged thing), asking the
    passphrase on the terminal if the keyring cannot give it."""
    try:
        return resolve_key(paths, create=False)
    except KeyInfoMissing as error:
        raise StoreLocked(str(error)) from None
    except KeyUnavailable as missing:
        if not key_info_file(paths).exists() or not sys.stdin.isatty():
            raise StoreLocked(
                f"{missing} (donnez-la dans {PASSPHRASE_ENV} ou lancez depuis un terminal)"
            ) from None
        try:
            return resolve_key(paths, getpass.getpass("Phrase de passe du poste : "), create=False)
        except KeyUnavailable as error:
            raise StoreLocked(str(error)) from None
