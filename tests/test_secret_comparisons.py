"""No secret is compared with `==`: tokens, passwords, passphrases and lock codes go through
`hmac.compare_digest` (or a hash lookup, or argon2's own constant-time check)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import stpaul_field
from stpaul_field.store import keys

ROOT = Path(stpaul_field.__file__).parent
SECRET_WORDS = ("token", "password", "passphrase", "secret", "digest", "hash", "code", "key")
CHECKED = [*sorted((ROOT / "server").glob("*.py")), ROOT / "store" / "keys.py", ROOT / "ui" / "lock.py"]
# Comparisons that look like secrets but are not a timing leak, each with its reason.
ALLOWED = {
    # The index lookup of a token's SHA-256: see the proof in `server.auth.authenticate`.
    ("server/auth.py", "_DEVICES.c.token_hash == bindparam('digest')"),
    # The two entries of a new code typed by the advisor: nothing stored is compared.
    ("ui/lock.py", "dialog.again.text() != code"),
}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name(node.func)
    if isinstance(node, ast.Subscript):
        return _name(node.value)
    return ""


def _secret_like(node: ast.AST) -> bool:
    name = _name(node).lower()
    return any(word in name for word in SECRET_WORDS)


def secret_comparisons(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare) or len(node.ops) != 1:
            continue
        if not isinstance(node.ops[0], ast.Eq | ast.NotEq):
            continue
        left, right = node.left, node.comparators[0]
        if isinstance(left, ast.Constant) or isinstance(right, ast.Constant):
            continue  # against a literal ("passphrase", None…): no secret on either side
        if _secret_like(left) or _secret_like(right):
            found.append(ast.unparse(node))
    return found


@pytest.mark.parametrize("path", CHECKED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_secret_is_compared_with_equality(path: Path) -> None:
    relative = path.relative_to(ROOT).as_posix()
    leaks = [c for c in secret_comparisons(path) if (relative, c) not in ALLOWED]
    assert leaks == [], f"{relative}: comparer un secret avec hmac.compare_digest : {leaks}"


def test_the_guard_sees_a_plain_comparison(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def ok(stored_hash, given):\n    return stored_hash == given\n")
    assert secret_comparisons(sample) == ["stored_hash == given"]


def test_lock_code_and_passphrase_checks_go_through_compare_digest(monkeypatch, paths) -> None:
    calls = []

    def spy(a, b):  # type: ignore[no-untyped-def]
        calls.append((type(a), type(b)))
        return False

    stored = keys.hash_lock_code("1234-5678")
    assert keys.lock_code_matches(stored, "1234-5678")
    monkeypatch.setattr(keys.secrets, "compare_digest", spy)
    assert not keys.lock_code_matches(stored, "1234-5678")  # the answer is compare_digest's
    key = keys.resolve_key(paths, "phrase de passe assez longue")
    assert not keys.passphrase_opens(paths, "phrase de passe assez longue", key)
    assert len(calls) == 2


def test_every_allowed_comparison_still_exists() -> None:
    # A stale exception would silently allow the same text elsewhere.
    for relative, comparison in ALLOWED:
        assert comparison in secret_comparisons(ROOT / relative)
