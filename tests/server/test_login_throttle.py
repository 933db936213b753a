"""The login throttle (issue 17): concurrency cannot beat it, a burst cannot take the server's
memory, and nobody's guesses lock a known advisor out.

The enrolment endpoint reserves the attempt before it checks the password, checks a few
passwords at a time (`password_checks`), and answers failures with delays that grow per
login and address, per login and per address, each up to a cap.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from stpaul_bench.central_record import PASSWORD, ServerEnv
from stpaul_field.server import auth, security

TEAM = "Saint-Paul"


class Clock:
    """The throttle's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(auth, "utcnow", fake)
    return fake


@pytest.fixture
def env(server_env: ServerEnv) -> Iterator[ServerEnv]:
    server_env.advisor(TEAM, "marie", first_name="Marie", last_name="Payet")
    server_env.advisor(TEAM, "paul", first_name="Paul", last_name="Técher")
    yield server_env


async def _logins(env: ServerEnv, attempts: list[tuple[str, str, str]]) -> list[httpx.Response]:
    """Every (login, password, address) at once."""

    async def one(login: str, password: str, address: str) -> httpx.Response:
        transport = httpx.ASGITransport(app=env.app, client=(address, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://record") as client:
            body = {"login": login, "password": password, "device_name": "PC"}
            return await client.post("/api/v1/enrol", json=body)

    return list(await asyncio.gather(*(one(*attempt) for attempt in attempts)))


def _login(env: ServerEnv, login: str, password: str, address: str = "10.0.0.1") -> httpx.Response:
    return asyncio.run(_logins(env, [(login, password, address)]))[0]


def _fail(env: ServerEnv, clock: Clock, times: int, address: str, login: str = "marie") -> None:
    """`times` wrong passwords counted, each after waiting as long as the server asks."""
    counted = 0
    for _ in range(2 * times):  # each wait is honoured: one 429 at most before each failure
        if counted == times:
            return
        r = _login(env, login.format(counted), "faux", address)
        if r.status_code == 429:
            clock.wait(int(r.headers["retry-after"]))
        else:
            assert r.status_code == 401
            counted += 1
    assert counted == times, "the server asked to wait again after the wait it asked for"


def test_forty_guesses_at_once_get_five_checks_two_at_a_time(
    env: ServerEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    checking, checked, most = 0, 0, 0
    lock = threading.Lock()
    verify = security.verify_password

    def counted(password_hash: str | None, password: str) -> bool:
        nonlocal checking, checked, most
        with lock:
            checking, checked = checking + 1, checked + 1
            most = max(most, checking)
        time.sleep(0.05)  # as long as a real argon2id check: the burst overlaps
        try:
            return verify(password_hash, password)
        finally:
            with lock:
                checking -= 1

    monkeypatch.setattr(security, "verify_password", counted)
    answers = asyncio.run(_logins(env, [("marie", f"faux {i}", "10.0.0.1") for i in range(40)]))
    statuses = sorted(r.status_code for r in answers)
    settings = env.app.state.settings
    assert statuses.count(401) == checked == settings.login_max_failures
    assert statuses.count(429) == 40 - checked
    assert most <= settings.password_checks


def test_the_right_password_is_not_locked_out_by_someone_elses_guesses(env: ServerEnv, clock: Clock) -> None:
    _fail(env, clock, 8, "10.6.6.6")  # an attacker's guesses from one address: delays for them...
    r = _login(env, "marie", "faux encore", "10.6.6.6")
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 8
    # ...but Marie, from her espace numérique, gets in at once.
    assert _login(env, "marie", PASSWORD, "10.0.0.1").status_code == 200


def test_delays_grow_after_the_free_tries_and_the_right_password_then_passes(
    env: ServerEnv, clock: Clock
) -> None:
    free = env.app.state.settings.login_max_failures
    for _ in range(free):
        assert _login(env, "marie", "faux").status_code == 401
    waits = []
    for _ in range(3):
        r = _login(env, "marie", PASSWORD)
        assert r.status_code == 429 and "réessayez dans" in r.json()["detail"]
        waits.append(int(r.headers["retry-after"]))
        clock.wait(waits[-1])
        assert _login(env, "marie", "faux").status_code == 401
    assert waits == [1, 2, 4]  # not 15 minutes of lock-out
    clock.wait(8)
    assert _login(env, "marie", PASSWORD).status_code == 200
    # The success forgave Marie's failures: a typo now costs nothing.
    assert _login(env, "marie", "faux").status_code == 401
    assert _login(env, "marie", PASSWORD).status_code == 200


def test_a_shared_address_slows_its_advisors_down_without_locking_them_out(
    env: ServerEnv, clock: Clock
) -> None:
    settings = env.app.state.settings
    # Someone's guesses on many logins behind one address (an espace numérique's connection).
    _fail(env, clock, settings.login_max_failures_per_ip + 10, "10.0.0.9", login="inconnu{}")
    r = _login(env, "paul", PASSWORD, "10.0.0.9")
    assert r.status_code == 429 and int(r.headers["retry-after"]) <= settings.login_shared_max_delay_s
    clock.wait(int(r.headers["retry-after"]))
    assert _login(env, "paul", PASSWORD, "10.0.0.9").status_code == 200


def test_many_logins_from_one_address_that_succeed_are_never_slowed(env: ServerEnv) -> None:
    settings = env.app.state.settings
    for _ in range(settings.login_max_failures_per_ip + 5):  # a training day: every laptop enrolled
        assert _login(env, "paul", PASSWORD, "10.0.0.9").status_code == 200
