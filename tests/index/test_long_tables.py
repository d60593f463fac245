"""A long INDEX.md table read apart gives exactly what one parse gives.

conftest makes every table of two rows or more have its later rows read without
markdown-it's row tokens; these cases are the shapes where that could go wrong (cells
split, trimmed, escaped; file links written otherwise than ``seedcheck index`` writes
them), each compared with one parse of the whole document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import seedcheck.index.document
from seedcheck.index.document import BEGIN_MARKER, END_MARKER, _parse_index, parse_index

HEAD = (
    "| No. | File | Title | Byline | Published | Words | SHA-256 |\n"
    "| --- | --- | --- | --- | --- | --- | --- |\n"
)


def _row(number: int, title: str = "A title", cells: int = 7) -> str:
    name = f"{number:03d}_{number:016x}.txt"
    values = [f"{number:03d}", f"[{name}]({name})", title, "Ana", "2024-01-02", "300", "ab" * 8]
    return "| " + " | ".join(values[:cells]) + " |\n"


def _rows(count: int, **kwargs: object) -> str:
    return "".join(_row(n, **kwargs) for n in range(count))  # type: ignore[arg-type]


def _block(table: str, before: str = "# Index\n\n", after: str = "\nNotes.\n") -> str:
    return f"{before}{BEGIN_MARKER}\n\n{table}\n{END_MARKER}\n{after}"


CASES = {
    "generated": _block(HEAD + _rows(10)),
    "escaped-pipes-and-marks": _block(
        HEAD + _rows(4) + _row(4, r"Pipes \| and \\ and \*stars\* &#32;") + _rows(3)
    ),
    "short-rows": _block(HEAD + _rows(3) + _row(3, cells=5) + _rows(4) + _row(9, cells=2)),
    "long-row": _block(HEAD + _rows(3) + _row(3) + "| x " * 9 + "|\n" + _rows(3)),
    "end-marker-right-after": f"{BEGIN_MARKER}\n{HEAD}{_rows(8)}{END_MARKER}\n",
    "a-second-table": _block(HEAD + _rows(6) + "\n" + HEAD + _rows(6)),
    "missing-column": _block(HEAD.replace("| SHA-256 |", "| Digest |") + _rows(7)),
    "crlf": _block(HEAD + _rows(7)).replace("\n", "\r\n"),
    "no-delimiter-row": _block(HEAD.splitlines()[0] + "\n" + _rows(8)),
    "in-a-quote": _block("".join("> " + line + "\n" for line in (HEAD + _rows(6)).splitlines())),
    "indented": _block("".join("  " + line + "\n" for line in (HEAD + _rows(6)).splitlines())),
    "pipes-before-the-block": "| a | b |\n| - | - |\n"
    + "| 1 | 2 |\n" * 6
    + _block(HEAD + _rows(5)),
    "reference-link": _block(
        HEAD + _rows(3) + "| 003 | [file][ref] | T | A | 2024 | 3 | x |\n" + _rows(4)
    )
    + "\n[ref]: 003_0000000000000003.txt\n",
    "after-a-paragraph": _block("Some text\n" + HEAD + _rows(6)),
    "fenced": _block("```\n" + HEAD + _rows(6) + "```\n"),
    "unterminated-fence-before": "```\n" + _block(HEAD + _rows(6)),
    "no-end-marker": f"{BEGIN_MARKER}\n\n{HEAD}{_rows(8)}",
    "bom-and-bad-utf8": "\ufeff" + _block(HEAD + _rows(4) + _row(4, "caf\udce9") + _rows(3)),
    "odd-cells": _block(
        HEAD
        + _rows(2)
        + "|002|[002_0000000000000002.txt](<002_0000000000000002.txt>)|T|A|2024|3|x|\n"
        + "| 003 | x | \t T\x00 | \u2003A\xa0 | | 3 |   |\n"
        + "| 004 | y | a \\| b \\\\| c | A | 2024 | 3 | x\n"
        + "| 005 | y | `a \\| b` | A | 2024 | 3 | x |\n"
        + _rows(2)
    ),
    "escaped-last-pipe": _block(HEAD + _rows(2) + "| 002 | y | T | A | 2024 | 3 | x | \\|\n"),
}

# File cells: what the shortcut for seedcheck's own ``[name](<name>)`` must leave to
# markdown-it, each in a row between generated ones.
FILE_CELLS = [
    "[a.txt](<a.txt>)",
    "[a.txt](a.txt)",
    "[a.txt](<b.txt>)",
    "[a b.txt](<a b.txt>)",
    "[a.txt](<a%20b.txt>)",
    "[a.txt](a%2.txt)",
    "[caf\u00e9.txt](<caf\u00e9.txt>)",
    '[a.txt](<a.txt> "title")',
    "[a.txt](<a.txt>) [b.txt](<b.txt>)",
    "x [a.txt](<a.txt>)",
    "[a.txt](javascript:alert.txt)",
    "[a.txt](<file:a.txt>)",
    "[a_b_.txt](<_a_.txt>)",
    "*[a.txt](<a.txt>)*",
    "`[a.txt](<a.txt>)`",
    "[a.txt]( <a.txt> )",
    "[a.txt](<a.txt>",
    "[[a.txt]](<a.txt>)",
    "\\[a.txt](<a.txt>)",
    "[a.txt](<a\\.txt>)",
    "[a.txt](<a&amp;b.txt>)",
    "[a.txt][ref]",
    "<a.txt>",
    "<https://example.org/a.txt>",
    "a.txt",
    "",
]
for at, cell in enumerate(FILE_CELLS):
    CASES[f"file-cell-{at}"] = (
        _block(HEAD + _rows(2) + f"| 002 | {cell} | T | A | 2024 | 3 | x |\n" + _rows(2))
        + "\n[ref]: <r.txt>\n"
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_rows_read_apart_give_what_one_parse_gives(case: str) -> None:
    data = CASES[case].encode("utf-8", errors="surrogateescape")
    path = Path("INDEX.md")
    assert parse_index(path, data) == _parse_index(path, data, rows_apart=False)


def test_rows_read_apart_keep_their_lines_and_cells() -> None:
    data = _block(HEAD + _rows(9), before="").encode()
    document = parse_index(Path("INDEX.md"), data)
    assert [row.line for row in document.rows] == list(range(5, 14))
    assert document.rows[8].file == "008_0000000000000008.txt"
    assert document.rows[8].cells["No."].text == "008"
    assert document.end_lines == (15,)


def test_a_table_too_short_to_read_apart_is_parsed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("seedcheck.index.long_tables.MIN_ROWS_LEFT_OUT", 64)
    data = _block(HEAD + _rows(10)).encode()
    assert parse_index(Path("INDEX.md"), data) == _parse_index(
        Path("INDEX.md"), data, rows_apart=False
    )


@pytest.fixture
def whole_parses(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each parse of INDEX.md, in order, whether it was asked to parse it whole."""
    whole: list[bool] = []
    parse = seedcheck.index.document._parse_index

    def spy(path: Path, data: bytes, *, rows_apart: bool, previous: Any = None) -> Any:
        whole.append(not rows_apart)
        return parse(path, data, rows_apart=rows_apart, previous=previous)

    monkeypatch.setattr(seedcheck.index.document, "_parse_index", spy)
    return whole


@pytest.mark.parametrize(
    ("case", "falls_back"),
    [
        ("generated", False),
        ("escaped-pipes-and-marks", False),
        ("short-rows", False),
        ("crlf", False),
        ("end-marker-right-after", False),
        ("reference-link", False),
        ("bom-and-bad-utf8", False),
        ("a-second-table", False),
        ("missing-column", False),
        ("long-row", True),  # a row wider than the header
        ("no-delimiter-row", True),  # not a table at all
        ("pipes-before-the-block", False),  # that table is outside the block
        ("in-a-quote", False),  # no line starts with a pipe: nothing to read apart
        ("odd-cells", False),
        ("escaped-last-pipe", True),  # eight cells: the last pipe is escaped
        *((f"file-cell-{at}", False) for at in range(len(FILE_CELLS))),
    ],
)
def test_which_documents_fall_back_to_one_parse(
    case: str, falls_back: bool, whole_parses: list[bool]
) -> None:
    parse_index(Path("INDEX.md"), CASES[case].encode("utf-8", errors="surrogateescape"))
    assert whole_parses == ([False, True] if falls_back else [False])


def test_without_the_table_rule_helpers_a_long_table_is_parsed_whole(
    monkeypatch: pytest.MonkeyPatch, whole_parses: list[bool]
) -> None:
    """markdown-it-py before 4.3 has no mdTrim (and trims cells otherwise): there the
    rows cannot be split as its table rule splits them, so the document is parsed whole."""
    import markdown_it.common.utils

    monkeypatch.delattr(markdown_it.common.utils, "mdTrim")
    data = CASES["generated"].encode()
    expected = _parse_index(Path("INDEX.md"), data, rows_apart=False)
    whole_parses.clear()
    assert parse_index(Path("INDEX.md"), data) == expected
    assert whole_parses == [False, True]  # asked to read rows apart, parsed whole


# Earlier versions a command may rewrite INDEX.md from: every row reused, some, none, or
# the same lines under another header or beside other link references.
EARLIER = ["generated", "missing-column", "reference-link", "crlf", "odd-cells", "file-cell-21"]


@pytest.mark.parametrize("earlier", EARLIER)
@pytest.mark.parametrize("case", sorted(CASES))
def test_rows_of_an_earlier_version_give_what_a_parse_gives(case: str, earlier: str) -> None:
    path = Path("INDEX.md")
    data = CASES[case].encode("utf-8", errors="surrogateescape")
    previous = parse_index(path, CASES[earlier].encode("utf-8", errors="surrogateescape"))
    assert parse_index(path, data, previous) == parse_index(path, data)


def test_an_unchanged_row_is_taken_from_the_earlier_version() -> None:
    path = Path("INDEX.md")
    previous = parse_index(path, _block(HEAD + _rows(9)).encode())
    edited = _block(HEAD + _rows(4) + _row(4, "A new title") + _rows(9)[len(_rows(5)) :])
    document = parse_index(path, edited.encode(), previous)
    assert document.rows[3].cells is previous.rows[3].cells  # reused
    assert document.rows[4].cells is not previous.rows[4].cells  # read anew
    assert document.rows[4].cells["Title"].text == "A new title"
    assert document == parse_index(path, edited.encode())


def test_a_row_linked_by_reference_is_read_again_with_the_new_references() -> None:
    path = Path("INDEX.md")
    row = "| 002 | [a.txt][ref] | T | A | 2024 | 3 | x |\n"
    table = HEAD + _rows(2) + row + _rows(4)[len(_rows(3)) :]
    # References count up to the last marker: defined before the block.
    previous = parse_index(path, _block(table, before="[ref]: <old.txt>\n\n").encode())
    data = _block(table, before="[ref]: <new.txt>\n\n").encode()
    document = parse_index(path, data, previous)
    assert [r.file for r in previous.rows][2] == "old.txt"
    assert [r.file for r in document.rows][2] == "new.txt"
    assert document == parse_index(path, data)
