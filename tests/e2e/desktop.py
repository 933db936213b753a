"""The real program on a real (virtual) X display: Xvfb, openbox, xdotool.

Nothing here imports Qt: the app runs in a subprocess, as an advisor starts it, and the
test process only sends X events and reads the store once the app has quit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from stpaul_field.paths import DATA_DIR_ENV, AppPaths
from stpaul_field.store.keys import PASSPHRASE_ENV

REPO = Path(__file__).resolve().parents[2]
REQUIRE_ENV = "STPAUL_REQUIRE_E2E"
TOOLS = {
    "Xvfb": "xvfb",
    "openbox": "openbox",
    "xdotool": "xdotool",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "import": "imagemagick",
    "convert": "imagemagick",
}
SCREEN = "1366x768x24"
# Bounded waits: generous for 2 busy cores, short enough that a hang fails in seconds.
WAIT = 30.0


def require_tools() -> None:
    """Skip (or fail under STPAUL_REQUIRE_E2E=1) when the X tools are not installed."""
    missing = sorted({package for tool, package in TOOLS.items() if shutil.which(tool) is None})
    if not missing:
        return
    message = (
        f"end-to-end tests need {', '.join(missing)}: `sudo apt-get install xvfb openbox xdotool "
        f"x11-utils imagemagick` to run them ({REQUIRE_ENV}=1 makes them mandatory, as in .ci/run)"
    )
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def wait_for(condition: Callable[[], object], what: str, timeout: float = WAIT) -> object:
    """Poll `condition` until it is truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"après {timeout:.0f} s, toujours pas : {what}")
        time.sleep(0.1)


@dataclass
class Display:
    """One Xvfb server with openbox on it, for one test."""

    number: int
    xvfb: subprocess.Popen[bytes]
    wm: subprocess.Popen[bytes]
    tmp: Path

    @property
    def env(self) -> dict[str, str]:
        return {"DISPLAY": f":{self.number}"}

    def run(self, *args: str, timeout: float = WAIT, check: bool = True) -> str:
        done = subprocess.run(
            args, env={**os.environ, **self.env}, capture_output=True, text=True, timeout=timeout
        )
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(args)} : {done.returncode} {done.stderr.strip()}")
        return done.stdout

    def screenshot(self, name: str) -> Path:
        target = self.tmp / f"{name}.png"
        self.run("import", "-window", "root", str(target), check=False)
        return target

    def windows(self, name: str) -> list[str]:
        """Visible windows whose title contains `name` (a regular expression)."""
        out = self.run("xdotool", "search", "--onlyvisible", "--name", name, check=False)
        return out.split()

    def wait_window(self, name: str, timeout: float = WAIT) -> str:
        """The id of a visible window titled `name`, waited for (bounded)."""
        found = wait_for(lambda: self.windows(name), f"une fenêtre « {name} »", timeout)
        assert isinstance(found, list)
        return found[-1]

    def wait_gone(self, window: str, timeout: float = WAIT) -> None:
        def gone() -> bool:
            out = subprocess.run(
                ["xwininfo", "-id", window], env={**os.environ, **self.env}, capture_output=True, text=True
            )
            return out.returncode != 0 or "IsViewable" not in out.stdout

        wait_for(gone, f"la fermeture de la fenêtre {window}", timeout)

    def title(self, window: str) -> str:
        return self.run("xdotool", "getwindowname", window).strip()

    def focus(self, window: str) -> None:
        """Activate `window` and wait until X says it has the keyboard (keys sent before are lost)."""
        self.run("xdotool", "windowactivate", "--sync", window)

        def active() -> bool:
            return self.run("xdotool", "getactivewindow", check=False).strip() == window

        wait_for(active, f"le clavier dans la fenêtre {window}")

    def keys(self, *keys: str) -> None:
        """Real key events (XTEST) to the focused window, as a keyboard would send them."""
        self.run("xdotool", "key", "--clearmodifiers", "--delay", "40", *keys)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--clearmodifiers", "--delay", "25", text)

    def click(self, window: str, x: int, y: int) -> None:
        """A real mouse click at (x, y) inside `window`."""
        self.run("xdotool", "mousemove", "--window", window, "--sync", str(x), str(y), "click", "1")

    def close(self) -> None:
        for process in (self.wm, self.xvfb):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


@contextlib.contextmanager
def virtual_display(tmp: Path) -> Iterator[Display]:
    """A fresh Xvfb on a free display number (Xvfb picks it: -displayfd) and openbox on it."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "xvfb.log").open("wb"),
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # Xvfb writes it once the display accepts clients
    if not number:
        xvfb.kill()
        raise AssertionError(f"Xvfb n'a pas démarré : {(tmp / 'xvfb.log').read_text()}")
    env = {**os.environ, "DISPLAY": f":{number}"}
    wm = subprocess.Popen(
        ["openbox", "--sm-disable"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "openbox.log").open("wb"),
    )
    display = Display(int(number), xvfb, wm, tmp)
    try:
        # A window manager is up once it has set its check window on the root (EWMH).
        wait_for(
            lambda: "window id" in display.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False),
            "openbox prêt",
        )
        yield display
    finally:
        display.close()


@dataclass
class Laptop:
    """A fresh user account's folders (XDG) with no OS keyring: where the app keeps its files."""

    home: Path
    env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def fresh(cls, root: Path) -> Laptop:
        home = root / "home"
        env = {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_STATE_HOME": str(home / ".local/state"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(root / "run"),
        }
        for path in env.values():
            Path(path).mkdir(parents=True, exist_ok=True, mode=0o700)
        return cls(home, env)

    @property
    def paths(self) -> AppPaths:
        """Where platformdirs puts the app's files for this account (see `AppPaths.resolve`)."""
        data = Path(self.env["XDG_DATA_HOME"]) / "stpaul-field"
        return AppPaths(
            data,
            Path(self.env["XDG_CONFIG_HOME"]) / "stpaul-field",
            Path(self.env["XDG_STATE_HOME"]) / "stpaul-field" / "log",
            data / "backups",
        )


@dataclass
class RunningApp:
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_exit(self, timeout: float = WAIT) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"l'application ne s'est pas arrêtée en {timeout:.0f} s") from None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def start_app(display: Display, laptop: Laptop, log: Path) -> RunningApp:
    """`python -m stpaul_field` as a person starts it: their X display, their folders, no keyring."""
    env = {k: v for k, v in os.environ.items() if k not in (DATA_DIR_ENV, PASSPHRASE_ENV, "QT_QPA_PLATFORM")}
    env.update(display.env)
    env.update(laptop.env)
    env.update(
        {
            "QT_QPA_PLATFORM": "xcb",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "TZ": "Indian/Reunion",
            "LANG": "fr_FR.UTF-8",
        }
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    # This checkout's package, whatever the installed one points at.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "stpaul_field"],
        env=env,
        cwd=laptop.home,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    return RunningApp(process, log)


def red_text_pixels(display: Display, window: str, name: str) -> int:
    """Pixels of the forms' error red (#b00020, `ui.lock.SecretDialog`) in `window`: a refusal
    shown, read from the screen as the advisor sees it."""
    shot = display.tmp / f"{name}.png"
    display.run("import", "-window", window, str(shot))
    out = display.run(
        "convert",
        str(shot),
        "-fuzz",
        "12%",
        "-fill",
        "black",
        "+opaque",
        "#b00020",
        "-fill",
        "white",
        "-opaque",
        "#b00020",
        "-format",
        "%[fx:int(mean*w*h)]",
        "info:",
    )
    return int(out.strip() or 0)
