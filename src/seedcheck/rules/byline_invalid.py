"""byline-invalid: a byline holds something other than the credited name(s).

Why: the byline is the name(s) as printed (``Jane Doe``, ``Jane Doe and John Roe``),
without the word "By". Scrapers lose the name and keep the bio
(``By , a professor of…``), glue a bio clause on (``… is a senior fellow at …``), or
keep social handles, URLs and e-mail addresses. Each such byline credits no one.

Example::

    By , a professor of international politics at Example University

Fix: write the author's name; move any bio out of the byline (or delete it).
The message says exactly what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule, issue_findings
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    yield from issue_findings(seed, seed.issues("invalid", only=("byline",)))


RULE = file_rule("SC304", "byline-invalid", "A byline is malformed.", check)
