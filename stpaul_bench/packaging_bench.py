"""The frozen desktop app (packaging/build → dist/stpaul-field): its size on disk and its start-up.

Start-up is measured from the launch of the executable (bootloader and interpreter included)
to the main window shown, through the app's smoke-test mode (`stpaul_field.ui.smoke`): once
on a fresh data directory (the store is created), then on a copy of the benchmark's demo store
(DESIGN.md's "cold start to a usable window" at the benchmark's size). Without a build there is
nothing to measure: the benchmark says so and reports no figure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from stpaul_bench.harness import BENCH_PASSPHRASE, BenchContext, Figure
from stpaul_bench.smoke_line import REPORT_PREFIX, SMOKE_ENV

FROZEN_DIR_ENV = "STPAUL_FIELD_FROZEN_DIR"
APP_NAME = "stpaul-field"
STARTS = 3
MIB = 1024 * 1024


def frozen_dir() -> Path:
    """$STPAUL_FIELD_FROZEN_DIR, else the repository's dist/stpaul-field."""
    given = os.environ.get(FROZEN_DIR_ENV)
    if given:
        return Path(given)
    return Path(__file__).resolve().parents[2] / "dist" / APP_NAME


def executable(app_dir: Path) -> Path | None:
    for name in (APP_NAME, f"{APP_NAME}.exe"):
        if (app_dir / name).is_file():
            return app_dir / name
    return None


def folder_size(folder: Path) -> int:
    """Bytes of the files under `folder` (symbolic links counted once, as links)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_file():
            total += path.stat().st_size
    return total


def start_once(command: list[str], data_root: Path | None = None, platform: str = "offscreen") -> float:
    """Seconds from launching `command` (the app, frozen or not, or the bare PySide6 program)
    to its main window shown, the app on the data under `data_root`."""
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": platform,
            "STPAUL_FIELD_PASSPHRASE": BENCH_PASSPHRASE,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            SMOKE_ENV: f"{time.time():.6f}",
        }
    )
    env.pop("STPAUL_FIELD_DATA_DIR", None)
    args = [*command, "--data-dir", str(data_root), "gui"] if data_root is not None else command
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, check=False)
    for line in done.stdout.splitlines():
        if line.startswith(REPORT_PREFIX):
            return float(line[len(REPORT_PREFIX) :].split()[0])
    raise RuntimeError(
        f"{Path(args[0]).name} n'a pas affiché sa fenêtre (code {done.returncode}) : {done.stderr[-500:]}"
    )


def frozen_app(ctx: BenchContext) -> list[Figure]:
    app_dir = frozen_dir()
    exe = executable(app_dir)
    if exe is None:
        print(f"  packaging : pas d'application construite dans {app_dir} (packaging/build) — rien à mesurer")
        return []
    size = folder_size(app_dir) / MIB

    fresh = ctx.work_dir / "frozen-fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    first = start_once([str(exe)], fresh)

    # The benchmark's demo store, copied: the app may write settings and must not alter the original.
    demo = ctx.demo_store()
    copy = ctx.work_dir / "frozen-demo"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(demo.data.parent, copy)
    # The best of a few starts, like store-open: the machine's other load only ever adds time.
    later = min(start_once([str(exe)], copy) for _ in range(STARTS))

    n = ctx.beneficiaries
    where = "Windows" if sys.platform == "win32" else "Linux"
    return [
        Figure(f"application figée ({where}) : taille du dossier", size, "Mo"),
        Figure("application figée : démarrage → fenêtre, poste neuf", first * 1000, "ms"),
        Figure(
            f"application figée : démarrage → fenêtre ({n} bénéf., meilleur de {STARTS})",
            later * 1000,
            "ms",
            1000,
        ),
    ]
