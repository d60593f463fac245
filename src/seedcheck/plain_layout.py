"""Title and byline of a plain-layout seed, taken from the text as scrapers leave it.

The first non-blank line is the title. The byline is a line beginning ``By `` that stands
as a paragraph of its own among the first few paragraphs after the title (a summary or
teaser may come first), or the document's last non-blank line. A line such as
``By midday the road was shut.`` (a lower-case word or a digit after ``By``) is a
sentence of the article, not a byline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from seedcheck.located import LocatedValue

# How many paragraphs after the title may precede a top byline (summary, teaser, byline).
BYLINE_SEARCH_PARAGRAPHS = 3
_BYLINE = re.compile(r"^By(?:\s+|(?=\s*,))", re.IGNORECASE)


@dataclass(frozen=True)
class PlainParts:
    """Title and byline (when found) and the 0-based line index where the body starts."""

    title: LocatedValue | None
    byline: LocatedValue | None
    body_start: int


def split_plain(lines: Sequence[str], first: int = 0) -> PlainParts:
    """Find title and byline in ``lines[first:]`` (lines without their line endings)."""
    title_index = next((i for i in range(first, len(lines)) if lines[i].strip()), None)
    if title_index is None:
        return PlainParts(None, None, len(lines))
    raw_title = lines[title_index].rstrip("\r")
    title = LocatedValue(
        key="title",
        value=raw_title,
        key_line=title_index + 1,
        key_column=1,
        line=title_index + 1,
        column=1,
        end_line=title_index + 1,
        end_column=len(raw_title) + 1,
    )
    byline = _find_byline(lines, title_index)
    return PlainParts(title, byline, title_index + 1)


def _find_byline(lines: Sequence[str], title_index: int) -> LocatedValue | None:
    paragraphs = _paragraphs(lines, title_index + 1)
    for start, stop in paragraphs[:BYLINE_SEARCH_PARAGRAPHS]:
        if stop - start == 1 and _is_byline(lines[start].strip()):
            return _byline_value(lines, start)
    last = next((i for i in range(len(lines) - 1, title_index, -1) if lines[i].strip()), None)
    if last is not None and _is_byline(lines[last].strip()):
        return _byline_value(lines, last)
    return None


def _is_byline(line: str) -> bool:
    match = _BYLINE.match(line)
    if match is None:
        return False
    # "By midday the road was shut.", "By 2030, …": a sentence of the article, not a
    # credit; a name does not start with a lower-case letter or a digit.
    first = line[match.end() : match.end() + 1]
    return not (first.islower() or first.isdigit())


def _byline_value(lines: Sequence[str], index: int) -> LocatedValue:
    raw = lines[index].rstrip("\r")
    indent = len(raw) - len(raw.lstrip())
    match = _BYLINE.match(raw[indent:])
    assert match is not None  # callers matched the same line
    begin = indent + match.end()
    name = raw[begin:].rstrip()
    return LocatedValue(
        key="byline",
        value=name,
        key_line=index + 1,
        key_column=indent + 1,
        line=index + 1,
        column=begin + 1,
        end_line=index + 1,
        end_column=begin + len(name) + 1,
    )


def _paragraphs(lines: Sequence[str], first: int) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs as ``(start, stop)`` index ranges."""
    result: list[tuple[int, int]] = []
    start: int | None = None
    for i in range(first, len(lines)):
        if lines[i].strip():
            if start is None:
                start = i
        elif start is not None:
            result.append((start, i))
            start = None
    if start is not None:
        result.append((start, len(lines)))
    return result
