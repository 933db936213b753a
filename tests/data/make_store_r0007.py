"""Made tests/data/store-r0007.sqlite3: a laptop store as revision 0007 wrote it, holding the
codes our value lists had before they took the Coop's (age bands, a theme, redirect structures).

Kept for the record; the file itself is committed and must never be regenerated with a newer
revision (it stands for the laptops already in the field).
Run: python tests/data/make_store_r0007.py
"""

import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy import create_engine, insert

from stpaul_field.domain.text import register_sort_keys
from stpaul_field.store import migrate
from stpaul_field.store.models import Base

target = Path(__file__).with_name("store-r0007.sqlite3")
target.unlink(missing_ok=True)
engine = create_engine(f"sqlite:///{target}")
migrate.upgrade(engine, backups=None, to="0007")
t = Base.metadata.tables


def put(conn, table, rows):
    for row in rows:  # one statement a row: the rows set different columns
        conn.execute(insert(t[table]), [row])


now = dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)
stamps = {"created_at": now, "updated_at": now, "server_version": 3}
advisor = uuid.UUID("01a0f000-0000-7000-8000-0000000007a1")
venue = uuid.UUID("01a0f000-0000-7000-8000-0000000007f1")
ids = [uuid.UUID(f"01a0f000-0000-7000-8000-0000000007b{i}") for i in range(2)]
individual = uuid.UUID("01a0f000-0000-7000-8000-0000000007c1")
workshop = uuid.UUID("01a0f000-0000-7000-8000-0000000007c2")


def person(id_, first, last, age_band):
    keys = register_sort_keys(last, first, "Saint-Paul")  # Core inserts skip the ORM's event
    return dict(
        id=id_,
        first_name=first,
        last_name=last,
        commune="Saint-Paul",
        age_band=age_band,
        sort_name=keys[0],
        sort_first_name=keys[1],
        sort_commune=keys[2],
        **stamps,
    )


with engine.begin() as conn:
    put(conn, "advisor", [dict(id=advisor, first_name="Nathalie", last_name="Grondin", **stamps)])
    put(conn, "venue", [dict(id=venue, name="Marla", kind="ilet", bassin="mafate", **stamps)])
    put(
        conn,
        "beneficiary",
        [
            person(ids[0], "Hélène", "PAYET", "plus_de_70"),
            person(ids[1], "Kévin", "BÈGUE", "de_25_a_39"),
        ],
    )
    common = dict(advisor_id=advisor, date=dt.date(2026, 11, 19), venue_id=venue, **stamps)
    put(
        conn,
        "activity",
        [
            dict(
                id=individual,
                type="individual",
                themes=["gerer_ses_contenus_numeriques", "aide_aux_demarches_administratives"],
                admin_themes=["logement"],
                redirected=True,
                redirect_structure="operateur_demarche",
                autonomy="autonome",
                **common,
            ),
            dict(
                id=workshop,
                type="workshop",
                title="Premiers pas",
                themes=["email"],
                anon_total=3,
                anon_age_bands={"de_12_a_17": 2, "plus_de_70": 1},
                **common,
            ),
        ],
    )
    put(
        conn,
        "participation",
        [dict(activity_id=individual, beneficiary_id=ids[0], attended=True, **stamps)],
    )
    put(
        conn,
        "outbox",
        [
            dict(
                op_id=uuid.UUID("01a0f000-0000-7000-8000-0000000007e1"),
                entity="beneficiary",
                record_id=ids[1],
                fields={"age_band": "de_40_a_59", "first_name": "Kévin"},
                base_version=3,
                stamp="001795000000000-000000-device",
                created_at=now,
            ),
            dict(
                op_id=uuid.UUID("01a0f000-0000-7000-8000-0000000007e2"),
                entity="activity",
                record_id=individual,
                fields={"redirect_structure": "aide_demarches", "themes": ["gerer_ses_contenus_numeriques"]},
                base_version=3,
                stamp="001795000000001-000000-device",
                created_at=now,
                rejected_reason="Structure : valeur inconnue « aide_demarches ».",
            ),
        ],
    )
    put(
        conn,
        "conflict",
        [
            dict(
                id=uuid.UUID("01a0f000-0000-7000-8000-0000000007d1"),
                entity="activity",
                record_id=workshop,
                field="anon_age_bands",
                kept_value={"de_12_a_17": 2, "plus_de_70": 1},
                lost_value={"de_18_a_24": 3},
                detected_at=now,
            )
        ],
    )
    conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
engine.dispose()
print(target)
