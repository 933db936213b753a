"""Passwords (argon2id), device tokens (random, kept only as a hash) and login throttling."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from stpaul_field.server.models import LoginThrottle
from stpaul_field.store.models import utcnow

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
    """Counts failed logins per key ("login:…", "ip:…"); a key over its limit is locked."""

    def __init__(self, window_s: int, lockout_s: int) -> None:
        self.window = dt.timedelta(seconds=window_s)
        self.lockout = dt.timedelta(seconds=lockout_s)

    def locked_for(self, session: Session, key: str, now: dt.datetime | None = None) -> int:
        """Seconds until `key` may try again (0: not locked)."""
        now = now or utcnow()
        row = session.get(LoginThrottle, key)
        if row is None or row.locked_until is None or row.locked_until <= now:
            return 0
        return max(1, int((row.locked_until - now).total_seconds()))

    def fail(self, session: Session, key: str, limit: int, now: dt.datetime | None = None) -> None:
        now = now or utcnow()
        row = session.get(LoginThrottle, key, with_for_update=True)
        if row is None:
            row = LoginThrottle(key=key, failures=0, window_start=now)
            session.add(row)
        if now - row.window_start > self.window:
            row.failures, row.window_start = 0, now
        row.failures += 1
        if row.failures >= limit:
            row.locked_until = now + self.lockout
            row.failures, row.window_start = 0, now

    def succeed(self, session: Session, key: str) -> None:
        row = session.get(LoginThrottle, key)
        if row is not None:
            session.delete(row)
