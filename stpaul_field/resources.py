"""Where the shipped resources (reference data, icons, translations) are found.

In a source tree or an editable install they are the repository's `resources/`; a frozen
build carries them beside the executable; a wheel installs them under `share/`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    candidates = [Path(__file__).resolve().parent.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    candidates.append(Path(sys.prefix) / "share" / "stpaul-field" / "resources")
    for path in candidates:
        if (path / "reference").is_dir():
            return path
    raise FileNotFoundError("resources/ introuvable : installation incomplète")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
