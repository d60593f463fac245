"""Finding and reading the configuration file, before any of it is validated.

Only the standard library's TOML reader: a run that the cache answers whole needs to
know which configuration applies, not yet whether it is valid (a cached result was made
with a valid one).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from seedcheck.corpus.reading import read_whole
from seedcheck.errors import SeedcheckError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILES = ("seedcheck.toml", "pyproject.toml")
# Far more than any project's settings; a larger file is refused, not read into memory.
MAX_CONFIG_SIZE = 1 << 20


Found = tuple[Path, dict[str, Any]]


def find_config(start: Path) -> Found | None:
    """The nearest config file from ``start`` upward, with its seedcheck table."""
    for folder in (start, *start.parents):
        found = _config_in(folder)
        if found is not None:
            return found
    return None


def find_config_for(path: Path) -> Found | None:
    """The nearest config file at or above ``path`` (a folder, or a file's folder), as
    ruff finds one for each file: the search stops at the repository root (the folder
    holding ``.git``), so a corpus project never takes the settings of a folder above
    its repository. None when there is none."""
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        found = _config_in(folder)
        if found is not None:
            return found
        if (folder / ".git").exists():
            return None
    return None


def configs_for_paths(paths: Sequence[str], cwd: Path) -> list[tuple[Found | None, list[str]]]:
    """The paths grouped by the configuration that applies to each, in order of first
    appearance: the nearest one at or above the path (see :func:`find_config_for`), or
    else the working directory's (None: no file, the defaults). No paths: one group,
    the working directory's, with no paths."""
    fallback: list[Found | None] = []  # found once, when a path needs it

    def cwd_config() -> Found | None:
        if not fallback:
            fallback.append(find_config(cwd))
        return fallback[0]

    if not paths:
        return [(cwd_config(), [])]
    groups: dict[Path | None, tuple[Found | None, list[str]]] = {}
    for raw in paths:
        # An empty path is the run's own error to report (resolve_targets says so).
        found = find_config_for(Path(os.path.abspath(raw))) if raw else None
        if found is None:
            found = cwd_config()
        key = None if found is None else found[0]
        groups.setdefault(key, (found, []))[1].append(raw)
    return list(groups.values())


def _config_in(folder: Path) -> Found | None:
    """The configuration file of ``folder`` with its table: seedcheck.toml first, then a
    pyproject.toml with a ``[tool.seedcheck]`` table."""
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
        data = read_whole(path, MAX_CONFIG_SIZE)
        document: dict[str, Any] = tomllib.loads(data.decode("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        # Paths in messages use / on every system, as display_path shows them.
        raise SeedcheckError(f"{path.as_posix()}: cannot read configuration: {exc}") from None
    if path.name != "pyproject.toml":  # seedcheck.toml, or any file given to --config
        return document
    tool = document.get("tool", {})
    table: object = tool.get("seedcheck") if isinstance(tool, dict) else None
    return {str(k): v for k, v in table.items()} if isinstance(table, dict) else None
