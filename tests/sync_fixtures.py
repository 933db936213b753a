"""Laptops and a live central record for the sync tests.

    world = SyncWorld(server_env, tmp_path)          # server over real HTTP, three advisors
    marie = world.laptop("marie")                     # a store of its own, enrolled as marie
    marie.sync()                                      # SyncEngine over the real transport

Laptops' stores are copies of one template made once per session (opening a fresh store runs
the migrations and derives the key: too slow for property tests that make many laptops).
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, select

from stpaul_bench.central_record import PASSWORD, LiveServer, ServerEnv, serve_in_thread
from stpaul_field.domain.hlc import wall_ms
from stpaul_field.paths import AppPaths
from stpaul_field.records.wire import record_to_wire
from stpaul_field.store.database import Store
from stpaul_field.store.models import SYNCED_MODELS, Beneficiary, OutboxEntry, SyncState
from stpaul_field.store.outbox import DEVICE_KEY, HLC_KEY, WALL_CLOCK
from stpaul_field.sync import enrolment
from stpaul_field.sync.engine import Backoff, SyncEngine, SyncReport
from stpaul_field.sync.transport import Transport
from tests.conftest import TEST_PASSPHRASE

TEAM = "Saint-Paul"
HOUR_MS = 3_600_000
# The wall clock of laptops whose stamps must beat the central record's own clock: ahead of it
# by half a day, within the lead it accepts (`domain.hlc.MAX_LEAD_MS`: beyond, refused).
AHEAD_MS = wall_ms() + 12 * HOUR_MS
BOOKKEEPING = {"created_at", "updated_at"}
ENTITIES = ("beneficiary", "activity", "participation")


@pytest.fixture(scope="session")
def laptop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with a first-started store, copied for each laptop."""
    root = tmp_path_factory.mktemp("laptop-template") / "root"
    Store.open(AppPaths.under(root), passphrase=TEST_PASSPHRASE).close()
    return root


@pytest.fixture
def world(server_env: ServerEnv, tmp_path: Path, laptop_template: Path) -> Iterator[SyncWorld]:
    w = SyncWorld(server_env, tmp_path, laptop_template)
    yield w
    w.close()


class Laptop:
    def __init__(self, world: SyncWorld, name: str, root: Path) -> None:
        self.world = world
        self.name = name
        shutil.copytree(world.template, root)
        self.paths = AppPaths.under(root)
        self.store = Store.open(self.paths, upgrade=False)
        with self.store.session() as s:  # a copy is a new laptop: its own device id and clock
            s.execute(delete(SyncState).where(SyncState.key.in_([DEVICE_KEY, HLC_KEY])))
        self.enrolment: enrolment.Enrolment | None = None

    def set_wall(self, wall: Callable[[], int]) -> None:
        """Give this laptop a wall clock of its own (ms), e.g. hours behind."""
        self.store.sessions.configure(info={WALL_CLOCK: wall})

    def enrol(self, login: str, url: str | None = None) -> enrolment.Enrolment:
        self.enrolment = enrolment.enrol(
            self.store, self.paths, url or self.world.live.url, login, PASSWORD, f"PC {self.name}"
        )
        return self.enrolment

    def transport(self, url: str | None = None) -> Transport:
        assert self.enrolment is not None
        token = enrolment.device_token(self.store, self.enrolment)
        return Transport(url or self.world.live.url, token)

    def raw_pull(self, protocol: int) -> dict[str, Any]:
        """The central record's first answer to this laptop speaking `protocol`, as JSON: what
        a laptop of an older version receives (the protocol-compatibility tests)."""
        assert self.enrolment is not None
        token = enrolment.device_token(self.store, self.enrolment)
        body = {"protocol": protocol, "batch_id": str(uuid.uuid4()), "cursor": 0}
        answer = httpx.post(
            f"{self.world.live.url}/api/v1/sync",
            json=body,
            headers={"authorization": f"Bearer {token}"},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        result: dict[str, Any] = answer.json()
        return result

    def engine(self, url: str | None = None, **options: Any) -> SyncEngine:
        options.setdefault("sleep", lambda _s: None)
        options.setdefault("backoff", Backoff(max_tries=4))
        return SyncEngine(self.store, self.transport(url), **options)

    def sync(self, url: str | None = None, **options: Any) -> SyncReport:
        engine = self.engine(url, **options)
        try:
            return engine.run()
        finally:
            engine.transport.close()  # type: ignore[attr-defined]

    def add_person(self, **fields: Any) -> uuid.UUID:
        with self.store.session() as s:
            person = Beneficiary(**{"first_name": "Hélène", "last_name": "Grondin", **fields})
            s.add(person)
        return person.id

    def edit(self, entity: str, record_id: uuid.UUID, **fields: Any) -> None:
        with self.store.session() as s:
            obj = s.get(SYNCED_MODELS[entity], record_id)
            assert obj is not None
            for k, v in fields.items():
                setattr(obj, k, v)

    def get(self, entity: str, record_id: uuid.UUID) -> Any:
        with self.store.reader() as s:
            return s.get(SYNCED_MODELS[entity], record_id)

    def outbox(self) -> list[OutboxEntry]:
        with self.store.reader() as s:
            return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))

    def records(self, entities: tuple[str, ...] = ENTITIES) -> dict:
        """Every synced record of these entities, as wire values without bookkeeping stamps."""
        out: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
        with self.store.reader() as s:
            for entity in entities:
                model = SYNCED_MODELS[entity]
                for obj in s.scalars(select(model)):
                    fields = {k: v for k, v in record_to_wire(obj).items() if k not in BOOKKEEPING}
                    out[(entity, obj.id)] = fields
        return out

    def close(self) -> None:
        self.store.close()


class SyncWorld:
    """A central record served over HTTP, a team of three (coordinator, two advisors)."""

    def __init__(self, env: ServerEnv, base: Path, template: Path) -> None:
        self.env = env
        self.base = base
        self.template = template
        self.coord_id = env.advisor(TEAM, "chloe", role="coordinator", first_name="Chloé", last_name="Hoarau")
        self.marie_id = env.advisor(TEAM, "marie", first_name="Marie", last_name="Payet")
        self.paul_id = env.advisor(TEAM, "paul", first_name="Paul", last_name="Técher")
        self.live: LiveServer = serve_in_thread(env.app)
        self.laptops: list[Laptop] = []
        self.made = 0

    def laptop(self, login: str | None, name: str | None = None) -> Laptop:
        self.made += 1
        name = name or f"{login}-{self.made}"
        laptop = Laptop(self, name, self.base / f"laptop-{name}")
        self.laptops.append(laptop)
        if login:
            laptop.enrol(login)
        return laptop

    def server_records(self, entities: tuple[str, ...] = ENTITIES) -> dict:
        from stpaul_field.server.models import Record

        with self.env.db.session() as s:
            rows = s.scalars(select(Record).where(Record.entity.in_(entities)))
            return {
                (r.entity, r.id): {k: v for k, v in r.fields.items() if k not in BOOKKEEPING} for r in rows
            }

    def close(self) -> None:
        for laptop in self.laptops:
            laptop.close()
        self.live.stop()


def activity_fields(advisor_id: uuid.UUID, **fields: Any) -> dict[str, Any]:
    return {
        "type": "individual",
        "advisor_id": advisor_id,
        "date": dt.date(2026, 11, 20),
        "place_type": "domicile",
        "commune": "Saint-Paul",
        "themes": ["prendre_en_main_du_materiel"],
        **fields,
    }
