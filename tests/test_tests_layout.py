"""The tests are laid out like the code they test (issue 21): tests/store/ for stpaul_field/store/,
tests/bench/ for stpaul_bench/, tests/packaging/ for packaging/, tests/e2e/ for the real program.
At tests/ itself only the rules over the whole product and the tests of stpaul_field/*.py."""

from __future__ import annotations

from pathlib import Path

import stpaul_field

TESTS = Path(__file__).parent
PRODUCT = Path(stpaul_field.__file__).parent
# What each folder of tests/ tests, when it is not a sub-package of stpaul_field.
OTHER_FOLDERS = {"bench": "stpaul_bench/", "packaging": "packaging/", "e2e": "the real program under Xvfb"}
WHOLE_PRODUCT = {
    "test_cli.py",
    "test_settings_and_paths.py",
    "test_layers.py",
    "test_import_rules.py",
    "test_secret_comparisons.py",
    "test_no_personal_data_in_logs.py",
    "test_private_files.py",
    "test_ci_postgres_guard.py",
    "test_tests_layout.py",
}


def test_every_test_folder_names_a_part_of_the_product() -> None:
    folders = {d.name for d in TESTS.iterdir() if d.is_dir() and any(d.glob("test_*.py"))}
    packages = {d.name for d in PRODUCT.iterdir() if (d / "__init__.py").exists()}
    assert folders - packages - set(OTHER_FOLDERS) == set()


def test_only_whole_product_rules_stay_at_the_top() -> None:
    at_top = {f.name for f in TESTS.glob("test_*.py")}
    assert at_top - WHOLE_PRODUCT == set(), "move these into the folder of the package they test"


def test_each_test_folder_is_a_package_so_equal_names_do_not_clash() -> None:
    # tests/store/test_series.py and tests/sync/test_series.py both exist.
    for d in TESTS.iterdir():
        if d.is_dir() and any(d.glob("test_*.py")):
            assert (d / "__init__.py").exists(), d
