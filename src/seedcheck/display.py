"""How paths are shown: relative to the current directory when inside it, ``/`` always."""

from __future__ import annotations

import os
from pathlib import Path, PurePath


def display_path(path: str, cwd: Path | None = None) -> str:
    """``path`` relative to ``cwd`` when it lies inside it, with ``/`` separators."""
    base = cwd or Path.cwd()
    pure = PurePath(path)
    try:
        return pure.relative_to(base).as_posix()
    except ValueError:
        pass
    # The paths seedcheck reads are resolved, but the current directory need not be:
    # a symbolic link given as cwd, or on Windows a junction or an 8.3 short name
    # (C:\Users\RUNNER~1) that realpath spells out.
    try:
        return pure.relative_to(os.path.realpath(base)).as_posix()
    except ValueError:
        return pure.as_posix()
