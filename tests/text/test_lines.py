"""TextLines: the lines of a text as views, equal to splitting it."""

from __future__ import annotations

import pytest

from seedcheck.index.document import split_lines
from seedcheck.text.lines import TextLines, joined

TEXTS = {
    "empty": "",
    "one line, no break": "| a |",
    "LF": "a\nb\n\nc\n",
    "CRLF and CR": "a\r\nb\rc\r\n\r\nd",
    "form feed and U+2028 are not breaks": "a\x0cb\u2028c\nd\n",
    "only breaks": "\n\r\n\r",
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_lines_are_those_split_lines_gives(name: str) -> None:
    text = TEXTS[name]
    expected = split_lines(text)
    lines = TextLines(text)
    assert list(lines) == expected
    assert len(lines) == len(expected)
    assert [lines[i] for i in range(len(lines))] == expected
    assert [lines[-i] for i in range(1, len(lines) + 1)] == [
        expected[-i] for i in range(1, len(expected) + 1)
    ]
    for start in range(len(expected) + 2):
        for stop in range(len(expected) + 2):
            view = lines[start:stop]
            assert list(view) == expected[start:stop]
            assert joined(view) == "".join(expected[start:stop])
            assert list(view[1:]) == expected[start:stop][1:]
    assert joined(lines) == text


def test_out_of_range_and_stepped_slices_are_refused() -> None:
    lines = TextLines("a\nb\n")
    with pytest.raises(IndexError):
        lines[2]
    with pytest.raises(IndexError):
        lines[-3]
    with pytest.raises(ValueError, match="every line"):
        lines[::2]


def test_joined_takes_any_sequence() -> None:
    assert joined(["a\n", "b"]) == "a\nb"
