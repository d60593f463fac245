"""missing-title: a seed has no title.

Why: every seed needs its headline; the index lists it and datasets key on it.

Example: front matter without ``title:``; or a plain-layout file with no text at all
(its title is its first non-blank line).

Fix: add ``title: …`` to the front matter, or put the headline on the first line.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    for issue in seed.issues("missing", only=("title",)):
        message = (
            "missing required field 'title'; add `title: …` to the front matter"
            if seed.layout == "front-matter"
            else "no title: the file has no text (the first non-blank line is the title)"
        )
        yield Finding(seed.path, issue.line, issue.column, message)


RULE = file_rule("SC301", "missing-title", "A seed has no title.", check)
