"""`stpaul-field import beneficiaries FILE [--dry-run]`: a register brought in from a file;
`stpaul-field import activities FILE [--dry-run]`: an advisor's history from the Coop's export.

Prints the preview first (rows to create, to merge, to skip; every row's errors in French with
its row and column; the duplicates found), then, unless --dry-run, writes it in one transaction
through the outbox. A file of the city's own names its columns as it likes: --colonne maps one
of ours to its header, and the mapping is remembered for the next import of the same headers.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from stpaul_field.paths import AppPaths

SHOWN = 200  # errors and duplicates listed in the terminal; the counts cover them all


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        choices=("beneficiaries", "activities"),
        help="ce qui est importé : des bénéficiaires, ou l'historique de vos activités",
    )
    parser.add_argument(
        "file",
        metavar="FICHIER",
        help="bénéficiaires : modèle ou export de la Coop, ou CSV/XLSX de la ville ; "
        "activités : votre export des activités de la Coop",
    )
    parser.add_argument("--dry-run", action="store_true", help="montrer l'aperçu sans rien écrire")
    parser.add_argument(
        "--colonne",
        action="append",
        default=[],
        metavar="CHAMP=EN-TÊTE",
        help='colonne du fichier pour un champ, ex. --colonne "Nom=NOM DE FAMILLE" (retenue)',
    )
    parser.add_argument(
        "--doublons",
        choices=("joindre", "créer", "ignorer"),
        default="joindre",
        help="que faire d'une personne déjà connue (défaut : la joindre, sans rien écraser)",
    )


class Refused(Exception):
    """The import cannot go on; the message is French, for the advisor."""


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    try:
        return (_activities if args.kind == "activities" else _beneficiaries)(args, paths)
    except Refused as error:
        print(f"Erreur : {error}")
        return 2


def _preview_then_write(
    paths: AppPaths,
    dry_run: bool,
    preview: Callable[[Any], Any],
    show: Callable[[Any], None],
    write: Callable[[Any, Any], Any],
) -> Any:
    """Both imports' flow: the preview (read-only), shown; then, unless --dry-run, the writing
    in one transaction. Returns what `write` returned, or None for a dry run."""
    from stpaul_field.unlock import open_store_interactive

    store = open_store_interactive(paths)
    try:
        with store.reader() as session:
            found = preview(session)
        show(found)
        if dry_run:
            print("Aperçu seulement (--dry-run) : rien n'a été écrit.")
            return None
        with store.session() as session:
            return write(session, found)
    finally:
        store.close()


def _beneficiaries(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.documents import beneficiary_import as reader
    from stpaul_field.settings import IMPORT_COLUMNS, Settings
    from stpaul_field.store import beneficiary_import as importer

    settings = Settings(paths.settings_file)
    try:
        mapping = reader.parse_mapping(args.colonne)
        remembered = reader.remembered_mappings(settings.get(IMPORT_COLUMNS))
        read = reader.read_file(Path(args.file), mapping, remembered)
    except (reader.ImportFileError, ValueError) as error:
        raise Refused(error) from error
    if not read.rows:
        raise Refused("le fichier ne contient aucune personne à importer.")
    default = importer.CHOICES[args.doublons]
    written = _preview_then_write(
        paths,
        args.dry_run,
        lambda session: importer.preview(session, read.rows, read.columns),
        lambda found: _print_preview(read, found, default),
        lambda session, found: importer.write(session, found, default=default),
    )
    if written is None:
        return 0
    if args.colonne:
        settings.set(IMPORT_COLUMNS, reader.remember_mapping(settings.get(IMPORT_COLUMNS), read))
    print(
        f"Importé : {written.created} personne(s) créée(s), {written.joined} jointe(s) à une fiche "
        f"existante, {written.skipped} ligne(s) ignorée(s). "
        "Les fiches partiront à la prochaine synchronisation."
    )
    return 0


def _activities(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.documents.activity_import import read_activities
    from stpaul_field.documents.beneficiary_import import ImportFileError
    from stpaul_field.settings import CURRENT_ADVISOR, Settings
    from stpaul_field.store import activity_import as importer
    from stpaul_field.store.beneficiary_import import CHOICES
    from stpaul_field.store.reference import current_advisor_id

    if args.colonne:
        raise Refused("--colonne ne sert qu'aux bénéficiaires ; l'export de la Coop a ses colonnes.")
    try:
        read = read_activities(Path(args.file))
    except ImportFileError as error:
        raise Refused(error) from error
    default = CHOICES[args.doublons]
    configured = Settings(paths.settings_file).get(CURRENT_ADVISOR)

    def preview(session: Any) -> Any:
        wrong = importer.someone_elses(session, read.exporter, current_advisor_id(session, configured))
        if wrong is not None:
            raise Refused(wrong)
        return importer.preview(session, read.activities, read.columns)

    def write(session: Any, found: Any) -> Any:
        advisor = current_advisor_id(session, configured)
        if advisor is None:
            raise Refused("ce poste n'a pas de conseiller ; inscrivez-le (enrol) avant d'importer.")
        return importer.write(session, found, advisor, default=default)

    written = _preview_then_write(
        paths, args.dry_run, preview, lambda found: _print_activities(read, found, default), write
    )
    if written is None:
        return 0
    print(
        f"Importé : {written.activities} activité(s) réalisée(s) ({written.accompaniments} "
        f"accompagnement(s)), {written.people.created} personne(s) créée(s), {written.people.joined} "
        "jointe(s) à une fiche existante. Elles partiront à la prochaine synchronisation."
    )
    return 0


def _print_preview(read: Any, found: Any, default: str) -> None:
    counts = found.counts(default=default)
    print(f"Fichier lu comme : {read.layout} — {len(read.rows)} ligne(s).")
    mapped = ", ".join(f"{read.columns[n]} → {label}" for n, label in _labels().items() if n in read.columns)
    print(f"Colonnes : {mapped}.")
    if read.remembered:
        print("(correspondance retenue au dernier import d'un fichier aux mêmes en-têtes)")
    if read.ignored:
        print(f"Colonnes ignorées : {', '.join(read.ignored)}.")
    print(
        f"À créer : {counts['créer']} · à fusionner : {counts['fusionner']} · "
        f"à ignorer : {counts['ignorer']} (dont {counts['erreurs']} en erreur)."
    )
    _print_findings(found, "Doublons")


def _print_activities(read: Any, found: Any, default: str) -> None:
    c = found.counts(default=default)
    print(f"Fichier lu comme : {read.layout} — {read.rows} ligne(s), {len(read.activities)} activité(s).")
    print(
        f"Activités à créer : {c['activités']} ({c['accompagnements']} accompagnement(s)) · déjà "
        f"importées : {c['déjà importées']} · en erreur : {c['en erreur']} · ignorées : {c['ignorées']}."
    )
    print(f"Personnes à créer : {c['personnes à créer']} · jointes au registre : {c['personnes à joindre']}.")
    _print_findings(found, "Déjà dans le registre")


def _print_findings(found: Any, duplicates_title: str) -> None:
    """Every error (the first SHOWN of them), then the duplicates found, each on its line."""
    for error in found.errors[:SHOWN]:
        print(f"  {error}")
    if len(found.errors) > SHOWN:
        print(f"  … et {len(found.errors) - SHOWN} autre(s) erreur(s).")
    duplicates = list(found.duplicates.values())
    if duplicates:
        print(f"{duplicates_title} ({len(duplicates)}) :")
        for dup in duplicates[:SHOWN]:
            print(f"  {dup}")


def _labels() -> dict[str, str]:
    from stpaul_field.domain.beneficiary_import import FIELDS

    return FIELDS
