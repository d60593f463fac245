"""Every rule against its hand-written corpora in ``tests/cases/<rule-name>/``.

A case folder holds ``fail*/`` corpora, each with a ``fail*.expected`` file giving the
exact text output of ``seedcheck validate --select <rule> --quiet fail*`` run in the
case folder, and a ``pass/`` corpus on which every rule is silent. An optional
``seedcheck.toml`` in the case folder configures both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seedcheck.rules.registry import BY_NAME
from tests.conftest import CASES, RunCli

CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir()) if CASES.is_dir() else []
FAIL_CASES = [
    (case, fail) for case in CASE_DIRS for fail in sorted(case.glob("fail*")) if fail.is_dir()
]


def _id(case: Path, sub: Path | None = None) -> str:
    return case.name if sub is None else f"{case.name}/{sub.name}"


def test_every_rule_has_cases() -> None:
    names = {case.name for case in CASE_DIRS}
    special = {"not-a-regular-file", "unreadable-file"}  # built in a temp dir by tests
    missing = sorted(set(BY_NAME) - names - special)
    assert missing == []


@pytest.mark.parametrize(("case", "fail"), FAIL_CASES, ids=[_id(c, f) for c, f in FAIL_CASES])
def test_fail_case(case: Path, fail: Path, run_cli: RunCli) -> None:
    assert case.name in BY_NAME, f"{case.name} is not a rule name"
    expected = (case / f"{fail.name}.expected").read_text(encoding="utf-8")
    result = run_cli(["validate", "--select", case.name, "--quiet", fail.name], cwd=case)
    assert result.err == ""
    assert result.out == expected
    assert result.code == (1 if BY_NAME[case.name].severity.value == "error" else 0)


@pytest.mark.parametrize("case", CASE_DIRS, ids=[_id(c) for c in CASE_DIRS])
def test_pass_case(case: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--strict", "pass"], cwd=case)
    assert result.err == ""
    assert result.out.startswith("All checks passed"), result.out
    assert result.code == 0


@pytest.mark.parametrize(("case", "fail"), FAIL_CASES, ids=[_id(c, f) for c, f in FAIL_CASES])
def test_fail_case_with_every_rule(case: Path, fail: Path, run_cli: RunCli) -> None:
    """Every rule together on each broken corpus: findings and an exit code, never a crash.

    The per-rule runs above select one rule; a rule that breaks on another rule's defect
    (two seeds with one number, say) would go unseen there.
    """
    result = run_cli(["validate", "--format", "json", fail.name], cwd=case)
    assert result.err == ""
    assert result.code in (0, 1)
    assert isinstance(json.loads(result.out), list)
