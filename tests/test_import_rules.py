"""Import rules the contracts of pyproject's import-linter cannot say: no cycle inside store/, even
through an import inside a function (grimp reads those too); the store reads no settings file."""

import grimp

from stpaul_field.cli import COMMANDS


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("stpaul_field")


def test_no_import_cycle_between_the_store_s_modules():
    graph = _graph()
    store = {m for m in graph.modules if m.startswith("stpaul_field.store.")}
    cycles = [
        (importer, imported)
        for importer in store
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported in store
        and imported != importer
        and not imported.startswith(importer + ".")
        and graph.chain_exists(importer=imported, imported=importer)
    ]
    assert sorted(cycles) == []


def test_the_store_reads_no_settings_file_its_callers_pass_what_it_needs():
    """Only the store's sub-commands (terminal entry points, like the app's window) read settings."""
    graph = _graph()
    commands = {module for module, _help in COMMANDS.values()}
    for module in graph.modules:
        if module.startswith("stpaul_field.store.") and module not in commands:
            assert not graph.chain_exists(importer=module, imported="stpaul_field.settings"), module
