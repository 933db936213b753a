"""Backups of the laptop's store: rotation from the setting, restore, refusal of bad files."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from stpaul_field.cli import main
from stpaul_field.paths import AppPaths
from stpaul_field.settings import BACKUPS_KEPT, Settings, store_options
from stpaul_field.store import cipher
from stpaul_field.store.backup import (
    DAILY_REASON,
    RESTORE_REASON,
    BackupUnusable,
    describe_backups,
    list_backups,
    restore_backup,
)
from stpaul_field.store.database import Store
from stpaul_field.store.migrate import current_revision, head_revision
from stpaul_field.store.models import Beneficiary

R0001 = Path(__file__).parents[1] / "data" / "store-r0001.sqlite3"


def add(store: Store, last_name: str) -> None:
    with store.session() as s:
        s.add(Beneficiary(first_name="Lucienne", last_name=last_name))


def names(store: Store) -> set[str]:
    with store.reader() as s:
        return set(s.scalars(select(Beneficiary.last_name)))


def names_in(path: Path, key: bytes) -> set[str]:
    conn = cipher.connect(path, key)
    try:
        return {row[0] for row in conn.execute("SELECT last_name FROM beneficiary")}
    finally:
        conn.close()


def files_of(paths: AppPaths) -> dict[str, bytes]:
    return {
        str(p.relative_to(paths.data.parent)): p.read_bytes()
        for p in sorted(paths.data.parent.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def test_rotation_keeps_as_many_backups_as_the_setting_says(paths: AppPaths) -> None:
    Settings(paths.settings_file).set(BACKUPS_KEPT, 3)
    store = Store.open(paths, **store_options(paths.settings_file))  # as the app and the CLIs do
    try:
        made = [store.backup_now() for _ in range(5)]
    finally:
        store.close()
    assert list_backups(paths.backups) == made[-3:]
    infos = describe_backups(paths.backups)
    assert [i.path for i in infos] == made[::-1][:3]  # newest first
    assert all(i.reason == "manuelle" and i.size > 0 for i in infos)
    assert infos[0].made_at >= infos[1].made_at


def test_restore_brings_back_the_backup_and_keeps_the_replaced_store(store: Store, paths: AppPaths) -> None:
    add(store, "AVANTSAUVEGARDE")
    chosen = store.backup_now()
    add(store, "APRESSAUVEGARDE")

    safety = store.restore(chosen)

    assert names(store) == {"AVANTSAUVEGARDE"}
    assert safety is not None and RESTORE_REASON in safety.name
    assert names_in(safety, store.key) == {"AVANTSAUVEGARDE", "APRESSAUVEGARDE"}
    assert not list(paths.data.glob("*.restauration"))
    # The reopened store works as before: an edit is saved and queued for sync.
    add(store, "APRESRESTAURATION")
    assert names(store) == {"AVANTSAUVEGARDE", "APRESRESTAURATION"}
    reopened = Store.open(paths)
    try:
        assert names(reopened) == {"AVANTSAUVEGARDE", "APRESRESTAURATION"}
    finally:
        reopened.close()


def test_the_restored_backup_survives_rotation_even_when_it_was_the_oldest(paths: AppPaths) -> None:
    Settings(paths.settings_file).set(BACKUPS_KEPT, 2)
    store = Store.open(paths, **store_options(paths.settings_file))
    try:
        add(store, "ANCIEN")
        oldest = store.backup_now()
        add(store, "RECENT")
        store.backup_now()
        store.restore(oldest)  # its safety backup rotates `oldest` away
        assert names(store) == {"ANCIEN"}
        assert oldest not in list_backups(paths.backups)
    finally:
        store.close()


def _other_laptops_backup(tmp_path: Path) -> Path:
    store = Store.open(AppPaths.under(tmp_path / "autre-poste"), passphrase="une autre phrase de passe")
    try:
        add(store, "AUTREPOSTE")
        return store.backup_now()
    finally:
        store.close()


def _bad_files(tmp_path: Path, store: Store) -> dict[str, Path]:
    good = store.backup_now()
    random_bytes = tmp_path / "aleatoire.sqlite3"
    random_bytes.write_bytes(os.urandom(64 * 1024))
    truncated = tmp_path / "tronquee.sqlite3"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    clear = tmp_path / "en-clair.sqlite3"
    shutil.copyfile(R0001, clear)
    return {
        "autre poste": _other_laptops_backup(tmp_path),
        "aléatoire": random_bytes,
        "tronquée": truncated,
        "en clair": clear,
        "absente": tmp_path / "absente.sqlite3",
    }


def test_a_wrong_key_or_damaged_file_is_refused_in_french_and_changes_nothing(
    store: Store, paths: AppPaths, tmp_path: Path
) -> None:
    add(store, "ACTUEL")
    bad = _bad_files(tmp_path, store)
    before = files_of(paths)
    messages = {}
    for label, path in bad.items():
        with pytest.raises(BackupUnusable) as refused:
            store.restore(path)
        messages[label] = str(refused.value)
        assert files_of(paths) == before, label
        assert names(store) == {"ACTUEL"}
    assert "autre poste" in messages["autre poste"]
    assert "endommagée" in messages["tronquée"] or "autre poste" in messages["tronquée"]
    assert "pas une sauvegarde chiffrée" in messages["en clair"]
    assert "introuvable" in messages["absente"]


def test_a_backup_from_an_older_revision_is_upgraded_once_restored(store: Store, paths: AppPaths) -> None:
    old = paths.backups / "stpaul-field-20250101-120000-000000-avant-migration-0001.sqlite3"
    cipher.export_encrypted(R0001, old, store.key)
    store.restore(old)
    assert current_revision(store.engine) == head_revision()
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Beneficiary)) > 0


def test_restore_backup_command(paths: AppPaths, tmp_path: Path, capsys) -> None:
    root = str(paths.data.parent)
    store = Store.open(paths)
    add(store, "DANSLASAUVEGARDE")
    chosen = store.backup_now()
    add(store, "PLUSTARD")
    bad = _other_laptops_backup(tmp_path)
    store.close()

    assert main(["--data-dir", root, "restore-backup", "--list"]) == 0
    assert chosen.name in capsys.readouterr().out
    assert main(["--data-dir", root, "restore-backup"]) == 2
    assert "Indiquez la sauvegarde" in capsys.readouterr().out
    assert main(["--data-dir", root, "restore-backup", str(bad)]) == 2
    out = capsys.readouterr().out
    assert "autre poste" in out and "Rien n'a été modifié" in out
    assert main(["--data-dir", root, "restore-backup", chosen.name]) == 0
    assert "avant-restauration" in capsys.readouterr().out
    reopened = Store.open(paths)
    try:
        assert names(reopened) == {"DANSLASAUVEGARDE"}
    finally:
        reopened.close()


def test_restoring_with_no_store_yet(paths: AppPaths, tmp_path: Path) -> None:
    store = Store.open(paths)
    add(store, "SEULE")
    chosen = store.backup_now()
    key = store.key
    store.close()
    for leftover in paths.data.glob("stpaul-field.sqlite3*"):
        leftover.unlink()
    assert restore_backup(paths, chosen, key) is None
    reopened = Store.open(paths)
    try:
        assert names(reopened) == {"SEULE"}
    finally:
        reopened.close()


def test_the_first_opening_of_each_day_makes_one_backup_reunion_time(paths: AppPaths) -> None:
    store = Store.open(paths)
    try:
        add(store, "Payet")
        morning = dt.datetime(2026, 12, 2, 4, 0, tzinfo=dt.UTC)  # 08:00 in Réunion
        first = store.backup_daily(morning)
        assert first is not None and names_in(first, store.key) == {"Payet"}
        assert store.backup_daily(morning + dt.timedelta(hours=15)) is None  # 23:00 there: same day
        add(store, "Hoarau")
        # 21:00 UTC is 01:00 the next day in Réunion: a new day, a new backup with the day's work.
        second = store.backup_daily(dt.datetime(2026, 12, 2, 21, 0, tzinfo=dt.UTC))
        assert second is not None and names_in(second, store.key) == {"Payet", "Hoarau"}
        assert [b.reason for b in describe_backups(paths.backups)] == [DAILY_REASON, DAILY_REASON]
    finally:
        store.close()
