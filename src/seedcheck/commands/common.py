"""Options and steps shared by several commands."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from seedcheck.config import LoadedConfig, load_config, load_config_file


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file (default: seedcheck.toml or pyproject.toml, "
        "searched from the current directory upward)",
    )


def config_from(args: argparse.Namespace) -> LoadedConfig:
    if args.config:
        return load_config_file(Path(args.config))
    return load_config(Path.cwd())


def print_diff(old: str | None, new: str, shown: str) -> None:
    """A unified diff from a file's current text (None: absent) to what it should be."""
    sys.stdout.writelines(
        difflib.unified_diff(
            (old or "").splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"{shown} (current)" if old is not None else "/dev/null",
            tofile=f"{shown} (expected)",
        )
    )
