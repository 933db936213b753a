"""Made tests/data/store-rNNNN.sqlite3 for the revisions that had no file yet: a laptop's store as
revision NNNN wrote it (the schema of that revision, the same few rows in each), for
tests/store/test_upgrades.py. A file once committed is never regenerated (it stands for the
laptops in the field); when a release adds a revision, add its file with
`python tests/data/make_old_stores.py NNNN`. store-r0001 and store-r0007 have their own scripts.
"""

import datetime as dt
import sys
import uuid
from pathlib import Path

from sqlalchemy import Column, MetaData, Table, create_engine, insert, inspect

from stpaul_field.domain.text import register_sort_keys
from stpaul_field.store import cipher, migrate
from stpaul_field.store.models import Activity, Advisor, Base, Beneficiary, Participation, Venue

NOW = dt.datetime(2026, 11, 20, 6, 0, tzinfo=dt.UTC)
ADVISOR = uuid.UUID("01a0f000-0000-7000-8000-00000000aa01")
VENUE = uuid.UUID("01a0f000-0000-7000-8000-00000000af01")
PEOPLE = [uuid.UUID(f"01a0f000-0000-7000-8000-00000000ab0{i}") for i in range(2)]
INDIVIDUAL = uuid.UUID("01a0f000-0000-7000-8000-00000000ac01")
WORKSHOP = uuid.UUID("01a0f000-0000-7000-8000-00000000ac02")
PARTICIPATION = uuid.UUID("01a0f000-0000-7000-8000-00000000ad01")
# The rows every file holds (codes that every revision knows), by table.
ROWS = {
    "advisor": [Advisor(id=ADVISOR, first_name="Nathalie", last_name="Grondin")],
    "venue": [Venue(id=VENUE, name="Marla", kind="ilet", bassin="mafate")],
    "beneficiary": [
        Beneficiary(id=PEOPLE[0], first_name="Hélène", last_name="PAYET", commune="Saint-Paul"),
        Beneficiary(id=PEOPLE[1], first_name="Kévin", last_name="BÈGUE", commune="La Saline"),
    ],
    "activity": [
        Activity(
            id=INDIVIDUAL,
            type="individual",
            advisor_id=ADVISOR,
            date=dt.date(2026, 11, 19),
            venue_id=VENUE,
            themes=["email"],
            autonomy="autonome",
        ),
        Activity(
            id=WORKSHOP,
            type="workshop",
            advisor_id=ADVISOR,
            date=dt.date(2026, 11, 19),
            venue_id=VENUE,
            title="Premiers pas",
            themes=["email"],
            anon_total=2,
            anon_genders={"feminin": 2},
        ),
    ],
    "participation": [
        Participation(id=PARTICIPATION, activity_id=INDIVIDUAL, beneficiary_id=PEOPLE[0], attended=True)
    ],
}


def make(revision: str) -> Path:
    target = Path(__file__).with_name(f"store-r{revision}.sqlite3")
    if target.exists():
        raise SystemExit(f"{target.name} exists: a committed store is never regenerated")
    # The store's own SQLite (SQLCipher, no key: a clear file): 0011 needs FTS5 secure-delete.
    engine = create_engine(f"sqlite:///{target}", module=cipher.sqlcipher)
    migrate.upgrade(engine, backups=None, to=revision)
    with engine.begin() as conn:
        for name, objects in ROWS.items():
            present = {c["name"] for c in inspect(conn).get_columns(name)}
            model_table = Base.metadata.tables[name]
            # The columns this revision has, with today's types (UUIDs, UTC times) and no defaults.
            table = Table(
                name, MetaData(), *(Column(c.name, c.type) for c in model_table.columns if c.name in present)
            )
            for obj in objects:
                row = {c.name: getattr(obj, c.name) for c in model_table.columns if c.name in present}
                row.update(
                    {
                        k: v
                        for k, v in {"created_at": NOW, "updated_at": NOW, "server_version": 3}.items()
                        if k in present
                    }
                )
                if name == "beneficiary":
                    keys = dict(
                        zip(
                            ("sort_name", "sort_first_name", "sort_commune"),
                            register_sort_keys(obj.last_name, obj.first_name, obj.commune),
                            strict=True,
                        )
                    )
                    row.update({k: v for k, v in keys.items() if k in present})
                conn.execute(insert(table), [row])
        conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
    engine.dispose()
    return target


if __name__ == "__main__":
    for revision in sys.argv[1:]:
        print(make(revision))
