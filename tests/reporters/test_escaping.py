"""Every output format escapes control characters in paths and messages.

A file name is the contributor's to choose: ESC sequences would recolour or retitle a
terminal, a line break would start a line of its own, ``::`` at a line start would be a
GitHub workflow command.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.report import Report
from seedcheck.reporters import REPORTERS, STATISTICS_REPORTERS
from seedcheck.reporters.base import ReporterOptions
from seedcheck.text.excerpt import escape, escape_json

HOSTILE = "::error::x\x1b]0;PWNED\x07\x1b[2J\x9b31m\x7f\x01\x0c\u2028\u0085\ttab\r\nnext"
# What no output may hold raw: every control character but the line feed ending a line.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _report(folder: Path) -> Report:
    diagnostic = Diagnostic(
        path=str(folder / f"seeds/{HOSTILE}.txt"),
        line=1,
        column=1,
        code="SC108",
        name="filename-pattern",
        severity=Severity.ERROR,
        message=f"file name '{HOSTILE}' is odd",
    )
    return Report((diagnostic,), (diagnostic.path,))


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_no_control_character_reaches_the_output(name: str, tmp_path: Path) -> None:
    out = io.StringIO()
    REPORTERS[name](ReporterOptions(cwd=tmp_path)).render(_report(tmp_path), out)
    text = out.getvalue()
    assert RAW.findall(text) == []
    # Lines that GitHub would read as workflow commands are only the reporter's own.
    commands = [
        line.split("::")[1].split(" ")[0] for line in text.splitlines() if line.startswith("::")
    ]
    assert set(commands) <= {"group", "error", "endgroup"}


@pytest.mark.parametrize("name", ["json", "sarif"])
def test_machine_formats_keep_the_value(name: str, tmp_path: Path) -> None:
    out = io.StringIO()
    REPORTERS[name](ReporterOptions(cwd=tmp_path)).render(_report(tmp_path), out)
    document = json.loads(out.getvalue())
    found = document[0] if name == "json" else document["runs"][0]["results"][0]
    message = found["message"] if name == "json" else found["message"]["text"]
    assert message == f"file name '{HOSTILE}' is odd"


@pytest.mark.parametrize("name", sorted(STATISTICS_REPORTERS))
def test_statistics(name: str, tmp_path: Path) -> None:
    out = io.StringIO()
    STATISTICS_REPORTERS[name](ReporterOptions(cwd=tmp_path)).render(_report(tmp_path), out)
    assert RAW.findall(out.getvalue()) == []


def test_escape() -> None:
    assert escape("a\x1b[1m\nb\x9b\u2028::") == "a\\x1b[1m\\nb\\x9b\\u2028::"
    assert escape("a\nb\tc", keep="\n") == "a\nb\\tc"


def test_escape_json_keeps_the_value() -> None:
    value = {"k": "\x7f\x85\x9b\u2028\u2029\ufeff\udcff ok é"}
    dumped = escape_json(json.dumps(value, ensure_ascii=False))
    assert RAW.findall(dumped) == [] and "é" in dumped
    assert json.loads(dumped) == value
