"""The accompaniment form asks « Démarche finalisée » of a démarche, and saves it."""

from __future__ import annotations

from PySide6.QtTest import QTest
from sqlalchemy import select

from stpaul_field.store import activities as acts
from stpaul_field.store.models import Activity
from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm


def test_the_form_asks_it_of_a_demarche_and_saves_it(qtbot, ctx, store):
    with store.session() as s:
        person = acts.create_beneficiary(s, "Jean", "Hoarau")
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.set_beneficiary(person, "HOARAU Jean")
    combo, label, _coded = form.outcomes["procedure_completion"]
    assert label.text() == "Démarche finalisée"
    assert not combo.isVisible()  # only for « Aide aux démarches administratives »
    form.themes.set_codes(["aide_aux_demarches_administratives"])
    assert combo.isVisible()
    combo.set_code("a_finaliser_en_autonomie")
    form.place_type.set_code("domicile")
    QTest.keyClicks(form.commune.name, "saint paul")
    form.commune.name.editingFinished.emit()
    form.save()
    qtbot.waitUntil(lambda: form.result() == form.DialogCode.Accepted, timeout=5000)
    with store.reader() as s:
        [saved] = s.scalars(select(Activity).where(Activity.deleted_at.is_(None))).all()
        assert saved.procedure_completion == "a_finaliser_en_autonomie"
        saved_id = saved.id
    reopened = AccompanimentForm(ctx, saved_id)
    qtbot.addWidget(reopened)
    assert reopened.outcomes["procedure_completion"][0].code() == "a_finaliser_en_autonomie"
