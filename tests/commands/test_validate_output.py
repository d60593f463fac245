"""``validate --output FILE`` and ``--statistics``; ``index --exit-non-zero-on-fix``."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from tests.conftest import Result, RunCli
from tests.reporting_corpus import SEED_1, SUMMARY, TEXT_LINES, write_corpus


@pytest.fixture
def corpus(isolated: Path) -> Path:
    return write_corpus(isolated)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_output_file_holds_what_stdout_would(corpus: Path, run_cli: RunCli, fmt: str) -> None:
    printed = run_cli(["validate", "--format", fmt])
    written = run_cli(["validate", "--format", fmt, "--output", "report.out"])
    assert written == Result(printed.code, "", "")
    data = (corpus.parent / "report.out").read_bytes()
    assert data.decode("utf-8") == printed.out
    assert b"\r" not in data


def test_output_file_is_overwritten(corpus: Path, run_cli: RunCli) -> None:
    report = corpus.parent / "report.txt"
    report.write_text("old content that is longer than the new report\n" * 100, "utf-8")
    assert run_cli(["validate", "-q", "-o", "report.txt", "--select", "SC106"]).code == 1
    assert report.read_text(encoding="utf-8") == TEXT_LINES[1] + "\n"


def test_output_file_is_never_coloured(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["validate", "--output", "report.txt"]).code == 1
    assert "\033" not in (corpus.parent / "report.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing/report.txt", "missing/report.txt: cannot write: No such file or directory"),
        ("seeds", "seeds is a directory, not a regular file; it was not written"),
    ],
)
def test_unwritable_output_is_a_one_line_error(
    corpus: Path, run_cli: RunCli, target: str, message: str
) -> None:
    result = run_cli(["validate", "--output", target])
    assert result == Result(2, "", f"seedcheck: error: {message}\n")


def test_a_failed_report_write_leaves_the_old_report_whole(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = corpus.parent / "report.sarif"
    report.write_text("the previous report\n", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    result = run_cli(["validate", "--format", "sarif", "-o", "report.sarif"])
    assert result.code == 2
    assert result.err == (
        "seedcheck: error: report.sarif: cannot write: No space left on device; "
        "the file was left as it was\n"
    )
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in corpus.parent.iterdir() if p.name.startswith(".")) == []


def test_statistics(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--statistics"])
    assert result == Result(
        1,
        "1  SC106  trailing-whitespace\n"
        "1  SC206  unknown-field\n"
        "1  SC501  index-missing\n"
        "1  SC603  numbering-gap\n" + SUMMARY + "\n",
        "",
    )


def test_statistics_sort_by_count_then_code_and_align(corpus: Path, run_cli: RunCli) -> None:
    # Ten more lines with trailing blanks make SC106 the most frequent rule.
    seed = corpus / SEED_1
    seed.write_text(seed.read_text(encoding="utf-8") + "More text.  \n" * 10, "utf-8")
    result = run_cli(["validate", "--statistics", "--quiet"])
    assert result == Result(
        1,
        "11  SC106  trailing-whitespace\n"
        " 1  SC206  unknown-field\n"
        " 1  SC501  index-missing\n"
        " 1  SC603  numbering-gap\n",
        "",
    )


def test_statistics_without_findings(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--statistics", "--select", "SC102"])
    assert result == Result(0, "All checks passed (2 files checked).\n", "")


def test_statistics_in_json(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--statistics", "--format", "json", "--select", "SC1,SC2"])
    assert (result.code, result.err) == (1, "")
    assert json.loads(result.out) == [
        {"count": 1, "code": "SC106", "name": "trailing-whitespace"},
        {"count": 1, "code": "SC206", "name": "unknown-field"},
    ]


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit"])
def test_statistics_in_other_formats_is_a_usage_error(
    corpus: Path, run_cli: RunCli, fmt: str
) -> None:
    result = run_cli(["validate", "--statistics", "--format", fmt])
    assert result == Result(
        2, "", f"seedcheck: error: --statistics works with --format json or text, not {fmt}\n"
    )


def test_index_fixer_exits_1_when_it_wrote(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["index", "--exit-non-zero-on-fix"]) == Result(
        1, "Created seeds/INDEX.md (2 seeds).\n", ""
    )
    assert run_cli(["index", "--exit-non-zero-on-fix"]) == Result(
        0, "seeds/INDEX.md is up to date (2 seeds).\n", ""
    )
    with (corpus / SEED_1).open("a", encoding="utf-8", newline="\n") as fh:
        fh.write("One more sentence.\n")
    assert run_cli(["index", "--exit-non-zero-on-fix"]) == Result(
        1, "Updated seeds/INDEX.md (2 seeds).\n", ""
    )


def test_statistics_to_a_file(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["validate", "--statistics", "-q", "--output", "stats.txt"]) == Result(1, "", "")
    assert (corpus.parent / "stats.txt").read_text(encoding="utf-8") == (
        "1  SC106  trailing-whitespace\n"
        "1  SC206  unknown-field\n"
        "1  SC501  index-missing\n"
        "1  SC603  numbering-gap\n"
    )


def test_dash_means_stdout(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["validate", "-o", "-"]) == run_cli(["validate"])
    assert not (corpus.parent / "-").exists()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null on this system")
def test_output_to_a_character_device(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["validate", "-o", "/dev/null"]) == Result(1, "", "")
    assert run_cli(["validate", "--format", "sarif", "--output", "/dev/null"]) == Result(1, "", "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_output_to_a_named_pipe(corpus: Path, run_cli: RunCli) -> None:
    fifo = corpus.parent / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run_cli(["validate", "-q", "--select", "SC106", "-o", "pipe"])
    reader.join(timeout=30)
    assert result == Result(1, "", "")
    assert received == [(TEXT_LINES[1] + "\n").encode()]


def test_empty_output_name_is_a_usage_error(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "-o", ""])
    assert result == Result(
        2, "", "seedcheck: error: --output is empty; give a file name, or - for stdout\n"
    )


@pytest.mark.parametrize("name", ["INDEX.md", SEED_1, "report.txt"])
def test_report_never_lands_in_the_corpus_it_checks(
    corpus: Path, run_cli: RunCli, name: str
) -> None:
    (corpus / "INDEX.md").write_text("# Notes kept by hand\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    result = run_cli(["validate", "-o", f"seeds/{name}"])
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"seedcheck: error: seeds/{name}: refusing to write the report into the corpus "
        "folder it checks; write it somewhere else\n"
    )
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before


def test_an_os_error_no_command_handled_is_one_line() -> None:
    from seedcheck.cli import _refused

    assert _refused(OSError(28, "No space left on device", "out\nput.json")) == (
        "out\\nput.json: No space left on device"
    )
    assert _refused(OSError(5, "Input/output error")) == "Input/output error"
