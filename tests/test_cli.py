"""The command line: file names that read as options."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import Result, RunCli
from tests.reporting_corpus import SUMMARY, TEXT_LINES, write_corpus


@pytest.fixture
def corpus(isolated: Path) -> Path:
    return write_corpus(isolated)


def test_after_double_dash_every_argument_is_a_file_name(corpus: Path, run_cli: RunCli) -> None:
    shutil.copytree(corpus, corpus.parent / "--quiet")
    result = run_cli(["validate", "--", "--quiet"])
    lines = [line.replace("seeds/", "--quiet/", 1) for line in TEXT_LINES]
    assert result == Result(1, "\n".join([*lines, SUMMARY]) + "\n", "")


@pytest.mark.parametrize(
    "name",
    ["--quiet", "--exit-zero", "-q", "--config=cfg/000_0123456789abcdef.txt", "-ocfg/x.txt"],
)
def test_a_file_named_like_an_option_before_double_dash_is_refused(
    corpus: Path, run_cli: RunCli, name: str
) -> None:
    # What pre-commit passes when a hook's args lack `--`: the name must not become an
    # option (a --config of the attacker's, --exit-zero), nor silently a path.
    target = corpus.parent / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text('corpus = "elsewhere"\n', encoding="utf-8")
    result = run_cli(["validate", name])
    assert result == Result(
        2,
        "",
        f"seedcheck: error: {name} is a file, but reads as an option; put file names "
        "after -- (seedcheck validate [OPTIONS] -- FILE ...)\n",
    )
    after = run_cli(["validate", "--", name])  # a file name, whatever it checks to
    assert name in after.out + after.err
    assert "All checks passed" not in after.out


def test_options_that_name_no_file_still_work(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["validate", "--quiet", "--", "seeds"]) == Result(
        1, "\n".join(TEXT_LINES) + "\n", ""
    )
