"""seedcheck's positions in a document's text, and the Language Server Protocol's.

seedcheck counts 1-based lines split at LF only and 1-based columns in characters (code
points), not counting a byte-order mark (see :mod:`seedcheck.text.positions`). LSP counts
0-based lines split at CRLF, CR or LF, and 0-based characters in UTF-16 code units. Both
are turned into offsets in the text (code points) and back, so that a lone CR or a
character outside the Basic Multilingual Plane (an emoji) shifts nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

BOM = "\ufeff"
_LSP_BREAK = re.compile(r"\r\n|\r|\n")


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (two for a character past U+FFFF)."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class LineMap:
    """Offsets of the lines of one document text, counted both ways."""

    def __init__(self, text: str) -> None:
        self.text = text
        skip = 1 if text.startswith(BOM) else 0
        self._seed_starts = [skip]
        self._seed_starts += [match.end() for match in re.finditer("\n", text)]
        self._lsp_starts = [0]
        self._lsp_ends: list[int] = []
        for match in _LSP_BREAK.finditer(text):
            self._lsp_ends.append(match.start())
            self._lsp_starts.append(match.end())
        self._lsp_ends.append(len(text))

    def offset(self, line: int, column: int) -> int:
        """The offset of seedcheck's 1-based ``line`` and ``column``, kept inside the text
        (a finding past the end of a line or of the text points at its end)."""
        index = min(max(line, 1), len(self._seed_starts)) - 1
        start = self._seed_starts[index]
        end = (
            self._seed_starts[index + 1] - 1
            if index + 1 < len(self._seed_starts)
            else len(self.text)
        )
        return min(start + max(column, 1) - 1, end)

    def line_end(self, line: int) -> int:
        """The offset of the end of seedcheck's 1-based ``line`` (before its LF)."""
        return self.offset(line, len(self.text) + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """The LSP line and UTF-16 character of ``offset``; an offset inside a line break
        (between CR and LF) is the end of its line."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self._lsp_starts, offset) - 1
        start = self._lsp_starts[line]
        return line, utf16_length(self.text[start : min(offset, self._lsp_ends[line])])

    def offset_at(self, line: int, character: int) -> int:
        """The offset of an LSP position; past the end of its line is the line's end."""
        if line >= len(self._lsp_starts):
            return len(self.text)
        start = self._lsp_starts[max(line, 0)]
        end = self._lsp_ends[max(line, 0)]
        units = 0
        for at in range(start, end):
            if units >= character:
                return at
            units += 2 if ord(self.text[at]) > 0xFFFF else 1
        return end

    def line_start_at_or_before(self, offset: int) -> int:
        """The start of the LSP line that holds ``offset``."""
        return self._lsp_starts[bisect.bisect_right(self._lsp_starts, offset) - 1]

    def line_start_at_or_after(self, offset: int) -> int:
        """The first LSP line start at or after ``offset`` (the text's end if none)."""
        at = bisect.bisect_left(self._lsp_starts, offset)
        return self._lsp_starts[at] if at < len(self._lsp_starts) else len(self.text)


def whole_line_edit(old: str, new: str) -> tuple[int, int, str] | None:
    """The one edit that turns ``old`` into ``new``: a span of ``old`` (offsets) and its
    replacement, or None when they are equal.

    The span is widened to whole LSP lines so that it never starts or ends between a CR
    and its LF, which no LSP position can name.
    """
    if old == new:
        return None
    limit = min(len(old), len(new))
    prefix = _common_length(old, new, limit, lambda text, n: text[:n])
    suffix = _common_length(old, new, limit - prefix, lambda text, n: text[len(text) - n :])
    lines = LineMap(old)
    start = lines.line_start_at_or_before(prefix)
    end = lines.line_start_at_or_after(len(old) - suffix)
    return start, end, new[start : len(new) - (len(old) - end)]


def _common_length(old: str, new: str, limit: int, part: Callable[[str, int], str]) -> int:
    """The longest ``n`` up to ``limit`` with ``part(old, n) == part(new, n)``, found by
    halving (slices compare in C: a character loop takes seconds on a huge seed)."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if part(old, middle) == part(new, middle):
            low = middle
        else:
            high = middle - 1
    return low
