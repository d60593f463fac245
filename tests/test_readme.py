"""The README's claims, checked: its sample output and its rule table are current."""

from __future__ import annotations

import re
from pathlib import Path

from seedcheck.rules import RULES
from tests.conftest import RunCli

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_sample_output_is_what_seedcheck_prints(run_cli: RunCli) -> None:
    block = re.search(r"```console\n\$ seedcheck validate corpus\n(.*?)```", README, re.DOTALL)
    assert block is not None
    result = run_cli(["validate", "corpus"], cwd=ROOT / "examples" / "broken")
    assert result.out == block.group(1)
    assert result.code == 1


def test_rule_table_lists_every_rule() -> None:
    rows = re.findall(r"^\| (SC\d{3}) \| `([a-z0-9-]+)` \| (error|warning) \|", README, re.M)
    assert rows == [(r.code, r.name, r.severity.value) for r in RULES]
