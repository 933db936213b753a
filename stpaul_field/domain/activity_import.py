"""An advisor's activity history brought in from the Coop's activities export (their own, which
names the beneficiary): the rows of one « ID CRA » read into one done activity with its errors
in French, and the people in it, for the register's duplicate check.

Pure: the file is read by `documents.activity_import`, the writing is `store.activity_import`.
The cells come by our name of each column (`COLUMNS`), as text.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from stpaul_field.domain import values as v
from stpaul_field.domain.beneficiary_import import RowError, gender_of, name_key, resolve_commune
from stpaul_field.domain.entities import ActivityData
from stpaul_field.domain.text import fold
from stpaul_field.domain.validation import activity_errors

# Our name of each column the import reads -> the Coop's header (buildAccompagnementsWorksheet.ts,
# as `documents.exports.ACTIVITY_COLUMNS` writes them too; tests/documents/test_activity_import.py checks).
COLUMNS: dict[str, str] = {
    "date": "Date",
    "type": "Type",
    "participants": "Participants",
    "person": "Bénéficiaire",
    "place_type": "Canaux d’accompagnement",
    "venue": "Nom du lieu",
    "commune": "Commune",
    "postcode": "Code postal",
    "insee_code": "Code Insee",
    "duration": "Durée (min)",
    "title": "Nom de l’atelier",
    "equipment": "Matériel numérique utilisé",
    "themes": "Thématique(s) d’accompagnement",
    "procedure": "Nom de la démarche administrative",
    "stars": "Niveau d’autonomie (ou de l’atelier)",
    "redirected": "Bénéficiaire réorienté",
    "structure": "Structure de redirection",
    "person_commune": "Commune du bénéficiaire",
    "person_postcode": "Code postal du bénéficiaire",
    "person_insee_code": "Code Insee du bénéficiaire",
    "gender": "Genre du bénéficiaire",
    "age_band": "Tranche d’âge du bénéficiaire",
    "social_status": "Statut du bénéficiaire",
    "notes": "Notes supplémentaires",
    "id_cra": "ID CRA",
}
REQUIRED = ("date", "type", "person", "themes", "id_cra")
ANONYMOUS = "Bénéficiaire anonyme"  # the Coop's displayNameFromIdentity of a person with no name
# The Coop's activity types, current and former labels: « Demarche » (an individual help with
# démarches, before 2025) is ours an individual accompaniment with the administrative theme.
TYPES = {
    "accompagnement individuel": ("individual", False),
    "atelier collectif": ("workshop", False),
    "ateliers collectif": ("workshop", False),  # sic, an older label of the Coop
    "aide aux demarches administratives": ("individual", True),
    "demarche administrative": ("individual", True),
}
# The id of the activity made from a Coop « ID CRA »: the same on every laptop and every
# import, so a second import of the same file (here or elsewhere) finds it and adds nothing.
COOP_CRA_NAMESPACE = uuid.UUID("5b0f3a5e-8a3c-4d0e-9f43-2c1b7e0d9a18")
_STARS = re.compile(r"^\s*([123])\s*/\s*3\s*$")
# The column of a rule's field (`domain.validation`) in the file.
_COLUMN_OF = {
    "date": "date",
    "duration_min": "duration",
    "place_type": "place_type",
    "commune": "commune",
    "postcode": "postcode",
    "insee_code": "insee_code",
    "themes": "themes",
    "admin_themes": "themes",
    "procedure_name": "procedure",
    "equipment": "equipment",
    "notes": "notes",
    "autonomy": "stars",
    "level": "stars",
    "redirect_structure": "structure",
    "title": "title",
    "beneficiary": "person",
    "participants": "participants",
}
Report = Callable[..., None]


def activity_id_for(id_cra: str) -> uuid.UUID:
    return uuid.uuid5(COOP_CRA_NAMESPACE, id_cra.strip().lower())


def participation_id_for(id_cra: str, person: str) -> uuid.UUID:
    """A participation's id, from its activity's ID CRA and the person (`ImportedPerson.key`, or
    « anonyme »): two laptops importing the same file offline make the same records of it."""
    return uuid.uuid5(COOP_CRA_NAMESPACE, f"{id_cra.strip().lower()}/{person}")


@dataclass
class ImportedPerson:
    """One named person of an activity: their cells by `domain.beneficiary_import.FIELDS`."""

    row: int
    cells: dict[str, str]
    age_band: str | None = None
    social_status: str | None = None

    @property
    def key(self) -> str:
        return name_key(self.cells["first_name"], self.cells["last_name"])


@dataclass
class ImportedActivity:
    id_cra: str
    activity_id: uuid.UUID
    row: int  # its first row in the file
    data: ActivityData
    venue_name: str = ""
    people: list[ImportedPerson] = field(default_factory=list)
    anonymous: list[tuple[str, str, str]] = field(default_factory=list)  # gender, age band, status
    anonymous_place: tuple[str, str, str] = ("", "", "")  # an anonymous person's commune
    errors: list[RowError] = field(default_factory=list)

    @property
    def accompaniments(self) -> int:
        return len(self.people) + len(self.anonymous)


def split_name(display: str) -> tuple[str, str]:
    """« Marie PAYET » -> (« Marie », « PAYET »): the Coop's « Bénéficiaire » is the first name,
    a space, the last name. Words in capitals are the last name; else the first word is the
    first name (« Jean-Marc Grondin », « Marie de Palmas »). Matching ignores the split."""
    words = display.split()
    if len(words) < 2:
        return "", display.strip()
    capitals = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper()]
    if capitals and len(capitals) < len(words):
        first = [w for i, w in enumerate(words) if i not in capitals]
        return " ".join(first), " ".join(words[i] for i in capitals)
    return words[0], " ".join(words[1:])


def label_key(text: str) -> str:
    """A label or header compared as read: accents, case and the Coop's « ’ » (a spreadsheet may
    save it as « ' ») aside."""
    return fold(text.replace("’", "'"))


# Labels the Coop wrote before its current ones (its former apps/web/src/cra/cra.ts), which an
# export made then still holds: value list -> {former label: code}.
FORMER_LABELS: dict[str, dict[str, str]] = {
    "theme": {"Entrepreneuriat": "entrepreneuriat"},
    "admin_theme": {
        "Papiers - Élections Citoyenneté": "papiers_elections_citoyennete",
        "Travail - Formation": "travail_formation",
        "Loisirs - Sports Culture": "loisirs_sports_culture",
    },
    "redirect_structure": {
        "Administration (collectivité locale, préfecture…)": "administration",
        "Structure de médiation numérique": "mediation_numerique",
    },
}
_BY_LABEL: dict[str, dict[str, str]] = {}  # value list -> its codes by folded label


def _code(values: v.ValueList, label: str) -> str | None:
    known = _BY_LABEL.get(values.name)
    if known is None:
        former = {label_key(old): code for old, code in FORMER_LABELS.get(values.name, {}).items()}
        known = _BY_LABEL[values.name] = former | {label_key(c.label): c.code for c in values}
    return known.get(label_key(label))


def _day(raw: str) -> dt.date | None:
    text = raw.strip()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if text.isdigit() and 20_000 < int(text) < 80_000:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(text))  # an Excel serial date
    return None


def parse_activity(
    rows: Sequence[tuple[int, Mapping[str, str]]], columns: Mapping[str, str]
) -> ImportedActivity:
    """The rows of one « ID CRA » (one per accompaniment, in their order) as one done activity;
    `columns` gives the file's header of each of our names, for the errors."""
    number, first = rows[0]

    def text(name: str) -> str:
        return (first.get(name) or "").strip()

    errors: list[RowError] = []

    def error(name: str, message: str, row: int = number) -> None:
        errors.append(RowError(row, columns.get(name, COLUMNS.get(name, name)), message))

    id_cra = text("id_cra")
    data = ActivityData(status="done")
    kind = TYPES.get(fold(text("type")))
    if kind is None:
        error("type", f"Type « {text('type')} » inconnu : Accompagnement individuel ou Atelier collectif.")
        kind = ("individual", False)
    data.type, admin_help = kind
    data.date = _day(text("date"))
    if data.date is None:
        error("date", f"« {text('date')} » n'est pas une date (jj/mm/aaaa).")
    duration = text("duration")
    if re.fullmatch(r"\d+(\.0+)?", duration):
        data.duration_min = int(float(duration))
    else:
        error("duration", f"« {duration} » n'est pas une durée en minutes.")
    place = _code(v.PLACE_TYPES, text("place_type"))
    if place is None:
        error("place_type", f"Canal « {text('place_type')} » inconnu : Lieu d’activité, Autre lieu, …")
    else:
        data.place_type = place
    venue_name = text("venue") if data.place_type == v.PLACE_WITH_VENUE else ""
    if data.place_type != v.PLACE_WITH_VENUE:
        where, wrong = resolve_commune(text("commune"), text("insee_code"), text("postcode"))
        data.commune, data.insee_code, data.postcode = where.name, where.insee_code, where.postcode
        if wrong is not None:
            error(*wrong)
    data.title = text("title") if data.type == "workshop" else ""
    data.procedure_name = text("procedure")
    data.notes = text("notes")
    for label in filter(None, (x.strip() for x in text("equipment").splitlines())):
        code = _code(v.EQUIPMENT, label)
        if code is None:
            error("equipment", f"Matériel « {label} » inconnu.")
        elif code not in data.equipment:
            data.equipment.append(code)
    for label in filter(None, (x.strip() for x in text("themes").splitlines())):
        theme, admin = _code(v.THEMES, label), _code(v.ADMIN_THEMES, label)
        if theme is not None and theme not in data.themes:
            data.themes.append(theme)
        elif admin is not None and admin not in data.admin_themes:
            data.admin_themes.append(admin)
        elif theme is None and admin is None:
            error("themes", f"Thématique « {label} » inconnue.")
    if (admin_help or data.admin_themes or data.procedure_name) and v.ADMIN_HELP_THEME not in data.themes:
        data.themes.append(v.ADMIN_HELP_THEME)  # the Coop's démarche: the administrative help it is
    stars = text("stars")
    if stars:
        found = _STARS.match(stars)
        scale = v.AUTONOMY if data.type == "individual" else v.WORKSHOP_LEVELS
        if found is None:
            error("stars", f"« {stars} » : attendu 1/3, 2/3 ou 3/3.")
        elif data.type == "individual":
            data.autonomy = scale.codes[int(found.group(1)) - 1]
        else:
            data.level = scale.codes[int(found.group(1)) - 1]
    if data.type == "individual":
        data.redirected = fold(text("redirected")) == "oui"
        structure = text("structure")
        if structure:
            data.redirect_structure = _code(v.REDIRECT_STRUCTURES, structure)
            if data.redirect_structure is None:
                error("structure", f"Structure de redirection « {structure} » inconnue.")
            data.redirected = True
    out = ImportedActivity(id_cra, activity_id_for(id_cra), number, data, venue_name, errors=errors)
    for row, cells in rows:
        _person(out, row, cells, error)
    if data.type == "workshop":
        for gender, age, status in out.anonymous:
            data.anon_total += 1
            for counts, code in ((data.anon_genders, gender), (data.anon_age_bands, age)):
                if code != "non_communique":
                    counts[code] = counts.get(code, 0) + 1
            if status != "non_communique":
                data.anon_statuses[status] = data.anon_statuses.get(status, 0) + 1
    elif len(rows) != 1:
        error(
            "participants",
            f"Un accompagnement individuel a un bénéficiaire : {len(rows)} lignes ont cet ID CRA.",
        )
    # The rules every activity keeps (its venue is looked up by the store).
    reported = {e.column for e in errors}
    people = len(out.people) + (len(out.anonymous) if data.type == "individual" else 0)
    for e in activity_errors(data, people):
        name = _COLUMN_OF.get(e.field, "type")
        if e.field != "venue_id" and columns.get(name, COLUMNS[name]) not in reported:
            error(name, e.message)
    return out


def _person(out: ImportedActivity, row: int, cells: Mapping[str, str], error: Report) -> None:
    def text(name: str) -> str:
        return (cells.get(name) or "").strip()

    gender = gender_of(text("gender")) if text("gender") else "non_communique"
    if gender is None:
        error("gender", f"Genre « {text('gender')} » inconnu : Féminin, Masculin ou Non communiqué.", row)
        gender = "non_communique"
    age = _code(v.AGE_BANDS, text("age_band")) if text("age_band") else "non_communique"
    if age is None:
        error("age_band", f"Tranche d’âge « {text('age_band')} » inconnue.", row)
        age = "non_communique"
    status = _code(v.SOCIAL_STATUSES, text("social_status")) if text("social_status") else "non_communique"
    if status is None and fold(text("social_status")) == "non communique":
        status = "non_communique"
    if status is None:
        error("social_status", f"Statut « {text('social_status')} » inconnu.", row)
        status = "non_communique"
    name = text("person")
    if not name or fold(name) == fold(ANONYMOUS):
        out.anonymous.append((gender, age, status))
        if out.data.type == "individual":
            where, _wrong = resolve_commune(
                text("person_commune"), text("person_insee_code"), text("person_postcode")
            )
            out.anonymous_place = (where.name, where.insee_code, where.postcode)
        return
    first, last = split_name(name)
    person_cells = {
        "first_name": first,
        "last_name": last,
        "commune": text("person_commune"),
        "postcode": text("person_postcode"),
        "insee_code": text("person_insee_code"),
        "gender": text("gender"),
    }
    known = (None if age == "non_communique" else age, None if status == "non_communique" else status)
    out.people.append(ImportedPerson(row, person_cells, *known))
