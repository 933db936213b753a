"""A small month of work whose figures were counted by hand (see the comments), shared by the
statistics, export, report and view tests.

The figures are those of `RULE`: seen on 28 November (so that the month holds activities still
to come), planned activities not counted; `RULE_PLANNED_PAST` counts the planned and past ones.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from stpaul_field.domain.counting import CountingRule
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation, Venue, utcnow

NOV = (2026, 11)
TODAY = dt.date(2026, 11, 28)
RULE = CountingRule(TODAY)
RULE_PLANNED_PAST = CountingRule(TODAY, planned_past=True)


@dataclass
class Fixture:
    alice: uuid.UUID
    bruno: uuid.UUID
    venue_gilles: uuid.UUID
    venue_marla: uuid.UUID
    beneficiaries: dict[str, uuid.UUID] = field(default_factory=dict)
    activities: dict[str, uuid.UUID] = field(default_factory=dict)


def build(store: Store) -> Fixture:
    now = utcnow()
    with store.session() as s:
        alice = Advisor(first_name="Alice", last_name="Grondin", role="conseiller_numerique")
        bruno = Advisor(first_name="Bruno", last_name="Payet", role="aidant_connect")
        gilles = Venue(
            name="EN Saint-Gilles",
            bassin="saint_gilles",
            postcode="97434",
            insee_code="97415",
            address="1 rue du Port",
        )
        marla = Venue(
            name="Îlet de Marla", kind="ilet", bassin="mafate", postcode="97460", insee_code="97415"
        )
        s.add_all([alice, bruno, gilles, marla])
        s.flush()
        fx = Fixture(alice.id, bruno.id, gilles.id, marla.id)

        def ben(key: str, **kw: Any) -> Beneficiary:
            b = Beneficiary(**kw)
            s.add(b)
            s.flush()
            fx.beneficiaries[key] = b.id
            return b

        b1 = ben(
            "b1",
            first_name="Hélène",
            last_name="Técher",
            gender="feminin",
            age_band="vingt_cinq_trente_neuf",
            birth_year=1990,
            disability=True,
            consent_at=now,
            phone="0692123456",
            commune="Saint-Paul",
            postcode="97460",
            insee_code="97415",
            social_status="en_emploi",
        )
        ben(
            "b2",
            first_name="Jean",
            last_name="Hoarau",
            gender="masculin",
            age_band="soixante_soixante_neuf",
            homeless=True,
            commune="La Possession",
        )
        ben("b3", first_name="Line", last_name="Boyer")  # gender and age not recorded
        ben("b4", first_name="Effacé", last_name="Supprimé", deleted_at=now)  # tombstone
        ben("b5", first_name="Helene", last_name="Techer", deleted_at=now, merged_into_id=b1.id)

        def act(key: str, advisor: Advisor, day: dt.date, type_: str = "individual", **kw: Any) -> Activity:
            a = Activity(type=type_, advisor_id=advisor.id, date=day, **kw)
            s.add(a)
            s.flush()
            fx.activities[key] = a.id
            return a

        def part(a: Activity, key: str, **kw: Any) -> None:
            s.add(Participation(activity_id=a.id, beneficiary_id=fx.beneficiaries[key], **kw))

        d = dt.date
        # 1. Alice, individual, Saint-Gilles, 30 min, e-mail, autonomous: b1 -> 1
        a1 = act(
            "a1",
            alice,
            d(2026, 11, 3),
            venue_id=gilles.id,
            duration_min=30,
            themes=["email"],
            autonomy="autonome",
            equipment=["ordinateur", "telephone"],
            start_time=dt.time(9, 30),
        )
        part(a1, "b1", attended=True)
        # 2. Alice, individual, admin help (logement), redirected: b1 again -> 1
        a2 = act(
            "a2",
            alice,
            d(2026, 11, 10),
            venue_id=gilles.id,
            duration_min=45,
            themes=["aide_aux_demarches_administratives"],
            admin_themes=["logement"],
            procedure_name="Demande de logement social",
            redirected=True,
            redirect_structure="aide_sociale",
        )
        part(a2, "b1")
        # 3. Alice, workshop in Marla, attendance marked: b2 came, b3 did not; 3 anonymous -> 4
        a3 = act(
            "a3",
            alice,
            d(2026, 11, 12),
            "workshop",
            venue_id=marla.id,
            duration_min=120,
            themes=["email", "securite_numerique"],
            title="Se protéger des arnaques",
            level="debutant",
            anon_total=3,
            anon_genders={"feminin": 2},
            anon_statuses={"retraite": 1},
            anon_age_bands={"soixante_dix_plus": 1},
        )
        part(a3, "b2", attended=True)
        part(a3, "b3", attended=False)
        # 4. Bruno, workshop in Marla, done, attendance never marked: b2, b3 registered (b4 is
        # deleted) -> 0, « émargement à saisir » with 2 registered people not counted
        a4 = act(
            "a4",
            bruno,
            d(2026, 11, 20),
            "workshop",
            venue_id=marla.id,
            duration_min=90,
            themes=["sante"],
            title="Ameli",
        )
        for key in ("b2", "b3", "b4"):
            part(a4, key)
        # 5. cancelled, 6. tombstone -> 0
        part(
            act("a5", bruno, d(2026, 11, 21), status="cancelled", venue_id=gilles.id, themes=["email"]), "b3"
        )
        part(act("a6", bruno, d(2026, 11, 22), deleted_at=now, venue_id=gilles.id, themes=["email"]), "b3")
        # 7. Bruno, at home (no venue), 15 min: b5, merged into b1 -> 1 for b1
        a7 = act(
            "a7",
            bruno,
            d(2026, 11, 25),
            place_type="domicile",
            commune="Saint-Paul",
            postcode="97460",
            insee_code="97415",
            duration_min=15,
            themes=["email"],
        )
        part(a7, "b5")
        # 8. Bruno, October: b2 -> b2 is not new in November
        part(act("a8", bruno, d(2026, 10, 15), venue_id=gilles.id, themes=["email"]), "b2")
        # 9. Alice, workshop, its only participation is a tombstone; 1 anonymous -> 1
        a9 = act(
            "a9",
            alice,
            d(2026, 11, 5),
            "workshop",
            venue_id=gilles.id,
            duration_min=60,
            themes=["bureautique"],
            title="Tableur",
            anon_total=1,
        )
        part(a9, "b3", deleted_at=now)
        # 10. December: outside the month
        part(act("a10", alice, d(2026, 12, 1), venue_id=gilles.id, themes=["email"]), "b3")
        # 11. Alice, workshop, still planned but past, attendance not marked: b1, b2 registered,
        # 2 anonymous -> 0 (planned); with RULE_PLANNED_PAST 2 (the anonymous). Émargement à saisir.
        a11 = act(
            "a11",
            alice,
            d(2026, 11, 18),
            "workshop",
            status="planned",
            venue_id=gilles.id,
            duration_min=60,
            themes=["email"],
            title="Découvrir l'ordinateur",
            anon_total=2,
        )
        part(a11, "b1")
        part(a11, "b2")
        # 12. Bruno, individual, still planned but past: b3 -> 0; with RULE_PLANNED_PAST 1
        part(
            act(
                "a12",
                bruno,
                d(2026, 11, 19),
                status="planned",
                venue_id=gilles.id,
                duration_min=30,
                themes=["sante"],
            ),
            "b3",
        )
        # 13. Alice, workshop planned on 30 November, after RULE's today: never counted, not
        # awaiting attendance either (it has not happened)
        a13 = act(
            "a13",
            alice,
            d(2026, 11, 30),
            "workshop",
            status="planned",
            venue_id=marla.id,
            duration_min=120,
            themes=["email"],
            title="Visio avec la famille",
            anon_total=5,
        )
        part(a13, "b1")
        part(a13, "b2")
    _ = now
    return fx
