"""How paths are shown: relative to the current directory when inside it, ``/`` always."""

from __future__ import annotations

from pathlib import Path, PurePath


def display_path(path: str, cwd: Path | None = None) -> str:
    """``path`` relative to ``cwd`` when it lies inside it, with ``/`` separators."""
    base = cwd or Path.cwd()
    pure = PurePath(path)
    try:
        return pure.relative_to(base).as_posix()
    except ValueError:
        return pure.as_posix()
