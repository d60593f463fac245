"""Reading a long INDEX.md table's rows without markdown-it's tokens for each row.

markdown-it holds a token for every cell of a table (23 tokens for a 7-column row),
so parsing the index of 100,000 seeds at once takes 1.5 GB, and making the tokens is
most of the time an index takes. The body rows of a top-level table are independent
of each other: a line that starts with ``|`` cannot end a table (no block that could
interrupt one starts with a pipe), and each row's cells depend only on its own line
and the header's width. So the document is parsed once without the rows after the
first (:attr:`LongTable.reduced`), and the rows left out are split into cells as the
table rule splits them, with its own helpers (:meth:`LongTable.rows`). The caller
checks that the reduced parse has the table where expected (:meth:`LongTable.fits`)
and parses the whole document when not.

markdown-it caps the cells it fills in for short rows (``MAX_AUTOCOMPLETED_CELLS``):
the count runs over the whole table, so a table with rows wider than the header, or
with more cells to fill in than the cap, is parsed whole, which keeps the result
exactly that of one parse.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from seedcheck.text.lines import joined

if TYPE_CHECKING:
    from markdown_it.token import Token

# Below this many rows left out, a reduced parse saves less than it costs.
MIN_ROWS_LEFT_OUT = 64


@dataclass(frozen=True)
class LongTable:
    """A run of table lines in a document, and the document without most of them.

    ``start`` is the 0-based line of the header; the header, the delimiter row and the
    first body row stay in ``reduced``; ``left_out`` are the following lines (with their
    line breaks), which were lines ``start + 3`` onward.
    """

    lines: Sequence[str]
    start: int
    left_out: Sequence[str]

    @property
    def reduced(self) -> str:
        keep = self.start + 3
        return joined(self.lines[:keep]) + joined(self.lines[keep + len(self.left_out) :])

    def fits(self, tokens: Sequence[Token]) -> bool:
        """Whether the reduced parse has a top-level table of exactly the kept lines,
        whose width every left-out row can be parsed against alone."""
        index = next(
            (
                i
                for i, token in enumerate(tokens)
                if token.type == "table_open" and token.map and token.map[0] == self.start
            ),
            None,
        )
        if index is None:
            return False
        token = tokens[index]
        if token.level != 0 or token.map != [self.start, self.start + 3]:
            return False
        width = 0
        for later in tokens[index:]:
            if later.type == "thead_close":
                break
            width += later.type == "th_open"
        return _fillable(self.lines[self.start + 2], self.left_out, width)

    def shift(self, tokens: Sequence[Token]) -> None:
        """Renumber the reduced parse's token lines as those of the whole document."""
        gap = len(self.left_out)
        after = self.start + 3
        for token in tokens:
            if not token.map:
                continue
            begin, end = token.map
            if begin >= after:
                token.map = [begin + gap, end + gap]
            elif token.type in ("table_open", "tbody_open"):
                token.map = [begin, end + gap]  # the left-out rows are theirs

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Each left-out row's 0-based line and its cells as markdown-it's table rule
        makes them (untrimmed; see :func:`row_columns`)."""
        for offset, line in enumerate(self.left_out, self.start + 3):
            yield offset, row_columns(line)


def find_long_table(lines: Sequence[str], after: int) -> LongTable | None:
    """The first run of lines starting with ``|`` from line ``after`` (0-based), if it is
    long enough to be worth reading its rows apart."""
    start = after
    while start < len(lines) and not lines[start].startswith("|"):
        start += 1
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    # Views of ``lines``, not copies: a TextLines slice holds no strings of its own.
    left_out = lines[start + 3 : end]
    if len(left_out) < MIN_ROWS_LEFT_OUT:
        return None
    return LongTable(lines, start, left_out)


def _fillable(first_row: str, left_out: Sequence[str], width: int) -> bool:
    """Whether no row is wider than the header and markdown-it fills in few enough
    cells over the whole table for its cap never to end it."""
    try:
        # The table rule's own helpers (see row_columns). markdown-it-py before 4.3 has
        # no mdTrim (it trimmed otherwise), and 3.0 no cap: there a long table is parsed
        # whole, as before.
        from markdown_it.common.utils import mdTrim  # noqa: F401
        from markdown_it.rules_block.table import MAX_AUTOCOMPLETED_CELLS
    except ImportError:
        return False

    filled = 0
    for line in itertools.chain((first_row,), left_out):
        columns = row_columns(line)
        if len(columns) > width:
            return False
        filled += width - len(columns)
    return filled <= MAX_AUTOCOMPLETED_CELLS


def row_columns(line: str) -> list[str]:
    """The cells of a table row line, split and with the edge pipes' empty cells dropped
    exactly as markdown-it's table rule does (with its own helpers), not yet trimmed.

    markdown-it replaces NUL with U+FFFD in its source before parsing, so this does too.
    """
    from markdown_it.common.utils import mdTrim
    from markdown_it.rules_block.table import escapedSplit

    text = mdTrim(line.rstrip("\r\n").replace("\x00", "\ufffd"))
    # Without a backslash nothing is escaped, and escapedSplit (a loop over every
    # character) splits exactly as str.split does.
    columns = escapedSplit(text) if "\\" in text else text.split("|")
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return columns


def cell_content(columns: Sequence[str], index: int) -> str:
    """The source of cell ``index`` of a body row, as markdown-it's table rule sets the
    cell's inline token content (a cell the row lacks is empty)."""
    from markdown_it.common.utils import mdTrim

    if index >= len(columns) or not columns[index]:
        return ""
    return mdTrim(columns[index])
