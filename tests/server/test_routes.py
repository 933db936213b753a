"""The server's routes live in `server/routes/` by resource and share the dependencies of `deps.py`."""

from fastapi.routing import APIRoute

from stpaul_field.server import deps
from stpaul_field.server.app import create_app
from stpaul_field.server.routes import ROUTERS


def _declared() -> list[tuple[str, APIRoute]]:
    """(full path, route) of every route of the resource modules."""
    return [(r.path, r) for router in ROUTERS for r in router.routes if isinstance(r, APIRoute)]


def test_the_app_serves_exactly_the_routes_of_the_resource_modules(tmp_path):
    served = set(create_app(f"sqlite:///{tmp_path}/record.sqlite3").openapi()["paths"])
    assert served == {path for path, _ in _declared()}
    assert {"/health", "/api/v1/enrol", "/api/v1/sync", "/api/v1/devices"} <= served
    for path, route in _declared():
        assert route.endpoint.__module__.startswith("stpaul_field.server.routes."), path


def test_coordinator_routes_share_one_declared_dependency():
    coordination = [(p, r) for p, r in _declared() if "coordination" in r.tags]
    assert {p for p, _ in coordination} == {
        "/api/v1/devices",
        "/api/v1/devices/{device_id}/revoke",
        "/api/v1/advisors",
    }
    for path, route in coordination:
        called = {d.call for d in route.dependant.dependencies}
        assert {deps.coordinator_of, deps.database_of} <= called, path
