"""The finished result of a run, which reporters render and the CLI maps to an exit code."""

from __future__ import annotations

from dataclasses import dataclass

from seedcheck.diagnostic import Diagnostic, Severity


@dataclass(frozen=True)
class Report:
    """All diagnostics of a run, sorted, and the files that were checked.

    ``checked`` holds resolved path strings, in corpus order: the seeds and INDEX.md of
    each corpus, or only the files named on the command line.
    """

    diagnostics: tuple[Diagnostic, ...]
    checked: tuple[str, ...]

    @property
    def files_checked(self) -> int:
        return len(self.checked)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def files_with_findings(self) -> int:
        return len({d.path for d in self.diagnostics})
