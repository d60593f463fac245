"""Time seedcheck against a naive single pass on a synthetic corpus, and print a table.

Usage: python benchmarks/run.py N [--repeat R] [--work DIR]

Runs, each as its own process on the same machine, R times (median shown):
  baseline     benchmarks/baseline.py: read, split, YAML (C loader), Pydantic, SHA-256
  cold         seedcheck validate --no-cache (every rule, near-duplicates included)
  warm         seedcheck validate again, nothing changed
  one-changed  one seed edited (a different one each time), then seedcheck validate
  near-dups    seedcheck validate --no-cache --select near-duplicate-document
  --version    seedcheck --version
  one-file     seedcheck validate on a corpus of one seed
and the peak memory (max RSS of the largest process) of the cold run. The corpus is made
by make_corpus.py in DIR (default: a folder under the system's temporary folder, kept
for the next run with the same N) and seedcheck's cache goes to a folder of its own.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss_kb: int
    exit_code: int


def timed(command: list[str], env: dict[str, str], cwd: Path) -> Run:
    # stderr goes to a file: a pipe read only after the wait could fill up and hang.
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=stderr
        )
        # wait4 gives this child's own resource use: max RSS is the largest of it and of
        # the worker processes it waited for, not their sum.
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        errors = stderr.read().decode(errors="replace")
    # Exit 1 means findings (the corpus has planted defects), but a Python traceback
    # also exits 1: any word on stderr means the run did not do what it is timed for.
    if child.returncode not in (0, 1) or errors:
        raise SystemExit(f"{' '.join(command)} exited {child.returncode}:\n{errors}")
    return Run(seconds, usage.ru_maxrss, child.returncode)


def seedcheck(*args: str) -> list[str]:
    found = shutil.which("seedcheck", path=str(Path(PYTHON).parent))
    return [found or "seedcheck", *args]


def corpus(count: int, work: Path) -> Path:
    folder = work / f"corpus-{count}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"making a corpus of {count} seeds in {folder} ...", file=sys.stderr)
        subprocess.run([PYTHON, str(HERE / "make_corpus.py"), str(count), str(folder)], check=True)
        done.touch()
    return folder


def edit(path: Path, turn: int) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nAn added line, edit {turn}.\n")


def byte_compile() -> None:
    """Write seedcheck's bytecode, as its first run on a user's machine does.

    Where PYTHONDONTWRITEBYTECODE is set (it is on some CI machines and containers) and
    seedcheck is installed in editable mode, no run writes it, and every timed run would
    also compile seedcheck's sources: about 30 ms that no installed copy pays.
    """
    # In a child, as the copy: the copy the timed runs import (same interpreter and
    # path), and the runner stays small (see measure).
    compile_it = (
        "import compileall, os, seedcheck; "
        "compileall.compile_dir(os.path.dirname(seedcheck.__file__), quiet=1)"
    )
    subprocess.run([PYTHON, "-c", compile_it], check=True)


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def measure(count: int, repeat: int, work: Path) -> dict[str, list[Run]]:
    folder = corpus(count, work)
    # A copy for this run: one-changed edits seeds, and the next run wants the original.
    trial = work / f"trial-{count}"
    shutil.rmtree(trial, ignore_errors=True)
    # Copied by a child process: a child's max RSS counts the runner's memory at the
    # fork, and copying 100,000 files would leave the runner (and so every small run's
    # figure) 100 MB larger.
    copy = "import shutil, sys; shutil.copytree(sys.argv[1], sys.argv[2])"
    subprocess.run([PYTHON, "-c", copy, str(folder), str(trial)], check=True)
    (trial / ".complete").unlink()
    single = work / "one-file"
    shutil.rmtree(single, ignore_errors=True)
    single.mkdir()
    first = min(trial.glob("*.txt"))
    shutil.copy(first, single / "000_0000000000000000.txt")
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    byte_compile()
    env = {**os.environ, "SEEDCHECK_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    path = str(trial)
    runs: dict[str, list[Run]] = {name: [] for name in NAMES}

    def each(name: str, command: list[str]) -> None:
        for _ in range(repeat):
            runs[name].append(timed(command, env, work))

    each("baseline", [PYTHON, str(HERE / "baseline.py"), path])
    each("cold", seedcheck("validate", "--no-cache", "-q", path))
    # The cache does not trust a file written in the last two seconds (a coarse clock
    # could hide a second edit), so let the copy age before the cache is filled.
    time.sleep(2.1)
    timed(seedcheck("validate", "-q", path), env, work)
    each("warm", seedcheck("validate", "-q", path))
    # Names, not Paths, for the same reason.
    seeds = sorted(name for name in os.listdir(trial) if name.endswith(".txt"))
    for turn in range(repeat):
        edit(trial / seeds[(turn * 7919 + 1) % len(seeds)], turn)
        runs["one-changed"].append(timed(seedcheck("validate", "-q", path), env, work))
    selected = ("validate", "--no-cache", "-q", "--select", "near-duplicate-document", path)
    each("near-dups", seedcheck(*selected))
    each("--version", seedcheck("--version"))
    each("one-file", seedcheck("validate", "--no-cache", "-q", str(single)))
    shutil.rmtree(trial)
    return runs


NAMES = ("baseline", "cold", "warm", "one-changed", "near-dups", "--version", "one-file")


def table(count: int, repeat: int, runs: dict[str, list[Run]]) -> str:
    base = median(runs["baseline"])
    lines = [
        f"seeds: {count:,}; median of {repeat} runs; {machine()}",
        "",
        "| run | seconds | × baseline | max RSS (MB) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name in NAMES:
        seconds = median(runs[name])
        rss = max(r.max_rss_kb for r in runs[name]) / 1024
        ratio = f"{seconds / base:.2f}" if name in ("cold", "warm", "one-changed") else ""
        lines.append(f"| {name} | {seconds:.3f} | {ratio} | {rss:.0f} |")
    return "\n".join(lines)


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpus} CPUs, {platform.machine()}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N", help="seeds in the corpus")
    parser.add_argument("--repeat", type=int, default=5, metavar="R", help="runs of each")
    parser.add_argument("--work", type=Path, metavar="DIR", help="where corpora are kept")
    args = parser.parse_args(argv)
    if args.count < 1 or args.repeat < 1:
        parser.error("N and R must be 1 or more")
    work = args.work or Path(tempfile.gettempdir()) / "seedcheck-benchmark"
    work.mkdir(parents=True, exist_ok=True)
    runs = measure(args.count, args.repeat, work.resolve())
    print(table(args.count, args.repeat, runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
