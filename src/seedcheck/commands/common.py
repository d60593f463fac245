"""Options and steps shared by several commands."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from seedcheck.errors import SeedcheckError
from seedcheck.text.excerpt import escape

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from seedcheck.config.settings import LoadedConfig


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file for every path (default: for each path, the nearest "
        "seedcheck.toml or pyproject.toml with [tool.seedcheck] at or above it, up to the "
        "repository root, else the current directory's)",
    )


def configs_from(
    args: argparse.Namespace, paths: Sequence[str]
) -> list[tuple[LoadedConfig, list[str]]]:
    """The configuration of each of ``paths``, grouped: ``--config`` for all of them;
    otherwise the nearest configuration file at or above each path, or the working
    directory's (see :func:`~seedcheck.config.files.configs_for_paths`)."""
    from seedcheck.config.settings import load_configs

    if args.config is not None:
        return [(config_from(args), list(paths))]
    return load_configs(paths, Path.cwd())


def config_from(args: argparse.Namespace) -> LoadedConfig:
    # Imported here: loading a configuration needs pydantic, building a parser does not.
    from seedcheck.config.settings import load_config, load_config_file

    if args.config == "":
        raise SeedcheckError("--config is empty; give a configuration file")
    if args.config is not None:
        return load_config_file(Path(args.config))
    return load_config(Path.cwd())


@contextlib.contextmanager
def optional_extra(
    extra: str, packages: Sequence[str], needed_by: str, otherwise: str = ""
) -> Iterator[None]:
    """Imports made inside are of the optional ``seedcheck[extra]``: a missing package
    of ``packages`` (the extra's and those it pulls in) becomes a clear error saying
    what to install, before any work is done; ``otherwise`` names a way without it.

    Any other ImportError is a fault of seedcheck's own and goes on as it is.
    """
    try:
        yield
    except ImportError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing not in packages:
            raise
        raise SeedcheckError(
            f"{needed_by} needs the {extra} extra ({missing} is not installed); install it "
            f"with pip install 'seedcheck[{extra}]'{otherwise}"
        ) from None


# Split at LF only: a CR (or a form feed, or U+2028) is part of the line it is in, as in
# a patch; str.splitlines would cut there and show lines the file does not have.
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
_NO_NEWLINE = "\\ No newline at end of file"
MAX_DIFF_LINE = 500


def print_diff(old: str | None, new: str, shown: str, new_label: str = "expected") -> None:
    """A unified diff from a file's current text (None: absent) to its new text.

    Only what is printed is made safe: control characters are escaped (a file may hold
    terminal escapes) and a line is cut after ``MAX_DIFF_LINE`` characters, saying how
    long it is. What a command writes is never cut or escaped.
    """
    for line in difflib.unified_diff(
        _LINE.findall(old or ""),
        _LINE.findall(new),
        fromfile=f"{shown} (current)" if old is not None else "/dev/null",
        tofile=f"{shown} ({new_label})",
    ):
        # As in git: a last line without a newline is marked, not glued to the next.
        ended = line.endswith("\n")
        sys.stdout.write(_printable(line.removesuffix("\n")) + "\n")
        if not ended:
            sys.stdout.write(f"{_NO_NEWLINE}\n")


def _printable(line: str) -> str:
    if len(line) <= MAX_DIFF_LINE:
        return escape(line)
    # The first character is the diff's own (" ", "-" or "+"): the count is the line's.
    return f"{escape(line[: MAX_DIFF_LINE + 1])}… ({len(line) - 1} characters)"
