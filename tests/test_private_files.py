"""Exports, reports (PDF and figures), the privacy export and the sheets are written owner-only
(issue 17): they hold people's data, and the laptop may have other accounts (a shared PC of an
espace numérique)."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stpaul_field.cli import main
from stpaul_field.documents import exports
from stpaul_field.domain.report_model import Period
from stpaul_field.paths import AppPaths, private_file
from stpaul_field.store import statistics as st
from stpaul_field.store.database import Store
from stpaul_field.store.models import Beneficiary
from tests.statistics_fixture import RULE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # a desktop's usual: new files readable by everyone
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _already_there(path: Path) -> Path:
    path.write_text("ancien")
    path.chmod(0o644)
    return path


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_exports_are_owner_only_even_over_an_older_file(store: Store, tmp_path: Path, fmt: str) -> None:
    (tmp_path / "exports").mkdir()
    out = _already_there(tmp_path / "exports" / f"activites.{fmt}")
    with store.reader() as s:
        exports.export(s, "activities", Period.month(2026, 11), None, out, fmt)
    assert _mode(out) == 0o600 and out.read_bytes() != b"ancien"
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_the_monthly_report_is_owner_only(qapp, store: Store, tmp_path: Path) -> None:
    from stpaul_field.documents.monthly_report import write_monthly_report

    with store.reader() as s:
        report = st.monthly_report(s, Period.month(2026, 11), st.team_scope(), RULE, team_target=40)
    out = _already_there(tmp_path / "rapport.pdf")
    write_monthly_report(report, out)
    assert _mode(out) == 0o600 and out.read_bytes().startswith(b"%PDF")


def test_the_figures_workbook_is_owner_only(store: Store, tmp_path: Path) -> None:
    from stpaul_field.documents.figures_export import write_figures_xlsx

    with store.reader() as s:
        report = st.monthly_report(s, Period.month(2026, 11), st.team_scope(), RULE, team_target=40)
    (tmp_path / "rapports").mkdir()
    out = _already_there(tmp_path / "rapports" / "chiffres.xlsx")
    write_figures_xlsx(report, out)
    assert _mode(out) == 0o600 and out.read_bytes().startswith(b"PK")  # a workbook, not "ancien"
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_the_privacy_export_is_owner_only(paths: AppPaths, tmp_path: Path) -> None:
    store = Store.open(paths)
    with store.session() as s:
        person = Beneficiary(first_name="Hélène", last_name="Grondin", phone="0692123456")
        s.add(person)
        s.flush()
        person_id = person.id
    store.close()
    out = _already_there(tmp_path / "acces.json")
    root = str(paths.data.parent)
    assert (
        main(["--data-dir", root, "privacy", "export", "--beneficiary", str(person_id), "-o", str(out)]) == 0
    )
    assert _mode(out) == 0o600 and json.loads(out.read_text())["personne"]["prénom"] == "Hélène"


def test_a_failed_write_leaves_the_older_file_and_nothing_else(tmp_path: Path) -> None:
    out = _already_there(tmp_path / "export.csv")
    with pytest.raises(RuntimeError), private_file(out) as tmp:
        tmp.write_text("à moitié")
        raise RuntimeError("disque plein")
    assert out.read_text() == "ancien" and [p.name for p in tmp_path.iterdir()] == [out.name]
