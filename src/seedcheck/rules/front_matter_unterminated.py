"""front-matter-unterminated: the front matter opens with ``---`` and is never closed.

Why: without the closing ``---`` the whole document would be read as YAML, or (by
other tools) as body text with a stray header; either way title and byline are lost.
It is a common result of a bad merge or an edit that deleted one line too many.

Example::

    ---
    title: Harbor Council Approves Floodwall
    byline: Marta Ilić
    The harbor council voted seven to two on Tuesday…

A line meant as the closing fence but written otherwise (``--- # end of header``,
``----``, ``--``, ``...``) does not close the header; the message names it.

Fix: add a line that is exactly ``---`` after the last field (or make the line that was
meant as one exactly ``---``).
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile
from seedcheck.text.excerpt import excerpt


def check(seed: SeedFile) -> Iterator[Finding]:
    fm = seed.front_matter
    if fm is None or fm.end is not None:
        return
    if fm.near_fence is not None:
        shown = excerpt(seed.lines[fm.near_fence - 1].rstrip("\r"), 40)
        advice = f"line {fm.near_fence} ({shown}) is not a closing fence: it must be exactly ---"
    else:
        advice = "add a line `---` after the last field"
    yield Finding(
        seed.path,
        fm.start,
        1,
        f"front matter opened on line {fm.start} is never closed; {advice}",
        fm.start,
        4,
    )


RULE = file_rule("SC201", "front-matter-unterminated", "Front matter has no closing `---`.", check)
