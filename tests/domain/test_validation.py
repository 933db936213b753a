import datetime as dt
import uuid

import pytest

from stpaul_field.domain.entities import ActivityData, BeneficiaryData
from stpaul_field.domain.validation import (
    ValidationError,
    activity_errors,
    beneficiary_errors,
    validate_activity,
    validate_beneficiary,
)

VENUE = uuid.uuid4()


def fields(errors):
    return {e.field for e in errors}


def test_followed_beneficiary_needs_first_and_last_name():
    errors = beneficiary_errors(BeneficiaryData())
    assert fields(errors) == {"first_name", "last_name"}
    assert "Le prénom est obligatoire." in [e.message for e in errors]


def test_anonymous_beneficiary_has_no_name_nor_contact():
    assert beneficiary_errors(BeneficiaryData(anonymous=True)) == []
    errors = beneficiary_errors(BeneficiaryData(anonymous=True, first_name="Paul", phone="0692123456"))
    assert fields(errors) == {"first_name", "phone"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"phone": "12"}, "phone"),
        ({"phone": "0692123456", "no_phone": True}, "phone"),
        ({"email": "pas-une-adresse"}, "email"),
        ({"birth_year": 1850}, "birth_year"),
        ({"birth_year": 2999}, "birth_year"),
        ({"postcode": "974"}, "postcode"),
        ({"gender": "autre"}, "gender"),
        ({"disability": True}, "disability"),  # special-category data needs consent
        ({"pass_numerique_vouchers": -1}, "pass_numerique_vouchers"),
        ({"notes": "x" * 2001}, "notes"),
    ],
)
def test_beneficiary_rules(change, field):
    data = BeneficiaryData(first_name="Hélène", last_name="Payet", **change)
    assert field in fields(beneficiary_errors(data, today=dt.date(2026, 11, 23)))


def test_valid_beneficiary_with_international_phone_and_consented_marker():
    data = BeneficiaryData(
        first_name="Hélène",
        last_name="Payet",
        phone="+262 692 12 34 56",
        disability=True,
        consent_at=dt.datetime.now(dt.UTC),
        birth_year=1950,
    )
    validate_beneficiary(data)


def individual(**kw):
    base = dict(type="individual", date=dt.date(2026, 11, 23), themes=["email"], venue_id=VENUE)
    base.update(kw)
    return ActivityData(**base)


def test_valid_individual_accompaniment():
    validate_activity(individual(autonomy="autonome", equipment=["ordinateur"]), participant_count=1)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"themes": []}, "themes"),
        ({"themes": ["inconnu"]}, "themes"),
        ({"admin_themes": ["logement"]}, "admin_themes"),
        ({"procedure_name": "Carte grise"}, "procedure_name"),
        ({"venue_id": None}, "venue_id"),
        ({"place_type": "domicile"}, "commune"),
        ({"place_type": "domicile", "commune": "Saint-Paul"}, "venue_id"),
        ({"duration_min": 0}, "duration_min"),
        ({"duration_min": 24 * 60 + 1}, "duration_min"),
        ({"date": None}, "date"),
        ({"equipment": ["aucun", "ordinateur"]}, "equipment"),
        ({"redirected": True}, "redirect_structure"),
        ({"redirect_structure": "autre"}, "redirect_structure"),
        ({"title": "Atelier"}, "type"),
    ],
)
def test_individual_rules(change, field):
    assert field in fields(activity_errors(individual(**change), participant_count=1))


def test_individual_needs_exactly_one_beneficiary():
    assert "beneficiary" in fields(activity_errors(individual(), participant_count=0))


def test_admin_help_with_admin_theme_and_procedure_is_valid():
    validate_activity(
        individual(
            themes=["aide_aux_demarches_administratives"],
            admin_themes=["papiers_elections_citoyennete"],
            procedure_name="Carte d'identité",
        ),
        participant_count=1,
    )


def workshop(**kw):
    base = dict(
        type="workshop",
        date=dt.date(2026, 11, 23),
        themes=["email"],
        venue_id=VENUE,
        title="Créer son adresse e-mail",
        duration_min=120,
    )
    base.update(kw)
    return ActivityData(**base)


def test_workshop_needs_a_participant_followed_or_anonymous():
    assert "participants" in fields(activity_errors(workshop(), participant_count=0))
    validate_activity(workshop(anon_total=3), participant_count=0)
    validate_activity(workshop(), participant_count=4)


def test_workshop_rules():
    assert "title" in fields(activity_errors(workshop(title="x" * 201), 2))
    assert "autonomy" in fields(activity_errors(workshop(autonomy="autonome"), 2))
    assert "anon_already_accompanied" in fields(
        activity_errors(workshop(anon_total=2, anon_already_accompanied=3), 0)
    )
    assert "anon_genders" in fields(
        activity_errors(workshop(anon_total=2, anon_genders={"feminin": 2, "masculin": 1}), 0)
    )
    lead = uuid.uuid4()
    assert "co_advisor_ids" in fields(
        activity_errors(workshop(advisor_id=lead, co_advisor_ids=[str(lead)]), 2)
    )


def test_validation_error_lists_every_problem_by_field():
    with pytest.raises(ValidationError) as caught:
        validate_activity(individual(themes=[], duration_min=0), participant_count=1)
    by_field = caught.value.by_field()
    assert by_field["themes"] == "Choisissez au moins une thématique."
    assert "duration_min" in by_field


def test_the_aidants_connect_mandate_goes_with_administrative_help_only():
    from stpaul_field.domain.entities import ActivityData
    from stpaul_field.domain.validation import activity_errors

    base = dict(type="individual", date=dt.date(2026, 11, 3), venue_id=uuid.uuid4(), aidants_connect=True)
    help_ = ActivityData(**base, themes=["aide_aux_demarches_administratives"], admin_themes=["social_sante"])
    assert [e.field for e in activity_errors(help_, 1)] == []
    other = ActivityData(**base, themes=["email"])
    assert [e.message for e in activity_errors(other, 1) if e.field == "aidants_connect"] == [
        "Le mandat Aidants Connect ne s'indique qu'avec « Aide aux démarches administratives »."
    ]


def test_what_the_coop_leaves_optional_is_optional_here():
    # apps/web/src/features/activites/use-cases/cra/validation/CraValidation.ts, …/collectif/
    # validation/CraCollectifValidation.ts, …/validation/canHaveAdministrationThematiques.ts
    validate_activity(individual(themes=["aide_aux_demarches_administratives"]), participant_count=1)
    validate_activity(workshop(title=""), participant_count=2)  # a workshop's title
    validate_activity(individual(place_type="a_distance", venue_id=None), participant_count=1)  # no commune
    demarche = dict(themes=["aide_aux_demarches_administratives"], admin_themes=["logement"])
    validate_activity(workshop(**demarche, procedure_name="Dossier logement"), participant_count=2)
    assert "commune" in fields(activity_errors(individual(place_type="autre", venue_id=None), 1))


# ---- characters no store nor protocol can hold (issue 17) ----------------------------------

_TEXT_FIELDS = [
    (BeneficiaryData, name)
    for name in ("first_name", "last_name", "email", "address", "commune", "postcode", "insee_code", "notes")
] + [(ActivityData, name) for name in ("notes", "procedure_name", "commune", "title")]


@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
@pytest.mark.parametrize(("kind", "name"), _TEXT_FIELDS)
def test_a_character_the_central_record_refuses_is_refused_in_every_text_field(kind, name, bad):
    if kind is BeneficiaryData:
        record = BeneficiaryData(first_name="Hélène", last_name="Payet")
        setattr(record, name, getattr(record, name) + "Saint" + bad + "Paul")
        errors = beneficiary_errors(record)
    else:
        record = workshop()
        setattr(record, name, getattr(record, name) + "Saint" + bad + "Paul")
        errors = activity_errors(record, participant_count=1)
    by_field = ValidationError(errors).by_field()
    code = f"U+{ord(bad):04X}"
    assert name in by_field and code in by_field[name] and "interdit" in by_field[name], by_field


def test_the_refusal_reaches_list_items_and_counts_keys_and_spares_tabs_and_new_lines():
    assert "themes" in fields(activity_errors(workshop(themes=["email\x00"]), participant_count=1))
    counted = workshop(anon_total=2, anon_genders={"feminin\x00": 2})
    assert "anon_genders" in fields(activity_errors(counted, participant_count=0))
    notes = BeneficiaryData(first_name="Hélène", last_name="Payet", notes="Mardi :\n\t- CAF\r\n")
    assert beneficiary_errors(notes) == []
    nul = BeneficiaryData(first_name="Hé\x00lène", last_name="P")
    assert (
        ValidationError(beneficiary_errors(nul)).by_field()["first_name"]
        == "Prénom : caractère nul (U+0000) interdit, retirez-le."
    )
