"""Time `seedcheck report` against a warm `seedcheck validate`, and weigh the page.

Usage: python benchmarks/report_timing.py [N] [--repeat R] [--work DIR]

Makes (or reuses) a corpus of N seeds (default 10,000) with make_corpus.py under DIR,
warms the cache (validate, then report once), then times, each as its own process, R
times (median shown): `seedcheck validate` (warm) and `seedcheck report -o FILE`
(warm), and drawing the charts alone (importing matplotlib and drawing, in a fresh
process, from facts gathered before the clock starts). Prints the three,
the target (report <= 2 x warm validate + chart drawing, the issue's) and the size of
the HTML file (target: under 5 MB). Needs seedcheck[report].
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import corpus, seedcheck  # benchmarks/run.py: the corpus, made once


def timed(command: list[str], env: dict[str, str], cwd: Path, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, check=False)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


CHARTS_ALONE = """
import argparse, os, sys, time
from seedcheck.commands.report_command import gather_facts
facts = gather_facts(argparse.Namespace(paths=["."], config=None, top=15))
started = time.perf_counter()
from seedcheck.corpus_report.charts import draw_all
draw_all(facts)
print(time.perf_counter() - started)
"""


def chart_drawing(folder: Path, env: dict[str, str], repeat: int) -> float:
    """Importing matplotlib and drawing the charts, from the facts of a warm run, in a
    fresh process each time (as a report pays them)."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", CHARTS_ALONE],
            env=env,
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(float(done.stdout.split()[-1]))
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=10_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=3, metavar="R")
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "seedcheck-bench"
    )
    args = parser.parse_args(argv)
    folder = corpus(args.count, args.work)
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "SEEDCHECK_CACHE_DIR": str(Path(scratch) / "cache")}
        page = Path(scratch) / "report.html"
        report = seedcheck("report", ".", "-o", str(page))
        validate = seedcheck("validate", ".", "--quiet")
        for command in (validate, validate, report):  # the cache warm, the sources read
            subprocess.run(command, env=env, cwd=folder, stdout=subprocess.DEVNULL, check=False)
        warm_validate = timed(validate, env, folder, args.repeat)
        warm_report = timed(report, env, folder, args.repeat)
        charts = chart_drawing(folder, env, args.repeat)
        size = page.stat().st_size
    target = 2 * warm_validate + charts
    print(f"seedcheck report, {args.count} seeds, median of {args.repeat}, cache warm")
    print(f"  validate (warm)         {warm_validate:7.3f} s")
    print(f"  chart drawing           {charts:7.3f} s")
    print(f"  report (warm)           {warm_report:7.3f} s   target <= {target:.3f} s")
    print(f"  report.html             {size / 1e6:7.2f} MB  target < 5 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
