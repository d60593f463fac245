"""A configured corpus that leads out of the repository: refused for commands that write.

The settings file is the repository's, so untrusted: ``corpus = "/etc"``, ``"../.."`` or a
``seeds`` folder that is a symbolic link would have ``index``, ``fix`` and ``import`` write
outside the checkout. The repository is the nearest folder at or above the project root
that holds ``.git`` (see :func:`repository_root` when there is none). A corpus named on the
command line is the user's own choice, and is not checked; nor is
``$SEEDCHECK_CACHE_DIR``, which the environment sets.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError
from seedcheck.text.excerpt import escape

if TYPE_CHECKING:
    from seedcheck.config.settings import LoadedConfig

ALLOW_OPTION = "--allow-outside-repository"


def add_outside_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        ALLOW_OPTION,
        action="store_true",
        help="write to a configured corpus even when it leads out of the repository "
        "(an absolute path, ../ or a symbolic link)",
    )


def repository_root(project_root: Path) -> Path:
    """The nearest folder at or above ``project_root`` holding ``.git``; without one,
    the working directory when the project is inside it (``--config ci/seedcheck.toml``
    with ``corpus = "../seeds"``), else the project root."""
    start = Path(os.path.realpath(project_root))
    for folder in (start, *start.parents):
        if os.path.lexists(folder / ".git"):
            return folder
    cwd = Path(os.path.realpath(Path.cwd()))
    return cwd if cwd == start or cwd in start.parents else start


def outside_repository(folder: Path, config: LoadedConfig) -> Path | None:
    """The repository ``folder`` leaves, if it is the configured corpus and leaves it."""
    if os.path.realpath(folder) != os.path.realpath(config.corpus_path):
        return None  # named on the command line
    repository = repository_root(config.root)
    real = Path(os.path.realpath(folder))
    return None if real == repository or repository in real.parents else repository


def refuse_outside(folder: Path, config: LoadedConfig, allowed: bool) -> None:
    """Raise SeedcheckError if the configured corpus ``folder`` leaves the repository."""
    repository = outside_repository(folder, config)
    if repository is None or allowed:
        return
    real = os.path.realpath(folder)
    raise SeedcheckError(
        f"the configured corpus {_shown(str(folder))} leads to {_shown(real)}, "
        f"outside the repository {_shown(str(repository))}; nothing was written "
        f"(pass {ALLOW_OPTION} if that is where it should be)"
    )


def say_where_read(folder: Path, config: LoadedConfig) -> None:
    """Tell, on standard error, that the configured corpus is read from outside."""
    repository = outside_repository(folder, config)
    if repository is not None:
        print(
            f"seedcheck: note: reading the configured corpus {_shown(str(folder))} from "
            f"{_shown(os.path.realpath(folder))}, outside the repository "
            f"{_shown(str(repository))}",
            file=sys.stderr,
        )


def _shown(path: str) -> str:
    return escape(display_path(path))
