"""A stateful model of the sync protocol, fuzzed (issue 17): two teams, valid tokens, hostile values.

Hypothesis drives a `RuleBasedStateMachine`: devices of two teams push batches whose stamps
and values are drawn from the hostile (forged and 2099 stamps, NUL characters, date-times
that overflow, other teams' record ids) and the plausible, pull from any cursor, and two real
laptops (a store and the sync engine each, one per team) edit and sync between those steps.
After every step: no answer was a 5xx, no record of one team reached the other, no laptop
adopted a poisoned stamp, and every laptop still syncs to the end.

Run on SQLite and PostgreSQL with a budget that fits CI; `-m slow` runs a long trial.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from stpaul_field.domain.hlc import MAX_LEAD_MS, Stamp, wall_ms
from stpaul_field.server.records import SPECS
from stpaul_field.store.models import SyncState
from stpaul_field.store.outbox import HLC_KEY
from stpaul_field.sync import protocol as p
from tests.server.test_fuzz import json_values
from tests.sync_fixtures import Laptop, SyncWorld

OTHER_TEAM = "Le Port"
POISON = "9" * 66 + "-000000-x"
YEAR_2099 = Stamp(int(dt.datetime(2099, 1, 1, tzinfo=dt.UTC).timestamp() * 1000), 0, "futur").encode()
HOSTILE_TEXT = st.sampled_from(
    [
        "m\u0000@x.re",
        "\u0000",
        "9999-12-31T23:59:59-01:00",
        "0001-01-01T00:00:00+01:00",
        "0001-01-01",
        "x" * 300,
    ]
)
ENTITIES = ["beneficiary", "activity", "participation", "venue", "advisor", "workshop_series"]


def stamps() -> st.SearchStrategy[str]:
    near_now = st.integers(-(10**9), MAX_LEAD_MS // 2).map(lambda d: Stamp(wall_ms() + d, 0, "fuzz").encode())
    return near_now | st.sampled_from([POISON, YEAR_2099, "illisible", "001700000000000-999999-z", ""])


def sane(stamp: str) -> bool:
    try:
        return Stamp.decode(stamp).millis <= wall_ms() + MAX_LEAD_MS
    except ValueError:
        return False


class ProtocolModel(RuleBasedStateMachine):
    world: SyncWorld
    teams: dict[str, dict[str, Any]]  # per team: token, laptop, ids it created
    client: TestClient

    def __init__(self) -> None:
        super().__init__()
        self.seen_status: list[int] = []

    @rule(
        team=st.sampled_from(["a", "b"]),
        entity=st.sampled_from(ENTITIES),
        whose=st.sampled_from(["new", "mine", "theirs"]),
        pick=st.integers(0, 1000),
        names=st.lists(st.integers(0, 100), max_size=6),
        values=st.lists(json_values | HOSTILE_TEXT | st.none(), min_size=6, max_size=6),
        stamp=stamps(),
        base=st.sampled_from([0, 1, 10**6, 2**63 - 1]),
    )
    def push(
        self,
        team: str,
        entity: str,
        whose: str,
        pick: int,
        names: list[int],
        values: list[Any],
        stamp: str,
        base: int,
    ) -> None:
        other = "b" if team == "a" else "a"
        pool = sorted(self.teams[team if whose == "mine" else other]["created"], key=str)
        record_id = pool[pick % len(pool)][1] if whose != "new" and pool else uuid.uuid4()
        specs = list(SPECS[entity])
        fields = {specs[n % len(specs)]: v for n, v in zip(names, values, strict=False)}
        if entity == "beneficiary" and whose == "new":
            fields = {"first_name": "Hélène", "last_name": "Grondin", **fields}
        change = p.Change(
            op_id=uuid.uuid4(),
            entity=entity,  # type: ignore[arg-type]
            record_id=record_id,
            base_version=base,
            fields=fields,
            stamp=stamp[:80],
        )
        request = p.SyncRequest(
            protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=[change], page_size=50
        )
        r = self.client.post(
            "/api/v1/sync",
            content=request.model_dump_json(),
            headers={
                "authorization": f"Bearer {self.teams[team]['token']}",
                "content-type": "application/json",
            },
        )
        self.seen_status.append(r.status_code)
        assert r.status_code < 500, r.text[:300]
        if r.status_code != 200:
            return
        (result,) = r.json()["results"]
        if (entity, record_id) in self.teams[other]["created"]:
            assert result["status"] == "rejected", "a team wrote another team's record"
        if result["status"] in ("applied", "merged") and whose == "new":
            self.teams[team]["created"].add((entity, record_id))
        if result["status"] != "rejected":
            assert sane(stamp), f"a stamp no clock may adopt was accepted: {stamp[:30]}"

    @rule(
        team=st.sampled_from(["a", "b"]),
        cursor=st.sampled_from([0, 1, 5, 2**31, 2**63 - 1, 2**63, 2**70]),
    )
    def pull(self, team: str, cursor: int) -> None:
        body = {
            "protocol": p.PROTOCOL_VERSION,
            "batch_id": str(uuid.uuid4()),
            "cursor": cursor,
            "page_size": 100,
        }
        r = self.client.post(
            "/api/v1/sync",
            json=body,
            headers={"authorization": f"Bearer {self.teams[team]['token']}"},
        )
        self.seen_status.append(r.status_code)
        assert r.status_code < 500, r.text[:300]
        if r.status_code == 200:
            other = "b" if team == "a" else "a"
            pulled = {(c["entity"], uuid.UUID(c["record_id"])) for c in r.json()["changes"]}
            assert not pulled & self.teams[other]["created"], "another team's record was pulled"
            for c in r.json()["changes"]:
                assert all(sane(s) for s in c["field_stamps"].values()), "a poisoned stamp is served"

    @rule(team=st.sampled_from(["a", "b"]), notes=st.text(max_size=20))
    def laptop_edits(self, team: str, notes: str) -> None:
        laptop: Laptop = self.teams[team]["laptop"]
        person = laptop.add_person(notes=notes)
        self.teams[team]["created"].add(("beneficiary", person))

    @invariant()
    def every_laptop_still_syncs_and_holds_only_its_team(self) -> None:
        for team, other in (("a", "b"), ("b", "a")):
            laptop: Laptop = self.teams[team]["laptop"]
            report = laptop.sync()
            assert report.complete
            with laptop.store.reader() as s:
                clock = s.get(SyncState, HLC_KEY)
            assert clock is None or sane(clock.value), "a laptop adopted a poisoned stamp"
            held = set(laptop.records(("beneficiary", "activity", "participation", "venue", "advisor")))
            assert not held & self.teams[other]["created"], "another team's record reached a laptop"


def _run(world: SyncWorld, examples: int, steps: int) -> list[int]:
    world.env.advisor(OTHER_TEAM, "lea", first_name="Léa", last_name="Hoarau")
    teams: dict[str, dict[str, Any]] = {}
    for team, login in (("a", "marie"), ("b", "lea")):
        laptop = world.laptop(login)
        teams[team] = {"token": world.env.enrol(login, device_name=f"fuzz {login}"), "laptop": laptop}
        teams[team]["created"] = set()
    seen: list[int] = []

    class Model(ProtocolModel):
        def __init__(self) -> None:
            super().__init__()
            self.world, self.teams, self.client = world, teams, TestClient(world.env.app)
            self.seen_status = seen

    run_state_machine_as_test(
        Model,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        ),
    )
    return seen


def test_the_protocol_model_never_breaks_a_team(world: SyncWorld) -> None:
    seen = _run(world, examples=3, steps=6)
    assert 200 in seen and len(seen) > 10


@pytest.mark.slow
def test_the_protocol_model_never_breaks_a_team_long_run(world: SyncWorld) -> None:
    seen = _run(world, examples=150, steps=25)
    assert 200 in seen and 422 in seen


def test_the_openapi_links_chain_enrolment_and_listing_to_revocation(world: SyncWorld) -> None:
    """Schemathesis follows `links` to chain requests: each names a real operation and parameter."""
    schema = TestClient(world.env.app).get("/openapi.json").json()
    operations = {
        op["operationId"]: (path, op) for path, item in schema["paths"].items() for op in item.values()
    }
    links = {
        name: link
        for item in schema["paths"].values()
        for op in item.values()
        for response in op["responses"].values()
        for name, link in response.get("links", {}).items()
    }
    assert {"RevokeEnrolledDevice", "RevokeListedDevice"} <= set(links)
    for link in links.values():
        path, op = operations[link["operationId"]]
        names = {param["name"] for param in op.get("parameters", [])}
        assert set(link["parameters"]) <= names and path.endswith("/revoke")
