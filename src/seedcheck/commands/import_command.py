"""``seedcheck import``: turn raw scraped articles into front-matter seeds of a corpus."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seedcheck.commands.common import add_config_option, configs_from
from seedcheck.commands.repository_bounds import add_outside_option, refuse_outside
from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError
from seedcheck.reporters import REPORTERS
from seedcheck.text.excerpt import escape

if TYPE_CHECKING:
    from seedcheck.config.selection import Selection
    from seedcheck.corpus.value import Corpus
    from seedcheck.edits.transaction import Recovered
    from seedcheck.run.folder import FolderCheck


def add_parser(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "import",
        help="turn raw plain-text articles into seeds of the corpus",
        description="Import raw articles: take the title and byline from each text (as in "
        "the plain layout), write a front-matter seed with the next free number and an id "
        "derived from the text, regenerate INDEX.md, and show the findings on the new "
        "seeds. Nothing is written when any file is refused, unless --keep-going.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="raw article (UTF-8 text)")
    parser.add_argument("--corpus", metavar="DIR", help="corpus folder (default: configured)")
    parser.add_argument("--source", metavar="NAME", help="publication, for the source field")
    parser.add_argument("--url", metavar="URL", help="where the article was published")
    parser.add_argument("--published", metavar="DATE", help="publication date, YYYY-MM-DD")
    parser.add_argument(
        "--title", metavar="TITLE", help="the title; the text then has no title line"
    )
    parser.add_argument(
        "--byline",
        metavar="NAME",
        help="the byline; a 'By' line naming it is removed from the text, any other is kept",
    )
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="import the files that can be, name each refused one with its reason, and "
        "exit 1 when any was",
    )
    add_config_option(parser)
    add_outside_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from seedcheck.cache.location import cache_root
    from seedcheck.corpus.listing import name_pattern
    from seedcheck.edits.imports import (
        ImportRefused,
        Metadata,
        Plan,
        parse_published,
        plan_import,
        write_plan,
    )
    from seedcheck.edits.transaction import begin_writing
    from seedcheck.index.block import indexed_seeds, seed_count
    from seedcheck.index.document import INDEX_NAME
    from seedcheck.run.folder import default_jobs
    from seedcheck.run.targets import check_target, resolve_targets
    from seedcheck.seed.model import build_model

    # The settings of the corpus imported into: the nearest configuration file at or
    # above it, or the working directory's.
    [(config, _)] = configs_from(args, [] if args.corpus is None else [args.corpus])
    settings = config.settings
    if settings.layout == "plain":
        raise SeedcheckError(
            'the configuration sets layout = "plain", and seedcheck import writes '
            'front-matter seeds; set layout to "auto" or "front-matter" to import'
        )
    for option in ("title", "byline", "source", "url", "published"):
        value = getattr(args, option)
        if value is not None and not value.strip():
            raise SeedcheckError(f"--{option} is empty; give a value or leave the option out")
    metadata = Metadata(
        title=args.title,
        byline=args.byline,
        source=args.source,
        url=args.url,
        published=parse_published(args.published) if args.published is not None else None,
    )
    if args.corpus == "":
        raise SeedcheckError("--corpus is empty; pass the corpus folder")
    if "" in args.files:
        raise SeedcheckError("a file name is empty; pass the raw articles to import")
    if args.corpus and Path(args.corpus).exists() and not Path(args.corpus).is_dir():
        raise SeedcheckError(f"{args.corpus}: not a folder; pass the corpus folder")
    target = resolve_targets([] if args.corpus is None else [args.corpus], config)[0]
    refuse_outside(target.root, config, args.allow_outside_repository)
    recovered = begin_writing(target.root, say=_say)
    finished = _finished_sources(recovered, args.files, target.root)
    pattern = name_pattern(settings.pattern)
    model = build_model(settings.required, settings.fields)
    planned: list[tuple[Plan, Corpus]] = []

    def revise(corpus: Corpus) -> dict[str, bytes]:
        # Planned on the corpus as read, so that its corpus rules then see the new seeds
        # and INDEX.md in the one pass: what the report says of them is what validate will.
        if finished:
            planned.append((Plan((), ""), corpus))
            return {}  # the same import, which an interrupted run had written: done
        plan = plan_import(
            [Path(name) for name in args.files],
            corpus,
            metadata,
            model=model,
            pattern=pattern,
            keep_going=args.keep_going,
        )
        planned.append((plan, corpus))
        if not plan.seeds:
            return {}  # every file refused (with --keep-going): nothing to write
        written = {seed.path.name: seed.seed.data for seed in plan.seeds}
        return {**written, INDEX_NAME: plan.index_text.encode("utf-8")}

    selection = config.selection()
    try:
        checked = check_target(
            target,
            config,
            selection.enabled_rules(),
            cache_dir=cache_root(config.root),
            jobs=default_jobs(),
            revise=revise,
        )
    except ImportRefused as refused:
        for problem in refused.problems:
            print(f"seedcheck: error: {problem}", file=sys.stderr)
        print("seedcheck: nothing was imported", file=sys.stderr)
        return 2
    ((plan, corpus),) = planned
    if finished:
        for source, path in finished:
            shown = escape(display_path(str(path)))
            print(f"Imported {escape(source)} as {shown} (an interrupted run had written it).")
        return _report(checked, frozenset(path for _, path in finished), selection)
    for problem in plan.refused:
        print(f"seedcheck: not imported: {problem}", file=sys.stderr)
    if not plan.seeds:
        print("seedcheck: nothing was imported", file=sys.stderr)
        return 1
    write_plan(plan, corpus.index_path)
    for seed in plan.seeds:
        source, shown = escape(display_path(str(seed.source))), display_path(str(seed.path))
        print(f"Imported {source} as {escape(shown)}.")
    count = len(indexed_seeds(corpus.seeds)) + len(plan.seeds)
    verb = "Updated" if corpus.index is not None else "Created"
    print(f"{verb} {escape(display_path(str(corpus.index_path)))} ({seed_count(count)}).")
    code = _report(checked, frozenset(seed.path for seed in plan.seeds), selection)
    if plan.refused:
        many = len(plan.refused)
        print(f"seedcheck: {many} file{'' if many == 1 else 's'} not imported", file=sys.stderr)
        return 1
    return code


def _report(checked: FolderCheck, imported: frozenset[Path], selection: Selection) -> int:
    """Print the findings on what was imported, as `seedcheck validate NEW_SEEDS` shows
    them; the exit code."""
    from seedcheck.reporters.base import ReporterOptions
    from seedcheck.run.engine import report_from

    report = report_from([(checked.corpus, checked.findings, imported)], selection)
    REPORTERS["text"](ReporterOptions(color=False, quiet=False)).render(report, sys.stdout)
    return 1 if report.errors else 0


def _say(message: str) -> None:
    print(f"seedcheck: {message}", file=sys.stderr)


def _finished_sources(
    recovered: Recovered | None, files: list[str], root: Path
) -> list[tuple[str, Path]] | None:
    """When every file named is one that an interrupted import of the same files had
    written (and :func:`~seedcheck.edits.transaction.recover` has now put in place):
    each with its seed. Running the import again then finishes it, as the user meant."""
    if recovered is None or not recovered.finished:
        return None
    written = {source: name for name, source in recovered.finished if source}
    found = [(name, written.get(os.path.realpath(name))) for name in files]
    if not all(seed for _, seed in found):
        return None
    return [(name, root / seed) for name, seed in found if seed]
