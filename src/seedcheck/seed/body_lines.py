"""The body of a seed as numbered lines and paragraphs, for the content rules.

Content rules must point at lines of the file, so they read the body line by line with
each line's 1-based number in the file. The plain layout's byline line is not article
text: it is left out, and separates paragraphs like a blank line.
"""

from __future__ import annotations

from seedcheck.seed.file import SeedFile
from seedcheck.seed.paragraphs import BodyLine, Paragraph


def body_lines(seed: SeedFile) -> tuple[BodyLine, ...]:
    """The non-blank lines of the body, in order, without line endings."""
    return seed.body_lines


def body_paragraphs(seed: SeedFile) -> tuple[Paragraph, ...]:
    """The body's paragraphs: runs of non-blank lines between blank lines."""
    return seed.body_paragraphs


def first_body_line(seed: SeedFile) -> int:
    """The 1-based line where the body's text begins (its first non-blank line); where
    it would begin when there is none."""
    lines = body_lines(seed)
    return lines[0].number if lines else min(seed.body_start + 1, max(len(seed.lines), 1))
