"""`stpaul-field enrol`: enrol this laptop with the central record, once, online.

The password is asked on the terminal, or read from the first line of standard input when
it is not a terminal (scripts); never given as an argument, where `ps` would show it.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys

from stpaul_field.paths import AppPaths


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--server", required=True, metavar="URL", help="adresse du registre central (https://…)"
    )
    parser.add_argument("--user", required=True, metavar="IDENTIFIANT", help="votre identifiant")
    parser.add_argument(
        "--device-name",
        metavar="NOM",
        help="nom de ce poste (défaut : nom de la machine)",
    )
    parser.add_argument(
        "--ca-bundle",
        metavar="PEM",
        help="autorité de certification de la ville (PEM)",
    )


def read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Mot de passe : ")
    return sys.stdin.readline().rstrip("\r\n")


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.sync.enrolment import enrol
    from stpaul_field.sync.errors import SyncError
    from stpaul_field.sync.transport import check_server_url
    from stpaul_field.unlock import open_store_interactive

    try:
        check_server_url(args.server)  # refused before asking anything
    except SyncError as error:
        print(f"Erreur : {error.message}", file=sys.stderr)
        return 2
    password = read_password()
    if not password:
        print("Erreur : mot de passe vide.", file=sys.stderr)
        return 2
    store = open_store_interactive(paths)
    try:
        done = enrol(
            store,
            paths,
            args.server,
            args.user,
            password,
            args.device_name or socket.gethostname() or "Poste",
            ca_bundle=args.ca_bundle,
        )
    except SyncError as error:
        print(f"Erreur : {error.message}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(f"Poste inscrit au registre central {done.server_url} pour {done.display_name}.")
    return 0
