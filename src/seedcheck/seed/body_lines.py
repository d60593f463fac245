"""The body of a seed as numbered lines and paragraphs, for the content rules.

Content rules must point at lines of the file, so they read the body line by line with
each line's 1-based number in the file. The plain layout's byline line is not article
text: it is left out, and separates paragraphs like a blank line.
"""

from __future__ import annotations

from dataclasses import dataclass

from seedcheck.seed.file import SeedFile


@dataclass(frozen=True)
class BodyLine:
    """One non-blank line of the body: its 1-based line number in the file and its text."""

    number: int
    text: str

    @property
    def indent(self) -> int:
        """Characters before the first non-blank one (a 0-based column)."""
        return len(self.text) - len(self.text.lstrip())


@dataclass(frozen=True)
class Paragraph:
    """Consecutive non-blank body lines."""

    lines: tuple[BodyLine, ...]

    @property
    def first(self) -> BodyLine:
        return self.lines[0]

    @property
    def last(self) -> BodyLine:
        return self.lines[-1]

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)


def body_lines(seed: SeedFile) -> tuple[BodyLine, ...]:
    """The non-blank lines of the body, in order, without line endings."""
    return seed.body_lines


def body_paragraphs(seed: SeedFile) -> tuple[Paragraph, ...]:
    """The body's paragraphs: runs of non-blank lines between blank lines."""
    return seed.body_paragraphs


def split_paragraphs(seed: SeedFile) -> tuple[Paragraph, ...]:
    """:func:`body_paragraphs`, made anew (a seed keeps the first it made)."""
    skip = seed.byline_index
    paragraphs: list[Paragraph] = []
    current: list[BodyLine] = []
    for index in range(seed.body_start, len(seed.lines)):
        text = seed.lines[index].rstrip("\r")
        if index == skip or not text.strip():
            if current:
                paragraphs.append(Paragraph(tuple(current)))
                current = []
            continue
        current.append(BodyLine(index + 1, text))
    if current:
        paragraphs.append(Paragraph(tuple(current)))
    return tuple(paragraphs)


def first_body_line(seed: SeedFile) -> int:
    """The 1-based line where the body's text begins (its first non-blank line); where
    it would begin when there is none."""
    lines = body_lines(seed)
    return lines[0].number if lines else min(seed.body_start + 1, max(len(seed.lines), 1))
