"""Is this laptop running on its battery? Read cheaply, for the sync's background attempts.

Linux: /sys/class/power_supply (a mains adapter online, or a discharging battery).
Windows: GetSystemPowerStatus. Anywhere else, or when unsure: on mains (the usual pace).
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

POWER_SUPPLY = Path("/sys/class/power_supply")


def on_battery() -> bool:
    try:
        if sys.platform.startswith("linux"):
            return _linux_on_battery(POWER_SUPPLY)
        if sys.platform == "win32":
            return _windows_on_battery()
    except OSError:
        pass
    return False


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""


def _linux_on_battery(root: Path) -> bool:
    if not root.is_dir():
        return False
    discharging = False
    for supply in root.iterdir():
        kind = _read(supply / "type")
        if kind in ("Mains", "USB", "USB_C", "USB_PD") and _read(supply / "online") == "1":
            return False
        if kind == "Battery" and _read(supply / "status") == "Discharging":
            discharging = True
    return discharging


class _SystemPowerStatus(ctypes.Structure):
    _fields_ = [
        ("ACLineStatus", ctypes.c_ubyte),
        ("BatteryFlag", ctypes.c_ubyte),
        ("BatteryLifePercent", ctypes.c_ubyte),
        ("SystemStatusFlag", ctypes.c_ubyte),
        ("BatteryLifeTime", ctypes.c_ulong),
        ("BatteryFullLifeTime", ctypes.c_ulong),
    ]


def _windows_on_battery() -> bool:
    status = _SystemPowerStatus()
    if not ctypes.windll.kernel32.GetSystemPowerStatus(ctypes.byref(status)):  # type: ignore[attr-defined]
        return False
    return status.ACLineStatus == 0  # 1: mains, 255: unknown
