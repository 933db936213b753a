"""`seed-demo`: fill a store with realistic Réunion data, for screenshots, benchmarks and tests.

Demo rows are written in bulk and stay local: they are not queued for sync, so a demo
laptop never pollutes the central record.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import uuid
from typing import Any

from stpaul_field.paths import AppPaths

FIRST_NAMES = (
    "Jean",
    "Marie",
    "Hélène",
    "Josiane",
    "Gilbert",
    "Christiane",
    "Mickaël",
    "Sandrine",
    "Jean-Marc",
    "Marie-Claude",
    "Ludovic",
    "Nadia",
    "Fabrice",
    "Gisèle",
    "Rose-May",
    "Teddy",
    "Priscilla",
    "Ibrahim",
    "Fatima",
    "Yannick",
    "Lucette",
    "Jocelyn",
    "Émilie",
    "Thérèse",
    "Jean-Claude",
    "Mélissa",
    "Dimitri",
    "Françoise",
    "Noël",
    "Cédric",
    "Aurélie",
    "Rosemonde",
    "Jean-Luc",
    "Line",
    "Éric",
    "Chantal",
    "Kévin",
    "Sabrina",
    "Johnny",
    "Maëva",
    "Anaïs",
    "Georges",
    "Henriette",
    "Loïc",
    "Océane",
    "Raymond",
    "Suzette",
    "Wilfrid",
    "Zaïnab",
)
LAST_NAMES = (
    "Payet",
    "Hoarau",
    "Grondin",
    "Fontaine",
    "Técher",
    "Rivière",
    "Boyer",
    "Lebon",
    "Maillot",
    "Robert",
    "Hoareau",
    "Nativel",
    "Turpin",
    "Dijoux",
    "Sautron",
    "Clain",
    "Lauret",
    "Morel",
    "Gonthier",
    "Ethève",
    "Baret",
    "Bègue",
    "Cadet",
    "Mussard",
    "Picard",
    "Sinapin",
    "Maunier",
    "Damour",
    "Ramassamy",
    "Virapoullé",
    "Mourouvin",
    "Tayllamin",
    "Moutama",
    "Bénard",
    "Ah-Hot",
    "Law-Yen",
    "Patel",
    "Vitry",
    "Ferrère",
    "Thiburce",
    "Gigan",
    "Fulbert",
    "Latchimy",
    "Lallemand",
    "Éthève",
    "Célestine",
    "Hamilcaro",
    "Boulevart",
    "Infante",
    "Mardé",
)
COMMUNES = (
    ("Saint-Paul", "97460", "97415"),
    ("Saint-Gilles les Bains", "97434", "97415"),
    ("La Saline", "97422", "97415"),
    ("Le Guillaume", "97423", "97415"),
    ("Bois de Nèfles Saint-Paul", "97411", "97415"),
    ("Plateau Caillou", "97460", "97415"),
    ("Le Port", "97420", "97407"),
    ("La Possession", "97419", "97408"),
)
DEMO_VENUES = (
    ("Espace numérique de Saint-Paul centre", "saint_paul_centre", "97460"),
    ("Espace numérique de Saint-Gilles", "saint_gilles", "97434"),
    ("Maison de quartier de Plateau Caillou", "plateau_caillou", "97460"),
    ("Espace numérique de Bois de Nèfles", "la_plaine_bois_de_nefles", "97411"),
    ("Médiathèque de La Saline", "la_saline", "97422"),
    ("Mairie annexe du Guillaume", "le_guillaume", "97423"),
)
DEMO_ADVISORS = (
    ("Nathalie", "Grondin", "conseiller_numerique"),
    ("Stéphane", "Payet", "conseiller_numerique"),
    ("Vanessa", "Hoarau", "aidant_connect"),
    ("Patrice", "Técher", "conseiller_numerique"),
    ("Isabelle", "Rivière", "coordinator"),
)
WORKSHOP_TITLES = (
    "Découvrir son smartphone",
    "Créer son adresse e-mail",
    "Les démarches CAF en ligne",
    "Ameli et le dossier médical",
    "Se protéger des arnaques",
    "Visio avec la famille",
    "Premiers pas sur l'ordinateur",
    "Trouver un emploi en ligne",
    "Photos et souvenirs",
    "Pronote pour les parents",
)
PROCEDURES = (
    "Demande de RSA",
    "Carte grise",
    "Déclaration d'impôts",
    "Prime d'activité",
    "Dossier MDPH",
    "Carte d'identité",
    "Inscription France Travail",
    "Chèque énergie",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--beneficiaries", type=int, default=2000, metavar="N")
    parser.add_argument("--activities", type=int, default=3000, metavar="M")
    parser.add_argument("--seed", type=int, default=97460, help="graine du hasard (reproductible)")


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from stpaul_field.unlock import open_store_interactive

    if args.beneficiaries < 0 or args.activities < 0:
        print("Erreur : les nombres doivent être positifs.")
        return 2
    store = open_store_interactive(paths)
    try:
        counts = seed(store, args.beneficiaries, args.activities, seed=args.seed)
    finally:
        store.close()
    print(
        f"Données de démonstration ajoutées dans {paths.data} : "
        f"{counts['beneficiaries']} bénéficiaires, {counts['activities']} activités, "
        f"{counts['participations']} accompagnements."
    )
    return 0


def seed(
    store: Any, beneficiaries: int, activities: int, seed: int = 97460, today: dt.date | None = None
) -> dict[str, int]:
    from sqlalchemy import insert, select

    from stpaul_field.domain import values as v
    from stpaul_field.domain.ids import new_id
    from stpaul_field.domain.text import register_sort_keys
    from stpaul_field.store.models import (
        Activity,
        Advisor,
        Beneficiary,
        Participation,
        Venue,
        utcnow,
    )
    from stpaul_field.store.reference import local_advisor_id

    rng = random.Random(seed)
    today = today or dt.date.today()
    now = utcnow()

    with store.session() as session:
        session.info["applying_remote"] = True  # demo data is not queued for sync
        me = local_advisor_id(session)
        advisor_ids: list[uuid.UUID] = [me] if me else []
        for first, last, role in DEMO_ADVISORS:
            a = Advisor(first_name=first, last_name=last, role=role)
            session.add(a)
            advisor_ids.append(a.id)
        for name, bassin, postcode in DEMO_VENUES:
            session.add(
                Venue(
                    name=name,
                    kind="espace_numerique",
                    bassin=bassin,
                    commune="Saint-Paul",
                    postcode=postcode,
                    insee_code="97415",
                )
            )
        session.flush()
        venues = list(session.scalars(select(Venue.id).where(Venue.active)))

    def stamp() -> dict[str, Any]:
        return {"created_at": now, "updated_at": now, "deleted_at": None, "server_version": 0}

    ben_rows: list[dict[str, Any]] = []
    for _ in range(beneficiaries):
        commune, postcode, insee = rng.choice(COMMUNES)
        birth = rng.choice([None, *list(range(1935, today.year - 10))])
        has_phone = rng.random() < 0.8
        consent = rng.random() < 0.9
        ben_rows.append(
            {
                "id": new_id(),
                "anonymous": False,
                "first_name": (first := rng.choice(FIRST_NAMES)),
                "last_name": (last := rng.choice(LAST_NAMES).upper()),
                "phone": f"0692{rng.randrange(10**6):06d}" if has_phone else "",
                "no_phone": not has_phone,
                "email": "",
                "birth_year": birth,
                "address": "",
                "commune": commune,
                "postcode": postcode,
                "insee_code": insee,
                "gender": rng.choice(v.GENDERS.codes),
                "age_band": v.age_band_for(birth, today.year),
                "social_status": rng.choice(v.SOCIAL_STATUSES.codes),
                "disability": consent and rng.random() < 0.08,
                "family_carer": rng.random() < 0.06,
                "homeless": rng.random() < 0.03,
                "pass_numerique_vouchers": rng.choice((0, 0, 0, 1, 2)),
                "consent_at": now if consent else None,
                "already_accompanied": False,
                "notes": "",
                "merged_into_id": None,
                **stamp(),
            }
        )
        # Bulk inserts skip the model's event that keeps the register's sort keys.
        keys = register_sort_keys(last, first, commune)
        ben_rows[-1].update(zip(("sort_name", "sort_first_name", "sort_commune"), keys, strict=True))
    activity_rows: list[dict[str, Any]] = []
    part_rows: list[dict[str, Any]] = []
    ben_ids = [r["id"] for r in ben_rows]
    themes = [t for t in v.THEMES.codes if t != v.ADMIN_HELP_THEME]
    for _ in range(activities):
        workshop = rng.random() < 0.2
        # A year of history, and the coming two weeks planned.
        offset = rng.randrange(-365, 15)
        day = today + dt.timedelta(days=offset)
        status = "planned" if offset > 0 else ("cancelled" if rng.random() < 0.03 else "done")
        row_themes = rng.sample(themes, rng.choice((1, 1, 2)))
        admin: list[str] = []
        procedure = ""
        if not workshop and rng.random() < 0.35:
            row_themes.append(v.ADMIN_HELP_THEME)
            admin = [rng.choice(v.ADMIN_THEMES.codes)]
            procedure = rng.choice(PROCEDURES)
        at_venue = rng.random() < 0.85
        commune = rng.choice(COMMUNES)
        redirected = not workshop and rng.random() < 0.1
        activity_id = new_id()
        participants = rng.sample(ben_ids, min(len(ben_ids), rng.randint(3, 12) if workshop else 1))
        anon_total = rng.choice((0, 0, 2, 4)) if workshop else 0
        activity_rows.append(
            {
                "id": activity_id,
                "type": "workshop" if workshop else "individual",
                "status": status,
                "advisor_id": rng.choice(advisor_ids),
                "co_advisor_ids": [],
                "date": day,
                "start_time": dt.time(rng.choice((8, 9, 10, 13, 14, 15)), rng.choice((0, 30))),
                "duration_min": rng.choice((90, 120)) if workshop else rng.choice(v.DURATION_CHOICES[:4]),
                "place_type": "lieu_activite" if at_venue else "domicile",
                "venue_id": rng.choice(venues) if at_venue else None,
                "commune": "" if at_venue else commune[0],
                "postcode": "" if at_venue else commune[1],
                "insee_code": "" if at_venue else commune[2],
                "themes": row_themes,
                "admin_themes": admin,
                "procedure_name": procedure,
                "equipment": [rng.choice(("ordinateur", "telephone", "tablette"))],
                "notes": "",
                "autonomy": None if workshop else rng.choice(v.AUTONOMY.codes),
                "redirected": redirected,
                "redirect_structure": rng.choice(v.REDIRECT_STRUCTURES.codes) if redirected else None,
                "title": rng.choice(WORKSHOP_TITLES) if workshop else "",
                "level": rng.choice(v.WORKSHOP_LEVELS.codes) if workshop else None,
                "anon_total": anon_total,
                "anon_already_accompanied": 0,
                "anon_genders": {},
                "anon_age_bands": {},
                "anon_statuses": {},
                **stamp(),
            }
        )
        if not participants and not anon_total:
            activity_rows[-1]["anon_total"] = 1
        for ben in participants:
            part_rows.append(
                {
                    "id": new_id(),
                    "activity_id": activity_id,
                    "beneficiary_id": ben,
                    "registered": True,
                    "attended": None if status == "planned" else (rng.random() < 0.9 if workshop else True),
                    "first_time": rng.random() < 0.2,
                    **stamp(),
                }
            )

    with store.session() as session:
        for model, rows in ((Beneficiary, ben_rows), (Activity, activity_rows), (Participation, part_rows)):
            for start in range(0, len(rows), 5000):
                session.execute(insert(model), rows[start : start + 5000])
    return {
        "beneficiaries": len(ben_rows),
        "activities": len(activity_rows),
        "participations": len(part_rows),
    }
