"""stpaul-field: offline-first field app of Saint-Paul's digital-inclusion advisors."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("stpaul-field")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "stpaul-field"
APP_AUTHOR = "Ville de Saint-Paul"
