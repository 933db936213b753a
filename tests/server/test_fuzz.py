"""Property-based fuzzing: nothing a client sends makes the central record answer 5xx.

Schemathesis generates requests from the published OpenAPI (every endpoint, valid and
invalid bodies, with a coordinator's token, syncs speaking the server's protocol), then
follows the OpenAPI's links statefully (enrol or list a device, revoke it by its id); a
hypothesis test sends changes whose field names are real and whose values are anything JSON
can carry, some from a valid record, to exercise type checks, validation, merge and scope on
every entity. Each test also checks it reached what it guards (past the token and the version
check, a link's value found and naming a real device, changes applied as well as refused):
without that, a handler broken on every request went unseen. A few hundred examples in all.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
import schemathesis
import zstandard
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stpaul_bench.central_record import PASSWORD, ServerEnv, sqlite_url
from stpaul_field.domain import values as v
from stpaul_field.server.records import SPECS, FieldSpec
from stpaul_field.sync import protocol as p


class Fuzzed:
    def __init__(self, env: ServerEnv) -> None:
        self.env = env
        env.advisor("Saint-Paul", "chloe", role="coordinator")
        # Listed first (by enrolment time): the device a followed `RevokeListedDevice` link
        # revokes, so that the fuzzer's own token stays valid.
        env.enrol("chloe", device_name="premier poste")
        self.token = env.enrol("chloe", device_name="poste fuzz")
        env.enrol("chloe", device_name="second poste")
        self.client = TestClient(env.app)


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    env = ServerEnv.start(sqlite_url(tmp_path_factory.mktemp("fuzz")))
    yield Fuzzed(env)
    env.close()


@schemathesis.serializer(p.SYNC_MEDIA_TYPE)
def _zstd_json(_context: Any, value: Any) -> bytes:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return zstandard.ZstdCompressor().compress(raw)


def _authorised(case: Any, token: str) -> None:
    """The coordinator's token on every call but the enrolment; a sync body speaking a protocol
    the server speaks (drawn at random, every one stopped at the version check, a 426)."""
    if case.path != "/api/v1/enrol":
        case.headers = {**(case.headers or {}), "authorization": f"Bearer {token}"}
    if case.path == "/api/v1/sync" and isinstance(case.body, dict):
        case.body = {**case.body, "protocol": p.PROTOCOL_VERSION}


def test_no_request_generated_from_the_openapi_gets_a_5xx(fuzzed: Fuzzed) -> None:
    # Schemathesis' own pytest plugin does not run under this pytest: drive its strategies directly.
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed.env.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/v1/enrol", "/api/v1/sync", "/health", "/api/v1/devices"}
    seen: dict[str, list[int]] = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def check(case: Any) -> None:
            _authorised(case, fuzzed.token)
            response = case.call()
            seen.setdefault(case.path, []).append(response.status_code)
            assert response.status_code < 500, (case.path, response.text[:500])

        check()
    assert sum(len(statuses) for statuses in seen.values()) > 100
    # The requests got past the token and the version check into the handlers (a sync
    # answered, not a 426), valid and invalid ones, and no authenticated call was refused as such.
    assert 200 in seen["/api/v1/sync"] and 200 in seen["/api/v1/devices"], seen
    assert any(422 in statuses for statuses in seen.values()), seen
    assert all(401 not in statuses for path, statuses in seen.items() if path != "/api/v1/enrol"), seen


class _Linked:
    """What schemathesis' stateful run did: (link followed, its value substituted, status)."""

    def __init__(self) -> None:
        self.steps: list[tuple[str | None, bool, int]] = []


def test_the_openapi_links_chain_real_requests(fuzzed: Fuzzed) -> None:
    """Schemathesis follows the links the OpenAPI declares (`server/app.py`): the device an
    enrolment answers, or the first one listed, is revoked by id — each link's value is found
    in the answer and names a real device (200), and no chain gets a 5xx."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed.env.app)
    linked = _Linked()

    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def step(self, input: Any) -> Any:
            case = input.case
            _authorised(case, fuzzed.token)
            if case.path == "/api/v1/enrol":  # real credentials, so that enrolments answer 200
                case.body = {"login": "chloe", "password": PASSWORD, "device_name": "poste enchaîné"}
            output = super().step(input)
            link = input.transition.id if input.transition is not None else None
            linked.steps.append((link, input.is_applied, output.response.status_code))
            return output

        def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
            assert response.status_code < 500, (case.path, response.text[:500])

    Workflow.run(
        settings=settings(
            max_examples=25,
            stateful_step_count=4,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
    )
    for link in ("RevokeEnrolledDevice", "RevokeListedDevice"):
        followed = [s for name, applied, s in linked.steps if name and f"] {link} ->" in name and applied]
        assert 200 in followed, (link, linked.steps)


# Codes of every value list, so that some drawn values pass the choice checks.
CODES = sorted(
    {
        c.code
        for lst in (
            v.THEMES,
            v.GENDERS,
            v.AGE_BANDS,
            v.SOCIAL_STATUSES,
            v.PLACE_TYPES,
            v.ACTIVITY_TYPES,
            v.ADVISOR_ROLES,
            v.VENUE_KINDS,
        )
        for c in lst
    }
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.text(max_size=30)
    | st.sampled_from(["2026-11-20", "12:30:00", "2026-11-20T10:00:00+04:00", str(uuid.uuid4()), "anonyme"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _plausible(spec: FieldSpec) -> st.SearchStrategy[Any]:
    """Values of the field's own kind (so that the checks after the type check run too)."""
    kind = spec.kind
    if kind == "str":
        return st.text(max_size=(spec.max_length or 50) + 2) | st.sampled_from(CODES)
    if kind == "bool":
        return st.booleans()
    if kind == "int":
        return st.integers(-5, 3000)
    if kind == "uuid":
        return st.uuids().map(str) | st.sampled_from([str(uuid.UUID(int=1)), str(uuid.UUID(int=2))])
    if kind == "datetime":
        return st.datetimes(timezones=st.just(dt.UTC)).map(lambda d: d.isoformat())
    if kind == "date":
        return st.dates().map(lambda d: d.isoformat())
    if kind == "time":
        return st.times().map(lambda t: t.isoformat())
    if kind == "list":
        return st.lists(st.sampled_from(CODES) | st.text(max_size=5), max_size=4)
    return st.dictionaries(st.sampled_from(CODES) | st.text(max_size=5), st.integers(-3, 30), max_size=4)


# A valid record of each entity a coordinator may push alone, for drawn fields to start from:
# without it hardly any drawn change passes the checks, and the merge is never reached.
VALID = {
    "beneficiary": {"first_name": "Hélène", "last_name": "Payet"},
    "venue": {"name": "Médiathèque de Saint-Paul"},
    "advisor": {"last_name": "Hoarau"},
}


@st.composite
def changes(draw: st.DrawFn) -> p.Change:
    entity = draw(st.sampled_from(list(SPECS)))
    names = draw(st.lists(st.sampled_from(list(SPECS[entity])), max_size=14, unique=True))
    start = draw(st.sampled_from([{}, VALID.get(entity, {})]))
    return p.Change(
        op_id=uuid.uuid4(),
        entity=entity,
        record_id=draw(st.sampled_from([uuid.UUID(int=1), uuid.UUID(int=2), uuid.uuid4()])),
        base_version=draw(st.integers(0, 50)),
        fields={**start, **{n: draw(_plausible(SPECS[entity][n]) | json_values) for n in names}},
        stamp=draw(
            st.sampled_from(["001700000000000-000000-fuzz", "001700000000001-000003-autre", "illisible"])
        ),
    )


def test_changes_of_any_shape_get_a_result_each_never_a_5xx(fuzzed: Fuzzed) -> None:
    statuses: set[str] = set()

    @given(batch=st.lists(changes(), max_size=6))
    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def check(batch: list[p.Change]) -> None:
        request = p.SyncRequest(
            protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=batch, page_size=5
        )
        r = fuzzed.client.post(
            "/api/v1/sync",
            content=p.encode(request),
            headers={"authorization": f"Bearer {fuzzed.token}", "content-type": p.SYNC_MEDIA_TYPE},
        )
        assert r.status_code == 200, r.text[:500]
        answer = p.decode(r.content, p.SyncResponse)
        assert [res.op_id for res in answer.results] == [c.op_id for c in batch]
        for res in answer.results:
            assert (res.status == "rejected") == (res.reason is not None)
            statuses.add(res.status)

    check()
    # Drawn changes went through the merge, not only its refusals: the checks after it ran.
    assert {"applied", "rejected"} <= statuses, statuses
