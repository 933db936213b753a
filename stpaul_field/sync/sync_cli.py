"""`stpaul-field sync`: synchronise with the central record from a terminal, or by file.

    stpaul-field sync                              # over HTTPS
    stpaul-field sync --to-file /media/usb         # write a request file (no network needed)
    stpaul-field sync --from-file reponse.stpaul-sync   # read the answer the central record made
    stpaul-field sync --relay demande.stpaul-sync --answer-to /media/usb   # relay a colleague's file

Exit codes: 0 everything went through; 1 the sync finished (or the answer was read) but changes
were refused by the server (listed with their reasons, kept on the laptop); 2 no sync (offline,
refused, not enrolled, a file refused — the reason in French).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stpaul_field.paths import AppPaths


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="sans ligne de progression")
    by_file = parser.add_mutually_exclusive_group()
    by_file.add_argument(
        "--to-file", metavar="CHEMIN", type=Path, help="écrire une demande de synchronisation (clé USB)"
    )
    by_file.add_argument(
        "--from-file", metavar="CHEMIN", type=Path, help="lire une réponse du registre central"
    )
    by_file.add_argument(
        "--relay", metavar="CHEMIN", type=Path, help="transmettre en ligne la demande d'un collègue"
    )
    parser.add_argument(
        "--answer-to",
        metavar="DOSSIER",
        type=Path,
        help="avec --relay : où écrire la réponse pour le collègue (par défaut : à côté de sa demande)",
    )


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


def _by_file(args: argparse.Namespace, store) -> int:  # type: ignore[no-untyped-def]
    from stpaul_field.store.models import utcnow
    from stpaul_field.sync import file_sync
    from stpaul_field.sync.enrolment import transport_for
    from stpaul_field.sync.status import moment_text

    if args.to_file is not None:
        written = file_sync.write_request(store, args.to_file)
        since = f" (la plus ancienne : {moment_text(written.oldest, utcnow())})" if written.oldest else ""
        print(f"Demande de synchronisation écrite : {written.path}")
        print(f"{written.changes} modification(s){since}.")
        if written.left:
            print(f"{written.left} modification(s) de plus iront dans le fichier suivant.")
        return 0
    if args.relay is not None:
        with transport_for(store) as transport:
            relayed = file_sync.relay(store, transport, args.relay, args.answer_to)
        print(f"Demande du collègue transmise ; sa réponse est écrite : {relayed}")
        return 0
    read = file_sync.read_answer(store, args.from_file)
    print(
        f"Réponse du registre central ({moment_text(read.answered_at, utcnow())}) lue : "
        f"{read.acknowledged} modification(s) confirmée(s), {read.pulled} reçue(s), "
        f"{read.conflicts} conflit(s) à revoir."
    )
    if read.more:
        print(
            "Le registre central avait plus à envoyer : la suite viendra avec la prochaine synchronisation."
        )
    return 1 if _list_refused(store) else 0


def _list_refused(store) -> bool:  # type: ignore[no-untyped-def]
    from stpaul_field.sync import quarantine

    with store.reader() as session:
        refused = quarantine.rejected_entries(session)
    if refused:
        print(f"{len(refused)} modification(s) refusée(s) par le serveur, gardée(s) sur ce poste :")
        for item in refused:
            print(f"  - {item.label} : {item.reason}")
    return bool(refused)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.sync.engine import SyncEngine
    from stpaul_field.sync.enrolment import transport_for
    from stpaul_field.sync.errors import SyncError
    from stpaul_field.unlock import open_store_interactive

    if args.answer_to is not None and args.relay is None:
        print("Erreur : --answer-to ne sert qu'avec --relay.", file=sys.stderr)
        return 2
    store = open_store_interactive(paths)
    try:
        if args.to_file or args.from_file or args.relay:
            try:
                return _by_file(args, store)
            except SyncError as error:
                print(f"Erreur : {error.message}", file=sys.stderr)
                return 2
        try:
            with transport_for(store) as transport:
                report = SyncEngine(store, transport).run(_progress_line(args.quiet))
        except SyncError as error:
            print(f"\nErreur : {error.message}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("\nSynchronisation interrompue : elle reprendra à la prochaine fois.", file=sys.stderr)
            return 2
        print(
            f"Synchronisé : {report.pushed} modification(s) envoyée(s), {report.pulled} reçue(s), "
            f"{report.conflicts} conflit(s) à revoir."
        )
        return 1 if _list_refused(store) else 0
    finally:
        store.close()
