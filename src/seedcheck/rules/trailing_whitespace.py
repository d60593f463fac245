"""trailing-whitespace: a line of a seed file ends with spaces or tabs.

Why: trailing blanks are invisible, change the file's digest without changing what a
reader sees, and make diffs noisy. Scrapers often leave them after each paragraph.

Example: ``The council voted on Tuesday.␠␠`` (two spaces before the line break).

Fix: run ``seedcheck fix``, or delete the blanks at the end of the line (editors can
do this on save).
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile

# What counts as a blank at the end of a line; ``seedcheck fix`` strips the same set.
BLANKS = " \t\f\v\u00a0\u3000"


def check(seed: SeedFile) -> Iterator[Finding]:
    for number, raw in enumerate(seed.lines, 1):
        line = raw.removesuffix("\r")
        stripped = line.rstrip(BLANKS)
        if len(stripped) < len(line):
            yield Finding(
                seed.path,
                number,
                len(stripped) + 1,
                "trailing whitespace",
                number,
                len(line) + 1,
            )


RULE = file_rule("SC106", "trailing-whitespace", "A line ends with whitespace.", check)
