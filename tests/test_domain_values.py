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
    assert v.age_band_for(2015, 2026) == "moins_de_12"  # 11
    assert v.age_band_for(2014, 2026) == "de_12_a_17"  # 12
    assert v.age_band_for(2008, 2026) == "de_18_a_24"  # 18
    assert v.age_band_for(1987, 2026) == "de_25_a_39"  # 39
    assert v.age_band_for(1986, 2026) == "de_40_a_59"  # 40
    assert v.age_band_for(1957, 2026) == "de_60_a_69"  # 69
    assert v.age_band_for(1956, 2026) == "plus_de_70"  # 70


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
