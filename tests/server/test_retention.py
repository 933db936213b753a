"""Retention on the central record (SQLite and PostgreSQL): the laptops' rule, as server writes
that every laptop pulls."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from stpaul_bench.central_record import ServerEnv
from stpaul_field.domain.hlc import HybridClock, Stamp
from stpaul_field.server.admin import SERVER_NODE
from stpaul_field.server.cli import main as server_main
from stpaul_field.server.models import Journal, Record
from stpaul_field.server.retention import JOURNAL_OP, apply_server_retention
from stpaul_field.sync import protocol as p

TODAY = dt.date.today()
THREE_YEARS_AGO = TODAY - dt.timedelta(days=3 * 366)
LAST_MONTH = TODAY - dt.timedelta(days=30)


class Device:
    def __init__(self, env: ServerEnv, login: str) -> None:
        self.client = TestClient(env.app)
        self.token = env.enrol(login)
        self.clock = HybridClock(login)

    def sync(self, changes: list[p.Change], cursor: int) -> p.SyncResponse:
        request = p.SyncRequest(
            protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=changes, cursor=cursor
        )
        r = self.client.post(
            "/api/v1/sync",
            content=p.encode(request),
            headers={"authorization": f"Bearer {self.token}", "content-type": p.SYNC_MEDIA_TYPE},
        )
        assert r.status_code == 200, r.text
        return p.decode(r.content, p.SyncResponse)

    def change(self, entity: str, record_id: uuid.UUID, fields: dict[str, Any]) -> p.Change:
        stamp = self.clock.now().encode()
        return p.Change(
            op_id=uuid.uuid4(), entity=entity, record_id=record_id, base_version=0, fields=fields, stamp=stamp
        )  # type: ignore[arg-type]


def person_with_visit(
    device: Device, advisor_id: uuid.UUID, name: str, day: dt.date
) -> tuple[uuid.UUID, uuid.UUID, list[p.Change]]:
    person, visit = uuid.uuid4(), uuid.uuid4()
    created = dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC).isoformat()
    return (
        person,
        visit,
        [
            device.change(
                "beneficiary",
                person,
                {
                    "first_name": "Gilberte",
                    "last_name": name,
                    "phone": "0692987654",
                    "notes": f"{name} vit chez sa sœur",
                    "birth_year": 1948,
                    "gender": "feminin",
                    "commune": "Saint-Paul",
                    "created_at": created,
                },
            ),
            device.change(
                "activity",
                visit,
                {
                    "type": "individual",
                    "advisor_id": str(advisor_id),
                    "date": day.isoformat(),
                    "place_type": "domicile",
                    "commune": "Saint-Paul",
                    "themes": ["prendre_en_main_du_materiel"],
                    "notes": f"Mme {name} a perdu son mot de passe",
                    "created_at": created,
                },
            ),
            device.change(
                "participation",
                uuid.uuid4(),
                {"activity_id": str(visit), "beneficiary_id": str(person), "attended": True},
            ),
        ],
    )


@pytest.fixture
def record(server_env: ServerEnv) -> tuple[ServerEnv, Device, dict[str, uuid.UUID], int]:
    advisor_id = server_env.advisor("Saint-Paul", "marie")
    device = Device(server_env, "marie")
    idle, idle_visit, idle_changes = person_with_visit(device, advisor_id, "GRONDINOUBLI", THREE_YEARS_AGO)
    active, _, active_changes = person_with_visit(device, advisor_id, "HOARAUACTIVE", LAST_MONTH)
    resp = device.sync([*idle_changes, *active_changes], cursor=0)
    assert {r.status for r in resp.results} == {"applied"}, resp.results
    ids = {"idle": idle, "idle_visit": idle_visit, "active": active}
    return server_env, device, ids, resp.cursor


def _rows(env: ServerEnv) -> dict[tuple[str, uuid.UUID], tuple[int, dict]]:
    with env.db.session() as s:
        return {(r.entity, r.id): (r.seq, r.fields) for r in s.scalars(select(Record))}


def _journal(env: ServerEnv) -> list[Journal]:
    with env.db.session() as s:
        return list(s.scalars(select(Journal).order_by(Journal.id)))


def test_an_idle_person_is_anonymised_on_the_server_and_reaches_every_laptop(record) -> None:
    env, device, ids, cursor = record
    before = _rows(env)

    outcome = apply_server_retention(env.db, 2)

    assert (outcome.people, outcome.activities) == (1, 1)
    after = _rows(env)
    seq, person = after[("beneficiary", ids["idle"])]
    assert seq > before[("beneficiary", ids["idle"])][0]
    assert person["anonymous"] is True and person["last_name"] == person["first_name"] == ""
    assert person["phone"] == person["notes"] == "" and person["birth_year"] is None
    assert (person["gender"], person["commune"]) == ("feminin", "Saint-Paul")  # the figures hold
    assert after[("activity", ids["idle_visit"])][1]["notes"] == ""
    # The active person, and everything else, untouched.
    changed = {key for key in after if after[key] != before[key]}
    assert changed == {("beneficiary", ids["idle"]), ("activity", ids["idle_visit"])}

    # A laptop's next pull brings the anonymised records, with a higher version and the
    # server's stamp on the cleared fields.
    pulled = {(c.entity, c.record_id): c for c in device.sync([], cursor=cursor).changes}
    assert set(pulled) == changed
    state = pulled[("beneficiary", ids["idle"])]
    assert state.version == seq and state.fields["last_name"] == "" and state.fields["anonymous"] is True
    assert Stamp.decode(state.field_stamps["last_name"]).node == SERVER_NODE

    # Journaled as an anonymisation by no advisor, without a single value.
    journal = [j for j in _journal(env) if j.op == JOURNAL_OP]
    assert {(j.entity, j.record_id) for j in journal} == changed
    assert all(j.advisor_id is None and j.device_id is None for j in journal)
    assert {j.seq for j in journal} == set(outcome.seqs)
    text = repr([vars(j) for j in _journal(env)])
    for secret in ("GRONDINOUBLI", "HOARAUACTIVE", "Gilberte", "0692987654", "mot de passe"):
        assert secret not in text

    # Nothing left to do: a second run writes nothing.
    assert apply_server_retention(env.db, 2).people == 0
    assert _rows(env) == after


def test_a_dry_run_counts_and_changes_nothing(record) -> None:
    env, _, _, _ = record
    before, journal = _rows(env), len(_journal(env))
    outcome = apply_server_retention(env.db, 2, dry_run=True)
    assert (outcome.people, outcome.activities, outcome.seqs) == (1, 1, [])
    assert _rows(env) == before and len(_journal(env)) == journal


def test_a_longer_period_spares_the_idle_person_and_zero_years_is_refused(record) -> None:
    env, _, _, _ = record
    before = _rows(env)
    assert apply_server_retention(env.db, 5).people == 0
    with pytest.raises(ValueError, match="au moins un an"):
        apply_server_retention(env.db, 0)
    assert _rows(env) == before


def test_a_person_seen_again_while_the_scan_ran_is_left_for_the_next_run(record, monkeypatch) -> None:
    from stpaul_field.server import retention

    env, _, ids, _ = record
    advisor_id = env.advisor("Saint-Paul", "paul")
    real_plan = retention._plan

    def plan_then_visit(*args: Any) -> Any:
        plan = real_plan(*args)
        # A laptop records a new visit of the idle person between the scan and the writes.
        visit = uuid.uuid4()
        paul = Device(env, "paul")
        changes = person_with_visit(paul, advisor_id, "X", LAST_MONTH)[2][1:2]
        changes[0] = changes[0].model_copy(update={"record_id": visit})
        link = paul.change(
            "participation", uuid.uuid4(), {"activity_id": str(visit), "beneficiary_id": str(ids["idle"])}
        )
        assert {r.status for r in paul.sync([*changes, link], cursor=0).results} == {"applied"}
        return plan

    monkeypatch.setattr(retention, "_plan", plan_then_visit)
    outcome = apply_server_retention(env.db, 2)
    assert (outcome.people, outcome.left_for_next_run) == (0, 1)
    assert _rows(env)[("beneficiary", ids["idle"])][1]["last_name"] == "GRONDINOUBLI"


def test_retention_command(tmp_path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'record.sqlite3'}"
    env = ServerEnv.start(url)
    try:
        advisor_id = env.advisor("Saint-Paul", "marie")
        device = Device(env, "marie")
        device.sync(person_with_visit(device, advisor_id, "GRONDINOUBLI", THREE_YEARS_AGO)[2], cursor=0)
    finally:
        env.close()
    assert server_main(["retention", "--database-url", url, "--dry-run"]) == 0
    out = capsys.readouterr()
    assert "1 personne(s) sans activité depuis 2 ans seraient anonymisée(s)" in out.out
    assert "rien n'a été modifié" in out.out
    assert server_main(["retention", "--database-url", url, "--years", "0"]) == 1
    assert "au moins un an" in capsys.readouterr().err
    assert server_main(["retention", "--database-url", url]) == 0
    out = capsys.readouterr()
    assert "1 personne(s) sans activité depuis 2 ans anonymisée(s)" in out.out
    assert "GRONDINOUBLI" not in out.out + out.err  # counts only, never a name
    assert server_main(["retention", "--database-url", url]) == 0
    assert capsys.readouterr().out.startswith("0 personne(s)")


def test_writes_in_chunks_do_not_hold_back_the_next_chunk(server_env: ServerEnv, monkeypatch) -> None:
    from stpaul_field.server import retention

    advisor_id = server_env.advisor("Saint-Paul", "marie")
    device = Device(server_env, "marie")
    first, visit, changes = person_with_visit(device, advisor_id, "PREMIEROUBLI", THREE_YEARS_AGO)
    second = uuid.uuid4()
    changes += [
        device.change("beneficiary", second, {**changes[0].fields, "last_name": "SECONDOUBLI"}),
        device.change(
            "participation", uuid.uuid4(), {"activity_id": str(visit), "beneficiary_id": str(second)}
        ),
    ]
    assert {r.status for r in device.sync(changes, cursor=0).results} == {"applied"}
    monkeypatch.setattr(retention, "CHUNK", 1)
    # The first chunk clears the notes of the visit both people shared: the run's own write
    # must not count as "someone saw the second person meanwhile".
    outcome = apply_server_retention(server_env.db, 2)
    assert (outcome.people, outcome.left_for_next_run) == (2, 0)
    rows = _rows(server_env)
    assert rows[("beneficiary", first)][1]["last_name"] == rows[("beneficiary", second)][1]["last_name"] == ""
