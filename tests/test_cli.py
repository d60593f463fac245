"""The command line: file names that read as options, and output that cannot be written."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from seedcheck.cli import main
from tests.conftest import Result, RunCli, console_script
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


class _Full:
    """A standard output on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")


@pytest.mark.parametrize(
    "args", [["--version"], ["--help"], ["validate", "--help"], ["validate", "--version"]]
)
def test_help_and_version_fail_when_they_cannot_be_written(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _Full())
    assert main(args) == 2
    assert capsys.readouterr().err == "seedcheck: error: No space left on device\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [["--version"], ["--help"]])
@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_help_and_version_to_dev_full_exit_2(args: list[str], unbuffered: str) -> None:
    with Path("/dev/full").open("w", encoding="utf-8") as full:
        done = subprocess.run(
            [str(console_script("seedcheck")), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": unbuffered},
            text=True,
            timeout=60,
            check=False,
        )
    assert (done.returncode, done.stderr) == (2, "seedcheck: error: No space left on device\n")
