"""`stpaul-field export`: the Coop's activities or beneficiaries export, from a terminal."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from stpaul_field.paths import AppPaths


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=("activities", "beneficiaries"), help="activités ou bénéficiaires")
    parser.add_argument("--from", dest="start", required=True, metavar="AAAA-MM-JJ", help="premier jour")
    parser.add_argument("--to", dest="end", required=True, metavar="AAAA-MM-JJ", help="dernier jour (inclus)")
    parser.add_argument("--format", choices=("xlsx", "csv"), help="défaut : d'après l'extension du fichier")
    parser.add_argument("--team", action="store_true", help="toute l'équipe (défaut : mes activités)")
    parser.add_argument("-o", "--output", required=True, metavar="FICHIER")


def parse_day(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{what} invalide « {text} » : attendu AAAA-MM-JJ, ex. 2026-11-01.") from None


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.documents import exports
    from stpaul_field.domain.report_model import Period
    from stpaul_field.settings import CURRENT_ADVISOR, Settings, counting_rule
    from stpaul_field.store.reference import current_advisor_id
    from stpaul_field.unlock import open_store_interactive

    output = Path(args.output)
    fmt = args.format or output.suffix.lower().lstrip(".") or "xlsx"
    try:
        period = Period(parse_day(args.start, "Date de début"), parse_day(args.end, "Date de fin"))
        if period.start > period.end:
            raise ValueError("La date de début est après la date de fin.")
        if fmt not in exports.FORMATS:
            raise ValueError(f"Format inconnu « {fmt} » : xlsx ou csv (option --format).")
        if not output.parent.is_dir():
            raise ValueError(f"Le dossier « {output.parent} » n'existe pas.")
    except ValueError as error:
        print(f"Erreur : {error}")
        return 2
    settings = Settings(paths.settings_file)
    store = open_store_interactive(paths)
    try:
        with store.reader() as session:
            me = current_advisor_id(session, settings.get(CURRENT_ADVISOR))
            advisor_id = None if args.team else me
            rule = counting_rule(settings)
            count = exports.export(
                session, args.kind, period, advisor_id, output, fmt, requester_id=me, rule=rule
            )
    except OSError as error:
        print(f"Erreur : écriture impossible de {output} ({error.strerror}).")
        return 1
    except ValueError as error:
        print(f"Erreur : {error}")
        return 2
    finally:
        store.close()
    who = "de l'équipe" if args.team else "de ce poste"
    print(f"{count} ligne(s) {who} exportée(s) dans {output} ({period.label()}).")
    return 0
