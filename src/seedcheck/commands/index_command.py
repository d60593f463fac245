"""``seedcheck index``: write or check the generated block of INDEX.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seedcheck.commands.common import add_config_option, configs_from, print_diff
from seedcheck.commands.repository_bounds import add_outside_option, refuse_outside
from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError
from seedcheck.text.excerpt import escape

if TYPE_CHECKING:
    from seedcheck.config.settings import LoadedConfig


def add_parser(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "index",
        help="write the INDEX.md block (or check it with --check)",
        description="Write or rewrite the generated block of INDEX.md in each corpus a PATH "
        "names (a corpus folder, or files inside one), creating the file if needed; with no "
        "PATH, the configured corpus. Text outside the block markers is kept as it is.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a corpus folder, or files in one (a pre-commit hook passes the staged files)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print a diff and exit 1 if INDEX.md is out of date",
    )
    parser.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="exit 1 when INDEX.md was written, so a pre-commit hook stops the commit "
        "until the new INDEX.md is added",
    )
    add_config_option(parser)
    add_outside_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from seedcheck.run.targets import resolve_targets

    if "" in args.paths:
        raise SeedcheckError("the corpus path is empty; pass the corpus folder")
    # Each corpus once, with the settings of the nearest configuration file; a file
    # named stands for its corpus.
    corpora: dict[Path, LoadedConfig] = {}
    for config, paths in configs_from(args, args.paths):
        for target in resolve_targets(paths, config):
            if not args.check:
                refuse_outside(target.root, config, args.allow_outside_repository)
            corpora.setdefault(target.root, config)
    code = 0
    for root, config in corpora.items():
        code = max(code, _index(args, root, config))
    return code


def _index(args: argparse.Namespace, root: Path, config: LoadedConfig) -> int:
    """Write or check one corpus's INDEX.md; the exit code for it."""
    from seedcheck.corpus.index_match import unread_seed_rows
    from seedcheck.corpus.value import index_name_clash
    from seedcheck.edits.atomic_write import write_atomically
    from seedcheck.edits.transaction import begin_writing
    from seedcheck.index.block import held_back, indexed_seeds, rewrite_index, seed_count
    from seedcheck.run.targets import Target, read_target

    if not args.check:
        begin_writing(root, say=lambda message: print(f"seedcheck: {message}", file=sys.stderr))
    corpus = read_target(Target(root, None), config)
    path = corpus.index_path
    old = corpus.index.text if corpus.index is not None else None
    entry = next((e for e in corpus.entries if e.name == path.name), None)
    if old is None and entry is not None:
        why = {
            "not-regular": f"is {entry.detail}, not a regular file",
            "unreadable": f"cannot be read: {entry.detail}",
            "too-large": "is too large to be an index",
        }.get(entry.kind, "cannot be read")
        raise SeedcheckError(f"{display_path(str(path))} {why}; fix it by hand, then run again")
    unread = unread_seed_rows(corpus)
    for row, why in unread:
        print(
            f"kept the row of {escape(row.name)}, which could not be read: {why}", file=sys.stderr
        )
    new = rewrite_index(corpus.index, corpus.seeds, [row for row, _ in unread])
    # A title or byline the seed holds invalid keeps its row's cell: the index never
    # gets worse, and the run fails until the seed is fixed.
    held = held_back(corpus.seeds, corpus.index)
    for name, column, why in held:
        print(
            f"kept the {column.lower()} of {escape(name)} in INDEX.md as it is: the seed's is "
            f"invalid ({why}); fix the seed, then run `seedcheck index`",
            file=sys.stderr,
        )
    shown = display_path(str(path))
    count = len(indexed_seeds(corpus.seeds))
    seeds = seed_count(count)
    if args.check:
        if new == old:
            print(f"{shown} is up to date ({seeds}).")
            return 1 if held else 0
        print_diff(old, new, shown)
        if old is None:
            print(f"{shown} is missing; run `seedcheck index` to create it.")
        else:
            print(f"{shown} is out of date; run `seedcheck index` to regenerate it.")
        return 1
    if new == old:
        print(f"{shown} is up to date ({seeds}).")
        return 1 if held else 0
    clash = index_name_clash(corpus)
    if clash is not None:
        raise SeedcheckError(clash)
    write_atomically(path, new.encode("utf-8"))
    print(f"{'Updated' if old is not None else 'Created'} {shown} ({seeds}).")
    return 1 if args.exit_non_zero_on_fix or held else 0
