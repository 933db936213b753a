"""The transport's TLS policy (issue 9) and its errors, in French, for every way a server refuses."""

from __future__ import annotations

import socket
import uuid
from pathlib import Path

import pytest

from stpaul_bench.central_record import PASSWORD, make_certificates, serve_in_thread
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


@pytest.fixture(params=["cryptography", "openssl"])
def tls_world(request: pytest.FixtureRequest, world: SyncWorld, tmp_path: Path):
    ca, cert, key = make_certificates(tmp_path, with_openssl=request.param == "openssl")
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
    with enrolment.transport_for(marie.store) as transport:
        from stpaul_field.sync.engine import SyncEngine

        assert SyncEngine(marie.store, transport).run().pushed == 1


def test_ssl_cert_file_does_not_make_the_laptop_trust_a_server(tls_world, monkeypatch) -> None:
    world, url, ca = tls_world
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))  # set by someone else, for something else
    monkeypatch.setenv("SSL_CERT_DIR", str(ca.parent))
    enrol = p.EnrolRequest(login="marie", password=PASSWORD, device_name="PC")
    with pytest.raises(InsecureServerError), Transport(url) as transport:
        transport.enrol(enrol)
    with Transport(url, ca_bundle=ca) as transport:  # only --ca-bundle adds an authority
        assert transport.enrol(enrol).advisor_id == world.marie_id


def test_the_system_authorities_are_still_trusted() -> None:
    import ssl

    from stpaul_field.sync.transport import tls_context

    context = tls_context(None)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    defaults = ssl.get_default_verify_paths()
    if defaults.openssl_cafile and Path(defaults.openssl_cafile).is_file():
        assert context.cert_store_stats()["x509_ca"] > 0


def test_plain_http_to_this_machine_reads_no_authority(monkeypatch) -> None:
    """Each sync makes a transport: reading the system's authorities costs 80 ms, for nothing
    over plain http to this machine (a local server, the tests' hundreds of syncs)."""
    from stpaul_field.sync import transport

    def read(_context: object) -> None:
        raise AssertionError("the system's authorities were read")

    monkeypatch.setattr(transport, "_load_system_authorities", read)
    Transport("http://127.0.0.1:8000").close()
    with pytest.raises(AssertionError):  # https still verifies against them
        Transport("https://cr.saint-paul.re")


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


def test_a_newer_app_syncs_with_a_server_not_yet_updated(world: SyncWorld, monkeypatch) -> None:
    # The central record still speaks the previous protocol only; this app still knows it.
    from stpaul_field.server import exchange, wire

    older = p.PROTOCOL_VERSION - 1
    assert older >= p.MIN_PROTOCOL_VERSION
    monkeypatch.setattr(wire, "PROTOCOL_VERSION", older)
    monkeypatch.setattr(exchange, "PROTOCOL_VERSION", older)
    marie, paul = world.laptop("marie"), world.laptop("paul")
    person = marie.add_person(phone="0692123456")
    engine = marie.engine()
    try:
        report = engine.run()
        assert report.complete and report.pushed == 1
        # One refused request to learn the server's version, then its version from then on.
        assert engine.transport.protocol == older and report.round_trips == 2
    finally:
        engine.transport.close()  # type: ignore[attr-defined]
    assert paul.sync().complete
    assert paul.get("beneficiary", person).phone == "0692123456"


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


def test_a_series_waits_on_the_laptop_while_the_server_is_not_updated_for_it(
    world: SyncWorld, monkeypatch
) -> None:
    import datetime as dt

    from stpaul_field.domain.entities import SeriesData, SessionSlot
    from stpaul_field.server import exchange, wire
    from stpaul_field.store import activities, series
    from stpaul_field.sync.transport import SERVER_WITHOUT_SERIES

    marie = world.laptop("marie")
    assert marie.sync().complete  # her advisor's record first
    with marie.store.session() as s:
        person = activities.create_beneficiary(s, "Hélène", "Payet")
        slots = [SessionSlot(dt.date(2026, 12, d), dt.time(9), dt.time(11)) for d in (8, 15)]
        data = SeriesData(advisor_id=world.marie_id, title="Cycle", themes=["email"], place_type="a_distance")
        series.create_series(s, data, slots, [person])
    waiting = len(marie.outbox())
    monkeypatch.setattr(wire, "PROTOCOL_VERSION", 2)  # a central record before workshop series
    monkeypatch.setattr(exchange, "PROTOCOL_VERSION", 2)
    with pytest.raises(ProtocolError) as refused:
        marie.sync()
    assert refused.value.message == SERVER_WITHOUT_SERIES
    assert len(marie.outbox()) == waiting  # nothing lost, nothing half sent
