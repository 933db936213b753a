"""Nothing below ui/ imports Qt (documents/ may use Qt's printing, never widgets)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import stpaul_field

CORE = ("domain", "store", "sync", "server")


def _modules(layer: str) -> list[str]:
    root = Path(stpaul_field.__file__).parent / layer
    return [
        f"stpaul_field.{layer}.{m.name}"
        for m in pkgutil.walk_packages([str(root)])
        if ".migrations" not in m.name and not m.name.startswith("migrations")
    ]


def _import_each_in_a_fresh_python(modules: list[str], still_true: str) -> None:
    """Import the modules one by one in a new interpreter; `still_true` must hold after each."""
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"    assert {still_true}, name\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(stpaul_field.__file__).parent.parent,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_core_layers_never_import_pyside6():
    modules = [m for layer in CORE for m in _modules(layer)]
    assert modules
    _import_each_in_a_fresh_python(modules, "not any(k.startswith('PySide6') for k in sys.modules)")


def test_documents_never_import_widgets():
    _import_each_in_a_fresh_python(_modules("documents"), "'PySide6.QtWidgets' not in sys.modules")


def test_import_contracts_hold():
    """import-linter's contracts (pyproject) — layering of the whole package."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(stpaul_field.__file__).parent.parent,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
