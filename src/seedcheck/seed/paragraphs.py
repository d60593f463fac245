"""A body's numbered lines and paragraphs, as the content rules read them.

Content rules must point at lines of the file, so they read the body line by line with
each line's 1-based number in the file.
"""

from __future__ import annotations

from dataclasses import dataclass


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


def split_paragraphs(
    lines: tuple[str, ...], body_start: int, skip: int | None
) -> tuple[Paragraph, ...]:
    """The paragraphs of ``lines`` from ``body_start`` (0-based) on: runs of non-blank
    lines between blank ones. The line at ``skip`` (the plain layout's byline, not
    article text) separates paragraphs like a blank line. A body without a blank line is
    one paragraph a line, as some extractors write it."""
    paragraphs: list[Paragraph] = []
    current: list[BodyLine] = []
    for index in range(body_start, len(lines)):
        text = lines[index].rstrip("\r")
        if index == skip or not text.strip():
            if current:
                paragraphs.append(Paragraph(tuple(current)))
                current = []
            continue
        current.append(BodyLine(index + 1, text))
    if current:
        paragraphs.append(Paragraph(tuple(current)))
    if len(paragraphs) == 1 and len(paragraphs[0].lines) > 1:
        # No blank line in the whole body: an extractor that writes one paragraph a line.
        return tuple(Paragraph((line,)) for line in paragraphs[0].lines)
    return tuple(paragraphs)
