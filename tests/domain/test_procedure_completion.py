"""« La démarche est-elle finalisée ? » (the Coop's degré de finalisation): its value list and the
laptop's rules (the central record's: tests/server/test_procedure_completion.py)."""

from __future__ import annotations

import datetime as dt
import uuid

from stpaul_field.domain import values as v
from stpaul_field.domain.entities import ActivityData
from stpaul_field.domain.validation import activity_errors

DAY = dt.date(2026, 11, 3)
DEMARCHE = ["aide_aux_demarches_administratives"]


def _individual(**kw) -> ActivityData:
    return ActivityData(type="individual", date=DAY, venue_id=uuid.uuid4(), **kw)


def _messages(a: ActivityData, participants: int = 1) -> list[str]:
    return [e.message for e in activity_errors(a, participants) if e.field == "procedure_completion"]


def test_the_coops_four_answers_in_its_codes():
    assert v.PROCEDURE_COMPLETIONS.codes == (
        "finalisee",
        "a_finaliser_en_autonomie",
        "doit_revenir",
        "oriente_vers_structure",
    )
    assert v.FIELD_LABELS.label("procedure_completion") == "Démarche finalisée"


def test_the_laptop_takes_a_known_answer_to_a_demarche_and_refuses_the_rest():
    assert _messages(_individual(themes=DEMARCHE, procedure_completion="doit_revenir")) == []
    assert _messages(_individual(themes=DEMARCHE, procedure_completion="bogus")) == [
        "Démarche finalisée : valeur inconnue « bogus »."
    ]
    assert _messages(_individual(themes=["email"], procedure_completion="finalisee")) == [
        "Ce résultat ne s'indique qu'avec « Aide aux démarches administratives »."
    ]
    workshop = ActivityData(
        type="workshop", date=DAY, venue_id=uuid.uuid4(), themes=DEMARCHE, procedure_completion="finalisee"
    )
    assert _messages(workshop, 2) == ["Ce résultat concerne un accompagnement individuel."]
