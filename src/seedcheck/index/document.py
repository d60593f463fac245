"""Parsing INDEX.md: the generated block between its markers, and the table inside.

INDEX.md is Markdown for people; only the block between ``BEGIN_MARKER`` and
``END_MARKER`` belongs to seedcheck. It is parsed with markdown-it-py, whose token line
maps let every finding point at the row it is about.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import unquote

from seedcheck.index.cells import cell_starts, decode_cell
from seedcheck.index.long_tables import LongTable, cell_content, find_long_table
from seedcheck.text.excerpt import excerpt
from seedcheck.text.lines import LINE, TextLines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


INDEX_NAME = "INDEX.md"
BEGIN_MARKER = "<!-- seedcheck:index:begin -->"
END_MARKER = "<!-- seedcheck:index:end -->"
COLUMNS = ("No.", "File", "Title", "Byline", "Published", "Words", "SHA-256")


class IndexCell(NamedTuple):
    """One decoded cell and the 1-based column where its source starts.

    A named tuple, not a dataclass: an index of 10,000 rows holds 70,000 of them, and a
    frozen dataclass takes three times as long to make.
    """

    text: str
    column: int


class RowCells(Mapping[str, IndexCell]):
    """A row's cells by column name, held compactly.

    An index of 100,000 rows holds 700,000 cells: as a dict of named tuples they take
    about 170 MB; as one tuple of texts and start columns, beside the header's places
    that every row shares, about a third.
    """

    __slots__ = ("_places", "_values")

    def __init__(self, places: dict[str, int], values: tuple[Any, ...]) -> None:
        self._places = places  # column name to its place in the row, shared by the rows
        # Each cell's text, then its start column (str and int in turn, which a tuple's
        # type cannot say; typed Any so that reading a cell costs no check).
        self._values = values

    def _cell(self, at: int) -> IndexCell:
        return IndexCell(self._values[2 * at], self._values[2 * at + 1])

    def __getitem__(self, column: str) -> IndexCell:
        return self._cell(self._places[column])

    def get(self, column: str, default: Any = None) -> Any:
        # Mapping.get goes through __getitem__ and KeyError; the index rules call this
        # once per column of every row.
        at = self._places.get(column)
        return default if at is None else self._cell(at)

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __repr__(self) -> str:
        return f"RowCells({dict(self)!r})"


def row_cells(cells: Iterable[tuple[str, str, int]]) -> RowCells:
    """The cells of a row from (column, text, start column) in table order.

    A column named twice keeps its first place and its last cell, as a dict would.
    """
    kept = {column: (text, start) for column, text, start in cells}
    return RowCells(_places(tuple(kept)), tuple(v for cell in kept.values() for v in cell))


@functools.lru_cache(maxsize=64)
def _places(columns: tuple[str, ...]) -> dict[str, int]:
    # Every row of a table has the same columns: one mapping of them for all (never
    # changed once made).
    return {column: at for at, column in enumerate(columns)}


@dataclass(frozen=True, slots=True)
class IndexRow:
    """A table row: its 1-based line, its cells by column name, the file it links to."""

    line: int
    cells: Mapping[str, IndexCell]
    file: str | None


@dataclass(frozen=True)
class TableProblem:
    """Something wrong with the table's shape, at a 1-based position.

    ``file`` is the file a malformed row links to, if any: the row exists, so the seed
    is not also reported as missing from the index.
    """

    line: int
    column: int
    message: str
    file: str | None = None


@dataclass(frozen=True)
class IndexDocument:
    """INDEX.md as parsed. Marker lines are 1-based; ``rows`` is empty without a table.

    ``data`` holds the file's bytes; ``text`` and ``lines`` are decoded from them anew
    each time they are asked for, and not kept: a checking run needs the rows, and the
    text and lines of an index of 100,000 rows would take 40 MB more.
    ``invalid_utf8_line`` is the first line holding bytes that are not UTF-8: ``text``
    has U+FFFD there, so writing ``text`` back would not keep the file's bytes.
    """

    path: Path
    data: bytes
    begin_lines: tuple[int, ...] = ()
    end_lines: tuple[int, ...] = ()
    has_table: bool = False
    rows: tuple[IndexRow, ...] = ()
    table_problems: tuple[TableProblem, ...] = ()
    invalid_utf8_line: int | None = None

    @property
    def text(self) -> str:
        """The file's text; it keeps a byte-order mark, so that a rewrite keeps it too."""
        return self.data.decode("utf-8", errors="replace")

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines without their endings (or a byte-order mark), as Markdown sees them."""
        return tuple(line.rstrip("\r\n") for line in split_lines(self.text.removeprefix("\ufeff")))

    @property
    def markers_ok(self) -> bool:
        return (
            len(self.begin_lines) == 1
            and len(self.end_lines) == 1
            and self.begin_lines[0] < self.end_lines[0]
        )


_BREAK = re.compile(rb"\r\n?|\n")
_TEXT_BREAK = re.compile(r"\r\n?|\n")


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split exactly where markdown-it splits them.

    ``str.splitlines`` also splits on form feeds and U+2028, which would put line
    numbers out of step with the parser's line maps.
    """
    return LINE.findall(text)


def markdown_parser() -> MarkdownIt:
    # Imported here: a run whose cache answers for INDEX.md never needs markdown-it.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _unparsed(path: Path, data: bytes) -> IndexDocument:
    """INDEX.md before its Markdown is parsed."""
    try:
        data.decode("utf-8")
        bad_line = None
    except UnicodeDecodeError as exc:
        bad_line = len(_BREAK.findall(data[: exc.start])) + 1
    return IndexDocument(path, data, invalid_utf8_line=bad_line)


def parse_index(path: Path, data: bytes, previous: IndexDocument | None = None) -> IndexDocument:
    """Parse INDEX.md's bytes; never raises on bad content.

    ``previous`` is an earlier version of the file as parsed (the one a command is about
    to rewrite): a row whose line it holds unchanged, under the same header, is taken
    from it rather than read again, since a row is made from its line and the header
    alone. The result is the same either way.
    """
    return _parse_index(path, data, rows_apart=True, previous=previous)


def _parse_index(
    path: Path, data: bytes, *, rows_apart: bool, previous: IndexDocument | None = None
) -> IndexDocument:
    # With ``rows_apart``, most rows of a long table are read without markdown-it's
    # tokens (see index.long_tables); the result is that of one parse, which is made instead
    # whenever the document does not have the shape that allows it.

    doc = _unparsed(path, data)
    source = _through_last_marker(doc.text.removeprefix("\ufeff"))
    # The rows read their cells' columns from these lines: every row lies before the
    # last marker, so the source's lines number them as the whole document's would.
    source_lines = TextLines(source)
    parser = markdown_parser()
    env: dict[str, Any] = {}
    long_table = None
    if rows_apart:
        begin = next((i for i, line in enumerate(source_lines) if BEGIN_MARKER in line), None)
        if begin is not None:
            long_table = find_long_table(source_lines, begin + 1)
    if long_table is None:
        tokens = _parse_block(parser, source, env)
    else:
        tokens = _parse_block(parser, long_table.reduced, env)
        if not long_table.fits(tokens):
            return _parse_index(path, data, rows_apart=False)
        long_table.shift(tokens)
    begins, ends = _marker_lines(tokens)
    doc = replace(doc, begin_lines=begins, end_lines=ends)
    if not doc.markers_ok:
        return doc
    first, last = begins[0], ends[0]  # the block is the lines strictly between
    tables = [
        i
        for i, t in enumerate(tokens)
        if t.type == "table_open" and t.map and first <= t.map[0] < last - 1
    ]
    if not tables:
        problem = TableProblem(first, 1, "no table between the index markers")
        return replace(doc, table_problems=(problem,))
    if long_table is not None and (tokens[tables[0]].map or [0])[0] != long_table.start:
        return _parse_index(path, data, rows_apart=False)  # the long table is not the index's
    left_out = _LeftOut(long_table, parser, env, previous) if long_table is not None else None
    rows, problems, usable = _read_table(tokens, tables[0], source_lines, left_out)
    for extra in tables[1:]:
        extra_map = tokens[extra].map
        line = extra_map[0] + 1 if extra_map else first
        problems.append(TableProblem(line, 1, "a second table in the index block"))
    return replace(doc, has_table=usable, rows=tuple(rows), table_problems=tuple(problems))


# What parsing INDEX.md found, as plain values for the cache: marker lines, whether the
# table is usable, rows as (line, column names, cell values, file) and table problems.
# A row's values are its RowCells' own tuple (each cell's text, then its start column):
# held by the row and the record alike, not copied, and the column names are one tuple
# for every row of the table (marshal writes it once). Cell by cell, the record of
# 100,000 rows took 50 MB beside the rows.
ParsedIndex = tuple[
    tuple[int, ...],
    tuple[int, ...],
    bool,
    tuple[tuple[int, tuple[str, ...], tuple[Any, ...], str | None], ...],
    tuple[tuple[int, int, str, str | None], ...],
]


def parsed_record(doc: IndexDocument) -> ParsedIndex:
    """What :func:`parse_index` found in ``doc``, as plain values."""
    names: dict[int, tuple[str, ...]] = {}  # each places mapping's names, made once

    def row_record(row: IndexRow) -> tuple[int, tuple[str, ...], tuple[Any, ...], str | None]:
        cells = row.cells
        if not isinstance(cells, RowCells):  # a row made by hand, in a test
            cells = row_cells((key, cell.text, cell.column) for key, cell in cells.items())
        columns = names.get(id(cells._places))
        if columns is None:
            columns = names[id(cells._places)] = tuple(cells._places)
        return (row.line, columns, cells._values, row.file)

    rows = tuple(row_record(row) for row in doc.rows)
    problems = tuple((p.line, p.column, p.message, p.file) for p in doc.table_problems)
    return (doc.begin_lines, doc.end_lines, doc.has_table, rows, problems)


def from_parsed(
    path: Path, data: bytes, record: ParsedIndex, only: Collection[str] | None = None
) -> IndexDocument:
    """The document :func:`parse_index` gives for ``data``, from what it found before;
    with ``only``, with just the rows of the files named there (see :func:`rows_of`).

    ``record`` must be :func:`parsed_record` of the same bytes (the cache keys it by
    their digest); TypeError or ValueError if it is not of that shape.
    """
    begins, ends, has_table, rows, problems = record
    if only is not None:
        rows = tuple(row for row in rows if record_file(row) in only)
    return replace(
        _unparsed(path, data),
        begin_lines=_numbers(begins),
        end_lines=_numbers(ends),
        has_table=bool(has_table),
        rows=tuple(_row_from(*row) for row in rows),
        table_problems=tuple(TableProblem(*problem) for problem in problems),
    )


def rows_of(doc: IndexDocument, names: Collection[str]) -> IndexDocument:
    """``doc`` with only the rows of the files in ``names`` (a row's file: its link
    target, or its File cell's text), in their order, repeated rows included.

    For the rules that compare a seed with its row alone (see run.incremental).
    """
    return replace(doc, rows=tuple(row for row in doc.rows if _row_file(row) in names))


def _row_file(row: IndexRow) -> str:
    if row.file is not None:
        return row.file
    cell = row.cells.get("File")
    return cell.text if cell else ""


def record_file(row: Any) -> object:
    """The file of a row record (see :data:`ParsedIndex`), as :func:`_row_file` reads it
    from the row; ValueError or TypeError if it is not a row record."""
    _, columns, values, file = row
    if file is not None or type(columns) is not tuple or "File" not in columns:
        return "" if file is None else file
    at = 2 * columns.index("File")
    return values[at] if type(values) is tuple and at < len(values) else None


def _numbers(values: object) -> tuple[int, ...]:
    if not isinstance(values, tuple) or not all(type(v) is int for v in values):
        raise TypeError("not a tuple of line numbers")
    return values


def _row_from(
    line: int, columns: tuple[str, ...], values: tuple[Any, ...], file: object
) -> IndexRow:
    # The rules read cells without checking their types (see RowCells), so a record is
    # checked here: a text then a start column for each named column.
    if (
        type(line) is not int
        or not (file is None or type(file) is str)
        or type(values) is not tuple
        or len(values) != 2 * len(columns)
        or not all(type(text) is str for text in values[::2])
        or not all(type(start) is int for start in values[1::2])
    ):
        raise TypeError("not an index row record")
    return IndexRow(line, RowCells(_column_places(columns), values), file)


def _column_places(columns: object) -> dict[str, int]:
    if type(columns) is not tuple or not all(type(c) is str for c in columns):
        raise TypeError("not a tuple of column names")
    places = _places(columns)
    if len(places) != len(columns):
        raise ValueError("a column named twice")  # row_cells never records one
    return places


def _through_last_marker(text: str) -> str:
    """``text`` up to the end of the last line that could be a marker ("" if none).

    Everything seedcheck reads of INDEX.md (markers, the table between them) lies
    before that line's end, and Markdown decides what a line is from the lines above
    it, never from those below: parsing the rest would give the same markers and
    table. It is skipped because it is the user's, of any length, and markdown-it
    holds tokens for every cell of it (gigabytes for a 20 MB table after the block).
    """
    # The last occurrence of either marker, anywhere in a line, is at or after the
    # last marker line: cutting after its line keeps at least what is needed.
    last = max(text.rfind(BEGIN_MARKER), text.rfind(END_MARKER))
    if last < 0:
        return ""
    line_break = _TEXT_BREAK.search(text, last)
    return text[: line_break.end()] if line_break else text


def _parse_block(parser: MarkdownIt, source: str, env: dict[str, Any]) -> list[Token]:
    """``source``'s tokens, with inline content parsed only from the first begin marker on.

    The text above the block is the user's and may be anything: markdown-it's inline
    rules take time that grows faster than its length on some text (1 MB of ``[`` took
    57 s), while its block rules, which decide where the markers and the table are, stay
    linear. Nothing seedcheck reads comes from inline content above the block; link
    reference definitions there are block-level, and still count.
    """
    with parser.reset_rules():
        parser.disable("inline")
        tokens = parser.parse(source, env)
    begins, _ = _marker_lines(tokens)
    first = begins[0] - 1 if begins else len(source)  # a 0-based line
    # From the first block token at or after that line: a table cell's token has no map.
    start = next(
        (i for i, token in enumerate(tokens) if token.map is not None and token.map[0] >= first),
        len(tokens),
    )
    for token in tokens[start:]:
        if token.type == "inline":
            token.children = []
            parser.inline.parse(token.content, parser, env, token.children)
    return tokens


def _marker_lines(tokens: list[Token]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    begins: list[int] = []
    ends: list[int] = []
    for token in tokens:
        if token.type != "html_block" or not token.map:
            continue
        # split_lines, not str.splitlines: a form feed or U+2028 in the block is not
        # a line break for Markdown, and counting it as one misplaces the markers.
        for offset, raw in enumerate(split_lines(token.content)):
            if raw.strip(" \t\r\n") == BEGIN_MARKER:
                begins.append(token.map[0] + offset + 1)
            elif raw.strip(" \t\r\n") == END_MARKER:
                ends.append(token.map[0] + offset + 1)
    return tuple(begins), tuple(ends)


class _LeftOut(NamedTuple):
    """The rows a reduced parse left out, how to read their file links, and the earlier
    version of the document whose unchanged rows may be reused (see parse_index)."""

    table: LongTable
    parser: MarkdownIt
    env: dict[str, Any]
    previous: IndexDocument | None


def _read_table(
    tokens: list[Token], start: int, lines: Sequence[str], left_out: _LeftOut | None = None
) -> tuple[list[IndexRow], list[TableProblem], bool]:
    """Rows and shape problems of the table at ``tokens[start]``, and whether it is usable.

    ``left_out`` are the table's further rows, which the tokens lack (see index.long_tables).
    """
    problems: list[TableProblem] = []
    header, rows = _table_rows(tokens, start, lines, problems)
    if left_out is not None:
        rows += _left_out_rows(left_out, header, lines, problems)
    header_line = (tokens[start].map or [0])[0] + 1
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        problems.insert(
            0,
            TableProblem(
                header_line,
                1,
                f"index table lacks column(s) {', '.join(missing)}; run `seedcheck index`",
            ),
        )
        return [], problems, False
    return rows, problems, True


def _table_rows(
    tokens: list[Token],
    start: int,
    lines: Sequence[str],
    problems: list[TableProblem],
) -> tuple[list[str], list[IndexRow]]:
    """The header and rows of the table at ``tokens[start]``."""
    header: list[str] = []
    file_index: int | None = None
    rows: list[IndexRow] = []
    i = start
    in_head = False
    current: list[Token] = []
    row_line = (tokens[start].map or [0])[0] + 1
    while i < len(tokens) and tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            current = []
            row_line = (token.map or [row_line - 1])[0] + 1
        elif token.type == "inline":
            current.append(token)
        elif token.type == "tr_close":
            if in_head:
                header = [decode_cell(t.content) for t in current]
                file_index = header.index("File") if "File" in header else None
            else:
                target = (
                    _link_target(current[file_index].children or [])
                    if file_index is not None and file_index < len(current)
                    else None
                )
                contents = [t.content for t in current]
                row = _row(header, contents, target, row_line, lines=lines, problems=problems)
                if row is not None:
                    rows.append(row)
        i += 1
    return header, rows


def _left_out_rows(
    left_out: _LeftOut, header: list[str], lines: Sequence[str], problems: list[TableProblem]
) -> list[IndexRow]:
    """The rows of ``left_out``, each as markdown-it would have tokenised it."""

    width = len(header)
    file_index = header.index("File") if "File" in header else None
    known = _known_rows(left_out.previous, header) if file_index is not None else {}
    rows: list[IndexRow] = []
    for line, columns in left_out.table.rows():
        if known and file_index is not None:
            # Reused only when its file link is plain: any other is read with the
            # document's link references, which the earlier version may not share.
            same = known.get(lines[line].rstrip("\r\n"))
            if same is not None and _PLAIN_LINK.fullmatch(cell_content(columns, file_index)):
                rows.append(IndexRow(line + 1, same.cells, same.file))
                continue
        contents = [cell_content(columns, i) for i in range(width)]
        target = None
        if file_index is not None:
            target = _file_target(contents[file_index], left_out.parser, left_out.env)
        row = _row(header, contents, target, line + 1, lines=lines, problems=problems)
        if row is not None:
            rows.append(row)
    return rows


def _known_rows(previous: IndexDocument | None, header: list[str]) -> dict[str, IndexRow]:
    """The rows of ``previous`` by their line's text, those read under this header."""
    if previous is None or not previous.rows:
        return {}
    columns = tuple(dict.fromkeys(header))  # as row_cells keeps them
    lines = previous.lines
    return {
        lines[row.line - 1]: row
        for row in previous.rows
        if 0 < row.line <= len(lines) and tuple(row.cells) == columns
    }


# The File cell seedcheck index writes, ``[name](<name>)``, with a name in which nothing
# is Markdown or changed by link normalisation: its link target is the name. Any other
# cell is parsed by markdown-it.
_PLAIN_LINK = re.compile(r"\[[A-Za-z0-9._-]+\]\((?:<([A-Za-z0-9._-]+)>|([A-Za-z0-9._-]+))\)")


def _file_target(content: str, parser: MarkdownIt, env: dict[str, Any]) -> str | None:
    """The target of the first link in a File cell's source, as markdown-it finds it."""
    plain = _PLAIN_LINK.fullmatch(content)
    if plain is not None:
        return sys.intern(plain.group(1) or plain.group(2))
    tokens = parser.parseInline(content, env)
    return _link_target(tokens[0].children or []) if tokens else None


def _row(
    header: list[str],
    contents: list[str],
    target: str | None,
    line: int,
    *,
    lines: Sequence[str],
    problems: list[TableProblem],
) -> IndexRow | None:
    """A body row from its cells' sources as markdown-it's inline tokens hold them."""
    source = lines[line - 1].rstrip("\r\n") if 0 < line <= len(lines) else ""
    starts = cell_starts(source)
    if len(starts) != len(header):
        which = f"row for {excerpt(target)}" if target else "row"
        problems.append(
            TableProblem(
                line,
                1,
                f"{which} has {len(starts)} cell{'' if len(starts) == 1 else 's'}; "
                f"the header has {len(header)}",
                target,
            )
        )
        return None
    cells = row_cells(
        (name, _shared(name, decode_cell(content)), column)
        for name, content, column in zip(header, contents, starts, strict=False)
    )
    return IndexRow(line, cells, target)


# Cells whose text a seed's summary also holds, or that many rows share (bylines,
# dates, word counts): interned, each is held once (see seed.summary.shared_texts).
SHARED_COLUMNS = frozenset(("Title", "Byline", "Published", "Words"))


def _shared(column: str, text: str) -> str:
    return sys.intern(text) if column in SHARED_COLUMNS else text


def _link_target(children: Sequence[Token]) -> str | None:
    for child in children:
        if child.type == "link_open":
            href = child.attrs.get("href")
            # Interned: the listing's path of the seed holds the same name, interned.
            return sys.intern(unquote(str(href))) if href is not None else None
    return None
