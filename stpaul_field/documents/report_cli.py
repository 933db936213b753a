"""`stpaul-field report`: the month's report as a PDF, from a terminal."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from stpaul_field.paths import AppPaths


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="AAAA-MM", help="le mois du rapport (défaut : le mois en cours)")
    parser.add_argument("--team", action="store_true", help="toute l'équipe (défaut : ce poste)")
    parser.add_argument(
        "-o", "--output", required=True, metavar="FICHIER.pdf|.xlsx", help="PDF, ou les chiffres en XLSX"
    )


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.domain.report_model import Period
    from stpaul_field.settings import ADVISOR_TARGET, CURRENT_ADVISOR, MONTHLY_TARGET, Settings, counting_rule
    from stpaul_field.store import statistics as st
    from stpaul_field.store.reference import current_advisor_id
    from stpaul_field.unlock import open_store_interactive

    output = Path(args.output)
    try:
        period = Period.parse_month(args.month or f"{dt.date.today():%Y-%m}")
        if not output.parent.is_dir():
            raise ValueError(f"Le dossier « {output.parent} » n'existe pas.")
    except ValueError as error:
        print(f"Erreur : {error}")
        return 2
    settings = Settings(paths.settings_file)
    store = open_store_interactive(paths)
    try:
        with store.reader() as session:
            if args.team:
                scope = st.team_scope()
            else:
                advisor = current_advisor_id(session, settings.get(CURRENT_ADVISOR))
                scope = st.advisor_scope(session, advisor) if advisor else st.team_scope()
            report = st.monthly_report(
                session,
                period,
                scope,
                counting_rule(settings),
                settings.get(MONTHLY_TARGET),
                settings.get(ADVISOR_TARGET),
            )
    finally:
        store.close()
    from stpaul_field.documents.figures_export import write_figures_xlsx
    from stpaul_field.documents.monthly_report import write_monthly_report

    try:
        if output.suffix.lower() == ".xlsx":  # the figures, one sheet per split
            write_figures_xlsx(report, output)
        else:
            write_monthly_report(report, output)
    except OSError as error:
        print(f"Erreur : écriture impossible de {output} ({error}).")
        return 1
    f = report.figures
    print(
        f"Rapport de {period.label()} ({f.scope.label}) : {f.follow_ups} suivis sur un objectif de "
        f"{report.target}, enregistré dans {output}. {report.statement}"
    )
    return 0
