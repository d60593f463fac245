"""Suppressions written in a seed's header (``seedcheck: {ignore: [...]}``): what they
silence, the unused-suppression warning, and that the key is no unknown field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Result, RunCli

SEED = "000_0123456789abcdef.txt"
HEAD = "---\ntitle: Harbor Council Approves Floodwall\nbyline: Marta Ilić\n"
BODY = (
    "---\nThe council voted seven to two on Tuesday to build the floodwall.\n"
    "Photo: the harbor front at high tide, looking east from the old pier\n"
    "Photo: the harbor front at high tide, looking east from the old pier\n"
)
DOUBLED = (
    f"seeds/{SEED}:{{line}}:1: SC404 [duplicate-line] line printed twice: repeats the line "
    "above (line {above}); delete the copy"
)


def _seed(root: Path, directives: str) -> Path:
    seeds = root / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / SEED).write_text(HEAD + directives + BODY, encoding="utf-8")
    return seeds


def _validate(root: Path, run_cli: RunCli, directives: str, *args: str) -> Result:
    _seed(root, directives)
    assert run_cli(["index"]).code == 0
    return run_cli(["validate", *args])


def test_without_a_suppression_the_finding_is_reported(isolated: Path, run_cli: RunCli) -> None:
    result = _validate(isolated, run_cli, "")
    assert result == Result(1, DOUBLED.format(line=7, above=6) + "\nFound 1 error in 1 file.\n", "")


def test_a_suppression_silences_its_rule_in_its_seed(isolated: Path, run_cli: RunCli) -> None:
    directives = "seedcheck:\n  ignore: [duplicate-line]\n  reason: doubled in print too\n"
    result = _validate(isolated, run_cli, directives)
    assert result == Result(0, "All checks passed (2 files checked).\n", "")


@pytest.mark.parametrize("selector", ["SC404", "SC4", "duplicate-line"])
def test_codes_and_prefixes_suppress_too(isolated: Path, run_cli: RunCli, selector: str) -> None:
    result = _validate(isolated, run_cli, f"seedcheck:\n  ignore: [{selector}]\n")
    assert result == Result(0, "All checks passed (2 files checked).\n", "")


def test_a_suppression_that_silences_nothing_is_a_warning(isolated: Path, run_cli: RunCli) -> None:
    directives = "seedcheck:\n  ignore:\n    - duplicate-line\n    - trailing-whitespace\n"
    result = _validate(isolated, run_cli, directives)
    assert result == Result(
        0,
        f"seeds/{SEED}:7:7: SC701 [unused-suppression] suppression of 'trailing-whitespace' "
        "silences nothing in this seed; remove it\n"
        "Found 1 warning in 1 file.\n",
        "",
    )
    assert run_cli(["validate", "--strict", "-q"]).code == 1
    # Like any rule: ignored, or not judged when the rules it names do not run.
    assert run_cli(["validate", "--ignore", "unused-suppression", "-q"]) == Result(0, "", "")
    assert run_cli(["validate", "--select", "SC2,SC701", "-q"]) == Result(0, "", "")


def test_a_suppression_of_no_rule_is_reported(isolated: Path, run_cli: RunCli) -> None:
    result = _validate(isolated, run_cli, "seedcheck: {ignore: [duplicate-lines]}\n", "-q")
    assert result == Result(
        1,
        f"seeds/{SEED}:4:22: SC701 [unused-suppression] suppression of 'duplicate-lines', "
        "which names no rule (did you mean 'duplicate-line'?)\n"
        + DOUBLED.format(line=8, above=7)
        + "\n",
        "",
    )


@pytest.mark.parametrize(
    ("directives", "message"),
    [
        (
            "seedcheck: {ignore: duplicate-line}\n",
            "seedcheck.ignore: input should be a valid list",
        ),
        (
            "seedcheck: {ignore: []}\n",
            "seedcheck.ignore: list should have at least 1 item after validation, not 0",
        ),
        ("seedcheck: {skip: [duplicate-line]}\n", "seedcheck.skip: extra inputs are not permitted"),
    ],
)
def test_a_malformed_directive_is_an_invalid_field(
    isolated: Path, run_cli: RunCli, directives: str, message: str
) -> None:
    result = _validate(isolated, run_cli, directives, "--select", "SC2", "-q")
    assert result.code == 1
    assert result.out == f"seeds/{SEED}:4:12: SC208 [invalid-field] {message}\n"


def test_the_key_is_in_the_seed_schema_and_never_unknown(isolated: Path, run_cli: RunCli) -> None:
    result = _validate(isolated, run_cli, "seedcheck: {ignore: [SC404]}\n", "--select", "SC2")
    assert result == Result(0, "All checks passed (2 files checked).\n", "")
    schema = json.loads(
        (Path(__file__).parents[2] / "schemas" / "seed.schema.json").read_text(encoding="utf-8")
    )
    assert "seedcheck" in schema["properties"]
    assert "seedcheck" not in schema.get("required", [])


def test_per_file_ignores_work_as_before(isolated: Path, run_cli: RunCli) -> None:
    (isolated / "seedcheck.toml").write_text(
        'body-min-words = 0\n[per-file-ignores]\n"seeds/000_*" = ["duplicate-line"]\n', "utf-8"
    )
    result = _validate(isolated, run_cli, "")
    assert result == Result(0, "All checks passed (2 files checked).\n", "")
