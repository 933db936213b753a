"""Workshop series on the central record (issue 19): scope like activities, a team sees only its
own, French refusals, and a laptop of protocol 2 still syncs (it is sent no series)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from stpaul_bench.central_record import ServerEnv
from stpaul_field.server.batch import UNKNOWN_RECORD
from stpaul_field.server.scope import NOT_YOURS_SERIES
from stpaul_field.sync import protocol as p
from tests.server.test_api import Laptop, World, activity, beneficiary


@pytest.fixture
def world(server_env: ServerEnv) -> World:
    return World(server_env)


def series(advisor_id: uuid.UUID, **fields: Any) -> dict[str, Any]:
    return {
        "advisor_id": str(advisor_id),
        "title": "Découvrir l'ordinateur",
        "themes": ["prendre_en_main_du_materiel"],
        "place_type": "autre",
        "commune": "Saint-Paul",
        **fields,
    }


def session(advisor_id: uuid.UUID, series_id: uuid.UUID, number: int) -> dict[str, Any]:
    return activity(
        advisor_id, type="workshop", status="planned", series_id=str(series_id), session_number=number
    )


def _statuses(resp: p.SyncResponse) -> list[tuple[str, str | None]]:
    return [(r.status, r.reason) for r in resp.results]


def test_a_series_and_its_sessions_reach_the_team_and_no_other(world: World) -> None:
    marie, paul, lea = world.laptop("marie"), world.laptop("paul"), world.laptop("lea")
    sid, s1, person = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    resp = marie.push(
        [
            marie.change("workshop_series", sid, series(world.marie_id)),
            marie.change("beneficiary", person, beneficiary()),
            marie.change("activity", s1, session(world.marie_id, sid, 1)),
            marie.change(
                "participation", uuid.uuid4(), {"activity_id": str(s1), "beneficiary_id": str(person)}
            ),
        ]
    )
    assert _statuses(resp) == [("applied", None)] * 4
    seen = paul.pull_all()
    assert seen[("workshop_series", sid)].fields["title"] == "Découvrir l'ordinateur"
    assert seen[("activity", s1)].fields["series_id"] == str(sid)
    assert seen[("activity", s1)].fields["session_number"] == 1
    # Another team sees nothing of it, and cannot write it.
    assert not any(entity == "workshop_series" for entity, _ in lea.pull_all())
    resp = lea.push([lea.change("workshop_series", sid, {"title": "Pris"})])
    assert _statuses(resp) == [("rejected", UNKNOWN_RECORD)]


def test_only_the_series_leaders_write_it_and_a_session_names_a_known_series(world: World) -> None:
    marie, paul = world.laptop("marie"), world.laptop("paul")
    sid = uuid.uuid4()
    marie.push([marie.change("workshop_series", sid, series(world.marie_id))])
    paul.pull_all()
    resp = paul.push(
        [
            paul.change("workshop_series", sid, {"title": "Autre titre"}, base=1),
            paul.change("workshop_series", uuid.uuid4(), series(world.marie_id)),
            paul.change("activity", uuid.uuid4(), session(world.paul_id, uuid.uuid4(), 1)),
            paul.change("workshop_series", uuid.uuid4(), series(world.paul_id, title="", themes=[])),
        ]
    )
    assert _statuses(resp) == [
        ("rejected", NOT_YOURS_SERIES),
        ("rejected", NOT_YOURS_SERIES),
        ("rejected", "Cycle d'ateliers inconnu du serveur : il doit être envoyé avant ses séances."),
        ("rejected", "Donnez un titre au cycle d'ateliers. Choisissez au moins une thématique."),
    ]


def test_a_laptop_of_protocol_2_is_sent_no_series_and_its_pushes_are_accepted(world: World) -> None:
    marie = world.laptop("marie")
    sid, s1 = uuid.uuid4(), uuid.uuid4()
    marie.push(
        [
            marie.change("workshop_series", sid, series(world.marie_id)),
            marie.change("activity", s1, session(world.marie_id, sid, 1)),
        ]
    )
    old = world.laptop("paul")

    def old_sync(changes: list[p.Change], laptop: Laptop = old) -> dict[str, Any]:
        body = p.SyncRequest(protocol=2, batch_id=uuid.uuid4(), changes=changes).model_dump(mode="json")
        r = laptop.client.post("/api/v1/sync", json=body, headers={"authorization": f"Bearer {laptop.token}"})
        assert r.status_code == 200, r.text
        return r.json()

    answer = old_sync([old.change("beneficiary", uuid.uuid4(), beneficiary())])
    assert answer["protocol"] == 2 and [r["status"] for r in answer["results"]] == ["applied"]
    entities = {c["entity"] for c in answer["changes"]}
    assert "activity" in entities and "workshop_series" not in entities
    assert answer["cursor"] >= max(c["seq"] for c in answer["changes"])
    # Marie's older laptop edits the session as it knows it: the session keeps its series.
    old_marie = world.laptop("marie", node="marie-old")
    session_state = next(c for c in answer["changes"] if c["record_id"] == str(s1))
    edit = old_marie.change("activity", s1, {"notes": "Salle 2"}, base=session_state["version"])
    answer = old_sync([edit], old_marie)
    assert [r["status"] for r in answer["results"]] == ["applied"]
    fields = world.laptop("paul").pull_all()[("activity", s1)].fields
    assert (fields["notes"], fields["series_id"], fields["session_number"]) == ("Salle 2", str(sid), 1)
