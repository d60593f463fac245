"""``seedcheck report``: the state of a corpus at a glance.

``--format html`` (the default) writes one self-contained page: a summary, charts drawn
by matplotlib (the optional ``seedcheck[report]`` extra, imported only here and only for
this format), the near-duplicate clusters and every finding in a table. ``--format
markdown`` writes a short summary for a pull request or ``$GITHUB_STEP_SUMMARY`` and
needs no extra. The corpus is read as ``validate`` reads it, through the same cache.
Exit code 0 whatever the findings (``validate`` is the check that fails); 2 for an
error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seedcheck import __version__
from seedcheck.commands.common import add_config_option, configs_from, optional_extra
from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError

if TYPE_CHECKING:
    from seedcheck.corpus_report.facts import CorpusFacts

DEFAULT_OUTPUT = "seedcheck-report.html"
REPORT_PACKAGES = ("matplotlib", "numpy", "PIL", "kiwisolver", "pyparsing", "cycler")


def add_parser(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "report",
        help="write an HTML report of a corpus (charts, findings), or a Markdown summary",
        description="Report on corpora: seeds, words, findings by rule and severity, the "
        "index, seeds per month, source and byline, word counts, near-duplicate clusters. "
        "Each PATH is a corpus folder or files inside one; with none, the configured "
        "corpus. The HTML page needs seedcheck[report] (matplotlib).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument(
        "--format",
        choices=("html", "markdown"),
        default="html",
        help="html: one self-contained page (default); markdown: a short summary",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help=f"where to write it (default: {DEFAULT_OUTPUT} for html, stdout for markdown; "
        "- for stdout)",
    )
    parser.add_argument(
        "--top",
        type=_top,
        default=15,
        metavar="N",
        help="how many sources and bylines the charts show (default 15)",
    )
    add_config_option(parser)
    parser.set_defaults(run=run)


def _top(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number, 1 or more, not {value!r}")
    return count


def run(args: argparse.Namespace) -> int:
    output = _output(args)
    draw = _chart_drawer() if args.format == "html" else None
    facts = gather_facts(args)
    if args.format == "markdown":
        from seedcheck.corpus_report.markdown_summary import render as render_markdown

        text = render_markdown(facts)
    else:
        from seedcheck.corpus_report.html_page import render as render_html

        assert draw is not None
        text = render_html(facts, draw(facts))
    if output is None:
        sys.stdout.write(text)
        return 0
    _write(output, text, facts)
    if args.format == "html":
        print(f"Wrote {output.as_posix()} ({len(text.encode('utf-8')):,} bytes).")
    return 0


def _output(args: argparse.Namespace) -> Path | None:
    chosen = args.output
    if chosen is None:
        chosen = DEFAULT_OUTPUT if args.format == "html" else "-"
    if chosen == "-":
        return None
    if not chosen.strip():
        raise SeedcheckError("--output is empty; give a file name, or - for stdout")
    return Path(chosen)


def _chart_drawer() -> Any:
    """The chart module, or a clear error before any work when matplotlib is missing."""
    with optional_extra("report", REPORT_PACKAGES, "the HTML report", ", or use --format markdown"):
        from seedcheck.corpus_report.charts import draw_all
    return draw_all


def gather_facts(args: argparse.Namespace) -> CorpusFacts:
    """Check the corpora the arguments name, as validate does, and gather the facts.

    The facts are kept in the run memo, as a validate run's report is: a report of
    corpora that did not change since is made from them, without loading a seed.
    """
    from seedcheck.cache.run_memo import RunMemo
    from seedcheck.corpus_report.facts import facts_from, facts_record

    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    memo = RunMemo.for_run(
        config=args.config, paths=args.paths, rule_lists=(), kind=f"report top {args.top}"
    )
    recalled = memo.recall_value() if memo is not None else None
    if recalled is not None:
        facts = facts_from(recalled[1], made)
        if facts is not None:
            return facts
    facts, folders = _checked_facts(args, made, memo)
    if memo is not None:
        memo.remember_value(folders, facts_record(facts))
    return facts


def _checked_facts(args: argparse.Namespace, made: str, memo: Any) -> tuple[CorpusFacts, list[Any]]:
    """The facts of the corpora checked anew, and each folder's state as it was read
    (None for one with a file too fresh to identify: then nothing is kept)."""
    from seedcheck.cache.location import cache_root
    from seedcheck.config.selection import Selection
    from seedcheck.config.suppressions import apply_suppressions
    from seedcheck.corpus_report.facts import gather
    from seedcheck.corpus_report.sources import seed_sources
    from seedcheck.run.engine import report_from
    from seedcheck.run.folder import default_jobs
    from seedcheck.run.targets import check_target, resolve_targets
    from seedcheck.seed.model import build_model

    checked = []
    folders: list[Any] = []
    sources: dict[Path, str] = {}
    settings_files: list[str] = []
    groups = configs_from(args, args.paths) if memo is None else memo.configurations()
    for config, paths in groups:
        selection = config.selection()
        settings = config.settings
        cache_dir = cache_root(config.root)
        settings_files.append(
            display_path(str(config.source)) if config.source is not None else "default settings"
        )
        corpora = []
        for target in resolve_targets(paths, config):
            scans = memo.scans if memo is not None else None
            corpus, found, listing = check_target(
                target,
                config,
                selection.enabled_rules(),
                cache_dir=cache_dir,
                jobs=default_jobs(),
                scans=scans,
            )
            folders.append(
                None
                if listing is None
                else (str(target.root), settings.pattern, settings.max_file_size, listing)
            )
            # As validate reports it: without what the seeds' own headers suppress.
            found = apply_suppressions(corpus, found, selection)
            checked.append((corpus, selection.apply(found), target.only))
            corpora.append(corpus)
        sources |= seed_sources(
            corpora,
            cache_dir,
            layout=settings.layout,
            model=build_model(settings.required, settings.fields),
        )
    report = report_from(checked, Selection())
    facts = gather(
        [corpus for corpus, _, _ in checked],
        report,
        sources,
        made=made,
        version=__version__,
        settings=", ".join(dict.fromkeys(settings_files)),
        top=args.top,
    )
    return facts, folders


def _write(path: Path, text: str, facts: CorpusFacts) -> None:
    from seedcheck.edits.atomic_write import write_atomically

    folder = path.absolute().parent.resolve()
    if any(folder == Path(root).resolve() for root in facts.corpora):
        raise SeedcheckError(
            f"{path.as_posix()}: refusing to write the report into a corpus folder it "
            "reports on; write it somewhere else"
        )
    write_atomically(path, text.encode("utf-8"))
