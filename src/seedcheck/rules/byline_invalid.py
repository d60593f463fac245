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

from seedcheck.fields import not_text_problem
from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed_file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    field = seed.field("byline")
    # "input should be a valid string" does not tell that YAML read `byline: 1984` as a number.
    not_text = not_text_problem(field) if field is not None else None
    for issue in seed.issues("invalid", only=("byline",)):
        yield Finding(
            seed.path,
            issue.line,
            issue.column,
            not_text or issue.message,
            issue.end_line,
            issue.end_column,
        )


RULE = file_rule("SC304", "byline-invalid", "A byline is malformed.", check)
