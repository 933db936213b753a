"""« Importer des activités… » of the Bénéficiaires view: an advisor's history from their Coop
activities export, previewed in the background as the beneficiaries import is (the same dialog:
counts, every error by row and column, each person found in the register with its choice), then
one transaction through the outbox.

The reading and the checks are `documents.activity_import` and `store.activity_import`, the same
as `stpaul-field import activities`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from stpaul_field.documents.activity_import import ReadActivities, read_activities
from stpaul_field.documents.beneficiary_import import ImportFileError
from stpaul_field.settings import CURRENT_ADVISOR
from stpaul_field.store import activity_import as importer
from stpaul_field.store.reference import current_advisor_id
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.register.import_dialog import ImportDialog


class ActivityImportDialog(ImportDialog):
    """`ActivityImportDialog(ctx, parent)`; `imported(written)` once written."""

    CHANGES = Changes.people() | Changes(activities=True)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Importer l'historique de mes activités"))
        self.summary.setText(
            self.tr("Choisissez votre export des activités de la Coop (« Mes activités » → Exporter).")
        )
        self.columns_button.hide()  # the Coop's export has its own columns
        self.errors_label.setText(self.tr("Erreurs (activités ignorées)"))
        self.duplicates_label.setText(self.tr("Personnes déjà dans le registre : que faire de chacune ?"))

    def _reader(self, path: Path) -> Callable[[Session, Callable[[Any], None]], tuple[Any, Any]]:
        configured = self.settings.get(CURRENT_ADVISOR)

        def work(
            session: Session, report: Callable[[Any], None]
        ) -> tuple[ReadActivities, importer.ActivityPreview]:
            read = read_activities(path)
            me = current_advisor_id(session, configured)
            wrong = importer.someone_elses(session, read.exporter, me)
            if wrong is not None:
                raise ImportFileError(wrong)
            found = importer.preview(
                session,
                read.activities,
                read.columns,
                progress=lambda done, total: report((done, total)),
            )
            return read, found

        return work

    def _summary(self, c: dict[str, int]) -> str:
        return self.tr(
            "Export des activités de la Coop : {0} ligne(s), {1} activité(s). À créer : {2} "
            "({3} accompagnement(s)) · déjà importées : {4} · en erreur : {5} · ignorées : {6}. "
            "Personnes à créer : {7} · jointes au registre : {8}."
        ).format(
            self.read.rows,
            len(self.read.activities),
            c["activités"],
            c["accompagnements"],
            c["déjà importées"],
            c["en erreur"],
            c["ignorées"],
            c["personnes à créer"],
            c["personnes à joindre"],
        )

    def _writer(self) -> Callable[[Session], Any]:
        found, choices = self.found, self.choices()
        configured = self.settings.get(CURRENT_ADVISOR)

        def work(session: Session) -> importer.WrittenActivities:
            advisor = current_advisor_id(session, configured)
            if advisor is None:
                raise ValueError("ce poste n'a pas de conseiller : inscrivez-le avant d'importer.")
            return importer.write(session, found, advisor, choices)

        return work
