"""Time `seedcheck report` against a warm `seedcheck validate`, and weigh the page.

Usage: python benchmarks/report_timing.py [N] [--repeat R] [--work DIR]

Makes (or reuses) a corpus of N seeds (default 10,000) with make_corpus.py under DIR,
warms the cache (validate, then report once), then times, each as its own process, R
times (median shown): `seedcheck validate` (warm) and `seedcheck report -o FILE`
(warm), and drawing the charts alone (importing matplotlib and drawing, in a fresh
process, from facts gathered before the clock starts). Prints the three, wall time and
CPU time (user + system; on a shared machine the CPU time is the figure that holds),
the target (report <= 2 x warm validate + chart drawing, the issue's) in both, and the
size of the HTML file (target: under 5 MB). Needs seedcheck[report]; POSIX (wait4).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from run import corpus, seedcheck  # benchmarks/run.py: the corpus, made once
from run import timed as run_timed  # wall and CPU time of one run, checked


def timed(command: list[str], env: dict[str, str], cwd: Path, repeat: int) -> tuple[float, float]:
    """The median wall and CPU seconds of ``repeat`` runs of ``command``."""
    runs = [run_timed(command, env, cwd) for _ in range(repeat)]
    return (
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
    )


CHARTS_ALONE = """
import argparse, os, sys, time
from seedcheck.commands.report_command import gather_facts
facts = gather_facts(argparse.Namespace(paths=["."], config=None, top=15))
started, cpu = time.perf_counter(), time.process_time()
from seedcheck.corpus_report.charts import draw_all
draw_all(facts)
print(time.perf_counter() - started, time.process_time() - cpu)
"""


def chart_drawing(folder: Path, env: dict[str, str], repeat: int) -> tuple[float, float]:
    """Importing matplotlib and drawing the charts, from the facts of a warm run, in a
    fresh process each time (as a report pays them): median wall and CPU seconds."""
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
        wall, cpu = done.stdout.split()[-2:]
        runs.append((float(wall), float(cpu)))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


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
        validated = timed(validate, env, folder, args.repeat)
        reported = timed(report, env, folder, args.repeat)
        charts = chart_drawing(folder, env, args.repeat)
        size = page.stat().st_size
    target = [2 * v + c for v, c in zip(validated, charts, strict=True)]
    print(f"seedcheck report, {args.count} seeds, median of {args.repeat}, cache warm")
    print("                            wall s    CPU s")
    print(f"  validate (warm)         {validated[0]:7.3f}  {validated[1]:7.3f}")
    print(f"  chart drawing           {charts[0]:7.3f}  {charts[1]:7.3f}")
    print(f"  report (warm)           {reported[0]:7.3f}  {reported[1]:7.3f}")
    print(f"  target (2 x v + charts) {target[0]:7.3f}  {target[1]:7.3f}")
    print(f"  report.html             {size / 1e6:7.2f} MB  target < 5 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
