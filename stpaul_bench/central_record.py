"""A central record run in process, for the tests and the benchmarks (never part of the product).

The pytest fixtures built on it (`server_env`, ...) are in tests/server_fixtures.py.

url = sqlite_url(tmp_path)                       # or fresh_postgres_database(base_url)
env = ServerEnv.start(url)                       # app + database, migrated, venues seeded
team, coordinator = env.team("Équipe"), env.advisor("Équipe", "chloe", role="coordinator")
token = env.enrol("chloe")                       # a device token, as a laptop gets it
live = serve_in_thread(env.app)                  # a real HTTP server on 127.0.0.1:<port>
... live.url ...; live.stop()
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from stpaul_field.server import admin
from stpaul_field.server.app import create_app
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.models import Base, Team
from stpaul_field.server.settings import ServerSettings

PASSWORD = "mot-de-passe-de-test"
# Tests hash many passwords: the cheapest argon2id parameters (never for a real server).
CHEAP_HASHING = {"argon2_time_cost": 1, "argon2_memory_kib": 64}


def sqlite_url(directory: str | Path) -> str:
    return f"sqlite:///{Path(directory) / 'central-record.sqlite3'}"


def fresh_postgres_database(base_url: str, prefix: str = "stpaul_srv") -> str:
    """Create an empty database next to `base_url`'s and return its URL (drop it with `drop_database`)."""
    url = make_url(base_url)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def drop_database(db_url: str) -> None:
    url = make_url(db_url)
    engine = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    engine.dispose()


def reset(db: Database) -> None:
    """Empty every table (schema kept), then seed the reference venues again: a fresh record."""
    tables = [t.name for t in Base.metadata.sorted_tables]
    with db.write_engine.begin() as conn:
        if db.is_postgres:
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY"))
        else:
            conn.execute(text("DROP TRIGGER IF EXISTS journal_no_delete"))
            for name in reversed(tables):
                conn.execute(text(f"DELETE FROM {name}"))
            conn.execute(
                text(
                    "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal "
                    "BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END"
                )
            )
        conn.execute(text("INSERT INTO counter (name, value) VALUES ('change_seq', 0)"))
    with db.writer() as s:
        admin.seed_reference(s)


def device_caller(db: Database, advisor_id: uuid.UUID, team_id: uuid.UUID, role: str) -> Caller:
    """A device of the account `advisor_id`, as the server sees it when the device calls: a real
    device row, since every write and read checks it again (`auth.still_allowed`)."""
    import secrets

    from stpaul_field.server.models import Device
    from stpaul_field.server.security import token_hash

    device = Device(
        advisor_id=advisor_id, team_id=team_id, name="banc", token_hash=token_hash(secrets.token_hex())
    )
    with db.writer(sequenced=False) as s:
        s.add(device)
        s.flush()
        device_id = device.id
    return Caller(device_id, advisor_id, team_id, role)


@dataclass
class ServerEnv:
    app: FastAPI
    db: Database
    teams: dict[str, uuid.UUID] = field(default_factory=dict)

    @classmethod
    def start(cls, url: str, **settings: Any) -> ServerEnv:
        app = create_app(url, settings=ServerSettings(database_url=url, **{**CHEAP_HASHING, **settings}))
        return cls(app, app.state.db)

    def team(self, name: str) -> uuid.UUID:
        if name not in self.teams:
            with self.db.writer() as s:
                found = s.query(Team).filter_by(name=name).one_or_none()
                self.teams[name] = (found or admin.create_team(s, name)).id
        return self.teams[name]

    def advisor(
        self,
        team: str,
        login: str,
        role: str = "conseiller_numerique",
        password: str = PASSWORD,
        first_name: str = "Prénom",
        last_name: str = "Nom",
    ) -> uuid.UUID:
        team_id = self.team(team)
        with self.db.writer() as s:
            return admin.create_advisor(s, team_id, login, password, role, first_name, last_name)

    def enrol(self, login: str, password: str = PASSWORD, device_name: str = "Poste de test") -> str:
        """A device token for `login`, through the real enrolment endpoint."""
        from fastapi.testclient import TestClient

        from stpaul_field.sync.protocol import EnrolRequest, EnrolResponse

        with TestClient(self.app) as client:
            body = EnrolRequest(login=login, password=password, device_name=device_name)
            r = client.post("/api/v1/enrol", json=body.model_dump())
            r.raise_for_status()
            return EnrolResponse.model_validate_json(r.content).token

    def caller(self, advisor_id: uuid.UUID, team: str, role: str = "conseiller_numerique") -> Caller:
        """A new device of `advisor_id` (an account of `env.advisor`), as the server sees it."""
        return device_caller(self.db, advisor_id, self.team(team), role)

    def close(self) -> None:
        self.db.dispose()


@dataclass
class LiveServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve_in_thread(
    app: Any,
    host: str = "127.0.0.1",
    port: int = 0,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> LiveServer:
    """Serve `app` over HTTP (HTTPS given a certificate) in a background thread (port 0: any free port)."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True, name="stpaul-test-server")
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("le serveur de test n'a pas démarré")
        time.sleep(0.01)
    with contextlib.suppress(Exception):
        port = server.servers[0].sockets[0].getsockname()[1]
    scheme = "https" if ssl_certfile else "http"
    return LiveServer(f"{scheme}://{host}:{port}", server, thread)


# ---- HTTPS for tests and benches ------------------------------------------------------------


def make_certificates(directory: Path, with_openssl: bool = False) -> tuple[Path, Path, Path]:
    """A city's CA, and a certificate for 127.0.0.1/localhost signed by it, to serve HTTPS in
    tests and benches: (ca.pem, cert.pem, key.pem). The `openssl` command where the
    `cryptography` package is missing (or when asked)."""
    try:
        import cryptography  # noqa: F401
    except ImportError:
        with_openssl = True
    if with_openssl:
        return _certificates_with_openssl(directory)
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    def builder(subject: str, issuer: x509.Name, public_key: Any) -> x509.CertificateBuilder:
        return (
            x509.CertificateBuilder()
            .subject_name(name(subject))
            .issuer_name(issuer)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
        )

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = "Autorité de la Ville de Saint-Paul (test)"
    ca = (
        builder(ca_name, name(ca_name), ca_key.public_key())
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        builder("registre.test", ca.subject, key.public_key())
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = directory / "ca.pem", directory / "cert.pem", directory / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return paths


def _certificates_with_openssl(directory: Path) -> tuple[Path, Path, Path]:
    ca, ca_key, cert, key = (directory / n for n in ("ca.pem", "ca.key", "cert.pem", "key.pem"))
    ext = directory / "ext.cnf"
    ext.write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
    curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for command in (
        ["openssl", "req", "-x509", *curve, "-keyout", ca_key, "-out", ca, "-days", "30",
         "-subj", "/CN=Autorite de test", "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        ["openssl", "req", *curve, "-keyout", key, "-out", directory / "req.csr",
         "-subj", "/CN=registre.test"],
        ["openssl", "x509", "-req", "-in", directory / "req.csr", "-CA", ca, "-CAkey", ca_key,
         "-CAcreateserial", "-out", cert, "-days", "30", "-extfile", ext],
    ):  # fmt: skip
        subprocess.run([str(c) for c in command], check=True, capture_output=True)
    return ca, cert, key
