"""The « Démarches finalisées » split in the report's PDF and in the figures workbook."""

from __future__ import annotations

from openpyxl import load_workbook

from stpaul_field.documents.figures_export import sheet_name, write_figures_xlsx
from stpaul_field.documents.monthly_report import write_monthly_report
from stpaul_field.domain.report_model import SPLIT_BY_KEY, Period
from stpaul_field.store import statistics as st
from stpaul_field.store.models import Activity
from tests.documents.test_report import text_of
from tests.statistics_fixture import NOV, RULE, build


def test_the_pdf_and_the_workbook_show_the_demarches_by_answer(qapp, store, tmp_path):
    fx = build(store)
    with store.session() as s:
        s.get(Activity, fx.activities["a2"]).procedure_completion = "oriente_vers_structure"
    with store.reader() as s:
        report = st.monthly_report(s, Period.month(*NOV), st.team_scope(), RULE, team_target=40)
    split = SPLIT_BY_KEY["by_procedure_completion"]
    assert split in [s for s, _b in report.figures.splits()]
    xlsx = tmp_path / "chiffres.xlsx"
    write_figures_xlsx(report, xlsx)
    sheet = load_workbook(xlsx)[sheet_name(split.title)]
    rows = {r[0]: r[1] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Non, orientée vers une autre structure"] == 1
    pdf = tmp_path / "rapport.pdf"
    write_monthly_report(report, pdf)
    assert any(split.title in page.replace("\ufb01", "fi") for page in text_of(pdf))  # the PDF writes « ﬁ »
