"""GitHub Actions output: workflow commands that become annotations, plus the text lines.

Each finding becomes ``::error title=seedcheck (CODE),file=PATH,line=L,col=C,…::MESSAGE``
(``::warning`` for warnings), grouped per file with ``::group::``. GitHub shows only the
first ten annotations of each kind per step, so the plain text lines are printed too, and
the summary last. Escaping follows GitHub's rules for workflow commands: ``%``, CR and LF
in the message; also ``:`` and ``,`` in property values.
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.report import Report
from seedcheck.reporters.text import TextReporter, summary
from seedcheck.text.excerpt import escape

_LINE_BREAKS = "\r\n"


def escape_data(text: str) -> str:
    """A workflow command's message, escaped so that it stays one command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value, where ``:`` and ``,`` are separators."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(TextReporter):
    name = "github"

    def command(self, d: Diagnostic) -> str:
        kind = "error" if d.severity is Severity.ERROR else "warning"
        properties = [
            ("title", f"seedcheck ({d.code})"),
            ("file", escape(self.path(d))),
            ("line", str(d.line)),
            ("col", str(d.column)),
        ]
        if d.end_line is not None:
            properties.append(("endLine", str(d.end_line)))
        if d.end_column is not None:
            properties.append(("endColumn", str(d.end_column)))
        joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
        # Line breaks become %0D and %0A, which GitHub shows as such; every other control
        # character (an ESC from a file name) is escaped as in the text output.
        return f"::{kind} {joined}::{escape_data(escape(d.message, keep=_LINE_BREAKS))}"

    def line(self, d: Diagnostic) -> str:
        # The runner reads every line of the log that starts with "::" as a command: a file
        # named "::stop-commands::x" would silence the annotations that follow, and a line
        # break in a message would start a line of its own. Neither may reach the log raw.
        # The text line escapes both already.
        text = super().line(d)
        return f"./{text}" if text.startswith(":") else text

    def render(self, report: Report, out: TextIO) -> None:
        # Diagnostics are sorted by path, so each file's findings are adjacent.
        for _, group in groupby(report.diagnostics, key=self.path):
            findings = list(group)
            out.write(f"::group::{escape_data(escape(self.path(findings[0])))}\n")
            for diagnostic in findings:
                out.write(self.line(diagnostic) + "\n")
                out.write(self.command(diagnostic) + "\n")
            out.write("::endgroup::\n")
        if not self.options.quiet:
            out.write(summary(report) + "\n")
