"""What the ``seedcheck`` pre-commit hook passes to ``validate``: staged file names.

pre-commit hands over every staged file its ``files`` pattern matches, in one call
(``require_serial``): seeds of one or several corpora, INDEX.md, configuration files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import Result, RunCli
from tests.reporting_corpus import SEED_1, SEED_3, SUMMARY, TEXT_LINES, write_corpus


@pytest.fixture
def two_corpora(isolated: Path) -> Path:
    seeds = write_corpus(isolated)
    shutil.copytree(seeds, isolated / "archive")
    return isolated


def _in(folder: str, lines: list[str]) -> list[str]:
    return [line.replace("seeds/", f"{folder}/", 1) for line in lines]


def test_seeds_from_two_corpora_are_checked_corpus_by_corpus(
    two_corpora: Path, run_cli: RunCli
) -> None:
    # Each named seed brings the findings about it: the gap next to it, the missing index.
    result = run_cli(["validate", f"seeds/{SEED_1}", f"archive/{SEED_3}"])
    expected = [*_in("archive", TEXT_LINES[2:]), *TEXT_LINES]
    assert result == Result(
        1, "\n".join([*expected, "Found 4 errors and 2 warnings in 5 files."]) + "\n", ""
    )


def test_a_configuration_file_checks_the_configured_corpus(
    two_corpora: Path, run_cli: RunCli
) -> None:
    result = run_cli(["validate", "seedcheck.toml", f"archive/{SEED_1}"])
    expected = [*_in("archive", TEXT_LINES), *TEXT_LINES]
    assert result == Result(
        1, "\n".join([*expected, "Found 6 errors and 2 warnings in 6 files."]) + "\n", ""
    )


def test_the_index_alone(two_corpora: Path, run_cli: RunCli) -> None:
    # A missing INDEX.md is not staged; a present one is checked as itself.
    assert run_cli(["index"]).code == 0
    assert run_cli(["validate", "seeds/INDEX.md"]) == Result(
        0, "All checks passed (1 file checked).\n", ""
    )


def test_a_file_outside_any_corpus_is_refused(two_corpora: Path, run_cli: RunCli) -> None:
    (two_corpora / "notes").mkdir()
    (two_corpora / "notes" / "todo.txt").write_text("x\n", encoding="utf-8")
    result = run_cli(["validate", "notes/todo.txt"])
    assert result.code == 2
    assert result.err.startswith("seedcheck: error: notes/todo.txt: not a seed file")


def test_whole_corpus_summary_for_reference(two_corpora: Path, run_cli: RunCli) -> None:
    assert run_cli(["validate", "seeds"]).out == "\n".join([*TEXT_LINES, SUMMARY]) + "\n"
