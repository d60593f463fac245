"""The finished result of a run, which reporters render and the CLI maps to an exit code."""

from __future__ import annotations

from dataclasses import dataclass

from seedcheck.diagnostic import Diagnostic, Severity


@dataclass(frozen=True)
class Report:
    """All diagnostics of a run, sorted, and how many files were checked."""

    diagnostics: tuple[Diagnostic, ...]
    files_checked: int

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def files_with_findings(self) -> int:
        return len({d.path for d in self.diagnostics})
