"""The diagnostic: one finding, immutable, carrying its own position."""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(str, enum.Enum):
    """How bad a finding is; errors fail a run, warnings only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


class Diagnostic(NamedTuple):
    """One finding of one rule at one place.

    ``path`` is the file the finding is in, as a resolved path string. ``concerns`` names
    other files the finding is about (an INDEX.md row names its seed file), so that a run
    restricted to some files still reports corpus-level findings about them.
    """

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    end_line: int | None = None
    end_column: int | None = None
    concerns: tuple[str, ...] = ()

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)
