"""Settings of the app, each declared once with its type, default and French label.

Stored as JSON under the config directory (written atomically). Nothing else reads
settings by a bare string: use the `Setting` objects below.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from stpaul_field.domain.counting import CountingRule

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    label: str


REGISTRY: dict[str, Setting[Any]] = {}


def _declare(key: str, type_: type, default: Any, label: str) -> Setting[Any]:
    setting = Setting(key, type_, default, label)
    REGISTRY[key] = setting
    return setting


LANGUAGE = _declare("language", str, "fr", "Langue de l'interface")
CURRENT_VENUE = _declare("current_venue", str, "", "Lieu où je travaille aujourd'hui")
CURRENT_ADVISOR = _declare("current_advisor", str, "", "Conseiller de ce poste")
# One remembered duration per kind of work: a 2 h workshop must not become the next
# accompaniment's default (the key of individual accompaniments is the one shared before).
LAST_DURATION = _declare("last_duration", int, 60, "Dernière durée d'un accompagnement (min)")
LAST_WORKSHOP_DURATION = _declare("last_workshop_duration", int, 120, "Dernière durée d'un atelier (min)")
LAST_DURATIONS: dict[str, Setting[Any]] = {"individual": LAST_DURATION, "workshop": LAST_WORKSHOP_DURATION}
LAST_VIEW = _declare("last_view", str, "agenda", "Dernière vue ouverte")
WINDOW_GEOMETRY = _declare("window_geometry", str, "", "Position et taille de la fenêtre")
WALKIN_ROWS = _declare("walkin_rows", int, 5, "Lignes vierges pour les participants non inscrits")
SHEET_LOGO = _declare("sheet_logo", str, "", "Logo des feuilles d'émargement (fichier image)")
SHEET_FUNDING_TEXT = _declare(
    "sheet_funding_text", str, "", "Mentions des financeurs (pied des feuilles d'émargement)"
)
SHEET_FUNDING_LOGOS = _declare(
    "sheet_funding_logos", str, "", "Logos des financeurs (fichiers images, séparés par « ; »)"
)
MONTHLY_TARGET = _declare("monthly_target", int, 1600, "Objectif mensuel de suivis (équipe)")
ADVISOR_TARGET = _declare("advisor_target", int, 0, "Mon objectif mensuel de suivis (0 = part égale)")
BACKUPS_KEPT = _declare("backups_kept", int, 10, "Sauvegardes conservées")
IDLE_LOCK_MINUTES = _declare("idle_lock_minutes", int, 10, "Verrouillage après inactivité (min, 0 = jamais)")
LOCK_CODE_HASH = _declare("lock_code_hash", str, "", "Empreinte du code de déverrouillage (jamais le code)")
COUNT_PLANNED_PAST = _declare(
    "count_planned_past", bool, False, "Compter les activités prévues déjà passées comme réalisées"
)
ATTENDANCE_REMINDER_DAY = _declare(
    "attendance_reminder_day", str, "", "Jour du dernier rappel des émargements à saisir"
)
RETENTION_YEARS = _declare("retention_years", int, 2, "Anonymiser après N années sans activité")
# {digest of a set of headers: {field: header}}: headers only, never a cell of the file.
IMPORT_COLUMNS = _declare(
    "import_columns", str, "", "Colonnes des fichiers de la ville, retenues par jeu d'en-têtes (JSON)"
)


def counting_rule(settings: Settings) -> CountingRule:
    """What today's figures count (`domain.counting`), as the settings say."""
    return CountingRule.now(planned_past=settings.get(COUNT_PLANNED_PAST))


class Settings:
    """Typed access to the settings file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(loaded, dict):
                    self._values = loaded
            except (OSError, ValueError):
                # A damaged settings file must not stop the app: fall back to defaults.
                self._values = {}

    def get(self, setting: Setting[T]) -> T:
        value = self._values.get(setting.key, setting.default)
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self._values[setting.key] = setting.type(value)
        self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self._values, f, ensure_ascii=False, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def store_options(settings_file: Path) -> dict[str, Any]:
    """What `Store.open` needs from the laptop's settings (the store never reads them itself)."""
    return {"backups_kept": Settings(settings_file).get(BACKUPS_KEPT)}
