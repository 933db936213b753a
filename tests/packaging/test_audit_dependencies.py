"""CI's dependency audit: what fails the run, what only warns (packaging/audit_dependencies.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "packaging" / "audit_dependencies.py"
spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
assert spec is not None and spec.loader is not None
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

OURS = {"name": "stpaul-field", "skip_reason": "distribution marked as editable"}


def test_a_known_vulnerability_fails_the_run_and_says_what_fixes_it():
    report = {
        "dependencies": [
            OURS,
            {"name": "starlette", "version": "0.1", "vulns": [{"id": "GHSA-x", "fix_versions": ["0.2"]}]},
            {"name": "httpx", "version": "0.28.1", "vulns": []},
        ]
    }
    code, lines = audit.verdict(report)
    assert code == 1
    assert lines == ["VULNÉRABILITÉ starlette 0.1 : GHSA-x (corrigé en 0.2)"]


def test_an_unreachable_advisory_service_warns_loudly_but_passes():
    unreachable = "Dependency not found on PyPI and could not be audited: httpx (0.28.1)"
    report = {"dependencies": [OURS, {"name": "httpx", "skip_reason": unreachable}]}
    code, lines = audit.verdict(report)
    assert code == 0
    assert any("audit des dépendances NON FAIT" in line for line in lines)


def test_a_clean_audit_counts_what_was_checked_and_names_what_was_not():
    report = {
        "dependencies": [
            OURS,
            {"name": "httpx", "version": "0.28.1", "vulns": []},
            {"name": "maison", "skip_reason": "Dependency not found on PyPI and could not be audited"},
        ]
    }
    code, lines = audit.verdict(report)
    assert code == 0
    assert lines[-1].startswith("Audit des dépendances : 1 paquet(s) vérifié(s)")
    assert any("maison non vérifié" in line for line in lines)
