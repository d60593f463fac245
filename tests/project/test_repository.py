"""The project's own files are current: what .ci/run also checks, caught in the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Result, RunCli

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize(
    ("args", "out"),
    [
        (["index", "--check"], "seeds/INDEX.md is up to date (8 seeds).\n"),
        (["schema", "--check"], "Schemas are up to date.\n"),
        (["validate", "--strict"], "All checks passed (9 files checked).\n"),
    ],
)
def test_bundled_files_are_current(run_cli: RunCli, args: list[str], out: str) -> None:
    assert run_cli(args, cwd=ROOT) == Result(0, out, "")
