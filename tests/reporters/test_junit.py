"""``--format junit``: one testcase per checked file, one failure per finding."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.report import Report
from seedcheck.reporters.base import ReporterOptions
from seedcheck.reporters.junit import JunitReporter
from tests.conftest import RunCli
from tests.reporting_corpus import SEED_1, SEED_3, TEXT_LINES, write_corpus


def _case(path: str, *failures: str) -> str:
    attributes = f'name="{path}" classname="seedcheck" time="0" file="{path}"'
    if not failures:
        return f"    <testcase {attributes} />\n"
    return f"    <testcase {attributes}>\n{''.join(failures)}    </testcase>\n"


def _failure(line: str, severity: str) -> str:
    code_and_message = line.split(": ", 1)[1]
    code = code_and_message.split(" ", 1)[0]
    return (
        f'      <failure message="{code_and_message}" type="{severity} {code}">{line}</failure>\n'
    )


EXPECTED = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<testsuites name="seedcheck" tests="3" failures="3" errors="0" time="0">\n'
    '  <testsuite name="seedcheck" tests="3" failures="3" errors="0" skipped="0" time="0">\n'
    + _case(f"seeds/{SEED_1}", _failure(TEXT_LINES[0], "error"), _failure(TEXT_LINES[1], "error"))
    + _case(f"seeds/{SEED_3}", _failure(TEXT_LINES[2], "warning"))
    + _case("seeds/INDEX.md", _failure(TEXT_LINES[3], "error"))
    + "  </testsuite>\n</testsuites>\n"
)


@pytest.fixture
def corpus(isolated: Path) -> Path:
    return write_corpus(isolated)


def test_junit_output(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--format", "junit"])
    assert (result.code, result.err) == (1, "")
    assert result.out == EXPECTED


def test_parses_as_junit(corpus: Path, run_cli: RunCli) -> None:
    root = ET.fromstring(run_cli(["validate", "--format", "junit"]).out)
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [
        f"seeds/{SEED_1}",
        f"seeds/{SEED_3}",
        "seeds/INDEX.md",
    ]
    for element in (root, suite):
        assert {key: element.get(key) for key in ("tests", "failures", "errors", "time")} == {
            "tests": "3",
            "failures": "3",
            "errors": "0",
            "time": "0",
        }
    assert all(case.get("classname") == "seedcheck" for case in cases)
    failures = cases[0].findall("failure")
    assert [f.get("message") for f in failures] == [
        "SC206 [unknown-field] unknown field 'sorce' (did you mean 'source'?)",
        "SC106 [trailing-whitespace] trailing whitespace",
    ]
    assert [f.text for f in failures] == TEXT_LINES[:2]


def test_a_clean_file_is_a_passing_testcase(corpus: Path, run_cli: RunCli) -> None:
    (corpus / SEED_3).rename(corpus / "002_bbbbbbbbbbbbbbbb.txt")
    assert run_cli(["index"]).code == 0
    result = run_cli(["validate", "--format", "junit", "--ignore", "SC2,SC106"])
    assert result.code == 0
    root = ET.fromstring(result.out)
    assert root.get("tests") == "3"
    assert root.get("failures") == "0"
    assert [case.findall("failure") for case in root.iter("testcase")] == [[], [], []]


def test_a_named_seed_and_the_index_rows_about_it(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["index"]).code == 0
    with (corpus / SEED_3).open("a", encoding="utf-8", newline="\n") as fh:
        fh.write("A later paragraph was added after indexing.\n")
    root = ET.fromstring(run_cli(["validate", "--format", "junit", f"seeds/{SEED_3}"]).out)
    cases = list(root.iter("testcase"))
    assert [case.get("name") for case in cases] == [f"seeds/{SEED_3}", "seeds/INDEX.md"]
    assert [f.get("type") for f in cases[1].iter("failure")] == ["error SC506", "error SC507"]


def test_characters_xml_cannot_hold_are_escaped(tmp_path: Path) -> None:
    diagnostic = Diagnostic(
        path=str(tmp_path / "a\x01<b>&.txt"),
        line=1,
        column=1,
        code="SC103",
        name="control-character",
        severity=Severity.ERROR,
        message='bad "\x00" & <more>',
    )
    out = io.StringIO()
    JunitReporter(ReporterOptions(cwd=tmp_path)).render(
        Report((diagnostic,), (diagnostic.path,)), out
    )
    root = ET.fromstring(out.getvalue())
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.get("name") == "a\\x01<b>&.txt"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == 'SC103 [control-character] bad "\\x00" & <more>'


@pytest.mark.parametrize("character", ["\ufffe", "\uffff"], ids=repr)
def test_noncharacters_are_escaped_too(tmp_path: Path, character: str) -> None:
    diagnostic = Diagnostic(
        path=str(tmp_path / f"a{character}.txt"),
        line=1,
        column=1,
        code="SC506",
        name="index-mismatch",
        severity=Severity.ERROR,
        message=f"Title is 'Plain {character} title' in the index",
    )
    out = io.StringIO()
    JunitReporter(ReporterOptions(cwd=tmp_path)).render(
        Report((diagnostic,), (diagnostic.path,)), out
    )
    escaped = f"\\u{ord(character):04x}"
    root = ET.fromstring(out.getvalue())  # well-formed: XML 1.0 has no such characters
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.get("name") == f"a{escaped}.txt"
    failure = case.find("failure")
    assert failure is not None
    assert (
        failure.get("message")
        == f"SC506 [index-mismatch] Title is 'Plain {escaped} title' in the index"
    )
    assert character not in out.getvalue()
