"""Property-based fuzzing: nothing a client sends makes the central record answer 5xx.

Schemathesis generates requests from the published OpenAPI (every endpoint, valid and
invalid bodies, with a coordinator's token); a hypothesis test sends changes whose field
names are real and whose values are anything JSON can carry, to exercise type checks,
validation, merge and scope on every entity. Bounded: a few hundred examples in all.
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

from stpaul_bench.central_record import ServerEnv, sqlite_url
from stpaul_field.domain import values as v
from stpaul_field.server.records import SPECS, FieldSpec
from stpaul_field.sync import protocol as p


class Fuzzed:
    def __init__(self, env: ServerEnv) -> None:
        self.env = env
        env.advisor("Saint-Paul", "chloe", role="coordinator")
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


def test_no_request_generated_from_the_openapi_gets_a_5xx(fuzzed: Fuzzed) -> None:
    # Schemathesis' own pytest plugin does not run under this pytest: drive its strategies directly.
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed.env.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/v1/enrol", "/api/v1/sync", "/health", "/api/v1/devices"}
    seen: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def check(case: Any) -> None:
            if case.path != "/api/v1/enrol":
                case.headers = {**(case.headers or {}), "authorization": f"Bearer {fuzzed.token}"}
            response = case.call()
            seen.append(response.status_code)
            assert response.status_code < 500, (case.path, response.text[:500])

        check()
    assert len(seen) > 100
    assert 200 in seen and 422 in seen  # valid and invalid requests were both generated


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


@st.composite
def changes(draw: st.DrawFn) -> p.Change:
    entity = draw(st.sampled_from(list(SPECS)))
    names = draw(st.lists(st.sampled_from(list(SPECS[entity])), max_size=14, unique=True))
    return p.Change(
        op_id=uuid.uuid4(),
        entity=entity,
        record_id=draw(st.sampled_from([uuid.UUID(int=1), uuid.UUID(int=2), uuid.uuid4()])),
        base_version=draw(st.integers(0, 50)),
        fields={n: draw(_plausible(SPECS[entity][n]) | json_values) for n in names},
        stamp=draw(
            st.sampled_from(["001700000000000-000000-fuzz", "001700000000001-000003-autre", "illisible"])
        ),
    )


@given(batch=st.lists(changes(), max_size=6))
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_changes_of_any_shape_get_a_result_each_never_a_5xx(batch: list[p.Change], fuzzed: Fuzzed) -> None:
    request = p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4(), changes=batch, page_size=5)
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
