"""The lines of a long text, cut from it when read rather than held as strings."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from typing import overload

# A line with its ending, where markdown-it ends lines: at CR, LF or CRLF only
# (``str.splitlines`` also splits at form feeds and U+2028).
LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+$")


class TextLines(Sequence[str]):
    """The lines of ``text`` with their endings, split as :data:`LINE` splits them.

    INDEX.md of 100,000 rows as a list of lines takes 22 MB of small strings beside its
    text, for as long as its parse lasts; this keeps the text and the lines' start
    offsets (8 bytes a line), and a line or a run of lines is sliced out when asked for.
    A slice is another view of the same text.
    """

    __slots__ = ("_first", "_starts", "_stop", "_text")

    def __init__(self, text: str) -> None:
        starts = array("q", (match.start() for match in LINE.finditer(text)))
        starts.append(len(text))
        self._text, self._starts, self._first, self._stop = text, starts, 0, len(starts) - 1

    def _view(self, first: int, stop: int) -> TextLines:
        view = object.__new__(TextLines)
        view._text, view._starts = self._text, self._starts
        view._first, view._stop = first, stop
        return view

    def __len__(self) -> int:
        return self._stop - self._first

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> TextLines: ...

    def __getitem__(self, index: int | slice) -> str | TextLines:
        if isinstance(index, slice):
            first, stop, step = index.indices(len(self))
            if step != 1:
                raise ValueError("TextLines slices take every line")
            return self._view(self._first + first, self._first + max(first, stop))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        at = self._first + index
        return self._text[self._starts[at] : self._starts[at + 1]]

    def __iter__(self) -> Iterator[str]:
        text, starts = self._text, self._starts
        for at in range(self._first, self._stop):
            yield text[starts[at] : starts[at + 1]]

    def joined(self) -> str:
        """The lines as one text, as ``"".join(lines)`` gives it."""
        return self._text[self._starts[self._first] : self._starts[self._stop]]


def joined(lines: Sequence[str]) -> str:
    """``"".join(lines)``, by one slice when ``lines`` is a :class:`TextLines`."""
    return lines.joined() if isinstance(lines, TextLines) else "".join(lines)
