"""Time per search of the settings' regular expressions, on each engine (issue 25, item 3).

Usage: python benchmarks/settings_patterns.py [SEEDS]

``boilerplate-patterns`` are searched in every body line of every seed, and the
file-name ``pattern`` matched against every name. This times the common case, linear
patterns on the lines and names of a generated corpus (make_corpus.py, 2,000 seeds by
default), on ``re`` (no time limit possible), ``regex`` without and with the
``timeout`` seedcheck gives each search, and google-re2 when it is installed. The best
of five passes; figures, not a timed test.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex
from make_corpus import make_corpus

LINE_PATTERNS = ["^Sponsored content", "(?i)^watch:", r"(?i)\bnewsletter\b", r"Photo: \w+"]
NAME_PATTERN = r"(?P<number>\d{3,})_(?P<id>[0-9a-f]{16})\.txt"
TIMEOUT = 0.25


def best(texts: list[str], searches: list[Callable[[str], object]]) -> float:
    """Best of five passes, in nanoseconds per search."""
    fastest = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for text in texts:
            for search in searches:
                search(text)
        fastest = min(fastest, time.perf_counter() - started)
    return fastest / (len(texts) * len(searches)) * 1e9


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 2000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "corpus"
        make_corpus(count, folder)
        files = sorted(folder.glob("*.txt"))
        lines = [line for path in files for line in path.read_text("utf-8").splitlines()]
        names = [path.name for path in files]
    engines: dict[str, Callable[[str], object]] = {
        "re": re.compile,
        "regex": regex.compile,
    }
    try:
        import re2  # type: ignore[import-not-found,unused-ignore]

        engines["google-re2"] = re2.compile
    except ImportError:
        pass
    print(
        f"{len(lines)} lines ({sum(map(len, lines)) / len(lines):.0f} characters each), "
        f"{len(names)} names"
    )
    for engine, compile_ in engines.items():
        compiled: list[Any] = [compile_(p) for p in LINE_PATTERNS]
        named: Any = compile_(NAME_PATTERN)
        rows = [(engine, [c.search for c in compiled], named.fullmatch)]
        if engine == "regex":
            rows.append(
                (
                    f"regex, timeout={TIMEOUT}",
                    [lambda t, c=c: c.search(t, timeout=TIMEOUT) for c in compiled],
                    lambda t, n=named: n.fullmatch(t, timeout=TIMEOUT),
                )
            )
        for label, searches, fullmatch in rows:
            per_line = best(lines, searches)
            per_name = best(names * 10, [fullmatch])
            print(f"  {label:22s} {per_line:6.0f} ns a line search  {per_name:6.0f} ns a name")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
