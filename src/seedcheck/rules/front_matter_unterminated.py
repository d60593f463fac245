"""front-matter-unterminated: the front matter opens with ``---`` and is never closed.

Why: without the closing ``---`` the whole document would be read as YAML, or (by
other tools) as body text with a stray header; either way title and byline are lost.
It is a common result of a bad merge or an edit that deleted one line too many.

Example::

    ---
    title: Harbor Council Approves Floodwall
    byline: Marta Ilić
    The harbor council voted seven to two on Tuesday…

Fix: add a line that is exactly ``---`` after the last field.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed_file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    fm = seed.front_matter
    if fm is not None and fm.end is None:
        yield Finding(
            seed.path,
            fm.start,
            1,
            f"front matter opened on line {fm.start} is never closed; "
            "add a line `---` after the last field",
            fm.start,
            4,
        )


RULE = file_rule("SC201", "front-matter-unterminated", "Front matter has no closing `---`.", check)
