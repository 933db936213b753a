"""`stpaul-field sync`: synchronise with the central record from a terminal.

Exit codes: 0 everything went through; 1 the sync finished but changes were refused by the
server (listed with their reasons, kept on the laptop); 2 no sync (offline, refused, not
enrolled — the reason in French).
"""

from __future__ import annotations

import argparse
import sys

from stpaul_field.paths import AppPaths


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="sans ligne de progression")


def _progress_line(quiet: bool):  # type: ignore[no-untyped-def]
    from stpaul_field.sync.engine import SyncProgress

    def show(p: SyncProgress) -> None:
        if quiet:
            return
        line = (
            f"Synchronisation : {p.pushed}/{p.to_push} envoyée(s), {p.pulled} reçue(s), "
            f"{p.round_trips} échange(s)"
        )
        end = "\n" if p.phase == "done" else ""
        print(f"\r{line}", end=end, file=sys.stderr, flush=True)

    return show


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.sync import quarantine
    from stpaul_field.sync.engine import SyncEngine
    from stpaul_field.sync.enrolment import transport_for
    from stpaul_field.sync.errors import SyncError
    from stpaul_field.unlock import open_store_interactive

    store = open_store_interactive(paths)
    try:
        try:
            with transport_for(store) as transport:
                report = SyncEngine(store, transport).run(_progress_line(args.quiet))
        except SyncError as error:
            print(f"\nErreur : {error.message}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("\nSynchronisation interrompue : elle reprendra à la prochaine fois.", file=sys.stderr)
            return 2
        with store.reader() as session:
            refused = quarantine.rejected_entries(session)
    finally:
        store.close()
    print(
        f"Synchronisé : {report.pushed} modification(s) envoyée(s), {report.pulled} reçue(s), "
        f"{report.conflicts} conflit(s) à revoir."
    )
    if refused:
        print(f"{len(refused)} modification(s) refusée(s) par le serveur, gardée(s) sur ce poste :")
        for item in refused:
            print(f"  - {item.label} : {item.reason}")
        return 1
    return 0
