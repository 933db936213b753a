"""`stpaul-field privacy`: a person's rights from a terminal (access, erasure) and retention."""

from __future__ import annotations

import argparse
import json
import uuid

from stpaul_field.paths import AppPaths, private_file


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="exporter les données d'une personne (JSON lisible)")
    export.add_argument("--beneficiary", required=True, metavar="ID")
    export.add_argument("-o", "--output", required=True, metavar="FICHIER")
    erase = actions.add_parser("erase", help="anonymiser une personne partout (droit à l'effacement)")
    erase.add_argument("--beneficiary", required=True, metavar="ID")
    retention = actions.add_parser("retention", help="anonymiser les personnes sans activité depuis N ans")
    retention.add_argument(
        "--years", type=int, metavar="N", help="durée de conservation (défaut : le réglage, 2 ans)"
    )


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.settings import RETENTION_YEARS, Settings
    from stpaul_field.store import privacy
    from stpaul_field.unlock import open_store_interactive

    person_id = None
    if getattr(args, "beneficiary", None):
        try:
            person_id = uuid.UUID(args.beneficiary)
        except ValueError:
            print(f"Erreur : identifiant invalide « {args.beneficiary} ».")
            return 2
    store = open_store_interactive(paths)
    try:
        if args.action == "export":
            with store.reader() as session:
                data = privacy.export_person(session, person_id)  # type: ignore[arg-type]
            with private_file(args.output) as tmp:  # a person's whole file: owner-only
                tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
            print(f"Données exportées dans {args.output} ({len(data['accompagnements'])} accompagnements).")
        elif args.action == "erase":
            with store.session() as session:
                privacy.erase_person(session, person_id)  # type: ignore[arg-type]
            print("Personne anonymisée ; l'effacement sera transmis à la prochaine synchronisation.")
        else:
            years = (
                args.years if args.years is not None else Settings(paths.settings_file).get(RETENTION_YEARS)
            )
            with store.session() as session:
                count = privacy.apply_retention(session, years)
            print(f"{count} personne(s) sans activité depuis {years} ans anonymisée(s).")
    except privacy.PersonNotFound as error:
        print(f"Erreur : {error}")
        return 2
    except ValueError as error:
        print(f"Erreur : {error}")
        return 2
    finally:
        store.close()
    return 0
