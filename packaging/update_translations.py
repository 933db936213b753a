"""Refresh the translation sources and compile them: `python packaging/update_translations.py`.

1. `pyside6-lupdate` collects every `tr()` string of `stpaul_field/ui` and
   `stpaul_field/documents` into `resources/translations/stpaul_field_<lang>.ts`
   (French is the source language; existing translations are kept).
2. The labels of the domain's value lists (`domain.values`) join the context "values",
   which `ui.i18n.label()` translates at display time: one list, defined once.
3. The French texts made below the UI that the UI shows — the sync status line
   (`sync.status`: the strings given to `tr` or `_plural`) and the domain's fixed
   validation messages (`FieldError(field, "…")`) — join the context "messages", which
   `ui.i18n.message()` translates at display time.
4. `pyside6-lrelease` compiles each `.ts` into the `.qm` the app loads.

Translate the new entries with Qt Linguist (`pyside6-linguist`), then run this again. The
script exits with status 1 and lists them while any entry is left untranslated (the test
`tests/ui/test_translations_complete.py` fails on the same entries).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stpaul_field.domain import report_model, values  # noqa: E402
from stpaul_field.ui.i18n import LANGUAGES, MESSAGES_CONTEXT, VALUES_CONTEXT  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ("stpaul_field/ui", "stpaul_field/documents")
TARGET_LOCALES = {"en": "en_GB"}
# Where the texts of the context "messages" are written, and the calls that carry them.
MESSAGE_SOURCES = {
    "stpaul_field/sync/status.py": ("tr", "_plural"),
    "stpaul_field/domain/validation.py": ("FieldError",),
}


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def value_labels() -> list[str]:
    labels: list[str] = []
    for obj in vars(values).values():
        if isinstance(obj, values.ValueList):
            labels.extend(c.label for c in obj if c.label not in labels)
    # The report's splits and sections, declared once in the domain (`ui.i18n.text`).
    for title in [s.title for s in report_model.SPLITS] + list(report_model.SECTIONS.values()):
        if title not in labels:
            labels.append(title)
    return labels


def messages() -> list[str]:
    """Every plain string given to those calls (an f-string is not a fixed text: left out)."""
    found: list[str] = []
    for source, calls in MESSAGE_SOURCES.items():
        for node in ast.walk(ast.parse((ROOT / source).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in calls:
                for arg in node.args:
                    if (
                        isinstance(arg, ast.Constant)
                        and isinstance(arg.value, str)
                        and arg.value not in found
                    ) and " " in arg.value:  # a field name is one word; a message is a sentence
                        found.append(arg.value)
    return found


def add_value_labels(
    ts_file: Path, context_name: str = VALUES_CONTEXT, texts: list[str] | None = None
) -> int:
    tree = ET.parse(ts_file)
    root = tree.getroot()
    context = next((c for c in root.findall("context") if c.findtext("name") == context_name), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
    # lupdate finds no tr() call for these and marks them vanished: they are still used.
    for message in context.findall("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            if translation.text or len(translation):
                del translation.attrib["type"]
            else:
                translation.set("type", "unfinished")
    known = {m.findtext("source") for m in context.findall("message")}
    added = 0
    for label in value_labels() if texts is None else texts:
        if label in known:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = label
        ET.SubElement(message, "translation", {"type": "unfinished"})
        added += 1
    ET.indent(tree)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return added


def entries(ts_file: Path) -> dict[tuple[str, str], str | None]:
    """(context, French source) -> the translation, None where unfinished or empty; the
    texts no longer in the sources (vanished, obsolete) left out."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts_file).getroot().findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            state = translation.get("type") if translation is not None else "unfinished"
            if state in ("vanished", "obsolete"):
                continue
            forms = (
                []
                if translation is None
                else [translation.text or ""] + [f.text or "" for f in translation.findall("numerusform")]
            )
            text = "".join(forms).strip()
            key = (context.findtext("name") or "", message.findtext("source") or "")
            found[key] = text if text and state != "unfinished" else None
    return found


def untranslated(ts_file: Path) -> list[str]:
    """The entries still to translate, as `[context] source`."""
    return [f"[{c}] {s}" for (c, s), text in entries(ts_file).items() if text is None]


def main() -> int:
    status = 0
    files = [str(p) for src in SOURCES for p in sorted((ROOT / src).rglob("*.py"))]
    for lang in LANGUAGES:
        if lang == "fr":
            continue  # the source language needs no file
        ts_file = TRANSLATIONS / f"stpaul_field_{lang}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *files,
                "-source-language",
                "fr_FR",
                "-target-language",
                TARGET_LOCALES[lang],
                "-ts",
                str(ts_file),
            ],
            check=True,
        )
        print(f"{ts_file.name}: {add_value_labels(ts_file)} value label(s) added")
        added = add_value_labels(ts_file, MESSAGES_CONTEXT, messages())
        print(f"{ts_file.name}: {added} message(s) added")
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts_file), "-qm", str(ts_file.with_suffix(".qm"))], check=True
        )
        left = untranslated(ts_file)
        if left:
            print(f"{ts_file.name}: {len(left)} text(s) to translate:", *left, sep="\n  ")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
