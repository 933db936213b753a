"""Enrolment (login + password -> device token) and device authentication on every request."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.orm import Session

from stpaul_field.domain.clock import utcnow
from stpaul_field.domain.ids import new_id
from stpaul_field.server.caller import Caller
from stpaul_field.server.db import Database
from stpaul_field.server.errors import ApiError, not_enrolled
from stpaul_field.server.models import Account, Device, Journal, Record
from stpaul_field.server.security import Throttle, fold_login, new_token, token_hash
from stpaul_field.server.settings import ServerSettings
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


def device_caller(session: Session, device_id: uuid.UUID) -> Caller:
    """The device `device_id` as if it called itself (a sync file it wrote, issue 20): the same
    refusals as its token would get — unknown, revoked, advisor disabled."""
    device = session.execute(_BY_ID, {"device": device_id}).first()
    _refuse(device)
    assert device is not None
    return Caller(device.id, device.advisor_id, device.team_id, str(device.fields.get("role", "")))


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


@dataclasses.dataclass(frozen=True)
class LoginAttempt:
    """An enrolment whose attempt is reserved (`Throttle`): its password is to be checked."""

    keys: tuple[str, str, str]  # this login from this address, this login, this address
    password_hash: str | None  # None: no such login (a dummy hash is checked all the same)
    advisor_id: uuid.UUID | None
    team_id: uuid.UUID | None
    advisor: dict | None  # the advisor record's fields


def begin_login(db: Database, settings: ServerSettings, request: EnrolRequest, client: str) -> LoginAttempt:
    """Reserve the attempt on every key, or refuse it (429, nothing counted) while one must wait."""
    login = fold_login(request.login)
    rules = (
        (f"pair:{login}|{client}", settings.login_max_failures, settings.login_max_delay_s),
        (f"login:{login}", settings.login_max_failures_per_login, settings.login_shared_max_delay_s),
        (f"ip:{client}", settings.login_max_failures_per_ip, settings.login_shared_max_delay_s),
    )
    throttle = Throttle(settings.login_window_s)
    now = utcnow()
    with db.writer(sequenced=False) as s:
        # Always in this order: two attempts never wait for each other's row locks crosswise.
        wait = max(throttle.reserve(s, key[:200], free, cap, now) for key, free, cap in rules)
        if wait:  # raised inside: the reservations already made on the other keys are undone
            raise ApiError(
                429,
                f"Trop de tentatives de connexion échouées : réessayez dans {_delay(wait)}.",
                "throttled",
                {"Retry-After": str(wait)},
            )
        account = s.scalar(select(Account).where(Account.login == login))
        advisor = None if account is None else s.get(Record, ("advisor", account.advisor_id))
    pair, by_login, by_ip = (key[:200] for key, _, _ in rules)
    return LoginAttempt(
        (pair, by_login, by_ip),
        account.password_hash if account else None,
        account.advisor_id if account else None,
        account.team_id if account else None,
        advisor.fields if advisor is not None else None,
    )


def _delay(seconds: int) -> str:
    return f"{seconds} seconde(s)" if seconds < 90 else f"{round(seconds / 60)} minute(s)"


def finish_login(db: Database, attempt: LoginAttempt, password_ok: bool, device_name: str) -> EnrolResponse:
    """After the password check: a 401 (the reserved attempt stays a failure), a 403 for a
    disabled advisor, or a new device token, shown once and kept only hashed."""
    if not password_ok or attempt.advisor_id is None or attempt.team_id is None:
        raise ApiError(401, BAD_LOGIN, "bad_login")
    fields = attempt.advisor
    token = new_token()
    device_id = new_id()
    now = utcnow()
    with db.writer(sequenced=False) as s:
        pair, by_login, by_ip = attempt.keys
        throttle = Throttle(0)
        throttle.give_back(s, pair, forget=True)
        throttle.give_back(s, by_login, forget=True)
        throttle.give_back(s, by_ip, forget=False)  # the others behind that address keep theirs
        if _active(fields):
            s.add(
                Device(
                    id=device_id,
                    advisor_id=attempt.advisor_id,
                    team_id=attempt.team_id,
                    name=device_name.strip() or "Poste",
                    token_hash=token_hash(token),
                    created_at=now,
                    last_seen_at=now,
                )
            )
            s.add(
                Journal(
                    at=now,
                    advisor_id=attempt.advisor_id,
                    device_id=device_id,
                    entity="device",
                    record_id=device_id,
                    op="enrol",
                )
            )
    if fields is None or not _active(fields):
        raise _disabled()
    return EnrolResponse(
        device_id=device_id,
        token=token,
        advisor_id=attempt.advisor_id,
        team_id=attempt.team_id,
        role=str(fields.get("role", "")),
        display_name=_display_name(fields),
    )


def parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
