"""The README's examples of output formats are what seedcheck prints on examples/broken."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import RunCli

ROOT = Path(__file__).parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Console blocks that run validate with options; the plain run is test_readme.py's.
EXAMPLES = re.findall(
    r"```console\n\$ (seedcheck validate corpus --[^\n]*)\n(.*?)```", README, re.DOTALL
)


def test_the_examples_are_found() -> None:
    assert [command for command, _ in EXAMPLES] == [
        "seedcheck validate corpus --format github --select SC304",
        "seedcheck validate corpus --statistics",
    ]


@pytest.mark.parametrize(("command", "output"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_example_is_what_seedcheck_prints(run_cli: RunCli, command: str, output: str) -> None:
    result = run_cli(shlex.split(command)[1:], cwd=ROOT / "examples" / "broken")
    assert (result.code, result.out) == (1, output)


def test_junit_example_is_the_start_of_the_real_output(run_cli: RunCli) -> None:
    block = re.search(r"```xml\n(.*?)    …\n```", README, re.DOTALL)
    assert block is not None
    result = run_cli(
        ["validate", "corpus", "--format", "junit", "--select", "SC304"],
        cwd=ROOT / "examples" / "broken",
    )
    assert result.out.startswith(block.group(1))


def test_hook_pattern_in_the_readme_is_the_hooks_pattern() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    (pattern,) = set(re.findall(r"^  files: (.*)$", hooks, re.MULTILINE))
    assert f"`{pattern}`" in README
