"""JSON output for machines: one array, one object per finding.

Each object has ``path`` (relative to the current directory when inside it, ``/``
separators), ``line`` and ``column`` (1-based), ``end_line`` and ``end_column`` (or
null), ``code``, ``name``, ``severity`` (``error`` or ``warning``) and ``message``.
This shape is a contract: fields may be added, never renamed or removed.
"""

from __future__ import annotations

import json
from typing import TextIO

from seedcheck.report import Report
from seedcheck.reporters.base import Reporter
from seedcheck.text.excerpt import escape_json


class JsonReporter(Reporter):
    name = "json"

    def render(self, report: Report, out: TextIO) -> None:
        items = [
            {
                "path": self.path(d),
                "line": d.line,
                "column": d.column,
                "end_line": d.end_line,
                "end_column": d.end_column,
                "code": d.code,
                "name": d.name,
                "severity": d.severity.value,
                "message": d.message,
            }
            for d in report.diagnostics
        ]
        out.write(escape_json(json.dumps(items, indent=2, ensure_ascii=False)))
        out.write("\n")
