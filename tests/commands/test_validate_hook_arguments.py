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


def test_a_configuration_file_that_is_not_seedchecks_is_skipped(
    two_corpora: Path, run_cli: RunCli
) -> None:
    # pre-commit passes every staged pyproject.toml; another project's is not ours.
    (two_corpora / "tool").mkdir()
    (two_corpora / "tool" / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    result = run_cli(["validate", "tool/pyproject.toml", f"archive/{SEED_1}"])
    expected = _in("archive", TEXT_LINES)
    assert result == Result(
        1, "\n".join([*expected, "Found 3 errors and 1 warning in 3 files."]) + "\n", ""
    )


def test_a_pyproject_without_seedcheck_settings_checks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: RunCli
) -> None:
    # A Python project that keeps no corpus at seeds/ and has no [tool.seedcheck] at all.
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_cli(["validate", "pyproject.toml"]) == Result(
        0, "All checks passed (0 files checked).\n", ""
    )


def test_other_files_in_a_corpus_folder_are_checked_not_refused(
    two_corpora: Path, run_cli: RunCli
) -> None:
    # A folder-based `files:` pattern passes whatever is staged there.
    (two_corpora / "seeds" / ".gitkeep").write_text("", encoding="utf-8")
    (two_corpora / "seeds" / "notes.docx").write_bytes(b"PK\x03\x04")
    assert run_cli(["validate", "seeds/.gitkeep"]) == Result(
        0, "All checks passed (1 file checked).\n", ""
    )
    result = run_cli(["validate", "-q", "--strict", "seeds/notes.docx"])
    assert result.code == 1  # unexpected-file is a warning
    assert result.out.startswith("seeds/notes.docx:1:1: SC110 [unexpected-file] ")
