"""``seedcheck validate``: check corpora and report findings."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from seedcheck import __version__
from seedcheck.commands.common import add_config_option, config_from
from seedcheck.config import rule_list
from seedcheck.engine import build_report
from seedcheck.reporters import REPORTERS, ReporterOptions
from seedcheck.selection import Selection, check_selectors
from seedcheck.targets import load_target, resolve_targets


def add_parser(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "validate",
        help="check a corpus and its INDEX.md",
        description="Check seed files, INDEX.md and the corpus as a whole. Each PATH is "
        "a corpus folder or seed files inside one; with none, the configured corpus.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--version", action="version", version=f"seedcheck {__version__}")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text")
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULES",
        help="only these rules (names, codes or code prefixes, comma-separated)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="skip these rules (names, codes or code prefixes, comma-separated)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")
    parser.add_argument("--quiet", "-q", action="store_true", help="findings only, no summary")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output (auto: on a terminal, unless NO_COLOR is set)",
    )
    add_config_option(parser)
    parser.set_defaults(run=run)


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def run(args: argparse.Namespace) -> int:
    config = config_from(args)
    settings = config.settings
    select, ignore = rule_list(args.select), rule_list(args.ignore)
    check_selectors(select, "--select")
    check_selectors(ignore, "--ignore")
    selection = Selection(
        select=tuple(select or settings.select),
        ignore=tuple(settings.ignore + ignore),
        per_file_ignores=settings.per_file_ignores,
        severity=settings.severity,
        root=config.root,
    )
    targets = resolve_targets(args.paths, config)
    report = build_report(((load_target(t, config), t.only) for t in targets), selection)
    reporter = REPORTERS[args.format](
        ReporterOptions(color=_use_color(args.color), quiet=args.quiet)
    )
    reporter.render(report, sys.stdout)
    if args.exit_zero:
        return 0
    return 1 if report.errors or (args.strict and report.warnings) else 0
