"""``seedcheck validate``: check corpora and report findings."""

from __future__ import annotations

import argparse
import io
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seedcheck import __version__
from seedcheck.cache.location import CACHE_DIR_ENV, CACHE_DIR_NAME
from seedcheck.commands.common import add_config_option, configs_from
from seedcheck.commands.repository_bounds import say_where_read
from seedcheck.errors import SeedcheckError
from seedcheck.reporters import REPORTERS, STATISTICS_REPORTERS

if TYPE_CHECKING:
    from seedcheck.cache.run_memo import FolderState, RunMemo
    from seedcheck.config.selection import Selection
    from seedcheck.config.settings import LoadedConfig
    from seedcheck.report import Report
    from seedcheck.reporters.base import Reporter
    from seedcheck.run.targets import Target


def add_parser(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "validate",
        help="check a corpus and its INDEX.md",
        description="Check seed files, INDEX.md and the corpus as a whole. Each PATH is "
        "a corpus folder or seed files inside one; with none, the configured corpus.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--version", action="version", version=f"seedcheck {__version__}")
    parser.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        help="output format (default: github when GITHUB_ACTIONS=true and the report goes "
        "to stdout, otherwise text)",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the report to FILE instead of stdout (- for stdout; a device such as "
        "/dev/null is written to, not replaced)",
    )
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each rule made instead of the findings "
        "(text and json formats)",
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULES",
        help="only these rules (names, codes or code prefixes, comma-separated)",
    )
    parser.add_argument(
        "--extend-select",
        action="append",
        default=[],
        metavar="RULES",
        help="also these rules, on top of --select or the configured select",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="skip these rules (names, codes or code prefixes, comma-separated)",
    )
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="report and fail only on findings not recorded in this baseline file "
        "(instead of the configured baseline)",
    )
    parser.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record every finding in this baseline file instead of reporting them",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")
    parser.add_argument("--quiet", "-q", action="store_true", help="findings only, no summary")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output (auto: on a terminal or when FORCE_COLOR is set, "
        "never when NO_COLOR is set)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"read every file afresh and leave the cache alone (the cache is "
        f"{CACHE_DIR_NAME}/ in the project, or ${CACHE_DIR_ENV})",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        metavar="N",
        help="worker processes for reading many files (default: the available CPUs; "
        "1 reads everything in this process)",
    )
    add_config_option(parser)
    parser.set_defaults(run=run)


def _jobs(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of processes, 1 or more, not {value!r}"
        )
    return count


def _use_color(choice: str, to_file: bool) -> bool:
    """Whether text output is coloured: ``--color always|never`` decides; otherwise a
    non-empty ``NO_COLOR`` turns colour off (no-color.org), a non-empty ``FORCE_COLOR``
    turns it on even when stdout is not a terminal (force-color.org), and a report
    written to a file (``--output``) is never coloured."""
    if choice != "auto":
        return choice == "always"
    if to_file or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    # Annotations only work in a step's own output, not in a file written for later.
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    return "github" if on_github and not args.output and not args.statistics else "text"


def _reporter(args: argparse.Namespace) -> Reporter:
    from seedcheck.reporters.base import ReporterOptions

    chosen = _format(args)
    options = ReporterOptions(
        color=chosen == "text" and _use_color(args.color, bool(args.output)), quiet=args.quiet
    )
    if not args.statistics:
        return REPORTERS[chosen](options)
    if chosen not in STATISTICS_REPORTERS:
        raise SeedcheckError(
            f"--statistics works with --format {' or '.join(sorted(STATISTICS_REPORTERS))}, "
            f"not {chosen}"
        )
    return STATISTICS_REPORTERS[chosen](options)


def _output_path(output: str | None, roots: list[Path]) -> Path | None:
    """Where the report goes: None for stdout (no ``--output``, or ``-``)."""
    if output is None or output == "-":
        return None
    if not output.strip():
        raise SeedcheckError("--output is empty; give a file name, or - for stdout")
    path = Path(output)
    # The report must not land in a corpus it checks: it would replace a seed or INDEX.md
    # (text outside the generated block included) or become an unexpected file there.
    folder = path.absolute().parent.resolve()
    if any(folder == root.resolve() for root in roots):
        raise SeedcheckError(
            f"{output}: refusing to write the report into the corpus folder it checks; "
            "write it somewhere else"
        )
    return path


def _utf8_stdout() -> None:
    # Machine formats are UTF-8 by definition (JSON, SARIF; JUnit declares it). A pipe on
    # Windows would otherwise get the ANSI code page and a file no reader accepts.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and getattr(sys.stdout, "encoding", "").lower() != "utf-8":
        sys.stdout.flush()
        reconfigure(encoding="utf-8")


def _is_stream(path: Path) -> bool:
    """Whether ``path`` leads to a character device or a pipe (``/dev/null``,
    ``/dev/stdout`` on a terminal or into a pipe), which is written to, not replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_output(path: Path, text: str) -> None:
    data = text.encode("utf-8", errors="backslashreplace")
    if _is_stream(path):
        try:
            with path.open("wb") as out:
                out.write(data)
        except OSError as exc:
            raise SeedcheckError(f"{path.as_posix()}: cannot write: {exc.strerror}") from None
        return
    # Through a temporary file, as every file seedcheck writes: a run that fails half-way
    # must not leave a truncated SARIF or JUnit file for CI to upload.
    from seedcheck.edits.atomic_write import write_atomically

    write_atomically(path, data)


def run(args: argparse.Namespace) -> int:
    if args.output == "-":
        args.output = None
    memo = None
    if not args.no_cache:
        from seedcheck.cache.run_memo import RunMemo

        memo = RunMemo.for_run(
            config=args.config,
            paths=args.paths,
            rule_lists=(args.select, args.ignore, args.extend_select),
        )
    for option, value in (("--baseline", args.baseline), ("--write-baseline", args.write_baseline)):
        if value is not None and not value.strip():
            raise SeedcheckError(f"{option} is empty; give a file name")
    recalled = memo.recall() if memo is not None else None
    if memo is not None and recalled is not None:
        roots, report = recalled
        reporter = _reporter(args)
        baselines = memo.baselines()
    else:
        roots, report, reporter, baselines = _check(args, memo)
    if args.write_baseline is not None:
        return _write_baseline(Path(args.write_baseline), report, roots)
    if args.baseline is not None:  # instead of the configured ones
        baselines = [Path(args.baseline)]
    if baselines:
        report = _with_baselines(report, baselines)
    output = _output_path(args.output, roots)
    if output is not None:
        buffer = io.StringIO()
        reporter.render(report, buffer)
        _write_output(output, buffer.getvalue())
    else:
        if _format(args) != "text":
            _utf8_stdout()
        reporter.render(report, sys.stdout)
    _baseline_note(args, report)
    if args.exit_zero:
        return 0
    return 1 if report.errors or (args.strict and report.warnings) else 0


def _with_baselines(report: Report, baselines: list[Path]) -> Report:
    """``report`` without the findings the baseline files record."""
    from collections import Counter

    from seedcheck.run.baseline import apply_baseline, read_baseline

    known: Counter[tuple[str, str, str]] = Counter()
    for path in dict.fromkeys(baselines):
        known.update(read_baseline(path))
    return apply_baseline(report, known)


def _baseline_note(args: argparse.Namespace, report: Report) -> None:
    # Text, github and the statistics end with the summary, which says it; the machine
    # formats' stdout is their document alone.
    from seedcheck.reporters.text import baseline_note

    note = baseline_note(report)
    if note and _format(args) in ("json", "sarif", "junit") and not args.quiet:
        print(f"seedcheck: {note}", file=sys.stderr)


def _write_baseline(path: Path, report: Report, roots: list[Path]) -> int:
    """Record every finding of ``report`` in the baseline file ``path``."""
    from seedcheck.edits.atomic_write import write_atomically
    from seedcheck.run.baseline import baseline_text

    # In a corpus folder it would be a stray file there (unexpected-file).
    if any(path.absolute().parent.resolve() == root.resolve() for root in roots):
        raise SeedcheckError(
            f"{path.as_posix()}: refusing to write the baseline into the corpus folder it "
            "checks; write it beside the configuration file"
        )
    write_atomically(path, baseline_text(report.diagnostics, path).encode("utf-8"))
    count = len(report.diagnostics)
    print(f"Wrote {path.as_posix()} ({count} finding{'' if count == 1 else 's'}).")
    return 0


def _check(
    args: argparse.Namespace, memo: RunMemo | None
) -> tuple[list[Path], Report, Reporter, list[Path]]:
    """Check the corpora the arguments name, and remember the report in ``memo``; the
    corpus folders, the report, its reporter and the configured baseline files."""
    from seedcheck.config.selection import check_selectors
    from seedcheck.config.settings import rule_list
    from seedcheck.run.targets import resolve_targets

    groups = configs_from(args, args.paths) if memo is None else memo.configurations()
    rule_options = (
        ("--select", args.select),
        ("--extend-select", args.extend_select),
        ("--ignore", args.ignore),
    )
    for option, values in rule_options:
        for value in values:
            if not rule_list([value]):  # "" or ",": all rules, or none, would be a guess
                raise SeedcheckError(
                    f"{option} {value!r} names no rule; give rule codes, code prefixes or "
                    "names, comma-separated"
                )
    select, ignore = rule_list(args.select), rule_list(args.ignore)
    extend_select = rule_list(args.extend_select)
    check_selectors(select, "--select")
    check_selectors(extend_select, "--extend-select")
    check_selectors(ignore, "--ignore")
    reporter = _reporter(args)
    # Each path is checked with its own settings (the nearest configuration file).
    planned = [
        (config, config.selection(select, ignore, extend_select), resolve_targets(paths, config))
        for config, paths in groups
    ]
    roots = [target.root for _, _, targets in planned for target in targets]
    for config, _, targets in planned:
        for target in targets:
            say_where_read(target.root, config)
    _output_path(args.output, roots)  # refused before the work, not after it
    report, folders = _report(args, planned, memo)
    # Only now, with the corpora let go: writing the memo marshals the report (at
    # 100,000 seeds, 6.7 MB and what marshal grows by, on top of them otherwise).
    if memo is not None:
        memo.remember(folders, report)
    baselines = [config.baseline_path for config, _ in groups]
    return roots, report, reporter, [path for path in baselines if path is not None]


def _report(
    args: argparse.Namespace,
    planned: list[tuple[LoadedConfig, Selection, list[Target]]],
    memo: RunMemo | None,
) -> tuple[Report, list[FolderState | None]]:
    """The report of the targets, each checked with its configuration and selection,
    and each folder's state for the run memo (None when a file was too fresh to
    identify)."""
    from seedcheck.cache.location import cache_root
    from seedcheck.config.selection import Selection
    from seedcheck.config.suppressions import apply_suppressions
    from seedcheck.run.engine import report_from
    from seedcheck.run.folder import default_jobs
    from seedcheck.run.targets import check_target

    jobs = args.jobs or default_jobs()
    checked = []
    folders: list[FolderState | None] = []
    for config, selection, targets in planned:
        rules = selection.enabled_rules()
        cache_dir = None if args.no_cache else cache_root(config.root)
        settings = config.settings
        for target in targets:
            scans = memo.scans if memo is not None else None
            corpus, found, listing = check_target(
                target, config, rules, cache_dir=cache_dir, jobs=jobs, scans=scans
            )
            # Each corpus's own selection (per-file-ignores relative to its own
            # configuration file, its severities), applied here; none is left to apply.
            found = apply_suppressions(corpus, found, selection)  # those written in seeds
            checked.append((corpus, selection.apply(found), target.only))
            folders.append(
                None
                if listing is None
                else (str(target.root), settings.pattern, settings.max_file_size, listing)
            )
    return report_from(checked, Selection()), folders
