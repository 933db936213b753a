"""Every French text the UI shows has its English translation in the shipped catalogue.

`pyside6-lupdate` only collects literal texts given straight to `self.tr`,
`QCoreApplication.translate` or `QT_TRANSLATE_NOOP`: a wrapper (`def _tr(text)`), an alias or
a text built at run time hides a text from the catalogue and the English UI shows it in
French, with no error anywhere. This test reads the sources as lupdate does and fails on
such a call, on a text missing from `resources/translations/stpaul_field_en.ts` or left
unfinished there, and on a value label or message (`ui.i18n`) the catalogue lacks.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "stpaul_field_en.ts"
SOURCES = ("stpaul_field/ui", "stpaul_field/documents")
# The two places that translate texts declared elsewhere (value labels, column headers):
# their texts reach the catalogue through `packaging/update_translations.py` or a NOOP.
DISPLAY_TIME = {"stpaul_field/ui/i18n.py", "stpaul_field/ui/widgets/paged_model.py"}
TRANSLATE_CALLS = {"translate", "QT_TRANSLATE_NOOP"}


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Calls(ast.NodeVisitor):
    """(context, text) of every translation call, and the calls lupdate cannot read."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.classes: list[str] = []
        self.texts: list[tuple[str, str, int]] = []
        self.unreadable: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        calls = [
            n for n in ast.walk(node) if isinstance(n, ast.Call) and _name(n) in TRANSLATE_CALLS | {"tr"}
        ]
        params = {a.arg for a in node.args.args}
        if any(isinstance(a, ast.Name) and a.id in params for c in calls for a in c.args):
            self.unreadable.append(f"{self.where}:{node.lineno} {node.name}() translates its argument")
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if isinstance(node.value, ast.Attribute) and node.value.attr in TRANSLATE_CALLS | {"tr"}:
            self.unreadable.append(f"{self.where}:{node.lineno} an alias of {node.value.attr}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node)
        if name == "tr" and isinstance(node.func, ast.Attribute) and node.args:
            self._text(self.classes[-1] if self.classes else "?", node.args[0], node.lineno)
        elif name in TRANSLATE_CALLS and len(node.args) >= 2:
            context = _literal(node.args[0])
            if context is None:
                self.unreadable.append(f"{self.where}:{node.lineno} a context lupdate cannot read")
            else:
                self._text(context, node.args[1], node.lineno)
        self.generic_visit(node)

    def _text(self, context: str, arg: ast.expr, line: int) -> None:
        text = _literal(arg)
        if text is None:
            self.unreadable.append(f"{self.where}:{line} a text built at run time ({ast.unparse(arg)})")
        else:
            self.texts.append((context, text, line))


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _sources() -> list[_Calls]:
    found = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            where = path.relative_to(ROOT).as_posix()
            if where in DISPLAY_TIME:
                continue
            calls = _Calls(where)
            calls.visit(ast.parse(path.read_text(encoding="utf-8")))
            found.append(calls)
    return found


def _update_script():  # type: ignore[no-untyped-def]
    """`packaging/update_translations.py`, which reads the catalogue and lists the value
    labels and messages it must hold."""
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_translation_call_is_one_lupdate_can_read():
    unreadable = [u for calls in _sources() for u in calls.unreadable]
    assert unreadable == [], "lupdate cannot collect these texts:\n" + "\n".join(unreadable)


def test_every_text_of_the_ui_is_translated_in_the_catalogue():
    catalogue = _update_script().entries(CATALOGUE)
    missing = [
        f"{calls.where}:{line} [{context}] {text!r}"
        for calls in _sources()
        for context, text, line in calls.texts
        if not catalogue.get((context, text))
    ]
    assert missing == [], (
        "not translated (run packaging/update_translations.py, translate, run it again):\n"
        + "\n".join(missing)
    )


def test_value_labels_and_messages_are_translated_in_the_catalogue():
    script = _update_script()
    catalogue = script.entries(CATALOGUE)
    wanted = [(script.VALUES_CONTEXT, t) for t in script.value_labels()]
    wanted += [(script.MESSAGES_CONTEXT, t) for t in script.messages()]
    missing = [f"[{c}] {t!r}" for c, t in wanted if not catalogue.get((c, t))]
    assert missing == [], "not translated:\n" + "\n".join(missing)


def test_the_catalogue_has_no_unfinished_entry():
    unfinished = _update_script().untranslated(CATALOGUE)
    assert unfinished == [], "unfinished in stpaul_field_en.ts:\n" + "\n".join(unfinished)


def test_the_guard_sees_a_wrapper_and_a_text_built_at_run_time():
    source = """
class Box:
    def title(self, n):
        return self.tr("Bonjour") + self.tr(f"{n} fois")

def _tr(text):
    return QCoreApplication.translate("Box", text)
"""
    calls = _Calls("example.py")
    calls.visit(ast.parse(source))
    assert calls.texts == [("Box", "Bonjour", 4)]
    assert [u.split(" ", 1)[1] for u in calls.unreadable] == [
        "a text built at run time (f'{n} fois')",
        "_tr() translates its argument",
        "a text built at run time (text)",
    ]
