"""title-invalid: a seed's title is empty, not one line, padded or too long.

Why: a title is a single line of at most 200 characters with no surrounding
whitespace, in both layouts. A title that spans lines or runs on is usually the first
paragraph swallowed by a scraper.

Example: ``title: "  Harbor Council Approves Floodwall"`` (leading spaces), or a
title of 400 characters.

Fix: correct the title as the message says.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.fields import not_text_problem
from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed_file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    field = seed.field("title")
    # "input should be a valid string" does not tell that YAML read `title: 1984` as a number.
    not_text = not_text_problem(field) if field is not None else None
    for issue in seed.issues("invalid", only=("title",)):
        yield Finding(
            seed.path,
            issue.line,
            issue.column,
            not_text or issue.message,
            issue.end_line,
            issue.end_column,
        )


RULE = file_rule("SC302", "title-invalid", "A title is malformed.", check)
