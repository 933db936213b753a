"""Where an activity or a workshop series takes place: the place type, then a venue of the
city or a commune. One set of fields, shared by the activity forms and the series dialog."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel

from stpaul_field.domain import values as v
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.widgets.choice_combo import ChoiceCombo
from stpaul_field.ui.widgets.commune_field import CommuneField
from stpaul_field.ui.widgets.field_errors import FieldErrors
from stpaul_field.ui.widgets.venue_combo import VenueCombo

# (place type, venue id, commune, postcode, INSEE code), as the records hold them.
# Texts keep the context of the forms they came from (« ActivityForm »): one translation.
Place = tuple[str, uuid.UUID | None, str, str, str]


class PlaceFields:
    """Adds its rows to `form`; the venue row shows with « Lieu d'activité », the commune's
    otherwise. A laptop with no venue yet starts on « Autre lieu » and says why."""

    def __init__(self, ctx: AppContext, form: QFormLayout, errors: FieldErrors) -> None:
        self.form = form
        self.place_type = ChoiceCombo(v.PLACE_TYPES, empty=None)
        errors.add_row(
            form, QCoreApplication.translate("ActivityForm", "&Lieu"), self.place_type, "place_type"
        )
        self.venue = VenueCombo(
            ctx, allow_none=QCoreApplication.translate("ActivityForm", "— choisir un lieu —")
        )
        self.venue.set_venue_id(ctx.venue_id)
        self.venue_label = errors.add_row(
            form, QCoreApplication.translate("ActivityForm", "Lieu d'acti&vité"), self.venue, "venue_id"
        )
        self.commune = CommuneField()
        self.commune_label = errors.add_row(
            form,
            QCoreApplication.translate("ActivityForm", "&Commune"),
            self.commune,
            "commune",
            "postcode",
            "insee_code",
        )
        # No venue yet (a fresh laptop before its first sync, a new îlet): « Autre lieu » with
        # its commune, and the form says so and who adds venues.
        self.no_venue_hint = QLabel(
            QCoreApplication.translate(
                "ActivityForm",
                "Aucun lieu d'activité n'est encore enregistré sur ce poste : le lieu est noté "
                "« Autre lieu » avec sa commune. Un coordinateur ajoute les lieux de la ville "
                "(Fichier › Lieux d'activité), qui arrivent avec la synchronisation.",
            )
        )
        no_venue = self.venue.count() <= 1  # only « Autre lieu » in the list
        self.no_venue_hint.setWordWrap(True)
        self.no_venue_hint.setVisible(no_venue)
        form.addRow(self.no_venue_hint)
        if no_venue:
            self.place_type.set_code("autre")
        self.place_type.currentIndexChanged.connect(self.place_changed)
        self.place_changed()

    def place_changed(self) -> None:
        with_venue = self.place_type.code() == v.PLACE_WITH_VENUE
        self.form.setRowVisible(self.venue_label, with_venue)
        self.form.setRowVisible(self.commune_label, not with_venue)

    def values(self) -> Place:
        place = self.place_type.code() or v.PLACE_WITH_VENUE
        if place == v.PLACE_WITH_VENUE:
            return place, self.venue.venue_id(), "", "", ""
        commune, postcode, insee = self.commune.values()
        return place, None, commune, postcode, insee

    def set_values(self, place: Place) -> None:
        place_type, venue_id, commune, postcode, insee = place
        self.place_type.set_code(place_type)
        self.venue.set_venue_id(venue_id)
        self.commune.set_values(commune, postcode, insee)
