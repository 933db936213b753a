"""`python -m stpaul_bench`: run the benchmarks and print figures with their goal and ratio.

Each area registers its benchmarks in `BENCHMARKS`: name -> ("module:function", help).
A benchmark is `fn(ctx: BenchContext) -> list[Figure]`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import tempfile
import time
from pathlib import Path

BENCHMARKS: dict[str, tuple[str, str]] = {
    "search": ("stpaul_bench.store_bench:search_latency", "recherche au fil de la frappe"),
    "store-open": ("stpaul_bench.store_bench:store_open", "ouverture du poste + 1re page"),
    "encryption": ("stpaul_bench.store_bench:encryption_cost", "coût du chiffrement du poste"),
    "reports": ("stpaul_bench.reports_bench:month_report", "rapport du mois (suivis, 12 mois)"),
    "agenda": (
        "stpaul_bench.reports_bench:agenda_week",
        "agenda : la semaine, d'un conseiller et de l'équipe",
    ),
    "sheets": ("stpaul_bench.sheet_bench:sheet_pdf", "feuilles d'émargement en PDF"),
    "register": ("stpaul_bench.register_bench:register_latency", "registre : recherche, tri, pages"),
    "import": (
        "stpaul_bench.import_bench:import_rows",
        "import de 10 000 bénéficiaires : aperçu, écriture",
    ),
    "import-history": (
        "stpaul_bench.import_bench:import_history",
        "import de l'historique d'un conseiller (4 000 activités de la Coop)",
    ),
    "window-start": ("stpaul_bench.ui_bench:window_startup", "lancement jusqu'à la fenêtre utilisable"),
    "activity-list": ("stpaul_bench.ui_bench:activity_list", "liste des activités et agenda à 100 000"),
    "sync-day": ("stpaul_bench.sync_bench:sync_day", "journée de travail, 512 kbit/s, 700 ms"),
    "sync-first": ("stpaul_bench.sync_bench:sync_first", "première synchronisation d'un poste"),
    "sync-many": ("stpaul_bench.sync_bench:sync_many", "200 postes à la fois sur PostgreSQL"),
    "sync-file": ("stpaul_bench.sync_bench:sync_file", "une semaine sans réseau, par fichier (clé USB)"),
    "frozen-app": ("stpaul_bench.packaging_bench:frozen_app", "application figée : taille, démarrage"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NOM",
        help=f"benchmarks à lancer (défaut : tous) parmi {', '.join(BENCHMARKS)}",
    )
    parser.add_argument("--beneficiaries", type=int, default=100_000, metavar="N")
    parser.add_argument("--activities", type=int, default=100_000, metavar="M")
    parser.add_argument("--laptops", type=int, default=200, metavar="P", help="postes à la fois (sync-many)")
    parser.add_argument(
        "--work-dir",
        metavar="DIR",
        help="où garder les postes de démonstration (réutilisés d'une fois sur l'autre)",
    )
    parser.add_argument("--json", metavar="FICHIER", help="écrire aussi les chiffres en JSON")


def run(args: argparse.Namespace) -> int:
    from stpaul_bench.harness import BenchContext, Figure

    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        print(f"Benchmark inconnu : {', '.join(unknown)}. Disponibles : {', '.join(BENCHMARKS)}")
        return 2
    work_dir = Path(args.work_dir) if args.work_dir else Path(tempfile.mkdtemp(prefix="stpaul-bench-"))
    ctx = BenchContext(work_dir, args.beneficiaries, args.activities, args.laptops)
    results: list[Figure] = []
    print(f"{'mesure':<62} {'valeur':>12} {'objectif':>12} {'ratio':>7}")
    names = args.names or list(BENCHMARKS)
    if any(BENCHMARKS[n][0].startswith("stpaul_bench.ui_bench:") for n in names):
        # Widgets need a QApplication: make it before a document bench makes a bare QGuiApplication.
        importlib.import_module("stpaul_bench.ui_bench").qt_application()
    for name in names:
        target, _help = BENCHMARKS[name]
        module_name, func_name = target.split(":")
        started = time.perf_counter()
        figures = getattr(importlib.import_module(module_name), func_name)(ctx)
        for f in figures:
            goal = f"{'≥' if f.higher_is_better else '≤'} {f.goal:g} {f.unit}" if f.goal is not None else ""
            ratio = f"{f.ratio:.2f}" if f.ratio is not None else ""
            verdict = {True: "ok", False: "AU-DELÀ", None: ""}[f.meets_goal]
            print(f"{f.name:<62} {f.value:>9.1f} {f.unit:<3}{goal:>12} {ratio:>7} {verdict}")
        print(f"  ({name} : {time.perf_counter() - started:.1f} s)")
        results.extend(figures)
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [
                    {"name": f.name, "value": f.value, "unit": f.unit, "goal": f.goal, "ratio": f.ratio}
                    for f in results
                ],
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m stpaul_bench",
        description="Mesurer les performances de stpaul-field (objectifs de DESIGN.md).",
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))
