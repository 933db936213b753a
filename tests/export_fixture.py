"""A few accompaniments with fixed ids and stamps, so that an export of them is always the same
file (the golden files of tests/data/golden are exports of it)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation, Venue

NOW = dt.datetime(2026, 12, 1, 5, 30, tzinfo=dt.UTC)  # 09:30 in Réunion
CREATED = dt.datetime(2026, 11, 3, 6, 0, tzinfo=dt.UTC)
EDITED = dt.datetime(2026, 11, 4, 14, 5, tzinfo=dt.UTC)


def fixed(n: int) -> uuid.UUID:
    return uuid.UUID(f"01a0f000-0000-7000-8000-{n:012d}")


ALICE, BRUNO, CHLOE = fixed(1), fixed(2), fixed(3)
HELENE, JEAN, ANONYMOUS = fixed(11), fixed(12), fixed(13)
HELP, WORKSHOP, AT_HOME = fixed(21), fixed(22), fixed(23)
NAMES = ("Hélène", "Técher", "Jean", "Hoarau")
NOTES = ("Dossier CAF à finir", "Salle comble", "Suivi logement")


def build(store: Store) -> None:
    stamps: dict[str, Any] = {"created_at": CREATED, "updated_at": CREATED}
    with store.session() as s:
        s.add_all(
            [
                Advisor(
                    id=ALICE, first_name="Alice", last_name="Grondin", role="conseiller_numerique", **stamps
                ),
                Advisor(id=BRUNO, first_name="Bruno", last_name="Payet", role="aidant_connect", **stamps),
                Advisor(id=CHLOE, first_name="Chloé", last_name="Maillot", role="coordinator", **stamps),
            ]
        )
        venue = Venue(
            id=fixed(4),
            name="EN Saint-Gilles",
            postcode="97434",
            insee_code="97415",
            address="1 rue du Port",
            **stamps,
        )
        s.add(venue)
        s.add_all(
            [
                Beneficiary(
                    id=HELENE,
                    first_name="Hélène",
                    last_name="Técher",
                    gender="feminin",
                    birth_year=1990,
                    phone="0692123456",
                    email="helene@example.re",
                    commune="Saint-Paul",
                    postcode="97460",
                    insee_code="97415",
                    social_status="en_emploi",
                    notes="Suivi logement",
                    **stamps,
                ),
                Beneficiary(
                    id=JEAN,
                    first_name="Jean",
                    last_name="Hoarau",
                    gender="masculin",
                    age_band="soixante_soixante_neuf",
                    no_phone=True,
                    **stamps,
                ),
                # An anonymous person carries a commune of residence, as in the Coop.
                Beneficiary(id=ANONYMOUS, anonymous=True, commune="La Saline", postcode="97422", **stamps),
            ]
        )
        s.flush()
        s.add_all(
            [
                Activity(
                    id=HELP,
                    type="individual",
                    advisor_id=ALICE,
                    date=dt.date(2026, 11, 3),
                    venue_id=venue.id,
                    duration_min=45,
                    themes=["email", "aide_aux_demarches_administratives"],
                    admin_themes=["logement"],
                    procedure_name="Demande de logement social",
                    equipment=["ordinateur", "telephone"],
                    autonomy="partiellement_autonome",
                    redirected=True,
                    redirect_structure="aide_sociale",
                    procedure_completion="oriente_vers_structure",
                    notes="Dossier CAF à finir",
                    **stamps,
                ),
                Activity(
                    id=WORKSHOP,
                    type="workshop",
                    advisor_id=ALICE,
                    date=dt.date(2026, 11, 12),
                    start_time=dt.time(14, 0),
                    venue_id=venue.id,
                    duration_min=120,
                    themes=["securite_numerique"],
                    title="Se protéger des arnaques",
                    level="debutant",
                    anon_total=2,
                    anon_genders={"feminin": 1},
                    anon_age_bands={"soixante_dix_plus": 2},
                    notes="Salle comble",
                    created_at=CREATED,
                    updated_at=EDITED,
                ),
                Activity(
                    id=AT_HOME,
                    type="individual",
                    advisor_id=BRUNO,
                    date=dt.date(2026, 11, 20),
                    place_type="domicile",
                    commune="Saint-Paul",
                    postcode="97460",
                    insee_code="97415",
                    duration_min=30,
                    themes=["navigation_sur_internet"],
                    autonomy="entierement_accompagne",
                    **stamps,
                ),
            ]
        )
        s.flush()
        for n, (activity, person) in enumerate(
            [(HELP, HELENE), (WORKSHOP, HELENE), (WORKSHOP, JEAN), (AT_HOME, ANONYMOUS)], start=31
        ):
            s.add(
                Participation(
                    id=fixed(n), activity_id=activity, beneficiary_id=person, attended=True, **stamps
                )
            )
