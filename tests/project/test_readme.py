"""The README's claims, checked: its sample output and its rule table are current."""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from seedcheck.config.settings import Settings
from seedcheck.rules.registry import RULES
from tests.conftest import RunCli

ROOT = Path(__file__).parents[2]
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


def test_configuration_block_shows_every_setting() -> None:
    # Every key a user can set is documented in the sample, and the sample is valid.
    block = re.search(r"## Configuration\n.*?```toml\n(.*?)```", README, re.DOTALL)
    assert block is not None
    table = tomllib.loads(block.group(1))["tool"]["seedcheck"]
    keys = [field.alias or name for name, field in Settings.model_fields.items()]
    assert sorted(table) == sorted(keys)
    Settings.model_validate(table)
