"""`stpaul-field`: the desktop app, and its headless sub-commands.

Each sub-command lives in its own module and registers itself through `COMMANDS`; this file
only parses the common options and dispatches.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from stpaul_field import __version__
from stpaul_field.paths import DATA_DIR_ENV, AppPaths

# name -> (module, help). Each module defines `add_arguments(parser)` and `run(args, paths)`.
COMMANDS: dict[str, tuple[str, str]] = {
    "gui": ("stpaul_field.ui.app", "ouvrir l'application (par défaut)"),
    "seed-demo": ("stpaul_field.store.demo", "remplir le poste de données de démonstration"),
    "privacy": ("stpaul_field.store.privacy_cli", "droits des personnes (RGPD) : export, effacement"),
    "restore-backup": (
        "stpaul_field.store.restore_cli",
        "restaurer une sauvegarde du poste (--list : les voir)",
    ),
    "import": (
        "stpaul_field.documents.import_cli",
        "importer des bénéficiaires ou l'historique de vos activités (Coop, CSV/XLSX)",
    ),
    "export": ("stpaul_field.documents.export_cli", "exporter activités ou bénéficiaires (Coop, XLSX/CSV)"),
    "report": ("stpaul_field.documents.report_cli", "rapport mensuel en PDF (suivis, objectif, graphiques)"),
    "print-sheet": ("stpaul_field.documents.cli_print_sheet", "feuilles d'émargement en PDF"),
    "enrol": ("stpaul_field.sync.enrol_cli", "inscrire ce poste au registre central (une fois)"),
    "sync": ("stpaul_field.sync.sync_cli", "synchroniser avec le registre central"),
}


class FrenchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)


class FrenchParser(argparse.ArgumentParser):
    """argparse speaks English (« usage: », « show this help message and exit »): the app's
    command line speaks French, like the app, sub-commands included."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="stpaul-field",
        description="Suivi des accompagnements numériques de la Ville de Saint-Paul, hors ligne.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"stpaul-field {__version__}",
        help="afficher la version et quitter",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"mettre tous les fichiers de l'application sous DIR (ou ${DATA_DIR_ENV})",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text)
        sub.set_defaults(_module=module_name)
        module = importlib.import_module(module_name) if name != "gui" else None
        if module is not None and hasattr(module, "add_arguments"):
            module.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        # Ctrl+C before the window's event loop runs (it then quits the app itself), or during a
        # terminal command: stopped, and said so, without a traceback (130: the shells' code).
        print("Interrompu (Ctrl+C).", file=sys.stderr)
        return 130


def _dispatch(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    module_name = getattr(args, "_module", COMMANDS["gui"][0])
    if unknown and module_name != COMMANDS["gui"][0]:
        parser.error(f"arguments non reconnus : {' '.join(unknown)}")
    paths = AppPaths.resolve(args.data_dir)
    run: Callable[[argparse.Namespace, AppPaths], int] = importlib.import_module(module_name).run
    return run(args, paths)


if __name__ == "__main__":
    sys.exit(main())
