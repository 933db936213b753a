"""A refused change reads in the advisor's words: the person or activity concerned, and the
fields by their French labels (never « Participation » alone, never « activity_id »)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from stpaul_field.server.records import missing_reason, record_errors
from stpaul_field.store.models import Activity, Advisor, Beneficiary, Participation
from stpaul_field.sync.quarantine import record_label


def test_a_participation_is_named_by_its_person_and_its_activity(store) -> None:
    with store.session() as s:
        person = Beneficiary(first_name="Hélène", last_name="Payet")
        advisor = s.scalars(select(Advisor)).first()
        workshop = Activity(
            type="workshop",
            advisor_id=advisor.id,
            date=dt.date(2026, 11, 20),
            title="Tablette",
            themes=["email"],
        )
        s.add_all([person, workshop])
        s.flush()
        taking_part = Participation(activity_id=workshop.id, beneficiary_id=person.id)
        s.add(taking_part)
        s.flush()
        assert record_label(s, taking_part, "participation") == (
            "Participation de PAYET Hélène — Activité du 20/11/2026 Tablette"
        )
        assert record_label(s, person, "beneficiary") == "Bénéficiaire PAYET Hélène"


def test_missing_fields_are_said_by_their_french_labels() -> None:
    assert missing_reason(["activity_id", "beneficiary_id"]) == (
        "Champ obligatoire manquant : Activité, Bénéficiaire."
    )
    [reason] = record_errors("participation", {}, dt.date(2026, 11, 20))
    assert "activity_id" not in reason and "Activité" in reason and "Bénéficiaire" in reason
