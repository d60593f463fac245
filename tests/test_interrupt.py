"""Ctrl-C: exit 130, as shells report SIGINT, one line on stderr, and no file half-written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

from tests.conftest import Result, RunCli

SEED = "001_aaaaaaaaaaaaaaaa.txt"
TEXT = "---\ntitle: First Seed\nbyline: Ann Example\n---\nOne two three.  \n"
INDEX = "# Index\n\nNotes kept by hand.\n"


def _interrupt(*_: object) -> NoReturn:
    raise KeyboardInterrupt


@pytest.fixture
def corpus(isolated: Path) -> Path:
    seeds = isolated / "seeds"
    seeds.mkdir()
    (seeds / SEED).write_text(TEXT, encoding="utf-8")
    (seeds / "INDEX.md").write_text(INDEX, encoding="utf-8")
    return seeds


@pytest.mark.parametrize("command", [["index"], ["fix", "seeds"]])
def test_interrupted_while_writing(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    # Ctrl-C lands after a temporary copy is written, before it replaces the file.
    monkeypatch.setattr(os, "fsync", _interrupt)
    before = {path.name: path.read_bytes() for path in corpus.iterdir()}

    result = run_cli(command)

    assert result == Result(130, "", "seedcheck: interrupted\n")
    assert {path.name: path.read_bytes() for path in corpus.iterdir()} == before


def test_interrupted_while_writing_the_report(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = corpus.parent / "report.json"
    report.write_text("[]\n", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", _interrupt)

    result = run_cli(["validate", "--format", "json", "-o", "report.json", "--no-cache"])

    assert result == Result(130, "", "seedcheck: interrupted\n")
    assert report.read_text(encoding="utf-8") == "[]\n"
    assert sorted(os.listdir(corpus.parent)) == ["report.json", "seedcheck.toml", "seeds"]


def test_interrupted_while_checking(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("seedcheck.run.targets.check_folder", _interrupt)
    assert run_cli(["validate"]) == Result(130, "", "seedcheck: interrupted\n")
