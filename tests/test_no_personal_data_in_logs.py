"""After a full day's scenario, with every logger at DEBUG written to files, no name, phone,
note, password or token appears in any log, any captured output, or any file under the
laptop's and the server's data directories.

Laptop: store opened, people recorded (with an accompaniment whose notes name them),
searched, a person's data exported, a person erased, a backup. Server: advisor created,
laptop enrolled and its outbox pushed over real HTTP (httpx against uvicorn in a thread),
pulled back, retention dry run, the admin CLI's export.

Two outputs hold the data on purpose and are left out, by name: the access export the
advisor asked for and the coordinator's record export. The central record's database holds
them too — it is the record — so it is left out as well (the laptop's store is not: it is
encrypted and must show nothing in clear).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.exc import IntegrityError

from stpaul_bench.central_record import PASSWORD, ServerEnv, serve_in_thread
from stpaul_field.paths import AppPaths
from stpaul_field.server import logs
from stpaul_field.server.cli import main as server_main
from stpaul_field.server.retention import apply_server_retention
from stpaul_field.store import privacy
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Advisor, Beneficiary, OutboxEntry, Participation
from stpaul_field.store.outbox import APPLYING_REMOTE
from stpaul_field.store.search import search_beneficiaries
from stpaul_field.sync import protocol as p

PEOPLE = [
    ("Zéphyrine", "QUILLEVERT", "0692471358", "suivie pour son diabète par le Dr Kerbrat"),
    ("Anatole", "BOURDALOUE", "0693815264", "hébergé chez Mme Fontarabie"),
]
ADVISOR = ("Gwenaëlle", "TROUDUCAP")
OUTPUTS = "sorties-demandees"  # the two files the advisor and the coordinator asked for


def secrets_of_the_day(token: str) -> list[str]:
    words = [ADVISOR[0], ADVISOR[1], PASSWORD, token]
    for first, last, phone, note in PEOPLE:
        words += [first, last, phone, phone[2:], note, note.split()[-1]]
    return words


@pytest.fixture
def debug_logs(tmp_path: Path) -> Iterator[Path]:
    """The root logger (so httpx, uvicorn, alembic, the app's) and the server's JSON log at DEBUG,
    each to a file."""
    directory = tmp_path / "journaux"
    directory.mkdir()
    root = logging.getLogger()
    everything = logging.FileHandler(directory / "debug.log", encoding="utf-8")
    everything.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logs.configure("DEBUG")
    server_log = logging.FileHandler(directory / "serveur.jsonl", encoding="utf-8")
    server_log.setFormatter(logs.JsonFormatter())
    logs.log.handlers.append(server_log)
    old_level = root.level
    root.addHandler(everything)
    root.setLevel(logging.DEBUG)
    try:
        yield directory
    finally:
        root.removeHandler(everything)
        root.setLevel(old_level)
        logs.log.handlers.remove(server_log)
        everything.close()
        server_log.close()


def laptop_day(paths: AppPaths, outputs: Path, advisor_id: uuid.UUID) -> Store:
    store = Store.open(paths)
    with store.session() as s:
        # The advisor's record as a pull brings it after enrolment (not queued for sync).
        s.info[APPLYING_REMOTE] = True
        s.add(Advisor(id=advisor_id, first_name=ADVISOR[0], last_name=ADVISOR[1]))
    ids = []
    with store.session() as s:
        for first, last, phone, note in PEOPLE:
            person = Beneficiary(first_name=first, last_name=last, phone=phone, notes=note, gender="feminin")
            visit = Activity(
                type="individual",
                advisor_id=advisor_id,
                date=dt.date.today(),
                place_type="domicile",
                commune="Saint-Paul",
                themes=["prendre_en_main_du_materiel"],
                notes=f"{first} {last} : {note}",
            )
            s.add_all([person, visit])
            s.add(Participation(activity_id=visit.id, beneficiary_id=person.id, attended=True))
            ids.append(person.id)
    try:  # a failed unit of work, logged as the app's background helper logs it
        with store.session() as s:
            s.add(Beneficiary(id=ids[0], first_name=PEOPLE[0][0], last_name=PEOPLE[0][1], phone=PEOPLE[0][2]))
    except IntegrityError as error:
        logging.getLogger("stpaul_field.ui.tasks").error("store work failed", exc_info=error)
    else:
        raise AssertionError("a second person with the same id was accepted")
    with store.reader() as s:
        assert search_beneficiaries(s, "quillevert zéph")
        assert search_beneficiaries(s, PEOPLE[1][2])
        export = privacy.export_person(s, ids[0])
    (outputs / "acces-personne.json").write_text(repr(export), encoding="utf-8")
    with store.session() as s:
        privacy.erase_person(s, ids[1])
    store.backup_now()
    return store


def push_outbox(store: Store, url: str, token: str) -> int:
    with store.reader() as s:
        entries = list(s.query(OutboxEntry).order_by(OutboxEntry.seq))
    changes = [
        p.Change(
            op_id=e.op_id,
            entity=e.entity,  # type: ignore[arg-type]
            record_id=e.record_id,
            base_version=e.base_version,
            fields=e.fields,
            stamp=e.stamp,
        )
        for e in entries
    ]
    headers = {"authorization": f"Bearer {token}", "content-type": p.SYNC_MEDIA_TYPE}
    request = p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=changes, cursor=0)
    with httpx.Client(base_url=url, timeout=30) as client:
        r = client.post("/api/v1/sync", content=p.encode(request), headers=headers)
        assert r.status_code == 200, r.text
        response = p.decode(r.content, p.SyncResponse)
        assert {x.status for x in response.results} <= {"applied", "merged"}, response.results
        pull = p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), cursor=0)
        assert client.post("/api/v1/sync", content=p.encode(pull), headers=headers).status_code == 200
    return len(response.results)


def test_a_full_day_leaves_no_personal_data_in_logs_or_files(
    tmp_path: Path, debug_logs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = tmp_path / OUTPUTS
    outputs.mkdir()
    server_dir = tmp_path / "serveur"
    server_dir.mkdir()
    url = f"sqlite:///{server_dir / 'central-record.sqlite3'}"
    env = ServerEnv.start(url, log_level="DEBUG")
    live = serve_in_thread(env.app)
    try:
        advisor_id = env.advisor("Saint-Paul", "gwen", first_name=ADVISOR[0], last_name=ADVISOR[1])
        with httpx.Client(base_url=live.url, timeout=30) as client:
            wrong = client.post(
                "/api/v1/enrol", json={"login": "gwen", "password": "pas le bon", "device_name": "Poste"}
            )
            assert wrong.status_code == 401
            enrolled = client.post(
                "/api/v1/enrol",
                json={"login": "gwen", "password": PASSWORD, "device_name": "Poste de Mafate"},
            )
            token = p.EnrolResponse.model_validate_json(enrolled.content).token
        store = laptop_day(AppPaths.under(tmp_path / "poste"), outputs, advisor_id)
        try:
            assert push_outbox(store, live.url, token) >= 6
        finally:
            store.close()
        assert apply_server_retention(env.db, 2, dry_run=True).people == 0
    finally:
        live.stop()
        env.close()
    exported = outputs / "registre.jsonl"
    assert server_main(["export", "--database-url", url, "--output", str(exported)]) == 0
    assert "QUILLEVERT" in exported.read_text(encoding="utf-8")  # the export itself is complete
    assert "QUILLEVERT" in (outputs / "acces-personne.json").read_text(encoding="utf-8")
    for handler in logging.getLogger().handlers:
        handler.flush()

    captured = capsys.readouterr()
    scanned = {"sortie standard": (captured.out + captured.err).encode()}
    for path in sorted(tmp_path.rglob("*")):
        if not path.is_file() or OUTPUTS in path.parts:
            continue
        if path.parent == server_dir and path.name.startswith("central-record.sqlite3"):
            continue  # the central record itself
        scanned[str(path.relative_to(tmp_path))] = path.read_bytes()
    assert any(name.startswith("journaux") for name in scanned)
    assert (debug_logs / "debug.log").stat().st_size > 0  # the loggers did write
    assert any(name.startswith("poste/data/") for name in scanned)
    assert any(name.startswith("poste/backups/") for name in scanned)

    found = []
    for word in secrets_of_the_day(token):
        needles = {word.encode(), word.lower().encode(), word.upper().encode()}
        for name, content in scanned.items():
            if any(needle in content for needle in needles):
                found.append(f"{word!r} dans {name}")
    assert found == []
