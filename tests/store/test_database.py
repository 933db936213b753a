"""The local store: pragmas in force, migrations of an existing laptop's file, backups."""

import shutil
import uuid
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from stpaul_field.domain.text import name_key, register_sort_keys
from stpaul_field.paths import AppPaths
from stpaul_field.store import cipher, migrate
from stpaul_field.store.backup import list_backups
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Base, Beneficiary, OutboxEntry, Participation, Venue
from stpaul_field.store.search import search_beneficiaries

R0001 = Path(__file__).parents[1] / "data" / "store-r0001.sqlite3"


def test_every_pragma_is_in_force_on_each_connection(store: Store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_refuse_a_participation_of_no_activity(store: Store):
    import pytest
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), store.session() as session:
        session.add(Participation(activity_id=uuid.uuid4(), beneficiary_id=uuid.uuid4()))


def test_models_and_migrated_schema_agree(store: Store):
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": migrate.include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_new_store_is_at_the_latest_revision(store: Store):
    assert migrate.current_revision(store.engine) == migrate.head_revision()


def test_laptop_store_from_revision_0001_upgrades_and_keeps_every_row(paths: AppPaths):
    paths.ensure()
    shutil.copy(R0001, paths.store_file)
    store = Store.open(paths)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        with store.reader() as session:
            assert session.scalar(select(func.count()).select_from(Beneficiary)) == 3
            assert session.scalar(select(func.count()).select_from(Activity)) == 1
            assert session.scalar(select(func.count()).select_from(Participation)) == 1
            assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 1
            helene = session.get(Beneficiary, uuid.UUID("01a0f00000007000800000000000b000"))
            assert helene is not None and helene.first_name == "Hélène"
            # The search index added by 0002 covers the people already there.
            hits = search_beneficiaries(session, "therese techer")
            assert [h.last_name for h in hits] == ["TÉCHER"]
            # The register's order key added by 0005 covers them too.
            assert helene.sort_name == name_key(helene.last_name, "Hélène")
            assert helene.sort_name.endswith("\x1fhelene")
            # And the first-name and commune keys added by 0007.
            keys = register_sort_keys(helene.last_name, helene.first_name, helene.commune)
            assert (helene.sort_first_name, helene.sort_commune) == keys[1:]
            assert helene.sort_first_name.startswith("helene\x1f")
            # Reference data was added to the existing store; the existing venue kept as it was.
            assert session.scalar(select(func.count()).select_from(Venue)) == 10
    finally:
        store.close()
    # The clear file was encrypted, then backed up before the upgrade: the backup is the old
    # revision, encrypted too.
    backups = [b for b in list_backups(paths.backups) if "avant-migration" in b.name]
    assert len(backups) == 1
    assert not cipher.is_plaintext(backups[0])
    conn = cipher.connect(backups[0], store.key)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert conn.execute("SELECT count(*) FROM beneficiary").fetchone() == (3,)
    conn.close()


def test_opening_an_up_to_date_store_makes_no_backup(paths: AppPaths):
    Store.open(paths).close()
    Store.open(paths).close()
    assert list_backups(paths.backups) == []


def test_committed_rows_survive_an_abrupt_end(paths: AppPaths):
    """A committed write is in the file even if the process never closes the store."""
    store = Store.open(paths)
    with store.session() as session:
        session.add(Beneficiary(first_name="Marie", last_name="Hoarau"))
    # No close(), no checkpoint: read the file through a separate connection.
    conn = cipher.connect(paths.store_file, store.key)
    assert conn.execute("SELECT count(*) FROM beneficiary").fetchone() == (1,)
    conn.close()
    store.engine.dispose()


def test_failed_unit_of_work_leaves_nothing(store: Store):
    try:
        with store.session() as session:
            session.add(Beneficiary(first_name="Marie", last_name="Hoarau"))
            session.flush()
            raise RuntimeError("coupure")
    except RuntimeError:
        pass
    with store.reader() as session:
        assert session.scalar(select(func.count()).select_from(Beneficiary)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_backup_rotation_keeps_the_newest(store: Store, paths: AppPaths):
    from stpaul_field.store.backup import backup_store

    made = [backup_store(store.engine, paths.backups, store.key, keep=3) for _ in range(5)]
    assert list_backups(paths.backups) == made[-3:]
    conn = cipher.connect(made[-1], store.key)
    assert conn.execute("SELECT count(*) FROM venue").fetchone()[0] == 10
    conn.close()


def test_the_head_read_from_file_names_is_alembics_head() -> None:
    # Start-up reads the head from the revision files' names, without importing Alembic.
    from stpaul_field.server.migrate import SCRIPTS as SERVER_SCRIPTS

    for scripts in (migrate.SCRIPTS, SERVER_SCRIPTS):
        assert scripts.head() == scripts.alembic_head()
        assert scripts.head() in scripts.revisions()


def test_opening_an_up_to_date_store_does_not_import_alembic(tmp_path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from stpaul_field.paths import AppPaths\n"
        "from stpaul_field.store.database import Store\n"
        f"paths = AppPaths.under({str(tmp_path)!r})\n"
        "Store.open(paths).close()\n"  # the first opening migrates (Alembic loaded)
        "for name in [m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')]:\n"
        "    del sys.modules[name]\n"
        "Store.open(paths).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


R0007 = Path(__file__).parents[1] / "data" / "store-r0007.sqlite3"


def test_a_store_of_revision_0007_takes_the_coops_codes_everywhere_it_keeps_them(paths: AppPaths):
    from stpaul_field.store.models import Conflict

    paths.ensure()
    shutil.copy(R0007, paths.store_file)
    store = Store.open(paths)
    try:
        with store.reader() as session:
            people = {b.first_name: b.age_band for b in session.scalars(select(Beneficiary))}
            assert people == {"Hélène": "soixante_dix_plus", "Kévin": "vingt_cinq_trente_neuf"}
            by_type = {a.type: a for a in session.scalars(select(Activity))}
            individual, workshop = by_type["individual"], by_type["workshop"]
            assert individual.themes == ["gere_ses_contenus_numeriques", "aide_aux_demarches_administratives"]
            assert individual.redirect_structure == "operateur_ou_organisme_en_charge"
            assert workshop.anon_age_bands == {"douze_dix_huit": 2, "soixante_dix_plus": 1}
            queued = {e.entity: e for e in session.scalars(select(OutboxEntry))}
            assert queued["beneficiary"].fields == {
                "age_band": "quarante_cinquante_neuf",
                "first_name": "Kévin",
            }
            assert queued["activity"].fields == {
                "redirect_structure": "aide_aux_demarches_administratives",
                "themes": ["gere_ses_contenus_numeriques"],
            }
            kept = session.scalars(select(Conflict)).one()
            assert kept.kept_value == {"douze_dix_huit": 2, "soixante_dix_plus": 1}
            assert kept.lost_value == {"dix_huit_vingt_quatre": 3}
            # What did not hold a former code is as it was.
            assert individual.admin_themes == ["logement"] and workshop.themes == ["email"]
            # 0009: no activity recorded before was marked « sous mandat Aidants Connect ».
            assert (individual.aidants_connect, workshop.aidants_connect) == (False, False)
        # The widened column: a 23-character code is stored, and the schema still matches the models.
        with store.session() as session:
            session.get(
                Beneficiary, next(iter(session.scalars(select(Beneficiary.id))))
            ).age_band = "quarante_cinquante_neuf"
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": migrate.include_name})
            assert compare_metadata(context, Base.metadata) == []
            assert (
                "age_band VARCHAR(40)"
                in conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = 'beneficiary'"
                ).scalar_one()
            )
    finally:
        store.close()
