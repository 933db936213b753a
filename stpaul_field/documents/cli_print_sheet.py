"""`stpaul-field print-sheet`: attendance sheets to PDF, without the desktop app.

    stpaul-field print-sheet --workshop ID -o feuille.pdf
    stpaul-field print-sheet --date 2026-11-23 -o journee.pdf
    stpaul-field print-sheet --series ID -o cycle.pdf
    stpaul-field print-sheet --blank --title "Atelier tablette" --venue Marla -o vierge.pdf

Qt and the store are imported inside `run` so that `stpaul-field --help` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stpaul_field.paths import AppPaths


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_argument_group("quelle feuille (une des quatre)")
    what.add_argument(
        "--workshop",
        metavar="ID",
        action="append",
        help="identifiant d'un atelier (répéter pour plusieurs ateliers dans un seul PDF)",
    )
    what.add_argument("--date", metavar="AAAA-MM-JJ", help="tous les ateliers de ce jour, dans un seul PDF")
    what.add_argument("--blank", action="store_true", help="feuille vierge pour un atelier non planifié")
    what.add_argument(
        "--series",
        metavar="ID",
        help="feuille du cycle d'ateliers : une ligne par personne, une case de signature par séance",
    )
    blank = parser.add_argument_group("feuille vierge (--blank) : ce qui est déjà connu")
    blank.add_argument("--title", default="", help="titre de l'atelier")
    blank.add_argument("--start", metavar="HH:MM", help="heure de début")
    blank.add_argument("--end", metavar="HH:MM", help="heure de fin")
    blank.add_argument("--venue", default="", help="lieu (nom d'un lieu connu, ou texte libre)")
    parser.add_argument("-o", "--output", required=True, metavar="FICHIER.pdf", help="fichier PDF à écrire")
    parser.add_argument(
        "--walkin-rows",
        type=int,
        metavar="N",
        help="lignes vierges pour les non-inscrits (par défaut : le réglage, 5)",
    )


class UsageError(ValueError):
    """A bad option value; the message is French."""


def parse_day(text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise UsageError(f"Date invalide « {text} » : attendu AAAA-MM-JJ (par exemple 2026-11-23).")


def parse_time(text: str | None) -> dt.time | None:
    if not text:
        return None
    for fmt in ("%H:%M", "%Hh%M", "%Hh"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).time()
        except ValueError:
            continue
    raise UsageError(f"Heure invalide « {text} » : attendu HH:MM (par exemple 14:30).")


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    chosen = sum(bool(x) for x in (args.workshop, args.date and not args.blank, args.blank, args.series))
    if chosen != 1:
        print(
            "Erreur : indiquez une seule des options --workshop ID, --date AAAA-MM-JJ, --blank "
            "ou --series ID.",
            file=sys.stderr,
        )
        return 2
    if args.walkin_rows is not None and args.walkin_rows < 0:
        print("Erreur : --walkin-rows doit être positif ou nul.", file=sys.stderr)
        return 2

    from stpaul_field.documents.attendance_sheet import SheetLook
    from stpaul_field.documents.sheet_batch import CYCLE_WALKIN_ROWS, save_pdf, sheet_look, walkin_rows
    from stpaul_field.documents.sheet_data import (
        SheetError,
        advisor_name,
        blank_sheet,
        cycle_sheets,
        find_venue,
        parse_workshop_id,
        sheets_for_activities,
        sheets_for_day,
        venue_labels,
    )
    from stpaul_field.settings import CURRENT_ADVISOR, Settings
    from stpaul_field.store.reference import current_advisor_id
    from stpaul_field.unlock import open_store_interactive

    settings = Settings(paths.settings_file)
    rows = args.walkin_rows if args.walkin_rows is not None else walkin_rows(settings)
    try:
        day = parse_day(args.date) if args.date else None
        store = open_store_interactive(paths)
        try:
            with store.reader() as session:
                if args.blank:
                    venue = find_venue(session, args.venue)
                    name, bassin = venue_labels(venue) if venue else (args.venue.strip(), "")
                    advisor = advisor_name(
                        session, current_advisor_id(session, settings.get(CURRENT_ADVISOR))
                    )
                    sheets = [
                        blank_sheet(
                            title=args.title.strip(),
                            day=day,
                            start=parse_time(args.start),
                            end=parse_time(args.end),
                            venue=name,
                            bassin=bassin,
                            advisors=[advisor] if advisor else [],
                        )
                    ]
                elif args.series:
                    cycle_rows = args.walkin_rows if args.walkin_rows is not None else CYCLE_WALKIN_ROWS
                    sheets = cycle_sheets(session, parse_workshop_id(args.series, "cycle"), cycle_rows)
                elif args.workshop:
                    ids = [parse_workshop_id(w) for w in args.workshop]
                    sheets = sheets_for_activities(session, ids, rows)
                else:
                    assert day is not None
                    sheets = sheets_for_day(session, day, rows)
        finally:
            store.close()
        look: SheetLook = sheet_look(settings)
        pages = save_pdf(args.output, sheets, look)
    except (SheetError, UsageError) as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Erreur : impossible d'écrire {args.output} ({error.strerror or error}).", file=sys.stderr)
        return 1
    what = "feuille" if len(sheets) == 1 else f"{len(sheets)} feuilles"
    print(
        f"{what.capitalize()} d'émargement enregistrée{'s' if len(sheets) > 1 else ''} : {args.output} "
        f"({pages} page{'s' if pages > 1 else ''})."
    )
    return 0
