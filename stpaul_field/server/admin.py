"""Administration of the central record, shared by the admin CLI, the coordinator API and tests.

Every function takes a session from `Database.writer()` (record writes need its lock) and
raises `AdminError` with a French message when asked for something impossible.

    db = Database(url)
    with db.writer() as s:
        team = create_team(s, "Saint-Paul")
        advisor_id = create_advisor(s, team, "marie", "un mot de passe long", "conseiller_numerique",
                                    "Marie", "Payet")
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.clock import utcnow
from stpaul_field.domain.hlc import HybridClock
from stpaul_field.domain.ids import new_id
from stpaul_field.domain.reference import reference_data
from stpaul_field.server.book import RecordBook
from stpaul_field.server.models import Account, Device, Journal, Record, Team
from stpaul_field.server.records import SPECS, FieldValueError, coerce, new_document, record_errors
from stpaul_field.server.security import fold_login, hash_password, password_problem

SERVER_NODE = "server"


class AdminError(ValueError):
    """A refused administrative action; the message is French."""


def _stamp() -> str:
    return HybridClock(SERVER_NODE).now().encode()


def _team(session: Session, team: Team | uuid.UUID | str) -> Team:
    if isinstance(team, Team):
        return team
    found = None
    if isinstance(team, uuid.UUID):
        found = session.get(Team, team)
    else:
        found = session.scalar(select(Team).where(Team.name == team))
        if found is None:
            try:
                found = session.get(Team, uuid.UUID(team))
            except ValueError:
                found = None
    if found is None:
        raise AdminError(f"Équipe introuvable : {team}.")
    return found


def create_team(session: Session, name: str) -> Team:
    name = name.strip()
    if not name or len(name) > 100:
        raise AdminError("Le nom de l'équipe est obligatoire (100 caractères au plus).")
    if session.scalar(select(Team).where(Team.name == name)) is not None:
        raise AdminError(f"L'équipe « {name} » existe déjà.")
    team = Team(id=new_id(), name=name, created_at=utcnow())
    session.add(team)
    session.flush()
    return team


def _store_record(
    session: Session,
    entity: str,
    record_id: uuid.UUID,
    team_id: uuid.UUID | None,
    fields: dict[str, Any],
    baseline: bool = False,
) -> None:
    now = utcnow()
    doc = new_document(entity, now)
    try:
        doc.update({name: coerce(SPECS[entity][name], value) for name, value in fields.items()})
    except (FieldValueError, KeyError) as e:
        raise AdminError(str(e)) from None
    errors = record_errors(entity, doc, now.date())
    if errors:
        raise AdminError(" ".join(errors))
    book = RecordBook(session, now)
    book.put(
        entity,
        record_id,
        team_id,
        doc,
        list(doc),
        _stamp(),
        advisor_id=None,
        device_id=None,
        baseline=baseline,
    )
    book.flush()


def create_advisor(
    session: Session,
    team: Team | uuid.UUID | str,
    login: str,
    password: str,
    role: str = "conseiller_numerique",
    first_name: str = "",
    last_name: str = "",
) -> uuid.UUID:
    """An advisor's account and its `advisor` record (synced to the team's laptops); returns its id."""
    team = _team(session, team)
    folded = fold_login(login)
    if not folded or len(folded) > 100:
        raise AdminError("L'identifiant est obligatoire (100 caractères au plus).")
    if role not in v.ADVISOR_ROLES:
        raise AdminError(f"Rôle inconnu « {role} » : {', '.join(v.ADVISOR_ROLES.codes)}.")
    problem = password_problem(password)
    if problem:
        raise AdminError(problem)
    if session.scalar(select(Account).where(Account.login == folded)) is not None:
        raise AdminError(f"L'identifiant « {folded} » est déjà pris.")
    advisor_id = new_id()
    _store_record(
        session,
        "advisor",
        advisor_id,
        team.id,
        {"first_name": first_name, "last_name": last_name, "role": role, "team_id": str(team.id)},
    )
    now = utcnow()
    session.add(
        Account(
            advisor_id=advisor_id,
            team_id=team.id,
            login=folded,
            password_hash=hash_password(password),
            created_at=now,
            password_changed_at=now,
        )
    )
    session.flush()
    return advisor_id


def set_password(session: Session, login: str, password: str) -> None:
    account = session.scalar(select(Account).where(Account.login == fold_login(login)))
    if account is None:
        raise AdminError("Identifiant inconnu.")
    problem = password_problem(password)
    if problem:
        raise AdminError(problem)
    account.password_hash = hash_password(password)
    account.password_changed_at = utcnow()


def set_advisor_active(session: Session, login: str, active: bool) -> uuid.UUID:
    """Disable (or enable again) an advisor: their devices are refused while disabled."""
    account = session.scalar(select(Account).where(Account.login == fold_login(login)))
    if account is None:
        raise AdminError("Identifiant inconnu.")
    rec = session.get(Record, ("advisor", account.advisor_id))
    if rec is None:
        raise AdminError("Fiche du conseiller introuvable.")
    doc = {**rec.fields, "active": active}
    book = RecordBook(session, utcnow())
    book.put("advisor", rec.id, rec.team_id, doc, ["active"], _stamp(), advisor_id=None, device_id=None)
    book.flush()
    return account.advisor_id


def create_venue(
    session: Session,
    team: Team | uuid.UUID | str | None,
    name: str,
    kind: str = "espace_numerique",
    **fields: Any,
) -> uuid.UUID:
    """A venue of `team`, or shared by every team when `team` is None."""
    team_id = None if team is None else _team(session, team).id
    venue_id = new_id()
    _store_record(session, "venue", venue_id, team_id, {"name": name, "kind": kind, **fields})
    return venue_id


def seed_reference(session: Session) -> int:
    """Saint-Paul's shipped venues (the laptops' fixed ids), shared by every team; returns how many
    were added. Venues already present are left as they are.

    Laptops load the same venues at first start without pulling them: their fields count as
    version 0 on both sides, so a coordinator's first edit of one is not a conflict.
    """
    added = 0
    for item in reference_data()["venues"]:
        venue_id = uuid.UUID(item["id"])
        if session.get(Record, ("venue", venue_id)) is not None:
            continue
        fields = {k: val for k, val in item.items() if k != "id"}
        _store_record(session, "venue", venue_id, None, fields, baseline=True)
        added += 1
    return added


@dataclass(frozen=True)
class DeviceInfo:
    id: uuid.UUID
    name: str
    advisor_id: uuid.UUID
    login: str
    team_id: uuid.UUID
    created_at: dt.datetime
    last_seen_at: dt.datetime | None
    revoked_at: dt.datetime | None


def list_devices(session: Session, team: Team | uuid.UUID | str | None = None) -> list[DeviceInfo]:
    query = select(Device, Account.login).join(Account, Account.advisor_id == Device.advisor_id)
    if team is not None:
        query = query.where(Device.team_id == _team(session, team).id)
    rows = session.execute(query.order_by(Device.created_at)).all()
    return [
        DeviceInfo(d.id, d.name, d.advisor_id, login, d.team_id, d.created_at, d.last_seen_at, d.revoked_at)
        for d, login in rows
    ]


def revoke_device(
    session: Session,
    device_id: uuid.UUID | str,
    by: uuid.UUID | None = None,
    team_id: uuid.UUID | None = None,
) -> DeviceInfo:
    """Revoke a device (its next request is refused). `team_id`: only within that team."""
    try:
        device = session.get(Device, uuid.UUID(str(device_id)))
    except ValueError:
        device = None
    if device is None or (team_id is not None and device.team_id != team_id):
        raise AdminError("Poste introuvable.")
    if device.revoked_at is None:
        device.revoked_at = utcnow()
        device.revoked_by = by
        session.add(
            Journal(at=device.revoked_at, advisor_id=by, entity="device", record_id=device.id, op="revoke")
        )
    session.flush()
    return next(d for d in list_devices(session, device.team_id) if d.id == device.id)


def export_records(
    session: Session, entity: str | None = None, team: Team | uuid.UUID | str | None = None
) -> Iterator[dict[str, Any]]:
    """Every record (tombstones included) as {entity, id, team_id, version, **fields}, by seq."""
    query = select(Record).order_by(Record.seq)
    if entity is not None:
        if entity not in SPECS:
            raise AdminError(f"Type d'enregistrement inconnu « {entity} » : {', '.join(SPECS)}.")
        query = query.where(Record.entity == entity)
    if team is not None:
        query = query.where(Record.team_id == _team(session, team).id)
    for rec in session.scalars(query.execution_options(yield_per=1000)):
        yield {
            "entity": rec.entity,
            "id": str(rec.id),
            "team_id": None if rec.team_id is None else str(rec.team_id),
            "version": rec.seq,
            **rec.fields,
        }
