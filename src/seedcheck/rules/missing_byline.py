"""missing-byline: a seed has no byline.

Why: a seed must credit its author. In the plain layout the byline is a line
``By Name`` standing as its own paragraph (a short dateline may follow it) among the first
three after the title, or as the document's last non-blank line; a byline elsewhere is not
found. What follows ``By`` must read as a credit: names (``By Jane Doe and John Roe``,
``By the Editorial Board``), possibly followed by a bio or a contact, so that a sentence
such as ``By Friday, 300 homes had been evacuated.`` is not taken for one.

Example: front matter without ``byline:``; a plain article that ends with its last
paragraph and names no author.

Fix: add ``byline: Name`` to the front matter, or a ``By Name`` line to a plain file.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile
from seedcheck.seed.plain_layout import BYLINE_SEARCH_PARAGRAPHS


def check(seed: SeedFile) -> Iterator[Finding]:
    for issue in seed.issues("missing", only=("byline",)):
        message = (
            "missing required field 'byline'; add `byline: Name` to the front matter"
            if seed.layout == "front-matter"
            else "no byline: expected a line `By Name` as a paragraph of its own among the "
            f"first {BYLINE_SEARCH_PARAGRAPHS} after the title, or as the last line"
        )
        yield Finding(seed.path, issue.line, issue.column, message)


RULE = file_rule("SC303", "missing-byline", "A seed has no byline.", check)
