"""Saint-Paul's reference data, shipped in resources/: bassins de vie, communes, reference venues."""

from __future__ import annotations

import json
from typing import Any

from stpaul_field.resources import resource


def reference_data() -> dict[str, Any]:
    return json.loads(resource("reference", "saint-paul.json").read_text(encoding="utf-8"))
