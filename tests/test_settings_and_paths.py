from stpaul_field.paths import DATA_DIR_ENV, AppPaths
from stpaul_field.settings import LAST_DURATION, LAST_VIEW, WALKIN_ROWS, Settings


def test_settings_have_typed_defaults_and_persist(paths: AppPaths):
    settings = Settings(paths.settings_file)
    assert settings.get(WALKIN_ROWS) == 5
    settings.set(LAST_DURATION, 45)
    settings.set(LAST_VIEW, "beneficiaries")
    again = Settings(paths.settings_file)
    assert again.get(LAST_DURATION) == 45
    assert again.get(LAST_VIEW) == "beneficiaries"


def test_damaged_settings_file_falls_back_to_defaults(paths: AppPaths):
    paths.ensure()
    paths.settings_file.write_text("{ pas du json", encoding="utf-8")
    assert Settings(paths.settings_file).get(WALKIN_ROWS) == 5


def test_data_dir_option_then_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert AppPaths.resolve().data == tmp_path / "env" / "data"
    assert AppPaths.resolve(tmp_path / "opt").backups == tmp_path / "opt" / "backups"
