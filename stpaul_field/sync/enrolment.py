"""Enrolling a laptop with the central record, once, online, with the advisor's account.

The server answers a device token. It is kept in the OS keyring (service "stpaul-field",
account "device-token-<device id>"); where no keyring works (headless Linux), in the
store's sync state — encrypted at rest with the rest of the store, whose key then comes
from the advisor's passphrase. The enrolment itself (server address, ids, names, no
token) is kept in the store's sync state too.

Work recorded before enrolment belongs to the laptop's placeholder advisor
(`store.reference`); the first enrolment hands it to the enrolling advisor.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from stpaul_field.paths import AppPaths
from stpaul_field.store.database import Store
from stpaul_field.store.keys import KEYRING_SERVICE, system_keyring
from stpaul_field.store.models import Activity, Advisor, OutboxEntry, utcnow
from stpaul_field.store.outbox import APPLYING_REMOTE
from stpaul_field.store.reference import LOCAL_ADVISOR_KEY, local_advisor_id
from stpaul_field.sync import file_keys, state
from stpaul_field.sync.errors import NotEnrolledError
from stpaul_field.sync.protocol import EnrolRequest
from stpaul_field.sync.transport import Transport, check_server_url

CA_BUNDLE_FILE = "ca-bundle.pem"
NOT_ENROLLED = (
    "Ce poste n'est pas encore inscrit au registre central : inscrivez-le une fois, en ligne, "
    "avec votre identifiant (stpaul-field enrol --server ADRESSE --user IDENTIFIANT)."
)


@dataclass(frozen=True)
class Enrolment:
    server_url: str
    device_id: uuid.UUID
    advisor_id: uuid.UUID
    team_id: uuid.UUID
    display_name: str
    role: str
    ca_bundle: str | None = None  # the city's authority, copied under the config directory

    def to_json(self) -> str:
        return json.dumps({k: str(v) if isinstance(v, uuid.UUID) else v for k, v in asdict(self).items()})

    @classmethod
    def from_json(cls, text: str) -> Enrolment:
        data = json.loads(text)
        for key in ("device_id", "advisor_id", "team_id"):
            data[key] = uuid.UUID(data[key])
        return cls(**data)


def load_enrolment(store: Store) -> Enrolment | None:
    with store.reader() as session:
        text = state.get(session, state.ENROLMENT)
    return None if text is None else Enrolment.from_json(text)


# ---- the device token -----------------------------------------------------------------


def _account(device_id: uuid.UUID) -> str:
    return f"device-token-{device_id}"


def save_token(session: Session, device_id: uuid.UUID, token: str) -> None:
    """Keep the token in the keyring, else in the (encrypted) store; the caller commits."""
    backend = system_keyring()
    if backend is not None:
        with contextlib.suppress(Exception):  # a keyring that refuses: fall back to the store
            backend.set_password(KEYRING_SERVICE, _account(device_id), token)
            state.put(session, state.DEVICE_TOKEN, None)
            return
    state.put(session, state.DEVICE_TOKEN, token)


def device_token(store: Store, enrolment: Enrolment) -> str:
    """The token of the enrolled device, from the keyring or the store."""
    backend = system_keyring()
    if backend is not None:
        with contextlib.suppress(Exception):
            token = backend.get_password(KEYRING_SERVICE, _account(enrolment.device_id))
            if token:
                return token
    with store.reader() as session:
        token = state.get(session, state.DEVICE_TOKEN)
    if token:
        return token
    raise NotEnrolledError(
        "Le jeton de ce poste est introuvable (trousseau du système ou poste) : inscrivez le poste à nouveau."
    )


def transport_for(store: Store) -> Transport:
    """A transport to the enrolled server with this laptop's token; NotEnrolledError if none."""
    enrolment = load_enrolment(store)
    if enrolment is None:
        raise NotEnrolledError(NOT_ENROLLED)
    return Transport(enrolment.server_url, device_token(store, enrolment), enrolment.ca_bundle)


# ---- enrolment --------------------------------------------------------------------------


def enrol(
    store: Store,
    paths: AppPaths,
    server_url: str,
    login: str,
    password: str,
    device_name: str,
    ca_bundle: str | Path | None = None,
) -> Enrolment:
    """Enrol this laptop; raises a SyncError (French message) if the server refuses or is unreachable."""
    server_url = check_server_url(server_url)  # before any connection
    with Transport(server_url, ca_bundle=ca_bundle) as transport:
        answer = transport.enrol(EnrolRequest(login=login, password=password, device_name=device_name))
    kept_bundle = None
    if ca_bundle is not None:
        paths.config.mkdir(parents=True, exist_ok=True)
        kept = paths.config / CA_BUNDLE_FILE
        if Path(ca_bundle).resolve() != kept.resolve():
            shutil.copyfile(ca_bundle, kept)
        kept_bundle = str(kept)
    enrolment = Enrolment(
        server_url=server_url,
        device_id=answer.device_id,
        advisor_id=answer.advisor_id,
        team_id=answer.team_id,
        display_name=answer.display_name,
        role=answer.role,
        ca_bundle=kept_bundle,
    )
    previous = load_enrolment(store)
    with store.session() as session:
        save_token(session, enrolment.device_id, answer.token)
        session.info[APPLYING_REMOTE] = True
        placeholder = local_advisor_id(session) if previous is None else None
        _know_advisor(session, enrolment)
        if previous is not None and (previous.server_url, previous.team_id) != (server_url, answer.team_id):
            state.put(session, state.CURSOR, None)  # another record: pull it from the start
        # A batch of the previous device's is not this device's to replay (its ops are re-sent).
        state.put(session, state.IN_FLIGHT, None)
        state.put(session, state.ENROLMENT, enrolment.to_json())
        state.put(session, LOCAL_ADVISOR_KEY, str(enrolment.advisor_id))
    if placeholder is not None and placeholder != enrolment.advisor_id:
        with store.session() as session:
            hand_over(session, placeholder, enrolment.advisor_id)
    # The keys for sync files, and the central record's public keys, with the enrolment.
    with Transport(server_url, answer.token, kept_bundle) as transport:
        file_keys.ensure_registered(store, transport, enrolling=True)
    return enrolment


def _know_advisor(session: Session, enrolment: Enrolment) -> None:
    """The enrolling advisor as the server described them, until the first pull brings the record."""
    if session.get(Advisor, enrolment.advisor_id) is None:
        first, _, last = enrolment.display_name.partition(" ")
        session.add(
            Advisor(
                id=enrolment.advisor_id,
                first_name=first,
                last_name=last,
                role=enrolment.role,
                team_id=enrolment.team_id,
            )
        )


def _replace(ids: list[str], old: str, new: str) -> list[str]:
    return [new if i == old else i for i in ids]


def hand_over(session: Session, placeholder: uuid.UUID, advisor_id: uuid.UUID) -> int:
    """Attribute the placeholder's activities to `advisor_id` by ordinary edits (queued for sync).

    Nothing was ever sent before enrolment, so the queued creations that still name the
    placeholder are corrected too: the server would refuse an activity led by an advisor it
    does not know. An activity whose creation was never queued (`seed-demo`'s, written as
    local only) is not the advisor's work: it changes hands without being queued, since an
    update of a record the central record never received is refused. Returns how many
    activities changed hands.
    """
    old, new = str(placeholder), str(advisor_id)
    queued = set(session.scalars(select(OutboxEntry.record_id).where(OutboxEntry.entity == "activity")))
    theirs = [
        a for a in session.scalars(select(Activity)) if a.advisor_id == placeholder or old in a.co_advisor_ids
    ]
    local_only = {a.id for a in theirs if a.server_version == 0 and a.id not in queued}
    for entry in session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "activity")):
        fields = dict(entry.fields)
        if fields.get("advisor_id") == old:
            fields["advisor_id"] = new
        if isinstance(fields.get("co_advisor_ids"), list):
            fields["co_advisor_ids"] = _replace(fields["co_advisor_ids"], old, new)
        if fields != entry.fields:
            entry.fields = fields

    def hand(activities: list[Activity]) -> None:
        for activity in activities:
            if activity.advisor_id == placeholder:
                activity.advisor_id = advisor_id
            if old in activity.co_advisor_ids:
                activity.co_advisor_ids = _replace(list(activity.co_advisor_ids), old, new)
        session.flush()

    hand([a for a in theirs if a.id not in local_only])  # ordinary edits, queued
    session.info[APPLYING_REMOTE] = True  # from here on, nothing is queued
    hand([a for a in theirs if a.id in local_only])
    person = session.get(Advisor, placeholder)
    if person is not None and person.server_version == 0:
        # Local only (never queued): hidden from lists, never sent.
        person.deleted_at = utcnow()
    return len(theirs)
