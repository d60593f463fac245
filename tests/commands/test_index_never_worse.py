"""The index never gets worse: a seed whose title or byline is invalid holds its row's
cell back, in ``index``, the ``seedcheck-index`` hook's command and ``fix``."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import Result, RunCli

SEED = "000_0123456789abcdef.txt"
GOOD = (
    "---\ntitle: Harbor Council Approves Floodwall\nbyline: Marta Ilić\n---\n"
    "The council voted seven to two on Tuesday to build the floodwall.\n"
)
BROKEN = GOOD.replace("byline: Marta Ilić", "byline: By , a professor of urban planning")
WHY = "byline has no name before the comma (the name was lost and the bio kept)"
KEPT = (
    f"kept the byline of {SEED} in INDEX.md as it is: the seed's is invalid ({WHY}); "
    "fix the seed, then run `seedcheck index`\n"
)


def _row(byline: str, text: str) -> str:
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return (
        f"| 000 | [{SEED}](<{SEED}>) | Harbor Council Approves Floodwall | {byline} |  | 12 "
        f"| {digest} |"
    )


@pytest.fixture
def seeds(isolated: Path, run_cli: RunCli) -> Path:
    seeds = isolated / "seeds"
    seeds.mkdir()
    (seeds / SEED).write_text(GOOD, encoding="utf-8")
    assert run_cli(["index"]).code == 0
    (seeds / SEED).write_text(BROKEN, encoding="utf-8")  # the scraper lost the name
    return seeds


@pytest.mark.parametrize(
    "args",
    [["index"], ["index", "--exit-non-zero-on-fix", "--", f"seeds/{SEED}"]],
    ids=["index", "hook"],
)
def test_index_keeps_the_cell_and_writes_the_rest(
    seeds: Path, run_cli: RunCli, args: list[str]
) -> None:
    result = run_cli(args)
    assert result == Result(1, "Updated seeds/INDEX.md (1 seed).\n", KEPT)
    index = (seeds / "INDEX.md").read_text(encoding="utf-8")
    assert _row("Marta Ilić", BROKEN) in index  # the name kept, the digest new
    # Nothing left to write, but still held back: the run fails until the seed is fixed.
    assert run_cli(["index"]) == Result(1, "seeds/INDEX.md is up to date (1 seed).\n", KEPT)
    assert run_cli(["index", "--check"]).code == 1


def test_validate_says_to_fix_the_seed(seeds: Path, run_cli: RunCli) -> None:
    assert run_cli(["index"]).code == 1
    result = run_cli(["validate", "--select", "index-mismatch"])
    assert result == Result(
        1,
        "seeds/INDEX.md:10:102: SC506 [index-mismatch] Byline of "
        f"{SEED} is 'Marta Ilić' in the index but 'By , a professor of urban planning' in "
        f"the file; the file's is invalid ({WHY}); fix the seed, then run `seedcheck index`\n"
        "Found 1 error in 1 file.\n",
        "",
    )


def test_once_the_seed_is_fixed_the_index_follows(seeds: Path, run_cli: RunCli) -> None:
    assert run_cli(["index"]).code == 1
    (seeds / SEED).write_text(GOOD.replace("Marta Ilić", "Marta Ilić Horvat"), "utf-8")
    assert run_cli(["index"]) == Result(0, "Updated seeds/INDEX.md (1 seed).\n", "")
    assert run_cli(["validate", "-q"]) == Result(0, "", "")


def test_fix_keeps_the_cell_too(seeds: Path, run_cli: RunCli) -> None:
    result = run_cli(["fix", "--fix-only"])
    assert result == Result(
        1,
        "fixed seeds/INDEX.md: index block\n" + KEPT + "Fixed 1 file.\n",
        "",
    )
    assert _row("Marta Ilić", BROKEN) in (seeds / "INDEX.md").read_text(encoding="utf-8")


def test_a_new_seed_with_an_invalid_byline_keeps_failing(isolated: Path, run_cli: RunCli) -> None:
    seeds = isolated / "seeds"
    seeds.mkdir()
    (seeds / SEED).write_text(BROKEN, encoding="utf-8")
    # No row to keep: the row takes the seed's value, and the seed's own finding fails.
    assert run_cli(["index"]) == Result(0, "Created seeds/INDEX.md (1 seed).\n", "")
    result = run_cli(["validate", "-q"])
    assert result.code == 1
    assert f"seeds/{SEED}:3:9: SC304 [byline-invalid]" in result.out
