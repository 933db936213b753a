"""`stpaul-field-server`: run and administer the central record.

    stpaul-field-server serve [--host H] [--port P] [--workers N] [--data-dir D | --database-url URL]
    stpaul-field-server migrate
    stpaul-field-server create-team NOM
    stpaul-field-server create-advisor --team NOM --login L [--role R] [--first-name P] [--last-name N]
                                        [--password-stdin]
    stpaul-field-server create-venue --name NOM [--team NOM] [--kind K] [--bassin B] …
    stpaul-field-server disable-advisor LOGIN | enable-advisor LOGIN | set-password LOGIN
    stpaul-field-server list-devices [--team NOM]
    stpaul-field-server revoke-device ID
    stpaul-field-server export [--entity E] [--team NOM] [--format jsonl|csv] [--output FICHIER]
    stpaul-field-server retention [--years N] [--dry-run]
    stpaul-field-server import-file DEMANDE --answer-to DOSSIER

Passwords come from a prompt (typed twice) or, with --password-stdin, from the first line of
standard input; never from an argument (it would show in the process list and shell history).
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from stpaul_field.server.settings import ENV_PREFIX, ServerSettings


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="dossier du registre SQLite (par défaut : dossier de données)")
    parser.add_argument(
        "--database-url", help=f"base de données, ex. postgresql+psycopg://… (ou ${ENV_PREFIX}DATABASE_URL)"
    )


def _settings(args: argparse.Namespace) -> ServerSettings:
    return ServerSettings.from_env(database_url=args.database_url, data_dir=args.data_dir)


def _database(args: argparse.Namespace, migrate: bool = True) -> Any:
    from stpaul_field.server.app import prepare
    from stpaul_field.server.db import Database

    settings = _settings(args)
    db = Database(settings.resolved_database_url())
    if migrate:
        prepare(db, settings)
    return db


def _read_password(args: argparse.Namespace) -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass("Mot de passe : ")
    if getpass.getpass("Mot de passe (confirmation) : ") != first:
        raise SystemExit("Les deux mots de passe diffèrent : rien n'a été créé.")
    return first


# ---- commands --------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from stpaul_field.server import logs

    settings = _settings(args)
    logs.configure(settings.log_level)
    db = _database(args)  # migrate once, before the workers start
    db.dispose()
    # The workers build their app from the environment (uvicorn --factory).
    os.environ[ENV_PREFIX + "DATABASE_URL"] = settings.resolved_database_url()
    logs.event(
        "serve",
        host=args.host,
        port=args.port,
        workers=args.workers,
        database="postgresql" if settings.resolved_database_url().startswith("postgresql") else "sqlite",
    )
    uvicorn.run(
        "stpaul_field.server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,  # our own structured log line replaces it (no client addresses)
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level="warning",
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from stpaul_field.server.migrate import head_revision

    _database(args).dispose()
    print(f"Registre à jour (schéma {head_revision()}).")
    return 0


def cmd_create_team(args: argparse.Namespace) -> int:
    from stpaul_field.server import admin

    db = _database(args)
    with db.writer() as s:
        team = admin.create_team(s, args.name)
        print(f"Équipe « {team.name} » créée : {team.id}")
    return 0


def cmd_create_advisor(args: argparse.Namespace) -> int:
    from stpaul_field.server import admin

    password = _read_password(args)
    db = _database(args)
    with db.writer() as s:
        advisor_id = admin.create_advisor(
            s, args.team, args.login, password, args.role, args.first_name, args.last_name
        )
    print(f"Conseiller « {args.login.strip().lower()} » créé : {advisor_id}")
    return 0


def cmd_set_password(args: argparse.Namespace) -> int:
    from stpaul_field.server import admin

    password = _read_password(args)
    with _database(args).writer() as s:
        admin.set_password(s, args.login, password)
    print("Mot de passe changé.")
    return 0


def _set_active(active: bool) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from stpaul_field.server import admin

        with _database(args).writer() as s:
            admin.set_advisor_active(s, args.login, active)
        print("Compte réactivé." if active else "Compte désactivé : ses postes sont refusés.")
        return 0

    return run


def cmd_create_venue(args: argparse.Namespace) -> int:
    from stpaul_field.server import admin

    fields = {
        k: v
        for k, v in (
            ("bassin", args.bassin),
            ("address", args.address),
            ("postcode", args.postcode),
            ("commune", args.commune),
            ("insee_code", args.insee_code),
        )
        if v is not None
    }
    with _database(args).writer() as s:
        venue_id = admin.create_venue(s, args.team, args.name, args.kind, **fields)
    print(f"Lieu « {args.name} » créé : {venue_id}")
    return 0


def _when(value: Any) -> str:
    return "—" if value is None else value.astimezone().strftime("%d/%m/%Y %H:%M")


def cmd_list_devices(args: argparse.Namespace) -> int:
    from stpaul_field.server import admin

    with _database(args).session() as s:
        devices = admin.list_devices(s, args.team)
    if not devices:
        print("Aucun poste inscrit.")
    for d in devices:
        state = f"révoqué le {_when(d.revoked_at)}" if d.revoked_at else "actif"
        print(
            f"{d.id}  {d.login:<20} {d.name:<24} inscrit {_when(d.created_at)}  "
            f"vu {_when(d.last_seen_at)}  {state}"
        )
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    from stpaul_field.server import admin

    with _database(args).writer(sequenced=False) as s:
        device = admin.revoke_device(s, args.device_id)
    print(f"Poste « {device.name} » ({device.login}) révoqué : sa prochaine connexion sera refusée.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from stpaul_field.paths import private_file
    from stpaul_field.server import admin

    if args.format == "csv" and not args.entity:
        raise admin.AdminError("L'export CSV se fait par type d'enregistrement : ajoutez --entity.")
    with _database(args).session() as s:
        rows = admin.export_records(s, args.entity, args.team)
        if not args.output:
            _write_export(rows, args, sys.stdout)
            return 0
        # The team's people, their notes: owner-only, like the laptop's exports.
        with private_file(args.output) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
            count = _write_export(rows, args, out)
    print(f"{count} enregistrement(s) exporté(s) dans {args.output}.")
    return 0


def _write_export(rows: Iterable[dict[str, Any]], args: argparse.Namespace, out: TextIO) -> int:
    from stpaul_field.server.records import SPECS

    count = 0
    if args.format == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    columns = ["entity", "id", "team_id", "version", *SPECS[args.entity]]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in row.items()
            }
        )
        count += 1
    return count


def cmd_retention(args: argparse.Namespace) -> int:
    from stpaul_field.server import logs
    from stpaul_field.server.retention import apply_server_retention

    settings = _settings(args)
    years = args.years if args.years is not None else settings.retention_years
    if years < 1:
        raise ValueError("La durée de conservation est d'au moins un an.")
    logs.configure(settings.log_level)
    db = _database(args)
    try:
        outcome = apply_server_retention(db, years, dry_run=args.dry_run)
    finally:
        db.dispose()
    # Counts only: neither names nor identifiers of the people concerned.
    logs.event(
        "retention",
        years=years,
        dry_run=args.dry_run,
        people=outcome.people,
        activities=outcome.activities,
        left_for_next_run=outcome.left_for_next_run,
    )
    if args.dry_run:
        print(
            f"{outcome.people} personne(s) sans activité depuis {years} ans seraient anonymisée(s) "
            f"({outcome.activities} note(s) d'accompagnement effacée(s)) ; rien n'a été modifié."
        )
    else:
        print(
            f"{outcome.people} personne(s) sans activité depuis {years} ans anonymisée(s), "
            f"{outcome.activities} note(s) d'accompagnement effacée(s) ; "
            "les postes les recevront à leur prochaine synchronisation."
        )
        if outcome.left_for_next_run:
            print(
                f"{outcome.left_for_next_run} personne(s) modifiée(s) pendant l'opération : "
                "ce sera au prochain passage."
            )
    return 0


def cmd_import_file(args: argparse.Namespace) -> int:
    from stpaul_field.domain.clock import utcnow
    from stpaul_field.server import sync_files
    from stpaul_field.server.errors import ApiError
    from stpaul_field.sync.sealed_file import file_name

    try:
        data = Path(args.path).read_bytes()
    except OSError as error:
        raise ValueError(f"Impossible de lire le fichier {args.path} : {error.strerror or error}.") from None
    db = _database(args)
    try:
        imported = sync_files.import_request(db, data)
    except ApiError as error:
        print(f"Erreur : {error.detail}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    target = Path(args.answer_to) / file_name("answer", imported.laptop_id, utcnow())
    try:
        # Encrypted for its laptop, and owner-only all the same.
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(imported.answer)
    except OSError:
        # Applied already: importing the same file again answers the same, applying nothing twice.
        print(
            "Erreur : la demande est appliquée, mais sa réponse n'a pas pu être écrite dans "
            f"{args.answer_to} (dossier absent, protégé ou plein ?) : importez le même fichier à nouveau.",
            file=sys.stderr,
        )
        return 1
    print(
        f"Demande appliquée : {imported.changes} modification(s), {imported.rejected} refusée(s) ; "
        f"réponse ({imported.pulled} enregistrement(s)) écrite : {target}"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    from stpaul_field.domain import values as v
    from stpaul_field.domain.fields import ENTITIES

    parser = argparse.ArgumentParser(
        prog="stpaul-field-server", description="Registre central de stpaul-field."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="commande")

    def add(name: str, run: Callable[[argparse.Namespace], int], help_fr: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_fr, description=help_fr)
        _common(p)
        p.set_defaults(run=run)
        return p

    p = add("serve", cmd_serve, "démarrer le serveur (migre le registre d'abord)")
    p.add_argument(
        "--host", default="127.0.0.1", help="adresse d'écoute (défaut 127.0.0.1, derrière le proxy)"
    )
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1, help="processus uvicorn (PostgreSQL : un par cœur)")
    p.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="proxys dont on croit X-Forwarded-For (adresse du client, pour limiter les essais)",
    )
    add("migrate", cmd_migrate, "mettre le schéma du registre à jour")
    p = add("create-team", cmd_create_team, "créer une équipe")
    p.add_argument("name", help="nom de l'équipe")
    p = add("create-advisor", cmd_create_advisor, "créer le compte d'un conseiller (mot de passe demandé)")
    p.add_argument("--team", required=True, help="nom (ou identifiant) de l'équipe")
    p.add_argument("--login", required=True)
    p.add_argument("--role", default="conseiller_numerique", choices=v.ADVISOR_ROLES.codes)
    p.add_argument("--first-name", default="")
    p.add_argument("--last-name", default="")
    p.add_argument("--password-stdin", action="store_true", help="lire le mot de passe sur l'entrée standard")
    p = add("set-password", cmd_set_password, "changer le mot de passe d'un conseiller")
    p.add_argument("login")
    p.add_argument("--password-stdin", action="store_true")
    p = add("disable-advisor", _set_active(False), "désactiver un conseiller (ses postes sont refusés)")
    p.add_argument("login")
    p = add("enable-advisor", _set_active(True), "réactiver un conseiller")
    p.add_argument("login")
    p = add("create-venue", cmd_create_venue, "créer un lieu")
    p.add_argument("--name", required=True)
    p.add_argument("--team", help="équipe du lieu (par défaut : partagé par toutes les équipes)")
    p.add_argument("--kind", default="espace_numerique", choices=v.VENUE_KINDS.codes)
    p.add_argument("--bassin", choices=v.BASSINS.codes)
    p.add_argument("--address")
    p.add_argument("--postcode")
    p.add_argument("--commune")
    p.add_argument("--insee-code")
    p = add("list-devices", cmd_list_devices, "lister les postes inscrits")
    p.add_argument("--team", help="seulement cette équipe")
    p = add("revoke-device", cmd_revoke_device, "révoquer un poste (perdu, volé)")
    p.add_argument("device_id")
    p = add("export", cmd_export, "exporter le registre (JSON lines ou CSV)")
    p.add_argument("--entity", choices=ENTITIES)
    p.add_argument("--team")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("--output", type=Path, help="fichier (par défaut : sortie standard)")
    p = add("retention", cmd_retention, "anonymiser les personnes sans activité depuis N ans")
    p.add_argument(
        "--years", type=int, metavar="N", help="durée de conservation (défaut : le réglage, 2 ans)"
    )
    p.add_argument("--dry-run", action="store_true", help="compter seulement, sans rien modifier")
    p = add("import-file", cmd_import_file, "appliquer une demande de synchronisation (fichier d'un poste)")
    p.add_argument("path", help="le fichier de demande (.stpaul-sync)")
    p.add_argument("--answer-to", required=True, type=Path, help="dossier où écrire le fichier de réponse")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from stpaul_field.server.admin import AdminError

    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except AdminError as e:
        print(f"Erreur : {e}", file=sys.stderr)
        return 1
    except ValueError as e:  # bad settings (e.g. an unsupported database URL)
        print(f"Erreur : {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
