"""``--help`` names every flag issue 22 added, in the words the README uses."""

from __future__ import annotations

import pytest

from tests.conftest import RunCli


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help at the terminal's width


@pytest.mark.parametrize(
    ("command", "lines"),
    [
        (
            "validate",
            [
                "  --extend-select RULES\n"
                "                        also these rules, on top of --select or the configured "
                "select\n",
                "  --baseline FILE       report and fail only on findings not recorded in this "
                "baseline file\n"
                "                        (instead of the configured baseline)\n",
                "  --write-baseline FILE\n"
                "                        record every finding in this baseline file instead of "
                "reporting them\n",
            ],
        ),
        (
            "fix",
            [
                "  --fix-only            do not list the findings that remain (for the "
                "seedcheck-fix hook, when the\n"
                "                        seedcheck hook lists them)\n",
            ],
        ),
        (
            "index",
            [
                "Write or rewrite the generated block of INDEX.md in each corpus a PATH names "
                "(a corpus folder, or\n",
            ],
        ),
    ],
)
def test_help_names_the_new_flags(run_cli: RunCli, command: str, lines: list[str]) -> None:
    result = run_cli([command, "--help"])
    assert (result.code, result.err) == (0, "")
    for line in lines:
        assert line in result.out
