"""Passwords (argon2id), device tokens (random, kept only as a hash) and login throttling."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from stpaul_field.server.models import LoginThrottle

MIN_PASSWORD_LENGTH = 10
_DUMMY_PASSWORD = "stpaul-field: pas un vrai mot de passe"


class _Hashing:
    hasher = PasswordHasher()
    # Checked when the login is unknown, so that a wrong login costs as much as a wrong password.
    dummy = hasher.hash(_DUMMY_PASSWORD)


def configure_hashing(time_cost: int, memory_kib: int) -> None:
    """The argon2id cost of new hashes (existing hashes carry their own parameters)."""
    current = _Hashing.hasher
    if (current.time_cost, current.memory_cost) == (time_cost, memory_kib):
        return
    _Hashing.hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
    _Hashing.dummy = _Hashing.hasher.hash(_DUMMY_PASSWORD)


def hash_password(password: str) -> str:
    return _Hashing.hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        ok = _Hashing.hasher.verify(password_hash or _Hashing.dummy, password)
    except (VerificationError, InvalidHashError):
        return False
    return ok and password_hash is not None


def password_problem(password: str) -> str | None:
    """Why a new password is refused, in French; None if acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Le mot de passe doit compter au moins {MIN_PASSWORD_LENGTH} caractères."
    if len(password) > 200:
        return "Le mot de passe ne doit pas dépasser 200 caractères."
    return None


def fold_login(login: str) -> str:
    return login.strip().lower()


def new_token() -> str:
    """256 random bits: a hash without salt is enough to keep it (no dictionary to try)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class Throttle:
    """Failed logins per key ("pair:login|address", "login:…", "ip:…"), shared by every worker.

    A key's first `free` failures cost nothing; from then on each one makes the next try wait
    twice as long (1 s, 2 s, 4 s … up to the key's cap). No hard lock: a known person is never
    locked out for longer than the cap by someone else's guesses. A key is forgotten after
    `window` without an attempt.

    An attempt is reserved (counted as a failure) before its password is checked, in the
    transaction that reads the key, under a row lock: many guesses at once are counted one
    after the other, and only the free ones get checked. A success gives its reservation back.
    """

    def __init__(self, window_s: int) -> None:
        self.window = dt.timedelta(seconds=window_s)

    def reserve(self, session: Session, key: str, free: int, cap_s: int, now: dt.datetime) -> int:
        """Count an attempt on `key`: 0 if it may go on, else the seconds to wait (not counted)."""
        row = _locked_row(session, key, now)
        if now - row.window_start > self.window:
            row.failures, row.locked_until = 0, None
        if row.locked_until is not None and row.locked_until > now:
            return max(1, math.ceil((row.locked_until - now).total_seconds()))
        row.failures += 1
        row.window_start = now
        beyond = row.failures - free
        row.locked_until = None if beyond < 0 else now + dt.timedelta(seconds=min(2**beyond, cap_s))
        return 0

    def give_back(self, session: Session, key: str, forget: bool) -> None:
        """The password was right: the attempt was no failure (`forget`: nor were the earlier ones)."""
        row = session.get(LoginThrottle, key, with_for_update=True)
        if row is None:
            return
        if forget:
            session.delete(row)
        else:
            row.failures = max(0, row.failures - 1)


def _locked_row(session: Session, key: str, now: dt.datetime) -> LoginThrottle:
    """The key's row, created if missing, locked until the transaction ends: concurrent first
    attempts on a new key do not both insert it (PostgreSQL; SQLite's writer holds its lock)."""
    table = LoginThrottle.__table__
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    new_row = insert(table).values(key=key, failures=0, window_start=now)
    session.execute(new_row.on_conflict_do_nothing(index_elements=["key"]))
    row = session.get(LoginThrottle, key, with_for_update=True, populate_existing=True)
    assert row is not None
    return row
