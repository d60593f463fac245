"""body-empty: a seed has a title (or a header) but no article text.

Why: a seed without a body feeds nothing downstream; it is usually a scrape that
captured the page's headline and lost the article (a paywall, a script-rendered page).

Example: a front-matter header followed by nothing, or a plain-layout file holding only
a title and a ``By`` line.

Fix: scrape the article again, or delete the seed (and run ``seedcheck index``).
Reported at the line after the header or title. A header with no closing ``---`` is
left to front-matter-unterminated, and an empty file to missing-title.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    if seed.front_matter is not None and seed.front_matter.end is None:
        return
    if not any(line.strip() for line in seed.lines) or seed.body.strip():
        return
    line = min(seed.body_start + 1, len(seed.lines))
    yield Finding(seed.path, line, 1, "the body is empty: there is no article text")


RULE = file_rule("SC401", "body-empty", "A seed has no body text.", check)
