"""``--statistics``: how many findings each rule made, instead of the findings.

Text: one line per rule, most findings first (then by code), the count right-aligned
(``12  SC401  duplicate-line``), then the summary. JSON: an array of objects with
``count``, ``code`` and ``name`` in the same order.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import TextIO

from seedcheck.report import Report
from seedcheck.reporters.base import Reporter
from seedcheck.reporters.text import summary
from seedcheck.text.excerpt import escape_json


@dataclass(frozen=True)
class RuleCount:
    count: int
    code: str
    name: str


def rule_counts(report: Report) -> list[RuleCount]:
    """Findings per rule, most first, ties by code."""
    counts = Counter((d.code, d.name) for d in report.diagnostics)
    ranked = [RuleCount(count, code, name) for (code, name), count in counts.items()]
    return sorted(ranked, key=lambda item: (-item.count, item.code))


class TextStatisticsReporter(Reporter):
    name = "text"

    def render(self, report: Report, out: TextIO) -> None:
        counts = rule_counts(report)
        width = max((len(str(item.count)) for item in counts), default=1)
        for item in counts:
            out.write(f"{item.count:>{width}}  {item.code}  {item.name}\n")
        if not self.options.quiet:
            out.write(summary(report) + "\n")


class JsonStatisticsReporter(Reporter):
    name = "json"

    def render(self, report: Report, out: TextIO) -> None:
        items = [asdict(item) for item in rule_counts(report)]
        out.write(escape_json(json.dumps(items, indent=2, ensure_ascii=False)))
        out.write("\n")
