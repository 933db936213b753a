"""Value lists of the national activity report (CRA of La Coop de la médiation numérique).

Each list is defined once here and used by forms, validation, exports and reports.
Codes are the Coop's where it has one; labels are the French labels users see.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from stpaul_field.domain.reference import reference_data


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    label: str


class ValueList:
    """An ordered list of choices, looked up by code."""

    def __init__(self, name: str, *choices: tuple[str, str], former: dict[str, str] | None = None) -> None:
        self.name = name
        self.choices: tuple[Choice, ...] = tuple(Choice(c, lbl) for c, lbl in choices)
        self._labels = {c.code: c.label for c in self.choices}
        # Codes this list used before it took the Coop's, and the code each one became: a
        # laptop still on an older version may send them (see `current`).
        self.former: dict[str, str] = dict(former or {})
        assert set(self.former.values()) <= set(self._labels), f"{name}: former code to nowhere"

    def __iter__(self) -> Iterator[Choice]:
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)

    def __contains__(self, code: object) -> bool:
        return code in self._labels

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices)

    def current(self, code: str) -> str:
        """The code as this version spells it: a former code becomes its successor."""
        return self.former.get(code, code)

    def label(self, code: str | None) -> str:
        """The French label of a code; empty for None, the code itself if unknown."""
        if code is None:
            return ""
        return self._labels.get(self.current(code), code)

    def labels(self, codes: list[str] | tuple[str, ...] | None) -> list[str]:
        return [self.label(c) for c in (codes or [])]

    def code_for_label(self, label: str) -> str | None:
        for c in self.choices:
            if c.label == label:
                return c.code
        return None


ACTIVITY_TYPES = ValueList(
    "activity_type",
    ("individual", "Accompagnement individuel"),
    ("workshop", "Atelier collectif"),
)
# Coop's own codes for exports.
ACTIVITY_TYPE_COOP = {"individual": "individuel", "workshop": "collectif"}

ACTIVITY_STATUSES = ValueList(
    "activity_status",
    ("planned", "Prévu"),
    ("done", "Réalisé"),
    ("cancelled", "Annulé"),
)

PLACE_TYPES = ValueList(
    "place_type",
    ("lieu_activite", "Lieu d’activité"),
    ("autre", "Autre lieu"),
    ("domicile", "À domicile"),
    ("a_distance", "À distance"),
)
PLACE_WITH_VENUE = "lieu_activite"

EQUIPMENT = ValueList(
    "equipment",
    ("ordinateur", "Ordinateur"),
    ("telephone", "Téléphone"),
    ("tablette", "Tablette"),
    ("autre", "Autre"),
    ("aucun", "Pas de matériel"),
)

ADMIN_HELP_THEME = "aide_aux_demarches_administratives"

THEMES = ValueList(
    "theme",
    ("diagnostic_numerique", "Diagnostic numérique"),
    ("prendre_en_main_du_materiel", "Prendre en main du matériel"),
    ("maintenance_de_materiel", "Maintenance de matériel"),
    ("gere_ses_contenus_numeriques", "Gérer ses contenus numériques"),
    ("navigation_sur_internet", "Navigation sur internet"),
    ("email", "E-mail"),
    ("bureautique", "Bureautique"),
    ("reseaux_sociaux", "Réseaux sociaux communication"),
    ("sante", "Santé"),
    ("banque_et_achats_en_ligne", "Banque et achats en ligne"),
    ("entrepreneuriat", "Accompagner un professionnel"),
    ("insertion_professionnelle", "Insertion professionnelle"),
    ("securite_numerique", "Prévention en sécurité numérique"),
    ("parentalite", "Parentalité"),
    ("scolarite_et_numerique", "Scolarité et numérique"),
    ("creer_avec_le_numerique", "Créer avec le numérique"),
    ("culture_numerique", "Culture numérique"),
    ("intelligence_artificielle", "Intelligence artificielle (IA)"),
    (ADMIN_HELP_THEME, "Aide aux démarches administratives"),
    former={"gerer_ses_contenus_numeriques": "gere_ses_contenus_numeriques"},
)

ADMIN_THEMES = ValueList(
    "admin_theme",
    ("papiers_elections_citoyennete", "Papiers - Élections - Citoyenneté"),
    ("famille_scolarite", "Famille - Scolarité"),
    ("social_sante", "Social - Santé"),
    ("travail_formation", "Travail - Formation - Entreprise"),
    ("logement", "Logement"),
    ("transports_mobilite", "Transports - Mobilité"),
    ("argent_impots", "Argent - Impôts"),
    ("justice", "Justice"),
    ("etrangers_europe", "Étrangers - Europe"),
    ("loisirs_sports_culture", "Loisirs - Sports - Culture"),
    ("associations", "Associations"),
)

# Minutes; any other length between the bounds is a custom duration.
DURATION_CHOICES: tuple[int, ...] = (15, 30, 45, 60, 90, 120)
DURATION_MIN = 1
DURATION_MAX = 24 * 60

DURATION_BANDS = ValueList(
    "duration_band",
    ("lt_30", "Moins de 30 min"),
    ("30_60", "30 min à 1 h"),
    ("60_120", "1 h à 2 h"),
    ("ge_120", "2 h et plus"),
)


def duration_band(minutes: int) -> str:
    if minutes < 30:
        return "lt_30"
    if minutes < 60:
        return "30_60"
    if minutes < 120:
        return "60_120"
    return "ge_120"


def duration_label(minutes: int) -> str:
    """'45 min', '1 h', '1 h 30'."""
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h" if not mins else f"{hours} h {mins:02d}"


AUTONOMY = ValueList(
    "autonomy",
    ("entierement_accompagne", "Avec guidage"),
    ("partiellement_autonome", "Autonome avec guidage en cas de besoin"),
    ("autonome", "Autonome"),
)

WORKSHOP_LEVELS = ValueList(
    "workshop_level",
    ("debutant", "Débutant"),
    ("intermediaire", "Intermédiaire"),
    ("avance", "Avancé"),
)

REDIRECT_STRUCTURES = ValueList(
    "redirect_structure",
    ("administration", "Administration (mairie, préfecture…)"),
    ("mediation_numerique", "Autre structure de médiation numérique"),
    ("operateur_ou_organisme_en_charge", "Opérateur ou organisme en charge de la démarche administrative"),
    ("aide_sociale", "Structure d’aide sociale (maison des solidarités, centre social…)"),
    (
        "insertion_professionnelle",
        "Structure d’insertion professionnelle (France Travail, mission locale, chambre de commerce…)",
    ),
    (
        "aide_aux_demarches_administratives",
        "Structure d’aide aux démarches administratives (France Services…)",
    ),
    ("autre", "Autre"),
    former={
        "operateur_demarche": "operateur_ou_organisme_en_charge",
        "aide_demarches": "aide_aux_demarches_administratives",
    },
)

# Is the démarche finalised? The Coop's « degré de finalisation » of an administrative help.
PROCEDURE_COMPLETIONS = ValueList(
    "procedure_completion",
    ("finalisee", "Oui, démarche finalisée"),
    ("a_finaliser_en_autonomie", "Non, à finaliser en autonomie"),
    ("doit_revenir", "Non, la personne doit revenir"),
    ("oriente_vers_structure", "Non, orientée vers une autre structure"),
)

GENDERS = ValueList(
    "gender",
    ("masculin", "Masculin"),
    ("feminin", "Féminin"),
    ("non_communique", "Non communiqué"),
)
# Exports write Homme / Femme, as the Coop does.
GENDER_EXPORT_LABELS = {"masculin": "Homme", "feminin": "Femme", "non_communique": "Non communiqué"}

AGE_BANDS = ValueList(
    "age_band",
    ("moins_de_douze", "Moins de 12 ans"),
    ("douze_dix_huit", "12 - 17 ans"),  # sic: the Coop's code for 12 to 17
    ("dix_huit_vingt_quatre", "18 - 24 ans"),
    ("vingt_cinq_trente_neuf", "25 - 39 ans"),
    ("quarante_cinquante_neuf", "40 - 59 ans"),
    ("soixante_soixante_neuf", "60 - 69 ans"),
    ("soixante_dix_plus", "70 ans et plus"),
    ("non_communique", "Non communiqué"),
    former={
        "moins_de_12": "moins_de_douze",
        "de_12_a_17": "douze_dix_huit",
        "de_18_a_24": "dix_huit_vingt_quatre",
        "de_25_a_39": "vingt_cinq_trente_neuf",
        "de_40_a_59": "quarante_cinquante_neuf",
        "de_60_a_69": "soixante_soixante_neuf",
        "plus_de_70": "soixante_dix_plus",
    },
)

_AGE_BOUNDS = (
    (12, "moins_de_douze"),
    (18, "douze_dix_huit"),
    (25, "dix_huit_vingt_quatre"),
    (40, "vingt_cinq_trente_neuf"),
    (60, "quarante_cinquante_neuf"),
    (70, "soixante_soixante_neuf"),
)


def age_band_for(birth_year: int | None, on_year: int) -> str:
    """Age band from a birth year; the age is the one reached during `on_year`."""
    if birth_year is None:
        return "non_communique"
    age = on_year - birth_year
    for bound, band in _AGE_BOUNDS:
        if age < bound:
            return band
    return "soixante_dix_plus"


def effective_age_band(birth_year: int | None, recorded: str | None, on_year: int) -> str:
    """The Coop's rule: a known birth year gives the band; without it, the band recorded."""
    if birth_year is not None:
        return age_band_for(birth_year, on_year)
    return AGE_BANDS.current(recorded) if recorded else "non_communique"


SOCIAL_STATUSES = ValueList(
    "social_status",
    ("retraite", "Retraité"),
    ("sans_emploi", "Sans emploi"),
    ("en_emploi", "En emploi"),
    ("scolarise", "Scolarisé"),
    ("non_communique", "Non communiqué ou hétérogène"),
)

# Saint-Paul's priority publics (markers the Coop lacks). Disability is special-category
# data: a yes/no marker only, recorded with consent, never details.
PRIORITY_PUBLICS = ValueList(
    "priority_public",
    ("disability", "Situation de handicap"),
    ("family_carer", "Aidant familial"),
    ("homeless", "Sans domicile fixe"),
)

ADVISOR_ROLES = ValueList(
    "advisor_role",
    ("conseiller_numerique", "Conseiller numérique"),
    ("aidant_connect", "Aidant Connect"),
    ("coordinator", "Coordinateur"),
)

VENUE_KINDS = ValueList(
    "venue_kind",
    ("espace_numerique", "Espace numérique"),
    ("ilet", "Îlet"),
    ("autre", "Autre"),
)


def _bassins() -> ValueList:
    # The bassins de vie are reference data shipped in resources/, read once here.
    data = reference_data()
    return ValueList("bassin", *((b["code"], b["label"]) for b in data["bassins"]))


BASSINS = _bassins()

SAINT_PAUL_INSEE = "97415"
SAINT_PAUL_POSTCODE = "97460"
TIME_ZONE = "Indian/Reunion"


# The names of the synced fields as an advisor reads them (conflicts, rejected changes).
# One list for every entity: a field name means the same thing wherever it appears.
FIELD_LABELS = ValueList(
    "field",
    ("first_name", "Prénom"),
    ("last_name", "Nom"),
    ("anonymous", "Anonyme"),
    ("phone", "Téléphone"),
    ("no_phone", "Pas de téléphone"),
    ("email", "E-mail"),
    ("birth_year", "Année de naissance"),
    ("address", "Adresse"),
    ("commune", "Commune"),
    ("postcode", "Code postal"),
    ("insee_code", "Code INSEE"),
    ("gender", "Genre"),
    ("age_band", "Tranche d'âge"),
    ("social_status", "Statut"),
    ("disability", "Situation de handicap"),
    ("family_carer", "Aidant familial"),
    ("homeless", "Sans domicile fixe"),
    ("pass_numerique_vouchers", "Chèques Pass Numérique"),
    ("consent_at", "Consentement"),
    ("already_accompanied", "Déjà accompagné"),
    ("notes", "Notes"),
    ("merged_into_id", "Fusionné dans la fiche"),
    ("deleted_at", "Suppression"),
    ("type", "Type d'activité"),
    ("status", "Statut de l'activité"),
    ("advisor_id", "Conseiller"),
    ("co_advisor_ids", "Co-animateurs"),
    ("date", "Date"),
    ("start_time", "Heure de début"),
    ("duration_min", "Durée"),
    ("place_type", "Type de lieu"),
    ("venue_id", "Lieu"),
    ("themes", "Thématiques"),
    ("admin_themes", "Thématiques des démarches"),
    ("procedure_name", "Nom de la démarche"),
    ("aidants_connect", "Réalisée sous mandat Aidants Connect"),
    ("equipment", "Matériel utilisé"),
    ("autonomy", "Autonomie"),
    ("redirected", "Orienté vers une structure"),
    ("redirect_structure", "Structure d'orientation"),
    ("procedure_completion", "Démarche finalisée"),
    ("title", "Titre de l'atelier"),
    ("level", "Niveau"),
    ("anon_total", "Participants anonymes"),
    ("anon_already_accompanied", "Participants anonymes déjà accompagnés"),
    ("anon_genders", "Participants anonymes par genre"),
    ("anon_age_bands", "Participants anonymes par tranche d'âge"),
    ("anon_statuses", "Participants anonymes par statut"),
    ("activity_id", "Activité"),
    ("beneficiary_id", "Bénéficiaire"),
    ("registered", "Inscrit"),
    ("attended", "Présent"),
    ("first_time", "Première fois"),
    ("series_id", "Cycle d'ateliers"),
    ("session_number", "Numéro de séance"),
    ("name", "Nom du lieu"),
    ("kind", "Type de lieu"),
    ("bassin", "Bassin de vie"),
    ("role", "Rôle"),
    ("team_id", "Équipe"),
    ("active", "Actif"),
)

# The kinds of synced records, as an advisor reads them.
ENTITY_LABELS = ValueList(
    "entity",
    ("beneficiary", "Bénéficiaire"),
    ("activity", "Activité"),
    ("participation", "Participation"),
    ("workshop_series", "Cycle d'ateliers"),
    ("venue", "Lieu"),
    ("advisor", "Conseiller"),
)

# Words used to show any field's value: yes/no, and no value at all.
VALUE_WORDS = ValueList("value_word", ("yes", "oui"), ("no", "non"), ("empty", "(vide)"))
