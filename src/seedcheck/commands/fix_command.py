"""``seedcheck fix``: apply the safe fixes, then report what is left.

Exit codes follow pre-commit's fixers: 1 when a file was changed (or, with ``--diff``,
would be), so that a hook run fails and the user looks at the change, or when a file
that needed a fix was left alone (read-only, or the fix would change what it says); 0
when nothing needed changing, even if findings without a safe fix remain (``seedcheck
validate`` is the check that fails on those); 2 when a file could not be written or changed while
seedcheck was working on it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seedcheck.commands.common import add_config_option, configs_from, print_diff
from seedcheck.commands.repository_bounds import add_outside_option, refuse_outside
from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError
from seedcheck.reporters import REPORTERS
from seedcheck.text.excerpt import escape

if TYPE_CHECKING:
    from seedcheck.config.settings import LoadedConfig
    from seedcheck.corpus.value import Corpus
    from seedcheck.diagnostic import Diagnostic
    from seedcheck.edits.fixes import CorpusFixes
    from seedcheck.run.targets import Target

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def add_parser(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "fix",
        help="apply safe fixes (whitespace, line endings, BOM, the INDEX.md block)",
        description="Apply only fixes that cannot change a word: remove a byte-order mark, "
        "turn CRLF into LF, strip trailing whitespace, add a final newline, rewrite the "
        "INDEX.md block. Then report the findings that have no safe fix. Each PATH is a "
        "corpus folder or files inside one; with none, the configured corpus.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument(
        "--diff", action="store_true", help="write nothing; print what would change"
    )
    parser.add_argument(
        "--fix-only",
        action="store_true",
        help="do not list the findings that remain (for the seedcheck-fix hook, when the "
        "seedcheck hook lists them)",
    )
    add_config_option(parser)
    add_outside_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from seedcheck.config.selection import Selection
    from seedcheck.config.suppressions import apply_suppressions
    from seedcheck.edits.transaction import begin_writing
    from seedcheck.index.block import held_back
    from seedcheck.reporters.base import ReporterOptions
    from seedcheck.reporters.text import summary
    from seedcheck.run.engine import report_from
    from seedcheck.run.targets import resolve_targets

    # One pass over each corpus: the fixes are planned on the corpus as read, and the
    # corpus rules then see the fixed text (written or, with --diff, not). Each path
    # with its own settings (the nearest configuration file), applied to its findings.
    checked = []
    for config, paths in configs_from(args, args.paths):
        selection = config.selection()
        for target in resolve_targets(paths, config):
            if not args.diff:
                refuse_outside(target.root, config, args.allow_outside_repository)
                begin_writing(target.root, say=_say)
            plan, (corpus, found, only) = _fixed(target, config)
            found = apply_suppressions(corpus, found, selection)
            checked.append((plan, (corpus, selection.apply(found), only)))
    changed = 0
    failures: list[str] = []
    held = 0
    for plan, (_, _, only) in checked:
        if args.diff:
            changed += _show(plan)
        else:
            written, failed = _apply(plan)
            changed += written
            failures += failed
        for path, reason in plan.left_alone:
            print(f"left {_shown(path)} alone: {reason}")
        if plan.fixed.index is not None and (only is None or plan.fixed.index_path in only):
            # As `seedcheck index` does: a title or byline the seed holds invalid keeps
            # its row's cell, and the run fails until the seed is fixed.
            for name, column, why in held_back(plan.fixed.seeds, plan.fixed.index):
                held += 1
                print(
                    f"kept the {column.lower()} of {escape(name)} in INDEX.md as it is: the "
                    f"seed's is invalid ({why}); fix the seed, then run `seedcheck index`"
                )
    if failures:
        for failure in failures:
            print(f"seedcheck: error: {failure}", file=sys.stderr)
        return EXIT_ERROR
    report = report_from((remaining for _, remaining in checked), Selection())
    if not args.fix_only:
        REPORTERS["text"](ReporterOptions(quiet=True)).render(report, sys.stdout)
    refused = sum(len(plan.left_alone) for plan, _ in checked)
    outcome = _outcome(changed, refused, diff=args.diff)
    print(outcome if args.fix_only else f"{outcome} {summary(report)}")
    # A needed fix that was refused fails the run as a fix made does: the file still
    # needs the user.
    return EXIT_CHANGED if changed or refused or held else EXIT_OK


def _outcome(changed: int, refused: int, *, diff: bool) -> str:
    """``Fixed 2 files; could not fix 1.``, ``Could not fix 1 file.``, ``Nothing to fix.``"""

    def files(count: int) -> str:
        return f"{count} file{'' if count == 1 else 's'}"

    if changed and refused:
        return f"{'Would fix' if diff else 'Fixed'} {files(changed)}; could not fix {refused}."
    if changed:
        return f"{'Would fix' if diff else 'Fixed'} {files(changed)}."
    if refused:
        return f"Could not fix {files(refused)}."
    return "Nothing to fix."


def _say(message: str) -> None:
    print(f"seedcheck: {message}", file=sys.stderr)


def _fixed(
    target: Target, config: LoadedConfig
) -> tuple[CorpusFixes, tuple[Corpus, list[Diagnostic], frozenset[Path] | None]]:
    """The fixes for a target, and its corpus and findings as the fixes leave it."""
    from seedcheck.cache.location import cache_root
    from seedcheck.edits.fixes import plan_fixes
    from seedcheck.run.folder import default_jobs
    from seedcheck.run.targets import check_target
    from seedcheck.seed.model import build_model

    settings = config.settings
    model = build_model(settings.required, settings.fields)
    plans: list[CorpusFixes] = []

    def revise(corpus: Corpus) -> dict[str, bytes]:
        plans.append(plan_fixes(corpus, target.only, layout=settings.layout, model=model))
        return {fix.path.name: fix.new for fix in plans[-1].fixes}

    checked = check_target(
        target,
        config,
        config.selection().enabled_rules(),
        cache_dir=cache_root(config.root),
        jobs=default_jobs(),
        revise=revise,
    )
    return plans[0], (checked.corpus, checked.findings, target.only)


def _shown(path: Path) -> str:
    return escape(display_path(str(path)))


def _show(plan: CorpusFixes) -> int:
    """Print the diff of every planned fix; how many files would change."""
    for fix in plan.fixes:
        shown = display_path(str(fix.path))
        print_diff(fix.old.decode("utf-8"), fix.new.decode("utf-8"), shown, "fixed")
    for fix in plan.fixes:
        print(f"would fix {_shown(fix.path)}: {', '.join(fix.applied)}")
    return len(plan.fixes)


def _apply(plan: CorpusFixes) -> tuple[int, list[str]]:
    """Write every planned fix; how many files changed, and why others could not be.

    INDEX.md comes last in a plan and is written only when all its seeds were: its
    digests are those of the fixed seeds.
    """
    from seedcheck.edits.atomic_write import replace_bytes

    written = 0
    failures: list[str] = []
    for fix in plan.fixes:
        if failures and fix.path == plan.fixed.index_path:
            failures.append(
                f"{_shown(fix.path)} was not rewritten, since a seed could not be fixed; "
                "run seedcheck fix again"
            )
            continue
        try:
            replace_bytes(fix.path, fix.old, fix.new)
        except SeedcheckError as exc:
            failures.append(str(exc))
            continue
        written += 1
        print(f"fixed {_shown(fix.path)}: {', '.join(fix.applied)}")
    return written, failures
