"""The reporter interface: render a finished :class:`~seedcheck.report.Report`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from seedcheck.diagnostic import Diagnostic
from seedcheck.display import display_path
from seedcheck.report import Report


@dataclass(frozen=True)
class ReporterOptions:
    """What the command line says about presentation."""

    color: bool = False
    quiet: bool = False
    cwd: Path | None = None


class Reporter:
    """Base of all output formats. Subclasses implement :meth:`render`."""

    name = ""

    def __init__(self, options: ReporterOptions) -> None:
        self.options = options

    def path(self, diagnostic: Diagnostic) -> str:
        return display_path(diagnostic.path, self.options.cwd)

    def render(self, report: Report, out: TextIO) -> None:
        raise NotImplementedError
