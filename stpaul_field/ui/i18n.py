"""Translations: the UI is written in French (the source language), English ships as a .qm.

Value-list labels come from `domain.values` in French; `label()` passes them through the
translator under the context "values" so an English UI shows English choices too.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from stpaul_field.domain import values as v
from stpaul_field.resources import resource

LANGUAGES = {"fr": "Français", "en": "English"}
VALUES_CONTEXT = "values"
MESSAGES_CONTEXT = "messages"
DATE_FORMAT = "dd/MM/yyyy"

_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> None:
    """Load the app's and Qt's own translations for `language` ('fr' needs no app file)."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    language = language if language in LANGUAGES else "fr"
    QLocale.setDefault(QLocale("fr_FR" if language == "fr" else "en_GB"))
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    if language != "fr":
        own = QTranslator(app)
        if own.load(str(resource("translations", f"stpaul_field_{language}.qm"))):
            app.installTranslator(own)
            _installed.append(own)


def label(values: v.ValueList, code: str | None) -> str:
    """The label of a code in the UI's language."""
    return QCoreApplication.translate(VALUES_CONTEXT, values.label(code)) if code else ""


def message(text: str) -> str:
    """A French text from below the UI (the sync status, the domain's validation messages)
    in the UI's language, under the context "messages" (`packaging/update_translations.py`
    collects them); one not translated stays French."""
    return QCoreApplication.translate(MESSAGES_CONTEXT, text)


def text(source: str) -> str:
    """A French text declared in the domain (a report split's title…) in the UI's language;
    `packaging/update_translations.py` lists them in the context "values" too."""
    return QCoreApplication.translate(VALUES_CONTEXT, source)


def reunion_zone() -> dt.tzinfo:
    try:
        return ZoneInfo(v.TIME_ZONE)
    except ZoneInfoNotFoundError:  # a system without tz data: Réunion is UTC+4, no DST
        return dt.timezone(dt.timedelta(hours=4), "RET")


def now() -> dt.datetime:
    return dt.datetime.now(reunion_zone())


def today() -> dt.date:
    return now().date()


def format_date(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def format_time(t: dt.time | None) -> str:
    return t.strftime("%H:%M") if t else ""
