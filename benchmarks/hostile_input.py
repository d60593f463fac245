"""Time and peak memory of seedcheck on hostile input, at growing sizes (issue 25).

Usage: python benchmarks/hostile_input.py [CASE ...]

Each case builds a corpus whose one hostile file grows from 1/8 of the file-size limit
(``max-file-size``, 1 MiB by default) up to the limit, runs ``seedcheck validate
--no-cache --jobs 1`` on it in a fresh process, and prints the wall time and the peak
resident memory of that process. Linear behaviour shows as times and memory that grow
no faster than the size (doubling the input at most doubles the extra time). Figures,
not a timed test: machines differ.

Cases:

- ``index-preamble``: INDEX.md whose text above the generated block is all ``[`` (issue
  25: 1 MB took 57 s before the preamble's inline parsing was skipped).
- ``index-preamble-links``: the same with ``[a](`` repeated, another quadratic shape.
- ``near-duplicates``: one seed of random words (near-duplicate detection: shingles and
  MinHash signatures of the whole body).
- ``slow-pattern``: ``boilerplate-patterns = ['(?:\\w+){2,8}!$']``, which the static check
  lets through (a bounded repeat of a repeat), on a seed of lines it backtracks on
  (issue 25, item 3): the first line runs out of the time limit, the rest of the file is
  not searched with it, so the time stays near the limit plus the run's own.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

LIMIT = 1 << 20
SIZES = [LIMIT // 8, LIMIT // 4, LIMIT // 2, LIMIT - 4096]
BEGIN, END = "<!-- seedcheck:index:begin -->", "<!-- seedcheck:index:end -->"
SEED = "000_0123456789abcdef.txt"
SEED_TEXT = "---\ntitle: Hostile Input\nbyline: Ann Example\n---\n"
WORDS = [
    "".join(random.Random(i).choice("abcdefghijklmnopqrstuvwxyz") for _ in range(3 + i % 7))
    for i in range(5000)
]


def _index(preamble: str) -> str:
    return (
        f"{preamble}\n\n{BEGIN}\n| File | Title | Byline | Published | Words | SHA-256 |\n"
        f"| --- | --- | --- | --- | --- | --- |\n{END}\n"
    )


def index_preamble(folder: Path, size: int) -> None:
    (folder / SEED).write_text(SEED_TEXT + "Some words.\n", encoding="utf-8")
    (folder / "INDEX.md").write_text(_index("[" * size), encoding="utf-8")


def index_preamble_links(folder: Path, size: int) -> None:
    (folder / SEED).write_text(SEED_TEXT + "Some words.\n", encoding="utf-8")
    (folder / "INDEX.md").write_text(_index("[a](" * (size // 4)), encoding="utf-8")


def near_duplicates(folder: Path, size: int) -> None:
    chooser = random.Random(size)
    words: list[str] = []
    length = len(SEED_TEXT)
    while length < size - 200:
        word = chooser.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    body = "\n\n".join(" ".join(words[i : i + 60]) for i in range(0, len(words), 60))
    (folder / SEED).write_text(SEED_TEXT + body + "\n", encoding="utf-8")


def slow_pattern(folder: Path, size: int) -> None:
    (folder.parent / "seedcheck.toml").write_text(
        "boilerplate-patterns = ['(?:\\w+){2,8}!$']\n", encoding="utf-8"
    )
    line = "a" * 60 + "!x"
    lines = "\n\n".join([line] * (size // (len(line) + 2)))
    (folder / SEED).write_text(SEED_TEXT + lines + "\n", encoding="utf-8")


CASES: dict[str, Callable[[Path, int], None]] = {
    "index-preamble": index_preamble,
    "index-preamble-links": index_preamble_links,
    "near-duplicates": near_duplicates,
    "slow-pattern": slow_pattern,
}

# The child reports its own peak memory: ru_maxrss of RUSAGE_CHILDREN is the largest
# child so far, which the first, larger run would hide.
_CHILD = (
    "import resource, sys\n"
    "from seedcheck.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print(f'peak {peak}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def measure(case: str, size: int) -> tuple[float, float]:
    """Wall seconds and peak MiB of one validate run on the case at ``size`` bytes."""
    with tempfile.TemporaryDirectory() as name:
        project = Path(name)
        (project / "seedcheck.toml").write_text("", encoding="utf-8")
        seeds = project / "seeds"
        seeds.mkdir()
        CASES[case](seeds, size)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, "validate", "--no-cache", "--jobs", "1"],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - started
    peak = next(line for line in done.stderr.splitlines() if line.startswith("peak "))
    kib = int(peak.split()[1])
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # macOS counts bytes
    return elapsed, kib * 1024 / scale / 1024


def main(argv: list[str]) -> int:
    chosen = argv or list(CASES)
    unknown = [case for case in chosen if case not in CASES]
    if unknown:
        print(f"unknown case(s): {', '.join(unknown)}; choose from {', '.join(CASES)}")
        return 2
    for case in chosen:
        print(f"{case}:")
        for size in SIZES:
            elapsed, peak = measure(case, size)
            print(f"  {size / 1024:7.0f} KiB  {elapsed:7.2f} s  {peak:7.1f} MiB peak")
    return 0


if __name__ == "__main__":
    resource.getrusage(resource.RUSAGE_SELF)  # POSIX only: fail early elsewhere
    sys.exit(main(sys.argv[1:]))
