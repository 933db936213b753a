"""What erasing a person leaves of them (RGPD), and when their retention period is over.

One rule for both sides: the laptop's erasure and retention (`store.privacy`) and the central
record's retention (`server.retention`) set the same fields to the same values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

# What an erased person keeps: enough for the statistics, nothing to identify them.
KEPT_ON_ERASURE = (
    "gender",
    "age_band",
    "social_status",
    "commune",
    "postcode",
    "insee_code",
    "already_accompanied",
    "merged_into_id",
)

# Every other field of a beneficiary takes this value (Python values; `None` is NULL).
ERASED_PERSON: Mapping[str, Any] = MappingProxyType(
    {
        "anonymous": True,
        "first_name": "",
        "last_name": "",
        "phone": "",
        "no_phone": False,
        "email": "",
        "address": "",
        "notes": "",
        "birth_year": None,
        "disability": False,  # special-category data: never kept once the person is erased
        "family_carer": False,
        "homeless": False,
        "pass_numerique_vouchers": 0,
        "consent_at": None,
    }
)

# The free-text notes of a person's individual accompaniments may name them.
ERASED_INDIVIDUAL_ACTIVITY: Mapping[str, Any] = MappingProxyType({"notes": ""})

# The city is the data controller and sets the period (a setting on both sides). The default
# follows the CNIL's benchmark for social follow-up: the active base kept 2 years from the last
# contact with the person accompanied (référentiel « durées de conservation » du secteur social
# et médico-social, délibération n° 2023-095 du 14 septembre 2023; see README, « Retention »).
# The Coop itself keeps its beneficiaries 1 year after their data's last update.
DEFAULT_RETENTION_YEARS = 2


def is_erased(values: Mapping[str, Any]) -> bool:
    """True if nothing identifying is left: erasing again would change nothing."""
    return all(values.get(name) == erased for name, erased in ERASED_PERSON.items())


def retention_limit(today: dt.date, years: int) -> dt.date:
    """The day before which a person's last activity means their retention period is over."""
    if years < 1:
        raise ValueError("La durée de conservation est d'au moins un an.")
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February, N years back, is not a day
        return today.replace(year=today.year - years, day=28)


def past_retention(last_seen: dt.date, today: dt.date, years: int) -> bool:
    """`last_seen`: the date of the person's last activity, or of their record if they have none."""
    return last_seen < retention_limit(today, years)
