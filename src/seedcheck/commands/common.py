"""Options and steps shared by several commands."""

from __future__ import annotations

import argparse
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
