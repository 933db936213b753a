"""Enrolment (login + password -> device token) and device authentication on every request."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.orm import Session

from stpaul_field.domain.ids import new_id
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.errors import ApiError, not_enrolled
from stpaul_field.server.models import Account, Device, Journal, Record
from stpaul_field.server.security import Throttle, fold_login, new_token, token_hash, verify_password
from stpaul_field.server.settings import ServerSettings
from stpaul_field.store.models import utcnow
from stpaul_field.sync.protocol import EnrolRequest, EnrolResponse

LAST_SEEN_EVERY = dt.timedelta(minutes=1)
# Run on every request: built once, on the tables (the ORM's layers cost more than the query).
_DEVICES, _RECORDS = Device.__table__, Record.__table__
_DEVICE = select(
    _DEVICES.c.id,
    _DEVICES.c.advisor_id,
    _DEVICES.c.team_id,
    _DEVICES.c.last_seen_at,
    _DEVICES.c.revoked_at,
    _RECORDS.c.fields,
).outerjoin(_RECORDS, (_RECORDS.c.entity == "advisor") & (_RECORDS.c.id == _DEVICES.c.advisor_id))
_BY_TOKEN = _DEVICE.where(_DEVICES.c.token_hash == bindparam("digest"))
# The same device, again, inside the request's own transaction (see `still_allowed`).
_BY_ID = _DEVICE.where(_DEVICES.c.id == bindparam("device"))
_SEEN = update(_DEVICES).where(_DEVICES.c.id == bindparam("device")).values(last_seen_at=bindparam("now"))
BAD_LOGIN = "Identifiant ou mot de passe incorrect."


def _disabled() -> ApiError:
    return ApiError(
        403, "Votre compte est désactivé : adressez-vous à votre coordinateur.", "account_disabled"
    )


def _active(advisor: dict | None) -> bool:
    return advisor is not None and advisor.get("active", True) and advisor.get("deleted_at") is None


def _display_name(advisor: dict) -> str:
    return f"{advisor.get('first_name', '')} {advisor.get('last_name', '')}".strip()


def bearer_token(header: str | None) -> str:
    if not header:
        raise not_enrolled()
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        raise not_enrolled()
    return token


def authenticate(db: Database, authorization: str | None, defer_seen: bool = False) -> Caller:
    """The device behind `Authorization: Bearer <token>`, or a 401/403 ApiError.

    The device's last-seen time is updated at most once a minute; with `defer_seen`, the
    caller's `seen_due` says it is due and the caller makes the update in its own write
    transaction (`mark_seen`): a sync then commits once, not twice.

    Why the lookup needs no constant-time comparison: the token itself is never compared,
    only its SHA-256 is looked up in the index. How long that takes can tell at most how much
    of a *hash* matched, and steering a hash's prefix means inverting SHA-256 on 256 random
    bits. The server's one comparison of a secret is the password check, done by libargon2's
    `argon2_verify` (a constant-time compare). `tests/test_secret_comparisons.py` keeps any
    `==` on a secret out of the code.
    """
    digest = token_hash(bearer_token(authorization))
    with db.one_connection():
        return _authenticate(db, digest, defer_seen)


def mark_seen(session: Session, caller: Caller) -> None:
    """Record that the caller's device was seen now (in the caller's write transaction)."""
    session.execute(_SEEN, {"device": caller.device_id, "now": utcnow()})


def still_allowed(session: Session, caller: Caller) -> None:
    """Raise the 401/403 if the caller's device was revoked or its advisor disabled since the
    request was authenticated: called inside the transaction that writes or reads for it, so
    that a request whose body arrives after a revocation gets nothing (issue 17)."""
    _refuse(session.execute(_BY_ID, {"device": caller.device_id}).first())


def _refuse(device: Row | None) -> None:
    if device is None:
        raise not_enrolled()
    if device.revoked_at is not None:
        when = device.revoked_at.strftime("%d/%m/%Y")
        raise ApiError(
            401,
            f"Ce poste a été révoqué le {when} par un coordinateur : il ne peut plus synchroniser. "
            "Si c'est une erreur, demandez à votre coordinateur, puis inscrivez le poste à nouveau.",
            "device_revoked",
            {"WWW-Authenticate": "Bearer"},
        )
    if not _active(device.fields):
        raise _disabled()


def _authenticate(db: Database, digest: str, defer_seen: bool) -> Caller:
    with db.session() as s:
        device = s.execute(_BY_TOKEN, {"digest": digest}).first()
    _refuse(device)
    assert device is not None
    caller = Caller(device.id, device.advisor_id, device.team_id, str(device.fields.get("role", "")))
    if device.last_seen_at is not None and utcnow() - device.last_seen_at <= LAST_SEEN_EVERY:
        return caller
    if defer_seen:
        return dataclasses.replace(caller, seen_due=True)
    with db.writer(sequenced=False) as s:
        mark_seen(s, caller)
    return caller


def enrol(db: Database, settings: ServerSettings, request: EnrolRequest, client: str) -> EnrolResponse:
    """Check the login (throttled), then issue a device token, shown once and kept only hashed."""
    login = fold_login(request.login)
    keys = (
        (f"login:{login}", settings.login_max_failures),
        (f"ip:{client}", settings.login_max_failures_per_ip),
    )
    throttle = Throttle(settings.login_window_s, settings.login_lockout_s)
    with db.session() as s:
        wait = max(throttle.locked_for(s, key) for key, _ in keys)
        account = s.scalar(select(Account).where(Account.login == login))
        advisor = None if account is None else s.get(Record, ("advisor", account.advisor_id))
    if wait:
        minutes = max(1, round(wait / 60))
        raise ApiError(
            429,
            f"Trop de tentatives de connexion échouées : réessayez dans {minutes} minute(s).",
            "throttled",
            {"Retry-After": str(wait)},
        )
    # Verified even for an unknown login, so that timing does not tell which logins exist.
    if not verify_password(account.password_hash if account else None, request.password):
        with db.writer(sequenced=False) as s:
            for key, limit in keys:
                throttle.fail(s, key, limit)
        raise ApiError(401, BAD_LOGIN, "bad_login")
    assert account is not None
    fields = advisor.fields if advisor is not None else None
    if not _active(fields):
        raise _disabled()
    token = new_token()
    device_id = new_id()
    now = utcnow()
    with db.writer(sequenced=False) as s:
        throttle.succeed(s, keys[0][0])
        s.add(
            Device(
                id=device_id,
                advisor_id=account.advisor_id,
                team_id=account.team_id,
                name=request.device_name.strip() or "Poste",
                token_hash=token_hash(token),
                created_at=now,
                last_seen_at=now,
            )
        )
        s.add(
            Journal(
                at=now,
                advisor_id=account.advisor_id,
                device_id=device_id,
                entity="device",
                record_id=device_id,
                op="enrol",
            )
        )
    assert fields is not None
    return EnrolResponse(
        device_id=device_id,
        token=token,
        advisor_id=account.advisor_id,
        team_id=account.team_id,
        role=str(fields.get("role", "")),
        display_name=_display_name(fields),
    )


def parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
