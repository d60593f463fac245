"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run whose ``tool.driver`` lists every rule (id, name, descriptions, help, a link to
its documentation and its default level) and one result per finding, located by a URI
relative to the current directory (run from the repository root, as CI does, and it is
repository-relative) and a 1-based region. SARIF's ``endColumn`` is the column after the
last character, which is what seedcheck's end columns already mean.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from seedcheck import __version__
from seedcheck.diagnostic import Diagnostic
from seedcheck.report import Report
from seedcheck.reporters.base import Reporter
from seedcheck.rules.base import Rule
from seedcheck.rules.pages import PROJECT_URL, rule_doc_url
from seedcheck.rules.registry import RULES
from seedcheck.text.excerpt import escape_json

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _first_paragraph(text: str) -> str:
    return " ".join(text.split("\n\n", maxsplit=1)[0].split())


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A SARIF ``reportingDescriptor`` for one rule."""
    # The docs open with "name: summary"; the descriptor names the rule already.
    doc = rule.doc.strip().removeprefix(f"{rule.name}: ")
    doc = doc[:1].upper() + doc[1:]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _first_paragraph(doc)},
        "help": {"text": doc},
        "helpUri": rule_doc_url(rule),
        "defaultConfiguration": {"level": rule.severity.value},
    }


class SarifReporter(Reporter):
    name = "sarif"

    def uri(self, d: Diagnostic) -> str:
        shown = self.path(d)
        pure = PurePath(shown)
        if pure.is_absolute():
            return pure.as_uri()
        # A name that is not UTF-8 holds surrogates; encode them as the bytes they stand for.
        return quote(shown, safe="/", errors="surrogateescape")

    def region(self, d: Diagnostic) -> dict[str, int]:
        region = {
            "startLine": d.line,
            "startColumn": d.column,
            "endLine": d.end_line if d.end_line is not None else d.line,
        }
        if d.end_column is not None:
            region["endColumn"] = d.end_column
        return region

    def result(self, d: Diagnostic, rule_index: dict[str, int]) -> dict[str, Any]:
        result: dict[str, Any] = {"ruleId": d.code}
        if d.code in rule_index:
            result["ruleIndex"] = rule_index[d.code]
        result.update(
            {
                "level": d.severity.value,
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": self.uri(d)},
                            "region": self.region(d),
                        }
                    }
                ],
            }
        )
        return result

    def render(self, report: Report, out: TextIO) -> None:
        rule_index = {rule.code: index for index, rule in enumerate(RULES)}
        document = {
            "$schema": SARIF_SCHEMA,
            "version": SARIF_VERSION,
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "seedcheck",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": PROJECT_URL,
                            "rules": [rule_descriptor(rule) for rule in RULES],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": [self.result(d, rule_index) for d in report.diagnostics],
                }
            ],
        }
        out.write(escape_json(json.dumps(document, indent=2, ensure_ascii=False)))
        out.write("\n")
