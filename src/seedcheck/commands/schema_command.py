"""``seedcheck schema``: export the JSON Schemas, or check they are current."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from seedcheck.commands.common import add_config_option, config_from, print_diff
from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError


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
    model = build_model(config.settings.required, config.settings.fields)
    stale = 0
    for name, text in schema_documents(model).items():
        path = folder / name
        shown = display_path(str(path.absolute()))
        try:
            old = path.read_text(encoding="utf-8") if path.exists() else None
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
            path.write_text(text, encoding="utf-8", newline="\n")
        except OSError as exc:
            raise SeedcheckError(f"{shown}: cannot write: {exc.strerror}") from None
        print(f"Wrote {shown}.")
    if stale == 0:
        print("Schemas are up to date.")
    return 1 if args.check and stale else 0
