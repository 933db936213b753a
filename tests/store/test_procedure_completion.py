"""« Démarche finalisée » in the store: migration 0015, the conflicts' label, the report's split."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from stpaul_field.domain import values as v
from stpaul_field.domain.report_model import NOT_RECORDED, Period
from stpaul_field.store import statistics as st
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity
from stpaul_field.store.record_labels import value_label
from tests.statistics_fixture import NOV, RULE, build

NOVEMBER = Period.month(*NOV)


def test_a_store_of_revision_0012_upgrades_with_no_answer_recorded(paths):
    paths.ensure()
    shutil.copy(Path(__file__).parent.parent / "data" / "store-r0012.sqlite3", paths.store_file)
    store = Store.open(paths)
    try:
        with store.session() as s:
            activities = s.scalars(select(Activity)).all()
            assert activities and {a.procedure_completion for a in activities} == {None}
            activities[0].procedure_completion = "finalisee"
        with store.reader() as s:
            assert "finalisee" in {a.procedure_completion for a in s.scalars(select(Activity))}
    finally:
        store.close()


def test_a_conflict_shows_the_answer_s_label():
    assert value_label(None, "procedure_completion", "doit_revenir") == "Non, la personne doit revenir"  # type: ignore[arg-type]


def test_the_report_counts_the_demarches_follow_ups_by_answer(store):
    fx = build(store)
    with store.session() as s:
        s.get(Activity, fx.activities["a2"]).procedure_completion = "oriente_vers_structure"
    with store.reader() as s:
        team = st.period_figures(s, NOVEMBER, st.team_scope(), RULE)
        bruno = st.period_figures(s, NOVEMBER, st.advisor_scope(s, fx.bruno), RULE)
    split = team.breakdown("by_procedure_completion")
    assert split is not None
    # Alice's one démarche (b1); the other individual accompaniments are no démarche: not counted.
    expected = {code: 0 for code in v.PROCEDURE_COMPLETIONS.codes} | {"oriente_vers_structure": 1}
    assert split.as_dict() == expected
    assert bruno.breakdown("by_procedure_completion").total == 0  # type: ignore[union-attr]


def test_a_demarche_that_did_not_say_is_not_recorded(store):
    build(store)
    with store.reader() as s:
        figures = st.period_figures(s, NOVEMBER, st.team_scope(), RULE)
    split = figures.breakdown("by_procedure_completion")
    assert split is not None and split.count(None) == 1 and split.rows[-1].label == NOT_RECORDED
