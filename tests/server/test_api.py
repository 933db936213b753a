"""The central record's API, run against SQLite and PostgreSQL (the `server_env` fixture).

Enrolment, throttling, revoked tokens, every scope rule, malformed and oversized bodies,
idempotent replays, the per-field merge, pull pages and cursors, protocol versions.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from typing import Any

import pytest
import zstandard
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from stpaul_bench.central_record import PASSWORD, ServerEnv
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.domain.reference import reference_data
from stpaul_field.server.models import ConflictLog, Journal, Record
from stpaul_field.server.records import new_document
from stpaul_field.sync import protocol as p
from tests.sync_fixtures import AHEAD_MS

TEAM, OTHER_TEAM = "Saint-Paul", "Le Port"


class Laptop:
    """A device as the client engine drives the API: its token, its clock, its cursor."""

    def __init__(self, client: TestClient, token: str, node: str, wall: int | None = None) -> None:
        self.client = client
        self.token = token
        self.clock = HybridClock(node, wall=(lambda: wall) if wall is not None else lambda: 1_700_000_000_000)
        self.cursor = 0

    @property
    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}", "content-type": p.SYNC_MEDIA_TYPE}

    def change(self, entity: str, record_id: uuid.UUID, fields: dict[str, Any], base: int = 0) -> p.Change:
        return p.Change(
            op_id=uuid.uuid4(),
            entity=entity,  # type: ignore[arg-type]
            record_id=record_id,
            base_version=base,
            fields=fields,
            stamp=self.clock.now().encode(),
        )

    def post(self, request: p.SyncRequest) -> Any:
        return self.client.post("/api/v1/sync", content=p.encode(request), headers=self.headers)

    def push(
        self,
        changes: Iterable[p.Change],
        batch_id: uuid.UUID | None = None,
        cursor: int | None = None,
        page_size: int = p.DEFAULT_PAGE_SIZE,
    ) -> p.SyncResponse:
        request = p.SyncRequest(
            protocol=p.PROTOCOL_VERSION,
            batch_id=batch_id or uuid.uuid4(),
            changes=list(changes),
            cursor=self.cursor if cursor is None else cursor,
            page_size=page_size,
        )
        r = self.post(request)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == p.SYNC_MEDIA_TYPE
        return p.decode(r.content, p.SyncResponse)

    def pull_all(self, page_size: int = p.DEFAULT_PAGE_SIZE) -> dict[tuple[str, uuid.UUID], p.RecordState]:
        seen: dict[tuple[str, uuid.UUID], p.RecordState] = {}
        while True:
            resp = self.push([], page_size=page_size)
            for state in resp.changes:
                seen[(state.entity, state.record_id)] = state
            self.cursor = resp.cursor
            if not resp.more:
                return seen


def beneficiary(**fields: Any) -> dict[str, Any]:
    return {"first_name": "Hélène", "last_name": "Grondin", "phone": "0692123456", **fields}


def activity(advisor_id: uuid.UUID, **fields: Any) -> dict[str, Any]:
    return {
        "type": "individual",
        "advisor_id": str(advisor_id),
        "date": "2026-11-20",
        "place_type": "domicile",
        "commune": "Saint-Paul",
        "themes": ["prendre_en_main_du_materiel"],
        **fields,
    }


class World:
    """Two teams: a coordinator and two advisors in Saint-Paul, one advisor in Le Port."""

    def __init__(self, env: ServerEnv) -> None:
        self.env = env
        self.client = TestClient(env.app)
        self.coord_id = env.advisor(TEAM, "chloe", role="coordinator", first_name="Chloé", last_name="Hoarau")
        self.marie_id = env.advisor(TEAM, "marie", first_name="Marie", last_name="Payet")
        self.paul_id = env.advisor(TEAM, "paul", role="aidant_connect", first_name="Paul", last_name="Técher")
        self.other_id = env.advisor(OTHER_TEAM, "lea", first_name="Léa", last_name="Maillot")

    def laptop(self, login: str, node: str | None = None, wall: int | None = None) -> Laptop:
        return Laptop(self.client, self.env.enrol(login), node or login, wall)


@pytest.fixture
def world(server_env: ServerEnv) -> World:
    return World(server_env)


def _count(env: ServerEnv, model: Any) -> int:
    with env.db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _first_theme() -> str:
    from stpaul_field.domain.values import THEMES

    return THEMES.codes[0]


# ---- enrolment, authentication, throttling -------------------------------------------------


def test_enrolment_gives_a_token_that_authenticates_sync(world: World) -> None:
    body = p.EnrolRequest(login="  Marie ", password=PASSWORD, device_name="PC de Marie")
    r = world.client.post(
        "/api/v1/enrol", content=p.encode(body), headers={"content-type": p.SYNC_MEDIA_TYPE}
    )
    assert r.status_code == 200
    answer = p.decode(r.content, p.EnrolResponse)
    assert answer.advisor_id == world.marie_id
    assert answer.role == "conseiller_numerique" and answer.display_name == "Marie Payet"
    laptop = Laptop(world.client, answer.token, "m")
    states = laptop.pull_all()
    # The team's advisors and the shared reference venues, with the laptops' fixed ids.
    venue_ids = {uuid.UUID(v["id"]) for v in reference_data()["venues"]}
    assert {rid for (e, rid) in states if e == "venue"} == venue_ids
    assert {rid for (e, rid) in states if e == "advisor"} == {world.coord_id, world.marie_id, world.paul_id}


def test_the_server_keeps_only_a_hash_of_the_token(world: World) -> None:
    token = world.env.enrol("marie")
    with world.env.db.session() as s:
        stored = s.execute(text("SELECT token_hash FROM device")).scalars().all()
    assert stored and token not in stored and all(len(h) == 64 for h in stored)


def test_plain_json_bodies_are_answered_in_json(world: World) -> None:
    r = world.client.post("/api/v1/enrol", json={"login": "marie", "password": PASSWORD, "device_name": "PC"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    token = r.json()["token"]
    r = world.client.post(
        "/api/v1/sync",
        json={"protocol": p.PROTOCOL_VERSION, "batch_id": str(uuid.uuid4())},
        headers={"authorization": f"Bearer {token}"},
    )
    assert r.status_code == 200 and r.json()["cursor"] > 0


def test_a_wrong_password_or_login_is_refused_with_the_same_french_message(world: World) -> None:
    for login in ("marie", "personne"):
        r = world.client.post("/api/v1/enrol", json={"login": login, "password": "faux", "device_name": "PC"})
        assert r.status_code == 401
        assert r.json() == {"detail": "Identifiant ou mot de passe incorrect.", "code": "bad_login"}


def test_repeated_failed_logins_are_throttled_even_with_the_right_password(world: World) -> None:
    for _ in range(world.env.app.state.settings.login_max_failures):
        r = world.client.post(
            "/api/v1/enrol", json={"login": "marie", "password": "faux", "device_name": "PC"}
        )
        assert r.status_code == 401
    r = world.client.post("/api/v1/enrol", json={"login": "marie", "password": PASSWORD, "device_name": "PC"})
    assert r.status_code == 429
    assert "Trop de tentatives" in r.json()["detail"] and int(r.headers["retry-after"]) > 0
    # Another login is not locked by Marie's failures.
    r = world.client.post("/api/v1/enrol", json={"login": "paul", "password": PASSWORD, "device_name": "PC"})
    assert r.status_code == 200


def test_a_missing_or_unknown_token_is_refused(world: World) -> None:
    request = p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4())
    for headers in ({}, {"authorization": "Bearer inconnu"}, {"authorization": "Basic xyz"}):
        r = world.client.post(
            "/api/v1/sync", content=p.encode(request), headers={"content-type": p.SYNC_MEDIA_TYPE, **headers}
        )
        assert r.status_code == 401
        assert r.json()["code"] == "not_enrolled" and "inscrivez" in r.json()["detail"]


def test_a_revoked_device_is_refused_at_its_next_request(world: World) -> None:
    lost = world.laptop("marie")
    kept = world.laptop("marie", node="marie2")
    coordinator = world.laptop("chloe")
    listed = world.client.get(
        "/api/v1/devices", headers={"authorization": f"Bearer {coordinator.token}"}
    ).json()
    assert len(listed) == 3
    lost_id = next(d["id"] for d in listed if d["login"] == "marie")
    r = world.client.post(
        f"/api/v1/devices/{lost_id}/revoke", headers={"authorization": f"Bearer {coordinator.token}"}
    )
    assert r.status_code == 200 and r.json()["revoked_at"]
    r = lost.post(p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4()))
    assert r.status_code == 401
    assert r.json()["code"] == "device_revoked" and "révoqué" in r.json()["detail"]
    # Only that laptop: Marie's other laptop still syncs.
    kept.push([])


def test_only_a_coordinator_lists_and_revokes_devices_and_only_in_their_team(world: World) -> None:
    marie = world.laptop("marie")
    auth = {"authorization": f"Bearer {marie.token}"}
    assert world.client.get("/api/v1/devices", headers=auth).status_code == 403
    other = world.laptop("lea")
    with world.env.db.session() as s:
        other_device = s.execute(text("SELECT id FROM device ORDER BY created_at DESC")).scalars().first()
    coordinator = world.laptop("chloe")
    coord_auth = {"authorization": f"Bearer {coordinator.token}"}
    assert all(d["login"] != "lea" for d in world.client.get("/api/v1/devices", headers=coord_auth).json())
    r = world.client.post(f"/api/v1/devices/{uuid.UUID(str(other_device))}/revoke", headers=coord_auth)
    assert r.status_code == 404
    other.push([])  # still working


def test_a_disabled_advisor_is_refused(world: World) -> None:
    marie = world.laptop("marie")
    coordinator = world.laptop("chloe")
    resp = coordinator.push([coordinator.change("advisor", world.marie_id, {"active": False}, base=10**6)])
    assert resp.results[0].status == "applied"
    r = marie.post(p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4()))
    assert r.status_code == 403 and r.json()["code"] == "account_disabled"
    r = world.client.post("/api/v1/enrol", json={"login": "marie", "password": PASSWORD, "device_name": "PC"})
    assert r.status_code == 403


def test_a_coordinator_creates_an_advisor_account_who_can_then_enrol(world: World) -> None:
    coordinator = world.laptop("chloe")
    auth = {"authorization": f"Bearer {coordinator.token}"}
    body = {
        "login": "nadia",
        "password": "un mot de passe solide",
        "first_name": "Nadia",
        "last_name": "Boyer",
    }
    r = world.client.post("/api/v1/advisors", json=body, headers=auth)
    assert r.status_code == 201
    assert world.env.enrol("nadia", "un mot de passe solide")
    r = world.client.post(
        "/api/v1/advisors", json={**body, "login": "nadia2", "password": "court"}, headers=auth
    )
    assert r.status_code == 422 and "au moins" in r.json()["detail"]
    r = world.client.post("/api/v1/advisors", json={**body, "login": "nadia3", "admin": True}, headers=auth)
    assert r.status_code == 422 and r.json()["detail"].startswith("Requête invalide") and "admin" in r.text
    marie = world.laptop("marie")
    r = world.client.post(
        "/api/v1/advisors", json={**body, "login": "x"}, headers={"authorization": f"Bearer {marie.token}"}
    )
    assert r.status_code == 403


# ---- scope -----------------------------------------------------------------------------------


def test_a_device_reads_only_its_team_and_the_shared_venues(world: World) -> None:
    marie, lea = world.laptop("marie"), world.laptop("lea")
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    assert marie.push([marie.change("beneficiary", mine, beneficiary())]).results[0].status == "applied"
    assert lea.push([lea.change("beneficiary", theirs, beneficiary())]).results[0].status == "applied"
    seen_by_marie = world.laptop("paul").pull_all()
    assert ("beneficiary", mine) in seen_by_marie and ("beneficiary", theirs) not in seen_by_marie
    assert ("advisor", world.other_id) not in seen_by_marie
    seen_by_lea = world.laptop("lea", node="lea2").pull_all()
    assert ("beneficiary", theirs) in seen_by_lea and ("beneficiary", mine) not in seen_by_lea
    assert sum(e == "venue" for e, _ in seen_by_lea) == len(reference_data()["venues"])


def test_another_teams_record_cannot_be_written(world: World) -> None:
    lea, marie = world.laptop("lea"), world.laptop("marie")
    theirs = uuid.uuid4()
    lea.push([lea.change("beneficiary", theirs, beneficiary())])
    result = marie.push([marie.change("beneficiary", theirs, {"notes": "x"}, base=10**6)]).results[0]
    assert result.status == "rejected" and "équipe" in (result.reason or "")
    with world.env.db.session() as s:
        assert s.get(Record, ("beneficiary", theirs)).fields["notes"] == ""


def test_beneficiaries_are_shared_in_the_team(world: World) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    b = uuid.uuid4()
    version = marie.push([marie.change("beneficiary", b, beneficiary())]).results[0].version
    result = paul.push(
        [paul.change("beneficiary", b, {"notes": "Revient jeudi"}, base=version or 0)]
    ).results[0]
    assert result.status == "applied"


def test_an_advisor_writes_only_the_activities_they_lead_or_co_lead(world: World) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    own, colleague_s, led_for_other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    results = marie.push(
        [
            marie.change("activity", own, activity(world.marie_id)),
            marie.change("activity", led_for_other, activity(world.paul_id)),
        ]
    ).results
    assert results[0].status == "applied"
    assert results[1].status == "rejected" and "animez" in (results[1].reason or "")
    paul.push([paul.change("activity", colleague_s, activity(world.paul_id))])
    result = marie.push([marie.change("activity", colleague_s, {"notes": "x"}, base=10**6)]).results[0]
    assert result.status == "rejected"
    # A workshop Paul leads and Marie co-leads: Marie may edit it.
    workshop = uuid.uuid4()
    fields = activity(
        world.paul_id,
        type="workshop",
        title="Premiers pas",
        anon_total=3,
        co_advisor_ids=[str(world.marie_id)],
    )
    assert paul.push([paul.change("activity", workshop, fields)]).results[0].status == "applied"
    result = marie.push(
        [marie.change("activity", workshop, {"title": "Premiers pas (2)"}, base=10**6)]
    ).results[0]
    assert result.status == "applied"
    # Handing her own activity to a colleague without staying on it is refused.
    result = marie.push(
        [marie.change("activity", own, {"advisor_id": str(world.paul_id)}, base=10**6)]
    ).results[0]
    assert result.status == "rejected"
    # An advisor of another team cannot lead an activity of this team.
    result = marie.push(
        [
            marie.change(
                "activity",
                uuid.uuid4(),
                activity(
                    world.marie_id,
                    type="workshop",
                    title="T",
                    anon_total=1,
                    co_advisor_ids=[str(world.other_id)],
                ),
            )
        ]
    ).results[0]
    assert result.status == "rejected" and "inconnu" in (result.reason or "")


def test_participations_follow_their_activity(world: World) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    b, mine, theirs = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    paul.push([paul.change("activity", theirs, activity(world.paul_id))])
    results = marie.push(
        [
            marie.change("beneficiary", b, beneficiary()),
            marie.change("activity", mine, activity(world.marie_id)),
            marie.change("participation", uuid.uuid4(), {"activity_id": str(mine), "beneficiary_id": str(b)}),
            marie.change(
                "participation", uuid.uuid4(), {"activity_id": str(theirs), "beneficiary_id": str(b)}
            ),
            marie.change(
                "participation", uuid.uuid4(), {"activity_id": str(mine), "beneficiary_id": str(uuid.uuid4())}
            ),
            marie.change(
                "participation", uuid.uuid4(), {"activity_id": str(uuid.uuid4()), "beneficiary_id": str(b)}
            ),
        ]
    ).results
    assert [r.status for r in results] == [
        "applied",
        "applied",
        "applied",
        "rejected",
        "rejected",
        "rejected",
    ]
    assert "Bénéficiaire inconnu" in (results[4].reason or "")
    assert "Activité inconnue" in (results[5].reason or "")


def test_venues_and_advisors_are_written_by_a_coordinator_only(world: World) -> None:
    marie, coordinator = world.laptop("marie"), world.laptop("chloe")
    venue = {
        "name": "Médiathèque de Plateau Caillou",
        "kind": "espace_numerique",
        "bassin": "plateau_caillou",
    }
    advisor = {"first_name": "Nadia", "last_name": "Boyer", "role": "conseiller_numerique"}
    results = marie.push(
        [
            marie.change("venue", uuid.uuid4(), venue),
            marie.change("advisor", uuid.uuid4(), advisor),
            marie.change("advisor", world.marie_id, {"role": "coordinator"}, base=10**6),
        ]
    ).results
    assert [r.status for r in results] == ["rejected"] * 3
    assert "coordinateur" in (results[0].reason or "")
    new_venue, new_advisor = uuid.uuid4(), uuid.uuid4()
    results = coordinator.push(
        [
            coordinator.change("venue", new_venue, venue),
            coordinator.change("advisor", new_advisor, advisor),
            coordinator.change("advisor", uuid.uuid4(), {**advisor, "team_id": str(uuid.uuid4())}),
        ]
    ).results
    assert [r.status for r in results] == ["applied", "applied", "rejected"]
    seen = world.laptop("paul").pull_all()
    assert seen[("advisor", new_advisor)].fields["team_id"] == str(world.env.teams[TEAM])
    assert ("venue", new_venue) in seen
    assert ("venue", new_venue) not in world.laptop("lea").pull_all()


def test_reference_venue_edited_by_a_coordinator_reaches_every_laptop(world: World) -> None:
    coordinator = world.laptop("chloe")
    marla = uuid.UUID(reference_data()["venues"][0]["id"])
    # The laptop has the shipped venues since its first start, never pulled: base version 0.
    result = coordinator.push([coordinator.change("venue", marla, {"address": "Îlet de Marla"}, base=0)])
    assert result.results[0].status == "applied" and not result.results[0].conflicts
    assert world.laptop("lea").pull_all()[("venue", marla)].fields["address"] == "Îlet de Marla"


# ---- validation and malformed input ---------------------------------------------------------


def test_one_invalid_record_is_rejected_in_french_and_the_rest_applied(world: World) -> None:
    marie = world.laptop("marie")
    good, bad, typed, unknown = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    results = marie.push(
        [
            marie.change("beneficiary", good, beneficiary()),
            marie.change("beneficiary", bad, beneficiary(last_name="", phone="12")),
            marie.change("beneficiary", typed, beneficiary(birth_year="1950")),
            marie.change("beneficiary", unknown, beneficiary(shoe_size=42)),
            marie.change("activity", uuid.uuid4(), activity(world.marie_id, themes=[])),
            marie.change("activity", uuid.uuid4(), {"type": "individual"}),
        ]
    ).results
    assert [r.status for r in results] == [
        "applied",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
    ]
    assert "Le nom est obligatoire." in (results[1].reason or "")
    assert "Numéro de téléphone invalide" in (results[1].reason or "")
    assert "birth_year" in (results[2].reason or "")
    assert "Champ inconnu : shoe_size" in (results[3].reason or "")
    assert "thématique" in (results[4].reason or "")
    assert "manquant" in (results[5].reason or "")
    with world.env.db.session() as s:
        assert (
            s.get(Record, ("beneficiary", bad)) is None and s.get(Record, ("beneficiary", good)) is not None
        )


def test_a_laptop_on_the_previous_version_pushing_a_former_code_is_translated_not_refused(
    world: World,
) -> None:
    # Codes renamed to the Coop's (domain.values, `former`): a laptop not yet updated still sends
    # the old spelling; the record takes the current one and the laptop is sent it back.
    marie = world.laptop("marie")
    person, help_ = uuid.uuid4(), uuid.uuid4()
    old_activity = activity(
        world.marie_id,
        themes=["gerer_ses_contenus_numeriques"],
        redirected=True,
        redirect_structure="operateur_demarche",
    )
    results = marie.push(
        [
            marie.change("beneficiary", person, beneficiary(age_band="plus_de_70")),
            marie.change("activity", help_, old_activity),
        ]
    ).results
    assert [r.status for r in results] == ["applied", "applied"]
    with world.env.db.session() as s:
        stored = s.get(Record, ("beneficiary", person))
        done = s.get(Record, ("activity", help_))
        assert stored is not None and stored.fields["age_band"] == "soixante_dix_plus"
        assert done is not None and done.fields["themes"] == ["gere_ses_contenus_numeriques"]
        assert done.fields["redirect_structure"] == "operateur_ou_organisme_en_charge"
    pulled = marie.pull_all()
    assert pulled[("beneficiary", person)].fields["age_band"] == "soixante_dix_plus"


def test_a_deletion_is_a_tombstone_that_syncs(world: World) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    b = uuid.uuid4()
    version = marie.push([marie.change("beneficiary", b, beneficiary())]).results[0].version or 0
    paul.pull_all()
    deleted_at = dt.datetime(2026, 11, 21, 8, tzinfo=dt.UTC).isoformat()
    result = marie.push([marie.change("beneficiary", b, {"deleted_at": deleted_at}, base=version)]).results[0]
    assert result.status == "applied"
    state = paul.pull_all()[("beneficiary", b)]
    assert state.fields["deleted_at"] == deleted_at and state.version == result.version
    with world.env.db.session() as s:
        ops = s.scalars(select(Journal.op).where(Journal.record_id == b).order_by(Journal.id)).all()
    assert ops == ["create", "delete"]


def _raw_sync(world: World, token: str, body: bytes, content_type: str = p.SYNC_MEDIA_TYPE) -> Any:
    return world.client.post(
        "/api/v1/sync",
        content=body,
        headers={"authorization": f"Bearer {token}", "content-type": content_type},
    )


def test_malformed_bodies_are_refused_with_a_reason(world: World) -> None:
    token = world.env.enrol("marie")
    good = {"protocol": p.PROTOCOL_VERSION, "batch_id": str(uuid.uuid4())}
    z = zstandard.ZstdCompressor().compress
    cases = [
        (b"pas du zstd", p.SYNC_MEDIA_TYPE, 400),
        (z(b"{pas du json"), p.SYNC_MEDIA_TYPE, 400),
        (z(b"[" * 100_000 + b"]" * 100_000), p.SYNC_MEDIA_TYPE, 400),  # too deep for any parser
        (z(json.dumps({**good, "inconnu": 1}).encode()), p.SYNC_MEDIA_TYPE, 422),
        (z(json.dumps({**good, "cursor": "loin"}).encode()), p.SYNC_MEDIA_TYPE, 422),
        (z(json.dumps({**good, "cursor": -1}).encode()), p.SYNC_MEDIA_TYPE, 422),
        (z(json.dumps({**good, "page_size": 10**6}).encode()), p.SYNC_MEDIA_TYPE, 422),
        (z(json.dumps([1, 2]).encode()), p.SYNC_MEDIA_TYPE, 422),
        (json.dumps(good).encode(), "text/plain", 415),
    ]
    for body, content_type, status in cases:
        r = _raw_sync(world, token, body, content_type)
        assert r.status_code == status, (body[:40], r.text)
        assert r.json()["detail"] and r.json()["code"]


def test_lists_and_strings_beyond_the_protocol_limits_are_refused(world: World) -> None:
    token = world.env.enrol("marie")
    change = {
        "op_id": str(uuid.uuid4()),
        "entity": "beneficiary",
        "record_id": str(uuid.uuid4()),
        "base_version": 0,
        "fields": {},
        "stamp": "0" * 81,
    }
    too_many = {
        "protocol": 1,
        "batch_id": str(uuid.uuid4()),
        "changes": [change] * (p.MAX_CHANGES_PER_BATCH + 1),
    }
    r = world.client.post("/api/v1/sync", json=too_many, headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 422 and "changes" in r.json()["detail"]
    wide = {**change, "stamp": "1", "fields": {f"f{i}": 1 for i in range(p.MAX_FIELDS_PER_CHANGE + 1)}}
    r = world.client.post(
        "/api/v1/sync",
        json={"protocol": 1, "batch_id": str(uuid.uuid4()), "changes": [wide]},
        headers={"authorization": f"Bearer {token}"},
    )
    assert r.status_code == 422
    # A string field longer than its column: a per-operation refusal.
    marie = Laptop(world.client, token, "m")
    result = marie.push(
        [marie.change("beneficiary", uuid.uuid4(), beneficiary(first_name="x" * 101))]
    ).results[0]
    assert result.status == "rejected" and "100 caractères" in (result.reason or "")


def test_oversized_bodies_are_refused_before_being_read(world: World) -> None:
    token = world.env.enrol("marie")
    limit = world.env.app.state.settings.max_request_bytes
    r = _raw_sync(world, token, b"\0" * (limit + 1))
    assert r.status_code == 413 and "volumineux" in r.json()["detail"]
    # A small body that decompresses past the protocol's bound (a zip bomb) is refused too.
    bomb = zstandard.ZstdCompressor().compress(b" " * (p.MAX_BODY_BYTES + 1))
    assert len(bomb) < 10_000
    r = _raw_sync(world, token, bomb)
    assert r.status_code == 400


def test_protocols_outside_the_supported_range_get_426_in_french(world: World) -> None:
    token = world.env.enrol("marie")
    for version, code in (
        (p.MIN_PROTOCOL_VERSION - 1, "protocol_too_old"),
        (p.PROTOCOL_VERSION + 1, "protocol_too_new"),
    ):
        body = p.encode(p.SyncRequest(protocol=version, batch_id=uuid.uuid4()))
        r = _raw_sync(world, token, body)
        assert r.status_code == 426 and r.json()["code"] == code
        assert "mise à jour" in r.json()["detail"] or "à jour" in r.json()["detail"]
    # An old client's body that no longer fits today's messages still gets the 426, not a 422.
    old = zstandard.ZstdCompressor().compress(json.dumps({"protocol": 0, "ops": []}).encode())
    assert _raw_sync(world, token, old).status_code == 426
    r = world.client.post(
        "/api/v1/enrol", json={"login": "marie", "password": PASSWORD, "device_name": "PC", "protocol": 0}
    )
    assert r.status_code == 426


# ---- idempotency -----------------------------------------------------------------------------


def test_a_replayed_batch_answers_as_the_first_time_and_applies_nothing(world: World) -> None:
    marie = world.laptop("marie")
    b = uuid.uuid4()
    batch_id = uuid.uuid4()
    changes = [
        marie.change("beneficiary", b, beneficiary()),
        marie.change("beneficiary", b, {"notes": "2e passage"}),
        marie.change("beneficiary", uuid.uuid4(), beneficiary(last_name="")),
    ]
    first = marie.push(changes, batch_id=batch_id)
    journal, seq_before = _count(world.env, Journal), _max_seq(world.env)
    again = marie.push(changes, batch_id=batch_id)
    assert again.results == first.results
    assert [r.status for r in first.results] == ["applied", "applied", "rejected"]
    assert _count(world.env, Journal) == journal and _max_seq(world.env) == seq_before
    # The same operations in a new batch (the client re-batched after a lost answer): duplicates.
    third = marie.push(changes[:2], batch_id=uuid.uuid4())
    assert [(r.status, r.version) for r in third.results] == [
        ("duplicate", first.results[0].version),
        ("duplicate", first.results[1].version),
    ]
    assert _count(world.env, Journal) == journal


def test_operations_pushed_again_in_a_new_batch_answer_their_first_results(world: World) -> None:
    """A laptop whose answer was lost sends the same operations in another batch: each is a
    duplicate with its first result's version and conflicts — never a version the laptop
    does not hold (Paul's notes merged in), and the conflict it lost is still told (issue 16)."""
    marie = world.laptop("marie", wall=1_700_000_000_000)
    paul = world.laptop("paul", wall=1_700_000_000_000 - 3_600_000)
    b = uuid.uuid4()
    base = marie.push([marie.change("beneficiary", b, beneficiary())]).results[0].version or 0
    marie.push([marie.change("beneficiary", b, {"notes": "version de Marie", "email": "m@x.re"}, base=base)])
    early = paul.change("beneficiary", b, {"notes": "version de Paul", "commune": "La Saline"}, base=base)
    first = paul.push([early]).results[0]
    assert first.status == "merged" and first.version is None and first.conflicts  # Marie's e-mail
    again = paul.push([early], batch_id=uuid.uuid4()).results[0]
    assert (again.status, again.version, again.conflicts) == ("duplicate", None, first.conflicts)
    # One that held gets its version again, as the first time.
    mine = marie.change("beneficiary", b, {"phone": "0692123456"}, base=_max_seq(world.env))
    held = marie.push([mine]).results[0]
    assert held.version is not None
    assert marie.push([mine], batch_id=uuid.uuid4()).results[0].version == held.version


def test_a_batch_id_of_another_device_is_refused(world: World) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    batch_id = uuid.uuid4()
    marie.push([marie.change("beneficiary", uuid.uuid4(), beneficiary())], batch_id=batch_id)
    r = paul.post(
        p.SyncRequest(
            protocol=1, batch_id=batch_id, changes=[paul.change("beneficiary", uuid.uuid4(), beneficiary())]
        )
    )
    assert r.status_code == 409


def _max_seq(env: ServerEnv) -> int:
    with env.db.session() as s:
        return s.scalar(select(func.max(Record.seq))) or 0


# ---- merge -------------------------------------------------------------------------------


def test_different_fields_changed_on_two_laptops_both_survive(world: World) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    b = uuid.uuid4()
    base = marie.push([marie.change("beneficiary", b, beneficiary())]).results[0].version or 0
    r1 = marie.push([marie.change("beneficiary", b, {"notes": "Rappeler"}, base=base)]).results[0]
    r2 = paul.push([paul.change("beneficiary", b, {"email": "helene@example.re"}, base=base)]).results[0]
    assert (r1.status, r2.status) == ("applied", "applied") and not r2.conflicts
    state = world.laptop("chloe").pull_all()[("beneficiary", b)]
    assert state.fields["notes"] == "Rappeler" and state.fields["email"] == "helene@example.re"
    # Marie holds her write's state, so she is given its version; Paul is not given the merged
    # one: he has not seen Marie's notes, and an edit based on it would overwrite them unseen
    # (issue 16). The merged state comes back to him in his pull instead.
    assert r1.version == base + 1 and r2.version is None
    assert state.version > (r1.version or 0)


def test_the_same_field_changed_on_two_laptops_is_a_conflict_won_by_the_later_stamp(world: World) -> None:
    # Paul's laptop clock is an hour behind: his later edit still wins by the HLC once he has
    # seen Marie's stamp, but here he has not, so the earlier wall time loses whatever the order.
    marie = world.laptop("marie", wall=1_700_000_000_000)
    paul = world.laptop("paul", wall=1_700_000_000_000 - 3_600_000)
    b = uuid.uuid4()
    base = marie.push([marie.change("beneficiary", b, beneficiary())]).results[0].version or 0
    early = paul.change("beneficiary", b, {"notes": "version de Paul", "commune": "La Saline"}, base=base)
    late = marie.change("beneficiary", b, {"notes": "version de Marie"}, base=base)
    assert marie.push([late]).results[0].status == "applied"
    result = paul.push([early]).results[0]
    assert result.status == "merged"
    assert [c.model_dump() for c in result.conflicts] == [
        {"field": "notes", "kept": "version de Marie", "lost": "version de Paul", "lost_is_mine": True}
    ]
    state = world.laptop("chloe").pull_all()[("beneficiary", b)]
    assert state.fields["notes"] == "version de Marie" and state.fields["commune"] == "La Saline"
    with world.env.db.session() as s:
        logged = s.scalars(select(ConflictLog)).all()
    assert [(c.field, c.kept, c.lost) for c in logged] == [("notes", "version de Marie", "version de Paul")]


def test_a_later_stamp_pushed_second_wins_and_says_the_other_value_lost(world: World) -> None:
    marie = world.laptop("marie", wall=1_700_000_000_000)
    paul = world.laptop("paul", wall=1_700_000_000_000 + 60_000)
    b = uuid.uuid4()
    base = marie.push([marie.change("beneficiary", b, beneficiary())]).results[0].version or 0
    marie.push([marie.change("beneficiary", b, {"notes": "Marie"}, base=base)])
    result = paul.push([paul.change("beneficiary", b, {"notes": "Paul"}, base=base)]).results[0]
    assert result.status == "merged"
    assert result.conflicts[0].kept == "Paul" and result.conflicts[0].lost == "Marie"
    assert not result.conflicts[0].lost_is_mine


def test_a_laptop_editing_its_own_unacknowledged_write_is_not_a_conflict(world: World) -> None:
    marie = world.laptop("marie")
    b = uuid.uuid4()
    marie.push([marie.change("beneficiary", b, beneficiary())])
    # The outbox still says base 0 for an edit made before the first answer came back.
    result = marie.push([marie.change("beneficiary", b, {"notes": "ajout"}, base=0)]).results[0]
    assert result.status == "applied" and not result.conflicts


def test_two_laptops_whose_clocks_share_a_node_name_still_conflict(world: World) -> None:
    # The HLC node is chosen by the laptop: the server tells devices apart by their token.
    marie, paul = world.laptop("marie", node="meme-noeud"), world.laptop("paul", node="meme-noeud")
    b = uuid.uuid4()
    base = marie.push([marie.change("beneficiary", b, beneficiary())]).results[0].version or 0
    marie.push([marie.change("beneficiary", b, {"notes": "Marie"}, base=base)])
    result = paul.push([paul.change("beneficiary", b, {"notes": "Paul"}, base=base)]).results[0]
    assert result.status == "merged" and result.conflicts[0].field == "notes"


def test_a_merge_that_breaks_a_rule_is_rejected(world: World) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    b = uuid.uuid4()
    consent = dt.datetime(2026, 11, 2, tzinfo=dt.UTC).isoformat()
    base = (
        marie.push([marie.change("beneficiary", b, beneficiary(consent_at=consent))]).results[0].version or 0
    )
    marie.push([marie.change("beneficiary", b, {"consent_at": None}, base=base)])
    # Paul, not having seen the consent withdrawn, records a disability: refused on the merged record.
    result = paul.push([paul.change("beneficiary", b, {"disability": True}, base=base)]).results[0]
    assert result.status == "rejected" and "consentement" in (result.reason or "")


# ---- pull --------------------------------------------------------------------------------


def test_pull_pages_are_ordered_bounded_and_skip_nothing(world: World) -> None:
    marie = world.laptop("marie")
    ids = [uuid.uuid4() for _ in range(25)]
    marie.push([marie.change("beneficiary", i, beneficiary()) for i in ids])
    reader = world.laptop("paul")
    pages, seqs = [], []
    while True:
        resp = reader.push([], page_size=7)
        pages.append(len(resp.changes))
        seqs.extend(state.seq for state in resp.changes)
        assert resp.changes == [] or resp.cursor == resp.changes[-1].seq
        reader.cursor = resp.cursor
        if not resp.more:
            break
    assert max(pages) == 7 and seqs == sorted(seqs) and len(seqs) == len(set(seqs))
    assert sum(pages) == len(reference_data()["venues"]) + 3 + 25  # venues, advisors, beneficiaries
    # Nothing after the final cursor; one edit later, exactly that record.
    assert reader.push([]).changes == []
    version = _max_seq(world.env)
    marie.push([marie.change("beneficiary", ids[3], {"notes": "x"}, base=version)])
    assert [s.record_id for s in reader.push([]).changes] == [ids[3]]


def test_own_clean_writes_are_not_echoed_but_reach_the_others(world: World) -> None:
    marie = world.laptop("marie")
    marie.pull_all()
    full, partial = uuid.uuid4(), uuid.uuid4()
    # A new record with every field, as the outbox sends it: the laptop already holds that state.
    every_field = {**new_document("beneficiary", dt.datetime.now(dt.UTC)), **beneficiary()}
    resp = marie.push([marie.change("beneficiary", full, every_field)])
    assert resp.changes == [] and resp.cursor == resp.results[0].version
    marie.cursor = resp.cursor
    # Fields the server filled in with defaults come back.
    resp = marie.push([marie.change("beneficiary", partial, beneficiary())])
    assert [s.record_id for s in resp.changes] == [partial]
    assert {("beneficiary", full), ("beneficiary", partial)} <= set(world.laptop("paul").pull_all())


def test_merged_writes_are_sent_back_to_their_author(world: World) -> None:
    marie, paul = world.laptop("marie", wall=AHEAD_MS), world.laptop("paul")
    b = uuid.uuid4()
    base = marie.push([marie.change("beneficiary", b, beneficiary())]).results[0].version or 0
    marie.push([marie.change("beneficiary", b, {"email": "h@example.re"}, base=base)])
    paul.cursor = base
    resp = paul.push([paul.change("beneficiary", b, {"notes": "Paul"}, base=base)])
    assert resp.results[0].status == "applied"
    # Paul did not have Marie's e-mail: the merged record comes back to him.
    assert [(s.record_id, s.fields["email"], s.fields["notes"]) for s in resp.changes] == [
        (b, "h@example.re", "Paul")
    ]


# ---- journal, service endpoints ------------------------------------------------------------


def test_every_accepted_write_is_journaled_without_personal_data(world: World) -> None:
    marie = world.laptop("marie")
    b = uuid.uuid4()
    marie.push([marie.change("beneficiary", b, beneficiary(notes="Secret médical"))])
    with world.env.db.session() as s:
        rows = s.scalars(select(Journal).where(Journal.entity == "beneficiary")).all()
        dumped = " ".join(str(v) for r in rows for v in vars(r).values())
    assert [(r.op, r.record_id, r.advisor_id) for r in rows] == [("create", b, world.marie_id)]
    assert rows[0].device_id is not None and rows[0].op_id is not None
    for secret in ("Hélène", "Grondin", "0692123456", "Secret"):
        assert secret not in dumped


def test_the_journal_is_append_only(world: World) -> None:
    world.laptop("marie")
    for statement in ("UPDATE journal SET op = 'x'", "DELETE FROM journal"):
        with pytest.raises(Exception, match="append-only"), world.env.db.writer(sequenced=False) as s:
            s.execute(text(statement))


def test_health_openapi_and_security_headers(world: World) -> None:
    r = world.client.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    schema = world.client.get("/openapi.json").json()
    assert {"/api/v1/enrol", "/api/v1/sync", "/health", "/api/v1/devices"} <= set(schema["paths"])
    assert world.client.get("/docs").status_code == 200
    # No CORS: a browser on another origin gets no permission.
    r = world.client.options(
        "/api/v1/sync", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}
    )
    assert "access-control-allow-origin" not in r.headers
    r = world.client.get("/nulle-part")
    assert r.status_code == 404 and r.json()["detail"] == "Adresse inconnue sur ce serveur."


def test_a_cursor_ahead_of_the_record_asks_for_a_full_resync(world: World) -> None:
    # The record was restored from an older backup: the laptop's cursor is from its future.
    marie = world.laptop("marie")
    resp = marie.push([], cursor=_max_seq(world.env) + 1000)
    assert resp.resync_required and resp.cursor == 0 and resp.changes == []
    assert not marie.push([], cursor=_max_seq(world.env)).resync_required


def test_logs_carry_no_personal_data(world: World, caplog: pytest.LogCaptureFixture) -> None:
    from stpaul_field.server.logs import LOGGER_NAME, JsonFormatter

    caplog.set_level("INFO", logger=LOGGER_NAME)
    world.client.post(
        "/api/v1/enrol", json={"login": "marie", "password": "mauvais-secret", "device_name": "PC"}
    )
    marie = world.laptop("marie")
    marie.push([marie.change("beneficiary", uuid.uuid4(), beneficiary(notes="Suivi psychiatrique"))])
    marie.push([marie.change("beneficiary", uuid.uuid4(), beneficiary(last_name=""))])
    lines = [JsonFormatter().format(record) for record in caplog.records]
    assert any('"path": "/api/v1/sync"' in line and '"status": 200' in line for line in lines)
    text_of_logs = "\n".join(lines)
    for secret in (
        "marie",
        "mauvais-secret",
        PASSWORD,
        "Hélène",
        "Grondin",
        "0692123456",
        "psychiatrique",
        "testclient",
        marie.token,
    ):
        assert secret not in text_of_logs


def test_the_spliced_pull_page_is_the_protocols_sync_response(world: World) -> None:
    from stpaul_field.server.auth import authenticate
    from stpaul_field.server.exchange import answer

    marie = world.laptop("marie")
    notes = 'guillemets " et \\\\ et « é »'
    marie.push([marie.change("beneficiary", uuid.uuid4(), beneficiary(notes=notes))])
    caller = authenticate(world.env.db, f"Bearer {marie.token}")
    result = answer(world.env.db, caller, p.SyncRequest(protocol=1, batch_id=uuid.uuid4(), page_size=5))
    assert result.page.more and len(result.page.rows) == 5
    assert p.SyncResponse.model_validate_json(result.json_bytes()) == result.response()
    everything = answer(world.env.db, caller, p.SyncRequest(protocol=1, batch_id=uuid.uuid4()))
    decoded = p.SyncResponse.model_validate_json(everything.json_bytes())
    assert any(state.fields.get("notes") == notes for state in decoded.changes)


def test_a_value_stored_in_another_form_than_sent_comes_back(world: World) -> None:
    marie = world.laptop("marie")
    marie.pull_all()
    b = uuid.uuid4()
    every_field = {**new_document("beneficiary", dt.datetime.now(dt.UTC)), **beneficiary()}
    every_field["consent_at"] = "2026-11-20T10:00:00+04:00"  # stored in UTC
    resp = marie.push([marie.change("beneficiary", b, every_field)])
    assert [s.fields["consent_at"] for s in resp.changes] == ["2026-11-20T06:00:00+00:00"]


def test_the_aidants_connect_flag_of_a_demarche_travels_to_the_central_record(world: World) -> None:
    marie = world.laptop("marie")
    help_ = uuid.uuid4()
    fields = activity(
        world.marie_id,
        themes=["aide_aux_demarches_administratives"],
        admin_themes=["social_sante"],
        aidants_connect=True,
    )
    (result,) = marie.push([marie.change("activity", help_, fields)]).results
    assert result.status == "applied"
    with world.env.db.session() as s:
        stored = s.get(Record, ("activity", help_))
        assert stored is not None and stored.fields["aidants_connect"] is True
