"""The transport's TLS policy (issue 9) and its errors, in French, for every way a server refuses."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest

from stpaul_field.server.testing import (  # noqa: F401 (fixtures)
    PASSWORD,
    serve_in_thread,
    server_env,
    server_postgres_url,
    server_sqlite_template,
)
from stpaul_field.sync import protocol as p
from stpaul_field.sync.errors import AuthError, InsecureServerError, OfflineError, ProtocolError
from stpaul_field.sync.transport import Transport, check_server_url
from tests.sync_fixtures import SyncWorld


@pytest.mark.parametrize(
    "url",
    [
        "http://registre.saint-paul.re",
        "http://10.0.0.5:8000",
        "HTTP://example.org/api",
        "http://[2001:db8::1]",
    ],
)
def test_plain_http_to_another_machine_is_refused_before_any_connection(url: str, monkeypatch) -> None:
    def no_connection(*_a, **_k):
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    monkeypatch.setattr(socket.socket, "connect", no_connection)
    with pytest.raises(InsecureServerError) as refused:
        Transport(url, "jeton").sync(p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4()))
    assert "https" in refused.value.message and "chiffrée" in refused.value.message


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8000",
        "http://127.0.0.1:8000/",
        "http://127.8.9.1",
        "http://[::1]:8000",
        "https://x.re/",
    ],
)
def test_https_anywhere_and_plain_http_to_this_machine_are_accepted(url: str) -> None:
    assert check_server_url(url) == url.rstrip("/")


def test_nothing_listening_is_offline_in_french() -> None:
    with socket.socket() as s:  # a port that was free a moment ago
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(OfflineError) as failure:
        Transport(f"http://127.0.0.1:{port}", "jeton").sync(
            p.SyncRequest(protocol=p.PROTOCOL_VERSION, batch_id=uuid.uuid4())
        )
    assert failure.value.retryable and "injoignable" in failure.value.message


# ---- a city's own certificate authority --------------------------------------------------


def _certificates(directory: Path) -> tuple[Path, Path, Path]:
    """A CA, and a certificate for 127.0.0.1/localhost signed by it: (ca.pem, cert.pem, key.pem)."""
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return _certificates_with_openssl(directory)
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


@pytest.fixture(params=["cryptography", "openssl"])
def tls_world(request: pytest.FixtureRequest, world: SyncWorld, tmp_path: Path):
    make = _certificates if request.param == "cryptography" else _certificates_with_openssl
    ca, cert, key = make(tmp_path)
    live = serve_in_thread(world.env.app, ssl_certfile=str(cert), ssl_keyfile=str(key))
    yield world, live.url, ca
    live.stop()


def test_tls_is_verified_and_a_city_ca_bundle_is_trusted(tls_world) -> None:
    world, url, ca = tls_world
    assert url.startswith("https://127.0.0.1:")
    enrol = p.EnrolRequest(login="marie", password=PASSWORD, device_name="PC")
    with pytest.raises(InsecureServerError) as refused, Transport(url) as transport:
        transport.enrol(enrol)
    assert "certificat" in refused.value.message and not refused.value.retryable
    with Transport(url, ca_bundle=ca) as transport:
        answer = transport.enrol(enrol)
    assert answer.advisor_id == world.marie_id
    # Enrolled with the bundle, the laptop keeps a copy and syncs over verified TLS.
    marie = world.laptop(None)
    from stpaul_field.sync import enrolment

    kept = enrolment.enrol(marie.store, marie.paths, url, "marie", PASSWORD, "PC", ca_bundle=ca)
    assert kept.ca_bundle and Path(kept.ca_bundle).read_bytes() == ca.read_bytes()
    marie.add_person()
    with enrolment.transport_for(marie.store, marie.paths) as transport:
        from stpaul_field.sync.engine import SyncEngine

        assert SyncEngine(marie.store, transport).run().pushed == 1


# ---- refusals ------------------------------------------------------------------------------


def test_an_older_protocol_gets_a_clear_french_refusal(world: SyncWorld, monkeypatch) -> None:
    marie = world.laptop("marie")
    monkeypatch.setattr(p, "MIN_PROTOCOL_VERSION", p.PROTOCOL_VERSION + 1)  # the server moved on
    from stpaul_field.server import wire

    monkeypatch.setattr(wire, "MIN_PROTOCOL_VERSION", p.PROTOCOL_VERSION + 1)
    marie.add_person()
    with pytest.raises(ProtocolError) as refused:
        marie.sync()
    assert "trop ancienne" in refused.value.message and "mise à jour" in refused.value.message
    assert len(marie.outbox()) == 1  # kept on the laptop meanwhile
    from stpaul_field.sync import state

    with marie.store.reader() as s:
        assert state.get(s, state.LAST_ERROR) == refused.value.message
        assert state.get(s, state.OFFLINE_SINCE) is None  # not offline: a version to install


def test_a_revoked_device_is_told_so_in_french(world: SyncWorld) -> None:
    marie = world.laptop("marie")
    from stpaul_field.server import admin

    assert marie.enrolment is not None
    with world.env.db.writer(sequenced=False) as s:
        admin.revoke_device(
            s, marie.enrolment.device_id, by=world.coord_id, team_id=world.env.teams["Saint-Paul"]
        )
    with pytest.raises(AuthError) as refused:
        marie.sync()
    assert "révoqué" in refused.value.message


def test_a_wrong_password_at_enrolment_is_refused_in_french(world: SyncWorld) -> None:
    from stpaul_field.sync import enrolment

    laptop = world.laptop(None)
    with pytest.raises(AuthError) as refused:
        enrolment.enrol(laptop.store, laptop.paths, world.live.url, "marie", "faux", "PC")
    assert refused.value.message == "Identifiant ou mot de passe incorrect."
    assert enrolment.load_enrolment(laptop.store) is None
