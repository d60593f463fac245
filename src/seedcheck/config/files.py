"""Finding and reading the configuration file, before any of it is validated.

Only the standard library's TOML reader: a run that the cache answers whole needs to
know which configuration applies, not yet whether it is valid (a cached result was made
with a valid one).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from seedcheck.errors import SeedcheckError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILES = ("seedcheck.toml", "pyproject.toml")


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file from ``start`` upward, with its seedcheck table."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            table = read_table(candidate)
            if table is not None:
                return candidate, table
    return None


def read_table(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            document: dict[str, Any] = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        # Paths in messages use / on every system, as display_path shows them.
        raise SeedcheckError(f"{path.as_posix()}: cannot read configuration: {exc}") from None
    if path.name != "pyproject.toml":  # seedcheck.toml, or any file given to --config
        return document
    tool = document.get("tool", {})
    table: object = tool.get("seedcheck") if isinstance(tool, dict) else None
    return {str(k): v for k, v in table.items()} if isinstance(table, dict) else None
