"""The central record refuses an unknown answer to « La démarche est-elle finalisée ? »."""

from __future__ import annotations

import datetime as dt
import uuid

from stpaul_field.server.records import new_document, record_errors

DAY = dt.date(2026, 11, 3)


def test_the_central_record_refuses_an_unknown_answer():
    doc = new_document("activity", dt.datetime(2026, 11, 23, tzinfo=dt.UTC))
    doc.update(
        type="individual",
        advisor_id=str(uuid.uuid4()),
        date=DAY.isoformat(),
        themes=["aide_aux_demarches_administratives"],
        venue_id=str(uuid.uuid4()),
        procedure_completion="finalisee",
    )
    assert record_errors("activity", doc, DAY) == []
    doc["procedure_completion"] = "bogus"
    assert "Démarche finalisée : valeur inconnue « bogus »." in record_errors("activity", doc, DAY)
