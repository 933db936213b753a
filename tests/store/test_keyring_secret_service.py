"""The store's key in a real OS keyring: the Secret Service of a Linux desktop (gnome-keyring).

The other tests key stores by a passphrase or an in-memory keyring; this one runs the app's
code in child processes inside a private D-Bus session with gnome-keyring unlocked, as on an
advisor's Linux laptop: the key is made and kept there, a later process opens the store
with it, and without it the store does not open.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stpaul_field.store.keys import PASSPHRASE_ENV

CHILD = """
import sys
from pathlib import Path
from sqlalchemy import func, select
from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.paths import AppPaths
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.database import Store
from stpaul_field.store.keys import KEYRING_SERVICE, KeyInfo, KeyUnavailable, key_info_file, system_keyring
from stpaul_field.store.models import Beneficiary

paths, step = AppPaths.under(Path(sys.argv[1])), sys.argv[2]
backend = system_keyring()
print("backend", type(backend).__module__)
if step == "create":
    store = Store.open(paths)
    with store.session() as s:
        reg.create_beneficiary(s, BeneficiaryData(first_name="Hélène", last_name="PAYET", no_phone=True))
    store.close()
    info = KeyInfo.load(key_info_file(paths))
    print("method", info.method)
    print("kept", backend.get_password(KEYRING_SERVICE, info.account) == store.key.hex())
    print("key in file", store.key.hex() in key_info_file(paths).read_text())
elif step == "reopen":
    store = Store.open(paths)
    with store.reader() as s:
        print("people", s.scalar(select(func.count()).select_from(Beneficiary)))
    store.close()
elif step == "forget":
    info = KeyInfo.load(key_info_file(paths))
    backend.delete_password(KEYRING_SERVICE, info.account)
    try:
        Store.open(paths)
    except KeyUnavailable as refusal:
        print("refused", refusal)
"""


def test_the_store_key_lives_in_the_secret_service(tmp_path: Path) -> None:
    tools = ("dbus-run-session", "gnome-keyring-daemon")
    if not all(shutil.which(tool) for tool in tools):
        pytest.skip(
            "gnome-keyring ou dbus absent (apt-get install gnome-keyring dbus ; .ci/run les installe)"
        )
    home, data = tmp_path / "home", tmp_path / "poste"
    home.mkdir()
    (tmp_path / "child.py").write_text(CHILD, encoding="utf-8")
    run = f'"{sys.executable}" "{tmp_path / "child.py"}" "{data}"'
    script = (
        # The login keyring, created and unlocked with this password, as a desktop session does.
        'printf "mot de passe de session" | gnome-keyring-daemon --unlock --components=secrets >/dev/null\n'
        f"{run} create && {run} reopen && {run} forget\n"
    )
    env = {k: v for k, v in os.environ.items() if k != PASSPHRASE_ENV and not k.startswith("DBUS_")}
    env["HOME"] = str(home)
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    done = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert lines.count("backend keyring.backends.SecretService") == 3, done.stdout
    assert "method keyring" in lines and "kept True" in lines and "key in file False" in lines
    assert "people 1" in lines  # a new process, no passphrase: the key came from the keyring
    assert any(line.startswith("refused") and "trousseau" in line for line in lines), done.stdout
