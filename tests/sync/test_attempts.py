"""The background attempts policy and the battery reading it depends on."""

from __future__ import annotations

import datetime as dt

from stpaul_field.sync import power
from stpaul_field.sync.attempts import next_attempt_delay

MIN = dt.timedelta(minutes=1)


def test_failures_back_off_from_one_minute_doubling_to_half_an_hour():
    assert [next_attempt_delay(n, on_battery=False) for n in range(1, 8)] == [
        1 * MIN,
        2 * MIN,
        4 * MIN,
        8 * MIN,
        16 * MIN,
        30 * MIN,
        30 * MIN,
    ]
    assert next_attempt_delay(1000, on_battery=False) == 30 * MIN
    assert next_attempt_delay(0, on_battery=False) == 30 * MIN  # routine after a success


def test_on_battery_every_wait_is_longer():
    assert next_attempt_delay(1, on_battery=True) == 4 * MIN
    assert next_attempt_delay(6, on_battery=True) == 120 * MIN
    assert next_attempt_delay(0, on_battery=True) == 120 * MIN


def supply(root, name, **files):
    folder = root / name
    folder.mkdir()
    for key, value in files.items():
        (folder / key).write_text(value + "\n")


def test_linux_battery_reading(tmp_path):
    assert power._linux_on_battery(tmp_path / "absent") is False
    supply(tmp_path, "BAT0", type="Battery", status="Discharging")
    assert power._linux_on_battery(tmp_path) is True
    supply(tmp_path, "AC", type="Mains", online="1")
    assert power._linux_on_battery(tmp_path) is False
    (tmp_path / "AC" / "online").write_text("0\n")
    assert power._linux_on_battery(tmp_path) is True
    (tmp_path / "BAT0" / "status").write_text("Full\n")
    assert power._linux_on_battery(tmp_path) is False
    assert isinstance(power.on_battery(), bool)
