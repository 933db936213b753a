"""Benchmarks of sync: a day's work over a poor link, a first sync, many laptops at once.

- `sync-day`: a laptop in sync with its team's record (the one `sync-first` leaves) records a
  day (~40 changes: new people, accompaniments, a workshop and its attendance, edits) through
  the store's own services, while a colleague's day reaches the server; then the real engine
  syncs over HTTPS through `link_proxy.LinkProxy` at 512 kbit/s and 700 ms round trip, to a
  real server (uvicorn in a thread, SQLite, TLS as nginx would give it). Round trips are
  counted twice: HTTP exchanges (the engine's), and every turn on the wire (the proxy's: TCP
  handshake, TLS handshake, exchanges). Bytes are counted on the wire, headers and TLS
  included. The link's bound is bytes ÷ bandwidth + wire round trips × RTT.
- `sync-first`: the team's record (the demo store's people, activities and participations,
  pushed once through the server's own write path `batch.apply_batch` and cached in the work
  dir) is pulled by a fresh laptop that enrols and runs the real engine over local HTTP.
- `sync-many`: N laptops (200) sync at the same instant against PostgreSQL, the server run
  as in production (`stpaul-field-server serve --workers 2`, a separate process). Each pushes
  a small day (~12 changes) made on the record as it stands, then pulls until nothing is
  left. The laptops are `bench.fleet`'s: the exchanges on the wire in one event loop (plain
  HTTP/1.1, the bodies and headers of the real protocol), each laptop's own CPU (encoding,
  then decoding and checking every answer with the real protocol) timed outside the burst
  and added to its time — on this machine the laptops share the server's 2 cores, which in
  the field are the server's alone. Laptops are in teams of 20, each team's record
  pre-seeded; devices were last seen the day before, so every sync also records its
  last-seen time. The figures include the CPU the server's workers and the load generator
  used during the burst, and the whole machine's (the rest: PostgreSQL, and other work).
  Needs `STPAUL_BENCH_POSTGRES_URL` (or the tests' `STPAUL_TEST_POSTGRES_URL`); skipped without.
- `sync-file`: the laptop of `sync-day` records a week (5 days, ~200 changes) with no network
  while a colleague's week reaches the record; it writes a request file (issue 20), the record
  imports it (`server.sync_files.import_request`, in process) and the laptop reads the answer.
  Figures: the file's size against the zstd bytes the same exchange sends over HTTPS (the same
  batches, `protocol.encode`; goal ≤ 1.2×), the same for the answer, and the time to write the
  file, to import it and to apply its answer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stpaul_bench.harness import BENCH_PASSPHRASE, BenchContext, Figure, percentile

if TYPE_CHECKING:
    from stpaul_bench.central_record import ServerEnv
    from stpaul_field.server.caller import Caller
    from stpaul_field.store.database import Store

TEAM = "Saint-Paul"
LINK_BPS = 512_000  # bits per second
LINK_RTT_S = 0.7
SEED_BATCH = 2000  # changes per seeding transaction (in-process: the protocol's 500 is for the wire)
LAPTOP, COLLEAGUE, COORDINATOR = "marie", "paul", "chloe"
LAPTOPS_PER_TEAM = 20
POSTGRES_ENVS = ("STPAUL_BENCH_POSTGRES_URL", "STPAUL_TEST_POSTGRES_URL")


def _fmt(n: int) -> str:
    return f"{n:,}".replace(",", " ")


# ---- the team's record, seeded from the demo store ---------------------------------------


class _Seeder:
    """Pushes documents through `apply_batch`, the server's write path (checks included)."""

    def __init__(self, env: ServerEnv) -> None:
        from stpaul_field.domain.hlc import HybridClock

        self.env = env
        self.clock = HybridClock("banc-seed")
        self.pushed = 0

    def push(
        self, caller: Caller, entity: str, docs: list[tuple[uuid.UUID, dict[str, Any], int]]
    ) -> list[int]:
        """(record id, fields, base version) -> the versions given; raises if one is refused."""
        from stpaul_field.server.batch import apply_batch
        from stpaul_field.sync.protocol import PROTOCOL_VERSION, Change, SyncRequest

        versions: list[int] = []
        for start in range(0, len(docs), SEED_BATCH):
            changes = [
                Change.model_construct(
                    op_id=uuid.uuid4(),
                    entity=entity,
                    record_id=record_id,
                    base_version=base,
                    fields=fields,
                    stamp=self.clock.now().encode(),
                )
                for record_id, fields, base in docs[start : start + SEED_BATCH]
            ]
            # model_construct: batches bigger than the wire's bound, already-valid values.
            request = SyncRequest.model_construct(
                protocol=PROTOCOL_VERSION,
                batch_id=uuid.uuid4(),
                changes=changes,
                cursor=0,
                page_size=1,
                clock="",
            )
            outcome = apply_batch(self.env.db, caller, request)
            refused = [r for r in outcome.results if r.status == "rejected"]
            if refused:
                raise RuntimeError(f"{entity} refusé au remplissage du registre : {refused[0].reason}")
            versions.extend(r.version or 0 for r in outcome.results)
            self.pushed += len(changes)
        return versions


def _caller(env: ServerEnv, advisor_id: uuid.UUID, role: str = "conseiller_numerique") -> Caller:
    return env.caller(advisor_id, TEAM, role)


def _wire(obj: Any, entity: str) -> dict[str, Any]:
    from stpaul_field.records.wire import record_to_wire
    from stpaul_field.server.records import SPECS

    specs = SPECS[entity]
    return {k: v for k, v in record_to_wire(obj).items() if k in specs}


def _seed_from_demo(env: ServerEnv, demo: Store) -> int:
    """The demo store's team as the server's record: advisors mapped, everything pushed."""
    from sqlalchemy import select

    from stpaul_field.server.models import Record
    from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation, Venue

    coordinator = _caller(env, env.advisor(TEAM, COORDINATOR, role="coordinator"), "coordinator")
    seeder = _Seeder(env)
    with env.db.session() as s:
        on_server = set(s.scalars(select(Record.id).where(Record.entity == "venue")))
    with demo.reader() as s:
        demo_advisors = list(s.scalars(select(Advisor.id).order_by(Advisor.id)))
        # The reference venues are already there (same fixed ids); the demo's own are not.
        venues = [(v.id, _wire(v, "venue"), 0) for v in s.scalars(select(Venue)) if v.id not in on_server]
    logins = [LAPTOP, COLLEAGUE] + [f"conseiller-{i}" for i in range(2, len(demo_advisors))]
    callers = {
        demo_id: _caller(env, env.advisor(TEAM, login))
        for demo_id, login in zip(demo_advisors, logins, strict=False)
    }
    seeder.push(coordinator, "venue", venues)

    def stream(query: Any, entity: str, advisor_of: Any) -> None:
        with demo.reader() as s:
            chunk: list[Any] = []
            for row in s.execute(query.execution_options(yield_per=SEED_BATCH)):
                chunk.append(row)
                if len(chunk) == SEED_BATCH:
                    flush(chunk, entity, advisor_of)
                    chunk = []
            flush(chunk, entity, advisor_of)

    def flush(rows: list[Any], entity: str, advisor_of: Any) -> None:
        groups: dict[uuid.UUID, list[tuple[uuid.UUID, dict[str, Any], int]]] = {}
        for row in rows:
            obj, lead = row[0], advisor_of(row)
            doc = _wire(obj, entity)
            if entity == "activity":
                doc["advisor_id"] = str(callers[lead].advisor_id)
            groups.setdefault(lead, []).append((obj.id, doc, 0))
        for lead, docs in groups.items():
            seeder.push(callers[lead], entity, docs)

    first = demo_advisors[0]
    stream(select(Beneficiary).order_by(Beneficiary.id), "beneficiary", lambda _row: first)
    stream(select(Activity, Activity.advisor_id).order_by(Activity.id), "activity", lambda row: row[1])
    stream(
        select(Participation, Activity.advisor_id)
        .join(Activity, Activity.id == Participation.activity_id)
        .order_by(Participation.id),
        "participation",
        lambda row: row[1],
    )
    return seeder.pushed


def _team_record(ctx: BenchContext) -> Path:
    """The directory of a SQLite record holding the demo team, made once per size."""
    from stpaul_bench.central_record import ServerEnv, sqlite_url

    target = ctx.work_dir / f"sync-record-{ctx.beneficiaries}-{ctx.activities}"
    if not (target / "central-record.sqlite3").exists():
        building = target.with_name(target.name + ".tmp")
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)
        env = ServerEnv.start(sqlite_url(building))
        demo = ctx.open_store(ctx.demo_store())
        try:
            started = time.perf_counter()
            pushed = _seed_from_demo(env, demo)
            took = time.perf_counter() - started
            print(f"  (registre d'équipe rempli : {_fmt(pushed)} enregistrements en {took:.0f} s)")
        finally:
            demo.close()
            env.close()
        shutil.rmtree(target, ignore_errors=True)
        building.rename(target)
    return target


# ---- a laptop and a served record ---------------------------------------------------------


@contextlib.contextmanager
def _served(record_dir: Path, **uvicorn_options: Any) -> Iterator[tuple[ServerEnv, str]]:
    from stpaul_bench.central_record import ServerEnv, serve_in_thread, sqlite_url

    env = ServerEnv.start(sqlite_url(record_dir))
    live = serve_in_thread(env.app, **uvicorn_options)
    try:
        yield env, live.url
    finally:
        live.stop()
        env.close()


def _laptop_token(store: Store) -> str:
    from stpaul_field.sync import enrolment

    enrolled = enrolment.load_enrolment(store)
    assert enrolled is not None
    return enrolment.device_token(store, enrolled)


@dataclass
class FirstSync:
    seconds: float
    pulled: int
    exchanges: int
    bytes_received: int
    bytes_sent: int
    peak_half_mb: float = 0.0  # the process's peak memory above its start, at half of the pull
    peak_mb: float = 0.0  # the same at the end: flat when pages are streamed
    # At half of the pull: the time left the engine estimated (None: no total from the
    # server), and the time it really took from there.
    left_estimated_s: float | None = None
    left_actual_s: float = 0.0


def _status_kb(key: str) -> int:
    """A line of /proc/self/status in kB (VmRSS, VmHWM): 0 where there is none."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _record_count(env: ServerEnv) -> int:
    from sqlalchemy import func, select

    from stpaul_field.server.models import Record

    with env.db.session() as s:
        return s.scalar(select(func.count()).select_from(Record)) or 0


def _reset_peak() -> None:
    # Linux: « 5 » resets the peak resident size (VmHWM) to the current one.
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def _first_sync(ctx: BenchContext, run: Path) -> FirstSync:
    """A fresh laptop enrols with the team record copied into `run` and pulls all of it."""
    from stpaul_bench.central_record import PASSWORD
    from stpaul_field.paths import AppPaths
    from stpaul_field.store.database import Store
    from stpaul_field.sync import enrolment
    from stpaul_field.sync.engine import SyncEngine, SyncProgress
    from stpaul_field.sync.transport import Transport

    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(_team_record(ctx), run / "record")
    paths = AppPaths.under(run / "laptop")
    store = Store.open(paths, passphrase=BENCH_PASSPHRASE)
    try:
        with _served(run / "record") as (_env, url):
            enrolment.enrol(store, paths, url, LAPTOP, PASSWORD, "PC du banc d'essai")
            with Transport(url, _laptop_token(store)) as transport:
                expected = _record_count(_env)
                half: list[float] = []
                _reset_peak()
                base_kb = _status_kb("VmRSS")

                estimated: list[tuple[float | None, float]] = []

                def seen(p: SyncProgress) -> None:
                    if not half and p.pulled * 2 >= expected:
                        half.append((_status_kb("VmHWM") - base_kb) / 1024)
                        estimated.append((p.seconds_left, time.perf_counter()))

                started = time.perf_counter()
                report = SyncEngine(store, transport).run(seen)
                seconds = time.perf_counter() - started
                ended = started + seconds
                peak = (_status_kb("VmHWM") - base_kb) / 1024
    finally:
        store.close()
    if not report.complete or report.rejected:
        raise RuntimeError(f"première synchronisation incomplète : {report}")
    return FirstSync(
        seconds,
        report.pulled,
        report.round_trips,
        report.bytes_received,
        report.bytes_sent,
        half[0] if half else peak,
        peak,
        estimated[0][0] if estimated else None,
        ended - estimated[0][1] if estimated else 0.0,
    )


def _synced_pair(ctx: BenchContext) -> Path:
    """A record and a laptop in sync with it (`record/`, `laptop/`), made once per size."""
    target = ctx.work_dir / f"sync-pair-{ctx.beneficiaries}-{ctx.activities}"
    if not (target / "laptop").exists():
        building = target.with_name(target.name + ".tmp")
        _first_sync(ctx, building)
        shutil.rmtree(target, ignore_errors=True)
        building.rename(target)
    return target


# ---- sync-first -----------------------------------------------------------------------------


def sync_first(ctx: BenchContext) -> list[Figure]:
    run = ctx.work_dir / "sync-first-run"
    result = _first_sync(ctx, run)
    target = ctx.work_dir / f"sync-pair-{ctx.beneficiaries}-{ctx.activities}"
    if not (target / "laptop").exists():  # keep it: sync-day starts from this laptop
        shutil.rmtree(target, ignore_errors=True)
        run.rename(target)
    else:
        shutil.rmtree(run, ignore_errors=True)
    n = _fmt(ctx.beneficiaries)
    on_link = result.bytes_received * 8 / LINK_BPS + result.exchanges * LINK_RTT_S
    return [
        Figure(
            f"1re synchronisation ({n} bénéficiaires et leur historique) : durée", result.seconds, "s", 60
        ),
        Figure("1re synchronisation : enregistrements reçus", result.pulled, ""),
        Figure("1re synchronisation : pages (échanges HTTP)", result.exchanges, ""),
        Figure(
            "1re synchronisation : octets reçus par enregistrement",
            result.bytes_received / result.pulled,
            "o",
        ),
        Figure("1re synchronisation : enregistrements par seconde", result.pulled / result.seconds, "/s"),
        Figure(
            "1re synchronisation : pic de mémoire à mi-parcours (au-dessus du départ)",
            result.peak_half_mb,
            "Mo",
        ),
        Figure("1re synchronisation : pic de mémoire à la fin (au-dessus du départ)", result.peak_mb, "Mo"),
        Figure("1re synchronisation : borne d'un lien 512 kbit/s, 700 ms", on_link / 60, "min"),
        *(
            [
                Figure(
                    "1re synchronisation : temps restant affiché à mi-parcours", result.left_estimated_s, "s"
                ),
                Figure(
                    "1re synchronisation : temps restant réel depuis mi-parcours", result.left_actual_s, "s"
                ),
                Figure(
                    "1re synchronisation : temps restant affiché ÷ réel (à mi-parcours)",
                    result.left_estimated_s / result.left_actual_s,
                    "×",
                ),
            ]
            if result.left_estimated_s is not None and result.left_actual_s > 0
            else []
        ),
    ]


# ---- sync-day --------------------------------------------------------------------------------


def _record_day(store: Store, rng: random.Random) -> None:
    """An advisor's day through the store's services: 3 new people, 7 accompaniments, a
    workshop of 8 with its attendance, 6 people's details corrected."""
    from sqlalchemy import func, select

    from stpaul_field.domain.entities import ActivityData, BeneficiaryData
    from stpaul_field.store.activities import ParticipantInput, save_activity, set_attendance
    from stpaul_field.store.beneficiaries import create_beneficiary
    from stpaul_field.store.models import Beneficiary, Participation, Venue
    from stpaul_field.sync.enrolment import load_enrolment

    enrolled = load_enrolment(store)
    assert enrolled is not None
    me, today = enrolled.advisor_id, dt.date.today()
    with store.session() as s:
        venue = s.scalar(select(Venue.id).where(Venue.active).order_by(Venue.name).limit(1))
        known = list(
            s.scalars(
                select(Beneficiary.id)
                .where(Beneficiary.deleted_at.is_(None))
                .order_by(func.random())
                .limit(20)
            )
        )
        new = [
            create_beneficiary(
                s, BeneficiaryData(first_name=first, last_name=last, commune="Saint-Paul", no_phone=True)
            ).id
            for first, last in (("Josiane", "BOYER"), ("Teddy", "NATIVEL"), ("Rose-May", "LEBON"))
        ]
        people = new + known
        for i in range(7):
            save_activity(
                s,
                ActivityData(
                    type="individual",
                    advisor_id=me,
                    date=today,
                    start_time=dt.time(8 + i % 9, 0),
                    duration_min=45,
                    venue_id=venue,
                    themes=["prendre_en_main_du_materiel"],
                    equipment=["ordinateur"],
                    autonomy="partiellement_autonome",
                ),
                [ParticipantInput(beneficiary_id=people[i])],
            )
        workshop = save_activity(
            s,
            ActivityData(
                type="workshop",
                status="planned",
                advisor_id=me,
                date=today,
                start_time=dt.time(14, 0),
                duration_min=120,
                venue_id=venue,
                themes=["navigation_sur_internet"],
                equipment=["ordinateur"],
                title="Premiers pas sur internet",
                level="debutant",
            ),
            [ParticipantInput(beneficiary_id=b) for b in known[7:15]],
        )
        s.flush()
        rows = s.scalars(select(Participation.id).where(Participation.activity_id == workshop))
        set_attendance(s, workshop, {pid: rng.random() < 0.8 for pid in rows})
        for person in s.scalars(select(Beneficiary).where(Beneficiary.id.in_(known[:6]))):
            person.phone = f"0692{rng.randrange(10**6):06d}"
            person.no_phone = False
            person.notes = "Numéro mis à jour."


def _colleague_day(env: ServerEnv, count: int, rng: random.Random) -> None:
    """A colleague's day reaches the record first: new people and edits the laptop pulls."""
    from sqlalchemy import select

    from stpaul_field.server.models import Account, Record

    with env.db.session() as s:
        people = list(
            s.execute(select(Record.id, Record.seq).where(Record.entity == "beneficiary").limit(200))
        )
        colleague = s.scalar(select(Account.advisor_id).where(Account.login == COLLEAGUE))
    assert colleague is not None
    docs: list[tuple[uuid.UUID, dict[str, Any], int]] = [
        (uuid.uuid4(), {"first_name": "Gisèle", "last_name": f"PAYET {i}", "no_phone": True}, 0)
        for i in range(count // 4)
    ]
    for record_id, seq in rng.sample(people, min(len(people), count - len(docs))):
        docs.append((record_id, {"notes": f"Vu(e) le {dt.date.today():%d/%m/%Y}."}, seq))
    _Seeder(env).push(_caller(env, colleague), "beneficiary", docs)


def sync_day(ctx: BenchContext, bandwidth_bps: float = LINK_BPS, rtt_s: float = LINK_RTT_S) -> list[Figure]:
    from stpaul_bench.link_proxy import LinkProxy
    from stpaul_field.paths import AppPaths
    from stpaul_field.store.database import Store
    from stpaul_field.store.outbox import pending_count
    from stpaul_field.sync.engine import SyncEngine
    from stpaul_field.sync.transport import Transport

    pair = _synced_pair(ctx)
    run = ctx.work_dir / "sync-day-run"
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(pair, run)
    rng = random.Random(974)
    from stpaul_bench.central_record import make_certificates

    ca, cert, key = make_certificates(run)
    store = Store.open(AppPaths.under(run / "laptop"), passphrase=BENCH_PASSPHRASE)
    try:
        _record_day(store, rng)
        with store.reader() as s:
            changes = pending_count(s)
        with _served(run / "record", ssl_certfile=str(cert), ssl_keyfile=str(key)) as (env, url):
            _colleague_day(env, 40, rng)
            port = int(url.rsplit(":", 1)[1])
            with LinkProxy("127.0.0.1", port, bandwidth_bps=bandwidth_bps, rtt_s=rtt_s) as link:
                token = _laptop_token(store)
                with Transport(f"https://127.0.0.1:{link.port}", token, ca_bundle=ca) as transport:
                    started = time.perf_counter()
                    report = SyncEngine(store, transport).run()
                    wall = time.perf_counter() - started
                stats = link.stats
    finally:
        store.close()
    shutil.rmtree(run, ignore_errors=True)
    if not report.complete or report.rejected:
        raise RuntimeError(f"synchronisation de la journée incomplète : {report}")
    wire = stats.bytes_up + stats.bytes_down
    bound = wire * 8 / bandwidth_bps + stats.round_trips * rtt_s
    link_name = f"{bandwidth_bps / 1000:g} kbit/s, {rtt_s * 1000:g} ms"
    return [
        Figure(f"journée ({changes} modifications, {report.pulled} reçues), {link_name} : durée", wall, "s"),
        Figure("journée : échanges HTTP", report.round_trips, "", 2),
        Figure("journée : allers-retours sur le lien (TCP + TLS + HTTP)", stats.round_trips, ""),
        Figure("journée : octets sur le lien, envoyés", stats.bytes_up / 1000, "ko"),
        Figure("journée : octets sur le lien, reçus", stats.bytes_down / 1000, "ko"),
        Figure("journée : borne du lien (octets ÷ débit + allers-retours × RTT)", bound, "s"),
        Figure("journée : durée ÷ borne du lien", wall / bound, "×", 1.5),
    ]


# ---- sync-file --------------------------------------------------------------------------------


def sync_file(ctx: BenchContext) -> list[Figure]:
    from stpaul_field.paths import AppPaths
    from stpaul_field.server import sync_files
    from stpaul_field.store.database import Store
    from stpaul_field.sync import file_keys, file_sync
    from stpaul_field.sync import protocol as p
    from stpaul_field.sync.transport import Transport

    pair = _synced_pair(ctx)
    run = ctx.work_dir / "sync-file-run"
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(pair, run)
    rng = random.Random(974)
    store = Store.open(AppPaths.under(run / "laptop"), passphrase=BENCH_PASSPHRASE)
    try:
        with _served(run / "record") as (env, url):
            with Transport(url, _laptop_token(store)) as transport:
                file_keys.ensure_registered(store, transport)  # a pair made by an older version
            for _ in range(5):
                _record_day(store, rng)
                _colleague_day(env, 40, rng)
            # What HTTPS would send for the same exchange: the same batches, zstd JSON.
            https_up = sum(len(p.encode(r)) for r in file_sync.outgoing(store).requests)
            started = time.perf_counter()
            written = file_sync.write_request(store, run)
            write_s = time.perf_counter() - started
            data = written.path.read_bytes()
            started = time.perf_counter()
            imported = sync_files.import_request(env.db, data)
            import_s = time.perf_counter() - started
            answer = run / "reponse.stpaul-sync"
            answer.write_bytes(imported.answer)
            _, opened = file_sync.open_answer(store, imported.answer)
            https_down = sum(len(p.encode(page)) for page in opened.pages)
            started = time.perf_counter()
            read = file_sync.read_answer(store, answer)
            read_s = time.perf_counter() - started
    finally:
        store.close()
    shutil.rmtree(run, ignore_errors=True)
    if imported.rejected or read.acknowledged != written.changes:
        raise RuntimeError(f"semaine par fichier incomplète : {imported}, {read}")
    week = f"semaine ({written.changes} modifications, {read.pulled} reçues)"
    return [
        Figure(f"{week} : fichier de demande", len(data) / 1000, "ko"),
        Figure("semaine : la même demande en HTTPS (zstd)", https_up / 1000, "ko"),
        Figure("semaine : fichier de demande ÷ HTTPS", len(data) / https_up, "×", 1.2),
        Figure("semaine : fichier de réponse ÷ HTTPS", len(imported.answer) / https_down, "×", 1.2),
        Figure("semaine : écrire le fichier de demande", write_s * 1000, "ms"),
        Figure("semaine : l'appliquer au registre central et écrire la réponse", import_s * 1000, "ms"),
        Figure("semaine : lire la réponse sur le poste", read_s * 1000, "ms"),
    ]


# ---- sync-many --------------------------------------------------------------------------------


def postgres_base_url() -> str | None:
    for name in POSTGRES_ENVS:
        if os.environ.get(name):
            return os.environ[name]
    return None


@dataclass
class _Advisor:
    """Whose laptop it is, in which team (`sync-many`)."""

    team: int
    advisor_id: uuid.UUID
    login: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children, from /proc (0 where there is none)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for one in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _machine_busy_seconds() -> float:
    """CPU time all processes of the machine used so far, all cores (0 without /proc)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    with contextlib.suppress(OSError, ValueError):
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return (sum(fields[:8]) - fields[3] - fields[4]) / tick  # all but idle and iowait
    return 0.0


@contextlib.contextmanager
def _server_process(database_url: str, workers: int, log: Path) -> Iterator[tuple[str, int]]:
    """`stpaul-field-server serve` as production runs it, in a process of its own."""
    import httpx

    port = _free_port()
    env = {**os.environ, "STPAUL_SERVER_DATABASE_URL": database_url}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "stpaul_field.server.cli",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                        break
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"le serveur n'a pas démarré (voir {log})")
                time.sleep(0.2)
            yield url, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _small_day(
    advisor: _Advisor, people: list[tuple[uuid.UUID, int]], venue: str, rng: random.Random
) -> list[Any]:
    """~12 changes as a laptop's outbox would hold them: 2 new people, 3 edits, 2 accompaniments
    (activity + participation), a workshop with 3 participants."""
    from stpaul_field.domain.hlc import HybridClock
    from stpaul_field.sync.protocol import Change

    clock = HybridClock(advisor.advisor_id.hex[-12:])
    today = dt.date.today().isoformat()
    changes: list[Change] = []

    def add(entity: str, record_id: uuid.UUID, fields: dict[str, Any], base: int = 0) -> uuid.UUID:
        changes.append(
            Change(
                op_id=uuid.uuid4(),
                entity=entity,  # type: ignore[arg-type]
                record_id=record_id,
                base_version=base,
                fields=fields,
                stamp=clock.now().encode(),
            )
        )
        return record_id

    new = [
        add("beneficiary", uuid.uuid4(), {"first_name": "Noël", "last_name": f"HOARAU {i}", "no_phone": True})
        for i in range(2)
    ]
    for record_id, seq in rng.sample(people, 3):
        phone = f"0692{rng.randrange(10**6):06d}"
        add(
            "beneficiary", record_id, {"notes": f"Rappel le {today}.", "phone": phone, "no_phone": False}, seq
        )
    activity = {
        "advisor_id": str(advisor.advisor_id),
        "date": today,
        "place_type": "lieu_activite",
        "venue_id": venue,
        "themes": ["prendre_en_main_du_materiel"],
        "equipment": ["ordinateur"],
    }
    for person in new:
        a = add("activity", uuid.uuid4(), {**activity, "type": "individual", "duration_min": 45})
        add(
            "participation",
            uuid.uuid4(),
            {"activity_id": str(a), "beneficiary_id": str(person), "attended": True},
        )
    w = add(
        "activity",
        uuid.uuid4(),
        {**activity, "type": "workshop", "duration_min": 120, "title": "Atelier mails", "level": "debutant"},
    )
    for record_id, _seq in rng.sample(people, 3):
        add(
            "participation",
            uuid.uuid4(),
            {"activity_id": str(w), "beneficiary_id": str(record_id), "attended": True},
        )
    return changes


def sync_many(ctx: BenchContext, laptops: int | None = None, workers: int = 2) -> list[Figure]:
    from sqlalchemy import select

    from stpaul_bench.central_record import PASSWORD, ServerEnv, drop_database, fresh_postgres_database
    from stpaul_bench.fleet import SimulatedLaptop, check, prepare
    from stpaul_bench.fleet import burst as run_burst
    from stpaul_field.server.models import Record
    from stpaul_field.sync.protocol import EnrolRequest
    from stpaul_field.sync.transport import Transport

    base_url = postgres_base_url()
    if base_url is None:
        print(
            "  sync-many ignoré : aucun PostgreSQL configuré "
            f"(donnez son adresse dans {POSTGRES_ENVS[0]}, ex. postgresql+psycopg://postgres@127.0.0.1:5433/postgres)."
        )
        return []
    count = laptops or ctx.laptops
    people_per_team = max(20, min(ctx.beneficiaries // 100, 1000))
    rng = random.Random(200)
    db_url = fresh_postgres_database(base_url, prefix="stpaul_bench")
    try:
        env = ServerEnv.start(db_url)
        advisors: list[_Advisor] = []
        teams: dict[int, list[tuple[uuid.UUID, int]]] = {}
        try:
            for i in range(count):
                team = i // LAPTOPS_PER_TEAM
                name = f"Équipe {team + 1}"
                login = f"conseiller-{i + 1}"
                advisors.append(_Advisor(team, env.advisor(name, login), login))
                if team not in teams:
                    caller = _caller_in(env, name, advisors[-1].advisor_id)
                    docs = [
                        (
                            uuid.uuid4(),
                            {"first_name": "Line", "last_name": f"GRONDIN {k}", "no_phone": True},
                            0,
                        )
                        for k in range(people_per_team)
                    ]
                    versions = _Seeder(env).push(caller, "beneficiary", docs)
                    teams[team] = [(d[0], v) for d, v in zip(docs, versions, strict=True)]
            with env.db.session() as s:
                venue = str(s.scalar(select(Record.id).where(Record.entity == "venue").limit(1)))
                head = max(v for people in teams.values() for _id, v in people)
        finally:
            env.close()
        days = [_small_day(advisor, teams[advisor.team], venue, rng) for advisor in advisors]
        with _server_process(db_url, workers, ctx.work_dir / "sync-many-server.log") as (url, pid):
            with Transport(url) as transport:
                tokens = [
                    transport.enrol(
                        EnrolRequest(login=a.login, password=PASSWORD, device_name=f"PC {a.login}")
                    ).token
                    for a in advisors
                ]
            # In sync: they pulled everything up to `head` the day before.
            fleet = [SimulatedLaptop(t, day, head) for t, day in zip(tokens, days, strict=True)]
            # Laptops that sync once a day were last seen yesterday: each sync also records the
            # device's last-seen time (a write), as it would in the field.
            _age_devices(db_url)
            firsts = prepare(fleet)
            burst = time.perf_counter()
            server_cpu, bench_cpu, machine = _cpu_seconds(pid), time.process_time(), _machine_busy_seconds()
            run_burst(fleet, firsts, url)
            burst = time.perf_counter() - burst
            # The simulated laptops share the machine's cores with the server: say how much.
            server_cpu, bench_cpu = _cpu_seconds(pid) - server_cpu, time.process_time() - bench_cpu
            machine = _machine_busy_seconds() - machine
            check(fleet)
    finally:
        drop_database(db_url)
    done = [x.seconds for x in fleet if x.seconds is not None]
    errors = [x.error or "inachevée" for x in fleet if x.seconds is None]
    if errors:
        print(f"  sync-many : {len(errors)} échec(s), p. ex. « {errors[0]} »")
    label = f"{count} postes à la fois (PostgreSQL, {workers} workers)"
    figures = (
        [
            Figure(f"synchronisation complète p50, {label}", percentile(done, 50) * 1000, "ms"),
            Figure(f"synchronisation complète p99, {label}", percentile(done, 99) * 1000, "ms", 2000),
            Figure("plus lente synchronisation", max(done) * 1000, "ms"),
            Figure("synchronisations réussies", 100 * len(done) / count, "%", 100, higher_is_better=True),
            Figure("erreurs", len(errors), ""),
            Figure("échanges HTTP par poste (moyenne)", sum(x.exchanges for x in fleet) / count, ""),
            Figure("enregistrements reçus par poste (moyenne)", sum(x.pulled for x in fleet) / count, ""),
            Figure("durée de la salve entière", burst, "s"),
            Figure("CPU du serveur par synchronisation (workers)", server_cpu / count * 1000, "ms"),
            Figure("CPU des postes simulés pendant la salve (banc d'essai)", bench_cpu, "s"),
            # The rest is PostgreSQL's, and other work on a shared machine.
            Figure(f"CPU de la machine pendant la salve (sur {os.cpu_count()} cœurs)", machine, "s"),
        ]
        if done
        else [Figure("synchronisations réussies", 0.0, "%", 100, higher_is_better=True)]
    )
    return figures


def _age_devices(db_url: str) -> None:
    from sqlalchemy import create_engine, update

    from stpaul_field.server.models import Device

    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(update(Device).values(last_seen_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=1)))
    engine.dispose()


def _caller_in(env: ServerEnv, team: str, advisor_id: uuid.UUID) -> Caller:
    return env.caller(advisor_id, team)
