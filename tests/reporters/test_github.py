"""``--format github``: workflow commands with GitHub's escaping, grouped per file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.report import Report
from seedcheck.reporters.base import ReporterOptions
from seedcheck.reporters.github import GithubReporter, escape_data, escape_property
from tests.conftest import Result, RunCli
from tests.reporting_corpus import SEED_1, SEED_3, SUMMARY, TEXT_LINES, write_corpus

EXPECTED = [
    f"::group::seeds/{SEED_1}",
    TEXT_LINES[0],
    f"::error title=seedcheck (SC206),file=seeds/{SEED_1},line=4,col=1,endLine=4,endColumn=6"
    "::unknown field 'sorce' (did you mean 'source'?)",
    TEXT_LINES[1],
    f"::error title=seedcheck (SC106),file=seeds/{SEED_1},line=6,col=60,endLine=6,"
    "endColumn=62::trailing whitespace",
    "::endgroup::",
    f"::group::seeds/{SEED_3}",
    TEXT_LINES[2],
    f"::warning title=seedcheck (SC603),file=seeds/{SEED_3},line=1,col=1"
    "::002 missing between 001 and 003",
    "::endgroup::",
    "::group::seeds/INDEX.md",
    TEXT_LINES[3],
    "::error title=seedcheck (SC501),file=seeds/INDEX.md,line=1,col=1"
    "::INDEX.md is missing; run `seedcheck index` to create it",
    "::endgroup::",
]


@pytest.fixture
def corpus(isolated: Path) -> Path:
    return write_corpus(isolated)


def test_github_output(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--format", "github"])
    assert result == Result(1, "\n".join([*EXPECTED, SUMMARY]) + "\n", "")


def test_quiet_drops_the_summary_only(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--format", "github", "--quiet"])
    assert result == Result(1, "\n".join(EXPECTED) + "\n", "")


def test_no_findings_prints_the_summary(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--format", "github", "--select", "SC102"])
    assert result == Result(0, "All checks passed (2 files checked).\n", "")


def test_chosen_on_github_actions(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run_cli(["validate"]).out == "\n".join([*EXPECTED, SUMMARY]) + "\n"


@pytest.mark.parametrize(
    ("env", "args"),
    [
        ("true", ["--format", "text"]),  # an explicit --format wins
        ("false", []),
        ("", []),
        ("true", ["--statistics"]),  # statistics are text
    ],
)
def test_text_unless_on_github_without_format(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, env: str, args: list[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", env)
    assert not run_cli(["validate", *args]).out.startswith("::")


def test_a_report_file_on_github_actions_is_text(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workflow commands only act in a step's own output, not in a file kept for later.
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run_cli(["validate", "--output", "report.txt"]) == Result(1, "", "")
    report = (corpus.parent / "report.txt").read_text(encoding="utf-8")
    assert report == "\n".join([*TEXT_LINES, SUMMARY]) + "\n"


def test_never_coloured(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--format", "github", "--color", "always"])
    assert "\033" not in result.out


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain text", "plain text", "plain text"),
        ("100% done", "100%25 done", "100%25 done"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("%0A", "%250A", "%250A"),  # an escape already in the text stays text
    ],
)
def test_escaping(text: str, data: str, prop: str) -> None:
    assert (escape_data(text), escape_property(text)) == (data, prop)


def test_escaping_in_a_rendered_command(tmp_path: Path) -> None:
    diagnostic = Diagnostic(
        path=str(tmp_path / "odd, name%.txt"),
        line=2,
        column=3,
        code="SC208",
        name="invalid-field",
        severity=Severity.ERROR,
        message="50% of it\nis: wrong, here",
    )
    out = io.StringIO()
    reporter = GithubReporter(ReporterOptions(quiet=True, cwd=tmp_path))
    reporter.render(Report((diagnostic,), (diagnostic.path,)), out)
    assert out.getvalue() == (
        "::group::odd, name%25.txt\n"
        "odd, name%.txt:2:3: SC208 [invalid-field] 50% of it\\nis: wrong, here\n"
        "::error title=seedcheck (SC208),file=odd%2C name%25.txt,line=2,col=3"
        "::50%25 of it%0Ais: wrong, here\n"
        "::endgroup::\n"
    )


def test_no_text_line_can_pass_for_a_workflow_command(tmp_path: Path) -> None:
    diagnostic = Diagnostic(
        path=str(tmp_path / "::stop-commands::token"),
        line=1,
        column=1,
        code="SC110",
        name="unexpected-file",
        severity=Severity.WARNING,
        message="stray\r\n::warning::injected",
    )
    out = io.StringIO()
    GithubReporter(ReporterOptions(quiet=True, cwd=tmp_path)).render(
        Report((diagnostic,), (diagnostic.path,)), out
    )
    lines = out.getvalue().splitlines()
    assert lines[1] == (
        "./::stop-commands::token:1:1: SC110 [unexpected-file] stray\\r\\n::warning::injected"
    )
    commands = [line.split(" ", 1)[0].split("::")[1] for line in lines if line.startswith("::")]
    assert commands == ["group", "warning", "endgroup"]
