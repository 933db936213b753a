from stpaul_field.domain import values as v


def test_value_lists_follow_the_reference():
    assert len(v.THEMES) == 19
    assert v.THEMES.label("entrepreneuriat") == "Accompagner un professionnel"
    assert len(v.ADMIN_THEMES) == 11
    assert v.PLACE_TYPES.codes == ("lieu_activite", "autre", "domicile", "a_distance")
    assert v.DURATION_CHOICES == (15, 30, 45, 60, 90, 120)
    assert v.AUTONOMY.label("partiellement_autonome") == "Autonome avec guidage en cas de besoin"
    assert [c.label for c in v.WORKSHOP_LEVELS] == ["Débutant", "Intermédiaire", "Avancé"]
    assert len(v.REDIRECT_STRUCTURES) == 7
    assert len(v.AGE_BANDS) == 8
    assert [c.label for c in v.BASSINS][-1] == "Mafate"
    assert len(v.BASSINS) == 7


def test_unknown_code_reads_as_itself_and_none_as_empty():
    assert v.THEMES.label("nope") == "nope"
    assert v.THEMES.label(None) == ""
    assert "email" in v.THEMES and "nope" not in v.THEMES


def test_age_band_from_birth_year():
    assert v.age_band_for(None, 2026) == "non_communique"
    assert v.age_band_for(2015, 2026) == "moins_de_douze"  # 11
    assert v.age_band_for(2014, 2026) == "douze_dix_huit"  # 12
    assert v.age_band_for(2008, 2026) == "dix_huit_vingt_quatre"  # 18
    assert v.age_band_for(1987, 2026) == "vingt_cinq_trente_neuf"  # 39
    assert v.age_band_for(1986, 2026) == "quarante_cinquante_neuf"  # 40
    assert v.age_band_for(1957, 2026) == "soixante_soixante_neuf"  # 69
    assert v.age_band_for(1956, 2026) == "soixante_dix_plus"  # 70


def test_duration_bands_and_labels():
    assert [v.duration_band(m) for m in (15, 29, 30, 59, 60, 119, 120, 600)] == [
        "lt_30",
        "lt_30",
        "30_60",
        "30_60",
        "60_120",
        "60_120",
        "ge_120",
        "ge_120",
    ]
    assert v.duration_label(45) == "45 min"
    assert v.duration_label(60) == "1 h"
    assert v.duration_label(90) == "1 h 30"


def test_former_codes_read_as_todays_and_records_are_rewritten_with_them() -> None:
    from stpaul_field.domain.fields import current_fields, former_codes, renamed_fields

    # The Coop's spellings (apps/web/prisma/schema.prisma: TrancheAge, Thematique,
    # StructureDeRedirection) are the codes; what we spelled before is `former`.
    assert v.AGE_BANDS.current("plus_de_70") == "soixante_dix_plus"
    assert v.AGE_BANDS.label("de_12_a_17") == "12 - 17 ans"
    assert "plus_de_70" not in v.AGE_BANDS  # accepted only once translated
    assert v.THEMES.current("gerer_ses_contenus_numeriques") == "gere_ses_contenus_numeriques"
    assert v.REDIRECT_STRUCTURES.current("aide_demarches") == "aide_aux_demarches_administratives"
    assert "de_60_a_69" in former_codes()
    assert set(renamed_fields("activity")) == {"themes", "redirect_structure", "anon_age_bands"}
    assert renamed_fields("beneficiary") == ("age_band",)
    fields = {"age_band": "de_40_a_59", "first_name": "de_40_a_59"}
    assert current_fields("beneficiary", fields) == {
        "age_band": "quarante_cinquante_neuf",
        "first_name": "de_40_a_59",
    }
    workshop = {"anon_age_bands": {"plus_de_70": 1, "soixante_dix_plus": 2}, "themes": ["email"]}
    assert current_fields("activity", workshop) == {
        "anon_age_bands": {"soixante_dix_plus": 3},
        "themes": ["email"],
    }
    unchanged = {"age_band": "soixante_dix_plus"}
    assert current_fields("beneficiary", unchanged) is unchanged
    assert current_fields("activity", {"age_band": "plus_de_70"}) == {
        "age_band": "plus_de_70"
    }  # not its field


def test_labels_use_the_coops_typographic_apostrophe() -> None:
    # apps/web/src/features/activites/use-cases/cra/fields/type-lieu.ts, …/structures-redirection.ts
    assert v.PLACE_TYPES.label("lieu_activite") == "Lieu d’activité"
    assert v.REDIRECT_STRUCTURES.label("aide_sociale").startswith("Structure d’aide sociale")
    for values in (v.PLACE_TYPES, v.REDIRECT_STRUCTURES, v.THEMES, v.ADMIN_THEMES, v.AGE_BANDS):
        assert all("'" not in c.label for c in values), values.name
