"""An import of an advisor's activity history (the Coop's activities export): the preview, then
one transaction that writes every new activity as done, with its people, through the outbox.

- People are matched to the register, or created, by the beneficiaries import itself
  (`store.beneficiary_import`: the same duplicate check, the same choices, the same writing):
  each person the file names is one row of that import, however many activities they came to.
- Each activity's id is derived from the Coop's « ID CRA » (`domain.activity_import`), so an
  activity already imported — on this laptop, or on another and synced — is left as it is: a
  second import of the same file adds nothing, and needs no column in the store.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.activity_import import ImportedActivity, label_key, participation_id_for
from stpaul_field.domain.beneficiary_import import RowError, name_key
from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.domain.validation import validate_activity, validate_beneficiary
from stpaul_field.store import beneficiary_import as people_import
from stpaul_field.store.activities import activity_values, anonymous_person
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation, Venue

Choice = people_import.Choice
Progress = people_import.Progress


@dataclass
class ActivityPreview:
    activities: list[ImportedActivity]  # every activity of the file
    new: list[ImportedActivity]  # not imported yet and without error: what may be written
    existing: int  # already in the store (imported before, here or on a synced laptop)
    people: people_import.Preview  # one row per person the new activities name
    person_rows: dict[int, int] = field(default_factory=dict)  # each named row -> its person's row
    errors: list[RowError] = field(default_factory=list)

    @property
    def duplicates(self) -> dict[int, people_import.Duplicate]:
        """The people found in the register, each with its choice (join, create, skip)."""
        return self.people.duplicates

    def plan(
        self, choices: Mapping[int, Choice] | None = None, default: Choice = "join"
    ) -> dict[str, Choice]:
        """Each new activity's fate, by ID CRA: created, or skipped when a person it needs is
        (an individual accompaniment's one person, or every participant of a workshop)."""
        people = self.people.plan(choices, default)
        out: dict[str, Choice] = {}
        for a in self.new:
            fates = [people.get(self.person_rows[p.row], "skip") != "skip" for p in a.people]
            kept = all(fates) if a.data.type == "individual" else any(fates) or bool(a.anonymous)
            out[a.id_cra] = "create" if kept else "skip"
        return out

    def counts(self, choices: Mapping[int, Choice] | None = None, default: Choice = "join") -> dict[str, int]:
        plan = self.plan(choices, default)
        people = self.people.counts(choices, default)
        return {
            "activités": sum(c == "create" for c in plan.values()),
            "accompagnements": sum(a.accompaniments for a in self.new if plan[a.id_cra] == "create"),
            "déjà importées": self.existing,
            "en erreur": len(self.activities) - self.existing - len(self.new),
            "ignorées": sum(c == "skip" for c in plan.values()),
            "personnes à créer": people["créer"],
            "personnes à joindre": people["fusionner"],
        }


def _ids(a: ImportedActivity) -> set[uuid.UUID]:
    """The ids an activity of the file may already have here: the one derived from its ID CRA,
    and the ID CRA itself when it is a UUID (an export of stpaul-field carries our ids)."""
    try:
        return {a.activity_id, uuid.UUID(a.id_cra)}
    except ValueError:
        return {a.activity_id}


def _already_there(session: Session, activities: Iterable[ImportedActivity]) -> set[uuid.UUID]:
    """The ids among these activities' that the store holds, deleted ones too (a deleted
    activity stays deleted)."""
    listed = sorted(set().union(*(_ids(a) for a in activities)))
    found: set[uuid.UUID] = set()
    for i in range(0, len(listed), 500):
        found.update(session.scalars(select(Activity.id).where(Activity.id.in_(listed[i : i + 500]))))
    return found


def someone_elses(session: Session, exporter: tuple[str, str], advisor_id: uuid.UUID | None) -> str | None:
    """Why this export cannot be this laptop's advisor's history (French), or None: it names as
    its exporter another advisor this laptop knows (their activities would be led by the wrong
    person, and the central record refuses an advisor's writing another's)."""
    key = name_key(*exporter)
    if not key:
        return None
    known = session.scalars(select(Advisor).where(Advisor.deleted_at.is_(None)))
    same = [a for a in known if name_key(a.first_name, a.last_name) == key]
    if not same or any(a.id == advisor_id for a in same):
        return None
    return (
        f"Cet export est celui de {same[0].display_name}, pas du conseiller de ce poste : "
        "importez-le sur son poste."
    )


def _venues(session: Session) -> dict[str, uuid.UUID]:
    live = select(Venue.id, Venue.name).where(Venue.deleted_at.is_(None))
    return {label_key(name): vid for vid, name in session.execute(live)}


def _held(a: ImportedActivity, there: set[uuid.UUID]) -> bool:
    return not _ids(a).isdisjoint(there)


def preview(
    session: Session,
    activities: list[ImportedActivity],
    columns: Mapping[str, str],
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ActivityPreview:
    """What the import would write; writes nothing. `columns`: the file's header of each of
    our names (`documents.activity_import.ReadActivities.columns`), for the errors."""
    there = _already_there(session, activities)
    venues = _venues(session)
    held = [a for a in activities if _held(a, there)]
    candidates: list[ImportedActivity] = []
    errors: list[RowError] = []
    for a in activities:
        if _held(a, there):
            continue
        if a.data.place_type == v.PLACE_WITH_VENUE and not a.errors:
            a.data.venue_id = venues.get(label_key(a.venue_name)) if a.venue_name else None
            if a.data.venue_id is None:
                header = columns.get("venue", "Nom du lieu")
                message = (
                    f"Lieu « {a.venue_name} » inconnu sur ce poste : synchronisez, ou demandez au "
                    "coordinateur de l'ajouter, puis importez à nouveau le fichier (rien ne sera importé "
                    "deux fois)."
                    if a.venue_name
                    else "Le nom du lieu d'activité est vide."
                )
                a.errors.append(RowError(a.row, header, message))
        errors.extend(a.errors)
        if not a.errors:
            candidates.append(a)
    # One row per person: the first time the file names them (same name, accents, case and
    # word order aside: `domain.beneficiary_import.name_key`, as the beneficiaries import).
    first_seen: dict[str, tuple[int, dict[str, str], str | None, str | None]] = {}
    person_rows: dict[int, int] = {}
    for a in candidates:
        for p in a.people:
            rep = first_seen.setdefault(p.key, (p.row, p.cells, p.age_band, p.social_status))
            person_rows[p.row] = rep[0]
    person_columns = {
        "first_name": columns.get("person", "Bénéficiaire"),
        "last_name": columns.get("person", "Bénéficiaire"),
        "commune": columns.get("person_commune", "Commune du bénéficiaire"),
        "postcode": columns.get("person_postcode", "Code postal du bénéficiaire"),
        "insee_code": columns.get("person_insee_code", "Code Insee du bénéficiaire"),
        "gender": columns.get("gender", "Genre du bénéficiaire"),
    }
    people = people_import.preview(
        session, [(row, cells) for row, cells, _a, _s in first_seen.values()], person_columns, today, progress
    )
    bands = {row: (age, status) for row, _c, age, status in first_seen.values()}
    for r in people.rows:
        r.data.age_band, r.data.social_status = bands[r.row]
    errors.extend(people.errors)
    wrong_people = {r.row for r in people.rows if r.errors}
    new = [a for a in candidates if not any(person_rows[p.row] in wrong_people for p in a.people)]
    return ActivityPreview(activities, new, len(held), people, person_rows, sorted(errors, key=_order))


def _order(e: RowError) -> tuple[int, str]:
    return e.row, e.column


@dataclass(frozen=True)
class WrittenActivities:
    activities: int
    accompaniments: int
    people: people_import.Written


def write(
    session: Session,
    found: ActivityPreview,
    advisor_id: uuid.UUID,
    choices: Mapping[int, Choice] | None = None,
    default: Choice = "join",
    today: dt.date | None = None,
) -> WrittenActivities:
    """Write the preview's plan in `session` (the caller's one transaction: all or nothing):
    the people first (created or joined), then each activity, led by `advisor_id`, with its
    participations, checked again by `domain.validation` — in one flush: a history of
    thousands of activities is not written one form at a time."""
    written = people_import.write(session, found.people, choices, default, today)
    plan = found.plan(choices, default)
    # « First time »: a person's first activity ever, so the oldest first, after what they had.
    ids = list({p.id for p in written.people.values()})
    seen: set[uuid.UUID] = set()
    for i in range(0, len(ids), 500):
        seen.update(
            session.scalars(
                select(Participation.beneficiary_id).where(
                    Participation.beneficiary_id.in_(ids[i : i + 500]), Participation.deleted_at.is_(None)
                )
            )
        )
    activities = accompaniments = 0
    added: list[object] = []
    for a in sorted(found.new, key=lambda a: (a.data.date or dt.date.min, a.row)):
        if plan[a.id_cra] != "create":
            continue
        data = replace(a.data, advisor_id=advisor_id)
        participations: list[Participation] = []
        linked: set[uuid.UUID] = set()
        for p in a.people:
            person = written.people.get(found.person_rows[p.row])
            if person is None or person.id in linked:
                continue  # left out, or named twice in one activity
            linked.add(person.id)
            participations.append(_participation(a, p.key, person.id, person.id not in seen))
            seen.add(person.id)
        if data.type == "individual" and a.anonymous:
            gender, age, status = a.anonymous[0]
            commune, insee, postcode = a.anonymous_place
            anonymous = anonymous_person(
                BeneficiaryData(
                    gender=gender,
                    age_band=age,
                    social_status=status,
                    commune=commune,
                    insee_code=insee,
                    postcode=postcode,
                )
            )
            validate_beneficiary(anonymous, today)
            # Derived too: two laptops importing the same file make the same record of them.
            person_id = participation_id_for(a.id_cra, "personne anonyme")
            added.append(Beneficiary(id=person_id, **asdict(anonymous)))
            participations.append(_participation(a, "anonyme", person_id, True))
        validate_activity(data, len(participations))
        added.append(Activity(id=a.activity_id, **activity_values(data)))
        added.extend(participations)
        activities += 1
        accompaniments += len(participations) + (data.anon_total if data.type == "workshop" else 0)
    session.add_all(added)
    session.flush()  # one flush: the outbox records every new record in the same transaction
    return WrittenActivities(activities, accompaniments, written)


def _participation(a: ImportedActivity, who: str, person_id: uuid.UUID, first_time: bool) -> Participation:
    return Participation(
        id=participation_id_for(a.id_cra, who),
        activity_id=a.activity_id,
        beneficiary_id=person_id,
        registered=True,
        attended=True,  # done, as the Coop records it: whoever is listed came
        first_time=first_time,
    )
