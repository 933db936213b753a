"""Made tests/data/store-r0001.sqlite3: a laptop store as revision 0001 wrote it.

Kept for the record; the file itself is committed and must never be regenerated with a newer
revision (it stands for the laptops already in the field).
Run: python tests/data/make_store_r0001.py
"""

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from stpaul_field.store import migrate

target = Path(__file__).with_name("store-r0001.sqlite3")
target.unlink(missing_ok=True)
engine = create_engine(f"sqlite:///{target}")
migrate.upgrade(engine, backups=None, to="0001")
engine.dispose()

conn = sqlite3.connect(target)
now = "2026-11-02 08:15:00.000000"
conn.execute(
    "INSERT INTO advisor VALUES ('Nathalie','Grondin','conseiller_numerique',NULL,1,"
    "'01a0f0000000700080000000000000a1',?,?,NULL,0)",
    (now, now),
)
conn.execute(
    "INSERT INTO venue VALUES ('Marla','ilet','mafate','Saint-Paul','97460','97415','',1,"
    "'6f0c3c1e000150008000000000000001',?,?,NULL,0)",
    (now, now),
)
people = [
    ("Hélène", "PAYET", "0692123456", "Saint-Paul"),
    ("Jean-Marc", "HOARAU", "", "La Saline"),
    ("Thérèse", "TÉCHER", "0693654321", "Saint-Gilles les Bains"),
]
for i, (first, last, phone, commune) in enumerate(people):
    conn.execute(
        "INSERT INTO beneficiary (anonymous, first_name, last_name, phone, no_phone, email, birth_year,"
        " address, commune, postcode, insee_code, gender, age_band, social_status, disability,"
        " family_carer, homeless, pass_numerique_vouchers, consent_at, already_accompanied, notes,"
        " merged_into_id, id, created_at, updated_at, deleted_at, server_version)"
        " VALUES (0,?,?,?,?,'',1958,'',?,'97460','97415','feminin','de_60_a_69','retraite',0,0,0,0,"
        " ?,0,'',NULL,?,?,?,NULL,0)",
        (
            first,
            last,
            phone,
            0 if phone else 1,
            commune,
            now,
            f"01a0f00000007000800000000000b00{i}",
            now,
            now,
        ),
    )
conn.execute(
    "INSERT INTO activity VALUES ('individual','done','01a0f0000000700080000000000000a1','[]',"
    "'2026-11-02','08:30:00.000000',30,'lieu_activite','6f0c3c1e000150008000000000000001','','','',"
    "'[\"email\"]','[]','','[\"telephone\"]','',"
    "'autonome',0,NULL,'',NULL,0,0,'{}','{}','{}','01a0f0000000700080000000000000c1',?,?,NULL,0)",
    (now, now),
)
conn.execute(
    "INSERT INTO participation VALUES ('01a0f0000000700080000000000000c1',"
    "'01a0f00000007000800000000000b000',1,1,1,'01a0f0000000700080000000000000d1',?,?,NULL,0)",
    (now, now),
)
conn.execute(
    "INSERT INTO outbox (op_id, entity, record_id, fields, base_version, stamp, created_at)"
    " VALUES ('01a0f0000000700080000000000000e1','beneficiary','01a0f00000007000800000000000b000',"
    "'{\"first_name\": \"Hélène\"}',0,'001793000000000-000000-device',?)",
    (now,),
)
conn.commit()
conn.execute("PRAGMA journal_mode=DELETE")
conn.close()
print(target)
