"""When the app tries a sync on its own: the background attempts policy.

No polling: one timer at a time, set to the delay below. After a failure the laptop is
probably out of reach (Mafate, a dropped 3G link): wait 1 min, then double up to 30 min.
After a success, a routine attempt every 30 min brings the team's changes. On battery
every delay is four times longer (up to 2 h): a day on a solar panel matters more than
a fresher record. An error an advisor must act on (password, revoked laptop, an app too
old) is never retried on its own.
"""

from __future__ import annotations

import datetime as dt

FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(minutes=30)
ROUTINE = dt.timedelta(minutes=30)
BATTERY_FACTOR = 4
LONGEST_ON_BATTERY = dt.timedelta(hours=2)
# After start, or once the network comes back, give the laptop a moment to settle.
SOON = dt.timedelta(seconds=20)


def next_attempt_delay(failures: int, on_battery: bool) -> dt.timedelta:
    """The wait before the next background attempt, after `failures` failed ones in a row."""
    delay = ROUTINE if failures <= 0 else min(FIRST_RETRY * 2 ** min(failures - 1, 16), LONGEST_RETRY)
    if on_battery:
        delay = min(delay * BATTERY_FACTOR, LONGEST_ON_BATTERY)
    return delay
