"""A QGuiApplication for headless use: fonts and the PDF engine need one, widgets don't."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new offscreen QGuiApplication when there is none.

    With no display (a server, CI, a script over SSH) Qt would abort on the default
    platform plugin, so the offscreen one is chosen unless the caller chose one.
    """
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("les documents ont besoin d'une QGuiApplication, pas d'une QCoreApplication")
        return existing
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "stpaul-field"])
    return _app


__all__ = ["ensure_gui_application"]
