"""Audit the installed environment's packages for known vulnerabilities (CI, `.ci/run`).

    .venv/bin/python packaging/audit_dependencies.py [--pip-audit .venv/bin/pip-audit]

Runs pip-audit over the environment it is installed in (our own package, installed editable,
is skipped) and reads its JSON report:

- a known vulnerability in an installed package fails the run (exit 1), with the advisory and
  the versions that fix it;
- a package the advisory service could not check is named in a warning; when it could check
  none of them (the service is unreachable: no network, a registry mirror without PyPI's
  per-version JSON API), the run warns loudly and passes (exit 0) — an unreachable service
  says nothing about our dependencies, and must not block every change;
- pip-audit itself failing (not installed, crashed) fails the run (exit 2).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

BANNER = "=" * 78


def verdict(report: dict[str, Any]) -> tuple[int, list[str]]:
    """(exit code, lines to print) for pip-audit's JSON report."""
    deps = report.get("dependencies", [])
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if d.get("skip_reason") and "editable" not in d["skip_reason"]]
    audited = [d for d in deps if "skip_reason" not in d]
    lines: list[str] = []
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "aucune version corrigée"
            lines.append(f"VULNÉRABILITÉ {dep['name']} {dep['version']} : {vuln['id']} (corrigé en {fixes})")
    if vulnerable:
        return 1, lines
    if skipped and not audited:
        lines += [
            BANNER,
            f"AVERTISSEMENT : audit des dépendances NON FAIT — aucun des {len(skipped)} paquets n'a pu",
            "être vérifié (service des avis de sécurité injoignable). Relancez où PyPI et son API",
            "JSON sont joignables : packaging/audit_dependencies.py",
            BANNER,
        ]
        return 0, lines
    for dep in skipped:
        lines.append(f"avertissement : {dep['name']} non vérifié ({dep['skip_reason']})")
    lines.append(f"Audit des dépendances : {len(audited)} paquet(s) vérifié(s), aucune vulnérabilité connue.")
    return 0, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pip-audit", default=str(Path(sys.executable).with_name("pip-audit")))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "audit.json"
        command = [
            args.pip_audit,
            "--skip-editable",
            "--progress-spinner",
            "off",
            "-f",
            "json",
            "-o",
            str(out),
        ]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            print(f"pip-audit n'a pas pu être lancé : {error}", file=sys.stderr)
            return 2
        if not out.exists():
            print(run.stdout + run.stderr, file=sys.stderr)
            print(f"pip-audit a échoué (code {run.returncode}).", file=sys.stderr)
            return 2
        code, lines = verdict(json.loads(out.read_text(encoding="utf-8")))
    print("\n".join(lines))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
