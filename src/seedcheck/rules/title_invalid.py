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

from seedcheck.rules.base import Finding, file_rule, issue_findings
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    yield from issue_findings(seed, seed.issues("invalid", only=("title",)))


RULE = file_rule("SC302", "title-invalid", "A title is malformed.", check)
