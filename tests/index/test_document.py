"""INDEX.md as the cache keeps it: parsed_record and from_parsed."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

import pytest

from seedcheck.index.document import (
    BEGIN_MARKER,
    END_MARKER,
    IndexDocument,
    RowCells,
    from_parsed,
    parse_index,
    parsed_record,
)

INDEX = f"""# Index

{BEGIN_MARKER}
| No. | File | Title | Byline | Published | Words | SHA-256 |
| --- | --- | --- | --- | --- | --- | --- |
| 1 | [a.txt](a.txt) | A \\| b | Ana Silva | 2024-01-02 | 300 | {"a" * 64} |
| 2 | [b.txt](b.txt) | B | Ana Silva | 2024-01-03 | 310 | {"b" * 64} |
| 3 | [c.txt](c.txt) | C | only four cells |
| 4 | c.txt | no link | Bo | 2024-01-04 | 20 | {"c" * 64} |
{END_MARKER}
""".encode()

PATH = Path("INDEX.md")


def _same(one: IndexDocument, other: IndexDocument) -> None:
    assert one.begin_lines == other.begin_lines
    assert one.end_lines == other.end_lines
    assert one.has_table == other.has_table
    assert one.table_problems == other.table_problems
    assert [(r.line, dict(r.cells), r.file) for r in one.rows] == [
        (r.line, dict(r.cells), r.file) for r in other.rows
    ]


def test_a_record_through_marshal_gives_the_document_back() -> None:
    parsed = parse_index(PATH, INDEX)
    assert parsed.rows and parsed.table_problems  # the case has both
    again = from_parsed(PATH, INDEX, marshal.loads(marshal.dumps(parsed_record(parsed))))
    _same(again, parsed)
    assert again.rows[0].cells["Title"].text == "A | b"


def test_a_record_shares_the_rows_values_and_one_column_tuple() -> None:
    parsed = parse_index(PATH, INDEX)
    rows = parsed_record(parsed)[3]
    cells = [row.cells for row in parsed.rows]
    assert all(isinstance(c, RowCells) for c in cells)
    # The very tuple the row holds, not a copy of it.
    assert all(record[2] is c._values for record, c in zip(rows, cells, strict=True))  # type: ignore[attr-defined]
    assert len({id(record[1]) for record in rows}) == 1


def _with_row(row: Any) -> Any:
    begins, ends, has_table, rows, problems = parsed_record(parse_index(PATH, INDEX))
    return (begins, ends, has_table, (*rows, row), problems)


def test_a_well_formed_row_record_is_taken_as_it_is() -> None:
    record = _with_row((9, ("No.", "File"), ("1", 2, "x", 3), None))
    row = from_parsed(PATH, INDEX, record).rows[-1]
    assert (row.line, dict(row.cells), row.file) == (
        9,
        {"No.": ("1", 2), "File": ("x", 3)},
        None,
    )


@pytest.mark.parametrize(
    "record",
    [
        5,
        (),
        _with_row((9, ("No.",), ("1",), None)),  # a text without its start column
        _with_row((9, ("No.",), ("1", "2"), None)),  # a start column that is text
        _with_row((9, ("No.",), (1, 2), None)),  # a text that is a number
        _with_row((9, ("No.", "No."), ("1", 1, "2", 2), None)),  # a column named twice
        _with_row((9, (1,), ("1", 1), None)),  # a column name that is a number
        _with_row(("9", ("No.",), ("1", 1), None)),  # a line that is text
        _with_row((9, ("No.",), ("1", 1), 7)),  # a file that is a number
        _with_row((9, ("No.",), ["1", 1], None)),  # values not a tuple
        _with_row((9, ("No.",), ("1", 1))),  # a field missing
        (("1",), (), True, (), ()),  # marker lines that are text
    ],
)
def test_a_record_of_another_shape_is_refused(record: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        from_parsed(PATH, INDEX, record)
