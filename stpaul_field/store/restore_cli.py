"""`stpaul-field restore-backup FILE`: put a backup back in place of the store (app closed).

The store it replaces is backed up first; a file this laptop's key does not open, a damaged
one, or one from a newer version is refused and nothing changes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from stpaul_field.paths import AppPaths


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FICHIER",
        nargs="?",
        help="la sauvegarde à restaurer (chemin, ou nom dans le dossier des sauvegardes)",
    )
    parser.add_argument("--list", action="store_true", help="lister les sauvegardes du poste")


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.settings import store_options
    from stpaul_field.store import backup
    from stpaul_field.unlock import key_interactive

    if args.list or not args.file:
        found = backup.describe_backups(paths.backups)
        if not found:
            print("Aucune sauvegarde sur ce poste.")
        for info in found:
            when = info.made_at.astimezone().strftime("%d/%m/%Y %H:%M:%S")
            print(f"{when}  {info.size / 1e6:8.1f} Mo  {info.reason:<28} {info.path.name}")
        if args.list:
            return 0
        print("Indiquez la sauvegarde à restaurer : stpaul-field restore-backup FICHIER.")
        return 2
    chosen = Path(args.file)
    if not chosen.exists() and (paths.backups / chosen.name).exists():
        chosen = paths.backups / chosen.name
    key = key_interactive(paths)
    paths.ensure()
    try:
        safety = backup.restore_backup(
            paths, chosen, key, keep=store_options(paths.settings_file)["backups_kept"]
        )
    except backup.BackupUnusable as error:
        print(f"Erreur : {error} Rien n'a été modifié.")
        return 2
    print(f"Sauvegarde {chosen.name} restaurée.")
    if safety is not None:
        print(f"Les données remplacées sont gardées dans la sauvegarde {safety.name}.")
    return 0
