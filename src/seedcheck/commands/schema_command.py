"""``seedcheck schema``: export the JSON Schemas, or check they are current."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from seedcheck.commands.common import add_config_option, config_from, print_diff
from seedcheck.corpus.reading import read_whole
from seedcheck.display import display_path
from seedcheck.edits.atomic_write import write_atomically
from seedcheck.errors import SeedcheckError

# Each schema is a few kilobytes; a larger file there is not one seedcheck wrote.
MAX_SCHEMA_SIZE = 1 << 20


def add_parser(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "schema",
        help="export the JSON Schemas of seeds and configuration",
        description="Write seed.schema.json and config.schema.json, generated from the "
        "Pydantic models (with the configured extra and required fields).",
    )
    parser.add_argument(
        "--dir", metavar="DIR", help="output folder (default: schemas/ in the project root)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print a diff and exit 1 if a schema file is out of date",
    )
    add_config_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from seedcheck.config.schema_export import schema_documents
    from seedcheck.seed.model import build_model

    config = config_from(args)
    folder = Path(args.dir) if args.dir else config.root / "schemas"
    if folder.is_symlink():
        raise SeedcheckError(
            f"{display_path(str(folder.absolute()))} is a symbolic link; schemas are neither "
            "read nor written through one (give --dir a real folder)"
        )
    model = build_model(config.settings.required, config.settings.fields)
    stale = 0
    for name, text in schema_documents(model).items():
        path = folder / name
        shown = display_path(str(path.absolute()))
        try:
            # Never through a link (to /proc/self/environ, which the diff would print),
            # a FIFO or a device; a schema is a few kilobytes.
            exists = os.path.lexists(path)
            old = read_whole(path, MAX_SCHEMA_SIZE).decode("utf-8") if exists else None
        except (OSError, UnicodeDecodeError) as exc:
            raise SeedcheckError(f"{shown}: cannot read: {exc}") from None
        if old == text:
            continue
        stale += 1
        if args.check:
            print_diff(old, text, shown)
            print(f"{shown} is out of date; run `seedcheck schema` to regenerate it.")
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SeedcheckError(f"{shown}: cannot write: {exc.strerror}") from None
        # Atomic, and never through a symbolic link or into anything but a regular file.
        write_atomically(path, text.encode("utf-8"))
        print(f"Wrote {shown}.")
    if stale == 0:
        print("Schemas are up to date.")
    return 1 if args.check and stale else 0
