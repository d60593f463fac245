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
    """``Found 3 errors and 1 warning in 2 files.``, or ``All checks passed …``, and
    what a baseline hid."""
    note = baseline_note(report)
    return f"{_findings(report)} {note}" if note else _findings(report)


def baseline_note(report: Report) -> str:
    """``3 known findings hidden by the baseline; 2 of its entries no longer occur …``"""
    parts = []
    if report.hidden:
        parts.append(f"{_plural(report.hidden, 'known finding')} hidden by the baseline")
    if report.stale:
        one = report.stale == 1
        if report.hidden:
            entries = f"{report.stale} of its entries"
        else:
            entries = f"{report.stale} baseline {'entry' if one else 'entries'}"
        verb, them = ("occurs", "it") if one else ("occur", "them")
        parts.append(f"{entries} no longer {verb} (--write-baseline drops {them})")
    return f"{'; '.join(parts)}." if parts else ""


def _findings(report: Report) -> str:
    if not report.diagnostics:
        return f"All checks passed ({_plural(report.files_checked, 'file')} checked)."
    counts = [
        _plural(count, word)
        for count, word in ((report.errors, "error"), (report.warnings, "warning"))
        if count
    ]
    return f"Found {' and '.join(counts)} in {_plural(report.files_with_findings, 'file')}."
