"""Sync by file on the laptop (issue 20): a request file written with no network, its answer read
back — as an HTTPS sync would leave the store, and never moving anything backwards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stpaul_field.server import sync_files
from stpaul_field.sync import file_sync, quarantine, state
from stpaul_field.sync import sealed_file as sf
from stpaul_field.sync.errors import SyncError
from tests.sync.test_cli import cli
from tests.sync_fixtures import Laptop, SyncWorld


def carry(world: SyncWorld, laptop: Laptop, where: Path) -> Path:
    """The laptop's request file taken to the central record; the answer file it gets back."""
    where.mkdir(parents=True, exist_ok=True)
    written = file_sync.write_request(laptop.store, where)
    imported = sync_files.import_request(world.env.db, written.path.read_bytes())
    answer = written.path.with_name(written.path.name.replace("demande", "reponse"))
    answer.write_bytes(imported.answer)
    return answer


def snapshot(laptop: Laptop) -> tuple:
    with laptop.store.reader() as s:
        cursor = state.cursor(s)
        refused = [(q.op_id, q.reason) for q in quarantine.rejected_entries(s)]
    return laptop.records(), cursor, [(e.op_id, e.fields) for e in laptop.outbox()], refused


def test_a_days_work_goes_by_file_and_the_answer_brings_the_team_back(
    world: SyncWorld, tmp_path: Path
) -> None:
    paul = world.laptop("paul")
    colleague_person = paul.add_person(first_name="Judith", last_name="Técher")
    paul.sync()
    marie = world.laptop("marie")
    marie.sync()  # in step with the team, then five days in Marla
    paul.edit("beneficiary", colleague_person, commune="Saint-Paul")
    paul.sync()
    made = [marie.add_person(first_name=f"Marla {i}") for i in range(3)]
    written = file_sync.write_request(marie.store, tmp_path)
    assert written.changes == 3 and written.path.parent == tmp_path and written.path.suffix == sf.SUFFIX
    assert len(marie.outbox()) == 3  # writing a file sends nothing: the outbox stays until answered

    imported = sync_files.import_request(world.env.db, written.path.read_bytes())
    assert imported.changes == 3 and imported.rejected == 0
    assert all(("beneficiary", i) in world.server_records() for i in made)
    answer = tmp_path / "reponse.stpaul-sync"
    answer.write_bytes(imported.answer)

    read = file_sync.read_answer(marie.store, answer)
    assert (read.acknowledged, read.rejected) == (3, 0)
    assert marie.outbox() == []
    assert marie.get("beneficiary", colleague_person).commune == "Saint-Paul"
    assert marie.records() == world.server_records()
    # Back online: nothing left to send or to pull.
    report = marie.sync()
    assert (report.pushed, report.pulled, report.rejected) == (0, 0, 0)


def test_refused_changes_go_to_quarantine_with_the_french_reason_of_an_https_sync(
    world: SyncWorld, tmp_path: Path
) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    marie.add_person(first_name="Sans", last_name="")
    paul.add_person(first_name="Sans", last_name="")
    read = file_sync.read_answer(marie.store, carry(world, marie, tmp_path))
    assert read.rejected == 1
    assert paul.sync().rejected == 1
    by_file, by_https = (snapshot(laptop)[3] for laptop in (marie, paul))
    assert [reason for _, reason in by_file] == [reason for _, reason in by_https]
    assert "Le nom est obligatoire." in by_file[0][1]


def test_an_edit_made_after_the_file_was_written_is_never_overwritten(
    world: SyncWorld, tmp_path: Path
) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = marie.add_person()
    marie.sync()
    paul.sync()
    written = file_sync.write_request(marie.store, tmp_path)
    paul.edit("beneficiary", person, commune="La Possession", notes="vu par Paul")
    paul.sync()
    marie.edit("beneficiary", person, commune="Saint-Paul")  # on the mountain, after the file left
    imported = sync_files.import_request(world.env.db, written.path.read_bytes())
    (tmp_path / "r.stpaul-sync").write_bytes(imported.answer)
    file_sync.read_answer(marie.store, tmp_path / "r.stpaul-sync")
    held = marie.get("beneficiary", person)
    assert held.commune == "Saint-Paul"  # hers, still queued
    assert held.notes == "vu par Paul"  # the colleague's other field came in
    assert [e.fields.get("commune") for e in marie.outbox()] == ["Saint-Paul"]


def test_an_old_answer_read_after_a_newer_sync_changes_nothing(world: SyncWorld, tmp_path: Path) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = paul.add_person(commune="Le Port")
    paul.sync()
    marie.add_person(first_name="Louise")
    old_answer = carry(world, marie, tmp_path)
    paul.edit("beneficiary", person, commune="Saint-Leu")
    paul.add_person(first_name="Ti Jean")
    paul.sync()
    marie.add_person(first_name="Hortense")  # an unsent edit, too
    marie.sync()
    marie.add_person(first_name="Gilberte")
    before = snapshot(marie)
    read = file_sync.read_answer(marie.store, old_answer)
    assert (read.acknowledged, read.pulled) == (0, 0)
    assert snapshot(marie) == before  # the cursor did not move back, Saint-Leu stayed
    assert marie.get("beneficiary", person).commune == "Saint-Leu"


def test_answers_read_out_of_order_or_twice_change_nothing_more(world: SyncWorld, tmp_path: Path) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    marie.add_person(first_name="Premier jour")
    first = carry(world, marie, tmp_path / "un")
    paul.add_person(first_name="Chez Paul")
    paul.sync()
    marie.add_person(first_name="Troisième jour")
    second = carry(world, marie, tmp_path / "deux")  # holds the first day again: a duplicate
    file_sync.read_answer(marie.store, second)
    after_second = snapshot(marie)
    for answer in (first, second, first):
        read = file_sync.read_answer(marie.store, answer)
        assert (read.acknowledged, read.rejected, read.pulled, read.conflicts) == (0, 0, 0, 0)
        assert snapshot(marie) == after_second
    assert marie.outbox() == []
    assert marie.records() == world.server_records() == paul.records() | marie.records()


def test_an_answer_for_another_laptop_or_a_request_is_refused(world: SyncWorld, tmp_path: Path) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    marie.add_person()
    answer = carry(world, marie, tmp_path)
    before = snapshot(paul)
    with pytest.raises(SyncError) as refused:
        file_sync.read_answer(paul.store, answer)
    assert refused.value.message == sf.OTHER_LAPTOP
    request = file_sync.write_request(paul.store, tmp_path / "demande.stpaul-sync").path
    with pytest.raises(SyncError) as refused:
        file_sync.read_answer(paul.store, request)
    assert refused.value.message == sf.WRONG_KIND["answer"]
    assert snapshot(paul) == before


def test_the_command_line_writes_a_request_and_reads_its_answer(world: SyncWorld, tmp_path: Path) -> None:
    marie = world.laptop("marie")
    marie.add_person(first_name="Maëlle", last_name="Hoarau")
    marie.add_person(first_name="Sans", last_name="")
    marie.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    wrote = cli(marie, "sync", "--to-file", str(usb))
    assert wrote.returncode == 0, wrote.stderr
    assert "Demande de synchronisation écrite" in wrote.stdout and "2 modification(s)" in wrote.stdout
    (request,) = usb.iterdir()
    assert request.stat().st_mode & 0o077 == 0  # owner-only

    office = tmp_path / "bureau"
    office.mkdir()
    server = subprocess.run(
        [
            sys.executable,
            "-m",
            "stpaul_field.server.cli",
            "import-file",
            str(request),
            "--answer-to",
            str(office),
            "--database-url",
            world.env.db.url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert server.returncode == 0, server.stderr
    assert "2 modification(s), 1 refusée(s)" in server.stdout
    (answer,) = office.iterdir()
    assert answer.name.startswith("reponse-") and answer.suffix == sf.SUFFIX

    read = cli(marie, "sync", "--from-file", str(answer))
    assert read.returncode == 1, read.stderr  # one change refused, listed, kept
    assert "1 modification(s) confirmée(s)" in read.stdout and "Le nom est obligatoire." in read.stdout

    answer.write_bytes(answer.read_bytes()[:-100])
    cut = cli(marie, "sync", "--from-file", str(answer))
    assert cut.returncode == 2 and sf.TRUNCATED in cut.stderr
    not_ours = cli(marie, "sync", "--from-file", str(request))
    assert not_ours.returncode == 2 and sf.WRONG_KIND["answer"] in not_ours.stderr


def test_a_page_read_late_never_takes_a_record_back_to_an_older_version(world: SyncWorld) -> None:
    from sqlalchemy import update

    from stpaul_field.store.models import Beneficiary
    from stpaul_field.sync.apply import apply_answer
    from stpaul_field.sync.protocol import PROTOCOL_VERSION, RecordState, SyncResponse

    marie = world.laptop("marie")
    person = marie.add_person(commune="Saint-Paul")
    marie.sync()
    with marie.store.session() as s:
        held = state.cursor(s)
        # Its own later write acknowledged, not pulled yet: the laptop holds a version past its cursor.
        s.execute(update(Beneficiary).where(Beneficiary.id == person).values(server_version=held + 5))
    old = RecordState(
        seq=held + 1, entity="beneficiary", record_id=person, version=held + 1, fields={"commune": "Le Port"}
    )
    page = SyncResponse(protocol=PROTOCOL_VERSION, changes=[old], cursor=held + 2)
    apply_answer(marie.store, page, pulled_from=held)
    assert marie.get("beneficiary", person).commune == "Saint-Paul"
    with marie.store.reader() as s:
        assert state.cursor(s) == held + 2
