"""What can be checked of the packaging without building it (the build itself: packaging/smoke-test).

The PyInstaller spec is run against stand-ins for PyInstaller's classes, so what it would put
in the frozen folder is checked against the repository: every shipped resource, every file
Alembic reads, every sub-command, the SQLCipher driver and Qt's printing plugin.
"""

from __future__ import annotations

import configparser
import glob
import re
import shutil
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest

from stpaul_field import APP_AUTHOR, APP_NAME
from stpaul_field.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "stpaul-field.spec"


class FrozenBuild:
    """What the spec asked PyInstaller for, recorded by the stand-ins below."""

    def __init__(self) -> None:
        self.analysis: types.SimpleNamespace | None = None
        self.executables: list[dict] = []
        self.collect_args: tuple = ()
        self.dynamic_libs: list[str] = []


# Entries the PySide6 hooks bring in a real build, to check what the spec's filter keeps.
HOOK_BINARIES = [
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/qwindows.dll",
    "PySide6/Qt/lib/libQt6Charts.so.6",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "zstandard/_cffi.cpython-311-x86_64-linux-gnu.so",
    "libstdc++.so.6",
    "libpython3.11.so.1.0",
    "libgtk-3.so.0",
    "libpango-1.0.so.0",
]
HOOK_DATAS = ["PySide6/Qt/translations/qtbase_fr.qm", "PySide6/Qt/translations/qtbase_de.qm"]


def _expand(datas: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Spec-style (source glob or folder, destination folder) -> TOC-style (dest, source, kind)."""
    toc = []
    for source, dest in datas:
        path = Path(source)
        if path.is_dir():
            for f in path.rglob("*"):
                if f.is_file():
                    toc.append((f"{dest}/{f.relative_to(path).as_posix()}", str(f), "DATA"))
        else:
            for f in glob.glob(source):
                toc.append((f"{dest}/{Path(f).name}", f, "DATA"))
    return toc


def _submodules(package: str, filter=lambda name: True) -> list[str]:  # the name PyInstaller uses
    base = ROOT / package
    names = []
    for f in base.rglob("*.py"):
        parts = f.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if filter(name):
            names.append(name)
    return names


def run_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str) -> FrozenBuild:
    build = FrozenBuild()

    def analysis(scripts, **kw):
        a = types.SimpleNamespace(**kw)
        a.scripts = scripts
        a.pure = []
        a.binaries = [(b, "/x/" + b, "BINARY") for b in HOOK_BINARIES]
        a.binaries += [(d + "/" + Path(s).name, s, "BINARY") for s, d in kw["binaries"]]
        a.datas = [(d, "/x/" + d, "DATA") for d in HOOK_DATAS] + _expand(kw["datas"])
        build.analysis = a
        return a

    def exe(*args, **kw):
        build.executables.append(kw)
        return kw

    def collect(*args, **kw):
        build.collect_args = args

    def dynamic_libs(package):
        build.dynamic_libs.append(package)
        return [(f"/site-packages/{package}/_sqlite3.so", package)]

    def no_metadata(name):
        raise Exception(f"{name} not installed")  # as in a source tree: the spec makes the dist-info

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = _submodules
    hooks.collect_dynamic_libs = dynamic_libs
    hooks.copy_metadata = no_metadata
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {
        "SPECPATH": str(PACKAGING),
        "workpath": str(tmp_path),
        "Analysis": analysis,
        "PYZ": lambda pure: "pyz",
        "EXE": exe,
        "COLLECT": collect,
        "__file__": str(SPEC),
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return build


@pytest.fixture
def linux_build(monkeypatch, tmp_path) -> FrozenBuild:
    return run_spec(monkeypatch, tmp_path, "linux")


def bundled(build: FrozenBuild) -> set[str]:
    assert build.analysis is not None
    return {entry[0] for entry in build.analysis.datas}


def test_every_shipped_resource_is_in_the_bundle(linux_build):
    resources = ROOT / "resources"
    shipped = {
        f.relative_to(ROOT).as_posix()
        for f in resources.rglob("*")
        if f.is_file() and f.suffix != ".ts"  # translation sources: the .qm ships
    }
    assert shipped, "resources/ est vide ?"
    missing = shipped - bundled(linux_build)
    assert not missing, f"absents de stpaul-field.spec (RESOURCE_DIRS) : {sorted(missing)}"
    # Every folder of resources/ is declared, so a new one cannot be forgotten silently.
    spec_dirs = {Path(dest).parts[1] for dest in bundled(linux_build) if dest.startswith("resources/")}
    assert {d.name for d in resources.iterdir() if d.is_dir() and any(d.iterdir())} <= spec_dirs


def test_the_migrations_alembic_reads_from_disk_are_files_in_the_bundle(linux_build):
    from stpaul_field.store import migrate

    folder = migrate.SCRIPTS.directory
    needed = [folder / "env.py", folder / "script.py.mako", *sorted((folder / "versions").glob("*.py"))]
    assert len(needed) >= 4
    expected = {f.relative_to(ROOT).as_posix() for f in needed}
    assert expected <= bundled(linux_build)


def test_every_desktop_command_and_the_encrypted_store_driver_are_collected(linux_build):
    a = linux_build.analysis
    for name, (module, _help) in COMMANDS.items():
        if module.startswith("stpaul_field.server"):
            continue
        assert module in a.hiddenimports, f"la commande {name} ({module}) manquerait au build"
        assert module not in a.excludes
    assert "stpaul_field.server" in a.excludes  # the server is not shipped to laptops
    assert not any(m.startswith("stpaul_field.server") for m in a.hiddenimports)
    # Benchmarks and test tools are a developer's: never packed into an advisor's app (issue 21).
    assert {"stpaul_bench", "pytest", "hypothesis"} <= set(a.excludes)
    assert not any(m.split(".")[0] in {"stpaul_bench", "tests"} for m in a.hiddenimports)
    for module in ("sqlcipher3", "sqlcipher3.dbapi2", "sqlalchemy.dialects.sqlite.pysqlcipher"):
        assert module in a.hiddenimports
    assert linux_build.dynamic_libs == ["sqlcipher3"]
    assert any("sqlcipher3" in entry[0] for entry in a.binaries)
    assert {"PySide6.QtPrintSupport", "PySide6.QtCharts"} <= set(a.hiddenimports)


def test_the_size_filter_keeps_printing_platforms_and_french(linux_build):
    a = linux_build.analysis
    kept = {entry[0] for entry in a.binaries + a.datas}
    for needed in (
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "libpython3.11.so.1.0",
    ):
        assert needed in kept
    for dropped in (
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "zstandard/_cffi.cpython-311-x86_64-linux-gnu.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "libstdc++.so.6",  # the system's (Linux), see the spec
        "libgtk-3.so.0",  # the system's too, whether or not the build machine has GTK
        "libpango-1.0.so.0",
    ):
        assert dropped not in kept


def test_the_version_is_carried_as_package_metadata(linux_build):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    metadata = [e for e in linux_build.analysis.datas if e[0].endswith(".dist-info/METADATA")]
    assert len(metadata) == 1
    assert f"Version: {version}\n" in Path(metadata[0][1]).read_text(encoding="utf-8")
    assert "Name: stpaul-field\n" in Path(metadata[0][1]).read_text(encoding="utf-8")


def test_windows_gets_a_windowed_app_and_a_console_twin_with_the_icon(monkeypatch, tmp_path):
    build = run_spec(monkeypatch, tmp_path, "win32")
    by_name = {e["name"]: e for e in build.executables}
    assert by_name["stpaul-field"]["console"] is False
    assert by_name["stpaul-field-cli"]["console"] is True
    assert Path(by_name["stpaul-field"]["icon"]).is_file()
    assert len(build.collect_args) == 4  # both executables in the one folder


# ---- Linux desktop entry ---------------------------------------------------------------------
DESKTOP = PACKAGING / "linux" / "stpaul-field.desktop"


def test_desktop_entry_runs_the_app_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0].endswith(APP_NAME)
    assert (ROOT / "resources" / "icons" / f"{section['Icon']}.svg").is_file()
    assert (ROOT / "resources" / "icons" / f"{section['Icon']}.png").is_file()
    assert section["Terminal"] == "false"


def test_desktop_entry_validates():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate absent (apt-get install desktop-file-utils)")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


# ---- Server: systemd unit, reverse proxy -------------------------------------------------------
UNIT = PACKAGING / "server" / "stpaul-field-server.service"
NGINX = PACKAGING / "server" / "nginx-stpaul-field.conf"


def unit_keys() -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    text = UNIT.read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        keys.setdefault(key.strip(), []).append(value.strip())
    return keys


def test_systemd_unit_is_hardened():
    keys = unit_keys()
    assert keys.get("DynamicUser") == ["yes"] or keys.get("User"), "ni DynamicUser ni utilisateur dédié"
    expected = {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "PrivateDevices": "yes",
        "ProtectKernelTunables": "yes",
        "ProtectKernelModules": "yes",
        "ProtectControlGroups": "yes",
        "RestrictSUIDSGID": "yes",
        "RestrictNamespaces": "yes",
        "LockPersonality": "yes",
        "CapabilityBoundingSet": "",
        "UMask": "0077",
    }
    for key, value in expected.items():
        assert keys.get(key) == [value], f"{key}={value} attendu, trouvé {keys.get(key)}"
    assert "@system-service" in keys["SystemCallFilter"]
    assert set(keys["RestrictAddressFamilies"][0].split()) <= {"AF_INET", "AF_INET6", "AF_UNIX"}
    # ProtectSystem=strict: the only writable place is the state directory the data dir points at.
    assert keys["StateDirectory"] == ["stpaul-field-server"]
    assert "STPAUL_SERVER_DATA_DIR=/var/lib/stpaul-field-server" in keys["Environment"]


def test_systemd_units_pass_systemds_own_checks(tmp_path: Path):
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze absent (apt-get install systemd; .ci/run installs it)")
    # The units as installed, their ExecStart pointing at this environment's command.
    command = Path(sys.executable).parent / "stpaul-field-server"
    units = []
    for source in sorted((PACKAGING / "server").glob("stpaul-field-*.*")):
        if source.suffix in (".service", ".timer"):
            text = source.read_text(encoding="utf-8")
            (tmp_path / source.name).write_text(
                text.replace("/opt/stpaul-field-server/venv/bin/stpaul-field-server", str(command)),
                encoding="utf-8",
            )
            units.append(source.name)
    assert {"stpaul-field-server.service", "stpaul-field-retention.timer"} <= set(units)
    # Every key known to systemd, every value valid, every referenced unit and command present.
    done = subprocess.run(
        [tool, "verify", "--man=no", *units], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not (done.stdout + done.stderr).strip(), done.stdout + done.stderr
    # systemd's own exposure score of each service, 0 (locked down) to 10: at most 2.
    for unit in (u for u in units if u.endswith(".service")):
        done = subprocess.run(
            [tool, "security", "--offline=true", "--threshold=20", unit],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout[-400:] + done.stderr


def test_systemd_unit_serves_with_options_the_server_cli_accepts_on_loopback_behind_the_proxy():
    from stpaul_field.server.cli import build_parser

    exec_start = unit_keys()["ExecStart"][0].split()
    assert exec_start[0].endswith("/stpaul-field-server")
    args = build_parser().parse_args(exec_start[1:])  # a renamed option fails here, not in production
    assert args.command == "serve"
    assert args.host == "127.0.0.1"
    assert args.workers > 1
    assert f"server 127.0.0.1:{args.port} " in NGINX.read_text(encoding="utf-8")


def test_proxy_has_tls_hsts_and_a_body_limit_the_server_can_live_with():
    from stpaul_field.server.settings import ServerSettings

    conf = NGINX.read_text(encoding="utf-8")
    assert re.search(r"listen 443 ssl", conf)
    protocols = re.search(r"ssl_protocols ([^;]+);", conf).group(1).split()
    assert set(protocols) <= {"TLSv1.2", "TLSv1.3"}
    hsts = re.search(r'add_header Strict-Transport-Security "max-age=(\d+)[^"]*" always;', conf)
    assert hsts and int(hsts.group(1)) >= 365 * 24 * 3600
    limit = re.search(r"client_max_body_size (\d+)m;", conf)
    assert limit, "pas de limite de taille des requêtes"
    # Above what the server accepts (it refuses an oversize sync itself, in French), but not
    # so far above that nginx lets absurd bodies reach a worker.
    server_limit = ServerSettings().max_request_bytes
    assert server_limit < int(limit.group(1)) * 1024 * 1024 <= 2 * server_limit


# ---- Windows installer ------------------------------------------------------------------------
ISS = PACKAGING / "windows" / "stpaul-field.iss"


def test_windows_installer_has_a_start_menu_entry_and_keeps_the_data_on_uninstall():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup lit l'UTF-8 avec BOM seulement"
    text = raw.decode("utf-8-sig")
    sections = re.split(r"^\[(\w+)\]\s*$", text, flags=re.M)
    by_name = {sections[i]: sections[i + 1] for i in range(1, len(sections), 2)}
    assert "{group}" in by_name["Icons"] and "stpaul-field.exe" in text
    assert "localappdata" not in by_name.get("UninstallDelete", "").lower()
    assert "{app}" in by_name["InstallDelete"]  # only the program folder is cleaned on update
    # The folder the uninstaller says it keeps is where platformdirs puts the data on Windows.
    assert f"{{localappdata}}\\{APP_AUTHOR}\\{APP_NAME}" in by_name["Code"]
    assert r"dist\stpaul-field\*" in by_name["Files"]


@pytest.mark.parametrize("script", ["build", "smoke-test", "linux/install"])
def test_shell_scripts_parse_and_are_executable(script):
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111
    done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
