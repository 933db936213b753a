"""One French order for every list of people (issue 15, item 7).

The Émargement dialog listed BOULEVART before BÈGUE and BÉNARD (a byte order: « È » comes
after « O »), while the printed sheet put it after. The dialog, the sheet, the register and
the exports now share `domain.text.person_order`.
"""

from __future__ import annotations

import datetime as dt

from stpaul_field.documents.sheet_data import registered_participants
from stpaul_field.domain.counting import CountingRule
from stpaul_field.domain.entities import ActivityData
from stpaul_field.domain.report_model import Period
from stpaul_field.store import activities as acts
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store import statistics as st
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.ui.activity_form.attendance import AttendanceDialog

# In the order a French reader expects; created in another one.
PEOPLE = [
    ("Kévin", "BÈGUE"),
    ("Marie", "BÉNARD"),
    ("Anne", "BOULEVART"),
    ("Zoé", "éthève"),
    ("Paul", "HOARAU"),
]
EXPECTED = [last.upper() for _first, last in PEOPLE]
RULE = CountingRule(dt.date(2026, 11, 30))  # the workshop of 23/11 is done and past


def _workshop(store) -> object:
    with store.session() as s:
        ids = [acts.create_beneficiary(s, first, last) for first, last in reversed(PEOPLE)]
        data = ActivityData(
            type="workshop",
            advisor_id=local_advisor_id(s),
            title="Découvrir la tablette",
            date=dt.date(2026, 11, 23),
            start_time=dt.time(9, 0),
            duration_min=90,
            place_type="domicile",
            commune="Saint-Paul",
            postcode="97460",
            insee_code="97415",
            themes=["email"],
        )
        participants = [acts.ParticipantInput(beneficiary_id=i, attended=True) for i in ids]
        return acts.save_activity(s, data, participants)


def test_dialog_sheet_register_and_export_list_people_in_one_order(qtbot, ctx, store):
    workshop = _workshop(store)
    dialog = AttendanceDialog(ctx, workshop)
    qtbot.addWidget(dialog)
    shown = [dialog.people.item(i).text().split()[0] for i in range(dialog.people.count())]
    assert shown == EXPECTED
    with store.reader() as s:
        sheet = [p.name.split()[0].upper() for p in registered_participants(s, workshop)]
        register = [r.last_name.upper() for r in reg.register_page(s)]
        followed = st.followed_beneficiaries(s, Period.month(2026, 11), None, RULE)
        exported = [b.last_name.upper() for b, _n in followed]
        lines = [
            b.last_name.upper()
            for _a, b, *_rest in st.accompaniments(s, Period.month(2026, 11), None, RULE)
            if b
        ]
    assert sheet == EXPECTED
    assert register == EXPECTED
    assert exported == EXPECTED
    assert lines == EXPECTED
