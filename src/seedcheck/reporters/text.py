"""Text output for people: ``path:line:col: CODE [name] message`` and a summary."""

from __future__ import annotations

from typing import TextIO

from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.report import Report
from seedcheck.reporters.base import Reporter
from seedcheck.text.excerpt import escape

_BOLD, _RED, _YELLOW, _CYAN, _RESET = "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[0m"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter(Reporter):
    name = "text"

    def line(self, d: Diagnostic) -> str:
        # A file name may hold a line break or an escape sequence; never print it raw.
        location = f"{escape(self.path(d))}:{d.line}:{d.column}:"
        code = d.code
        if self.options.color:
            colour = _RED if d.severity is Severity.ERROR else _YELLOW
            location = f"{_BOLD}{location}{_RESET}"
            code = f"{colour}{_BOLD}{code}{_RESET}"
            return f"{location} {code} {_CYAN}[{d.name}]{_RESET} {escape(d.message)}"
        return f"{location} {code} [{d.name}] {escape(d.message)}"

    def render(self, report: Report, out: TextIO) -> None:
        for diagnostic in report.diagnostics:
            out.write(self.line(diagnostic) + "\n")
        if self.options.quiet:
            return
        out.write(summary(report) + "\n")


def summary(report: Report) -> str:
    """``Found 3 errors and 1 warning in 2 files.``, or ``All checks passed …``."""
    if not report.diagnostics:
        return f"All checks passed ({_plural(report.files_checked, 'file')} checked)."
    counts = [
        _plural(count, word)
        for count, word in ((report.errors, "error"), (report.warnings, "warning"))
        if count
    ]
    return f"Found {' and '.join(counts)} in {_plural(report.files_with_findings, 'file')}."
