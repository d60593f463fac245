"""A long INDEX.md table parsed in chunks gives exactly what one parse gives.

conftest makes every table of two rows or more go through chunks of three rows; these
cases are the shapes where chunking could go wrong, each compared with one parse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import seedcheck.index_file
from seedcheck.index_file import BEGIN_MARKER, END_MARKER, _parse_index, parse_index

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
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("chunk_rows", [1, 3, 1000])
def test_chunks_give_what_one_parse_gives(
    case: str, chunk_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("seedcheck.index_file.CHUNK_ROWS", chunk_rows)
    data = CASES[case].encode("utf-8", errors="surrogateescape")
    path = Path("INDEX.md")
    assert parse_index(path, data) == _parse_index(path, data, in_chunks=False)


def test_chunked_rows_keep_their_lines_and_cells() -> None:
    data = _block(HEAD + _rows(9), before="").encode()
    document = parse_index(Path("INDEX.md"), data)
    assert [row.line for row in document.rows] == list(range(5, 14))
    assert document.rows[8].file == "008_0000000000000008.txt"
    assert document.rows[8].cells["No."].text == "008"
    assert document.end_lines == (15,)


def test_a_table_too_short_to_chunk_is_parsed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("seedcheck.index_reduce.MIN_ROWS_LEFT_OUT", 64)
    data = _block(HEAD + _rows(10)).encode()
    assert parse_index(Path("INDEX.md"), data) == _parse_index(
        Path("INDEX.md"), data, in_chunks=False
    )


@pytest.fixture
def whole_parses(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each parse of INDEX.md, in order, whether it was asked to parse it whole."""
    whole: list[bool] = []
    parse = seedcheck.index_file._parse_index

    def spy(path: Path, data: bytes, *, in_chunks: bool) -> Any:
        whole.append(not in_chunks)
        return parse(path, data, in_chunks=in_chunks)

    monkeypatch.setattr(seedcheck.index_file, "_parse_index", spy)
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
        ("in-a-quote", False),  # no line starts with a pipe: nothing to chunk
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
    chunks cannot be split as its table rule splits them, so the document is parsed whole."""
    import markdown_it.common.utils

    monkeypatch.delattr(markdown_it.common.utils, "mdTrim")
    data = CASES["generated"].encode()
    expected = _parse_index(Path("INDEX.md"), data, in_chunks=False)
    whole_parses.clear()
    assert parse_index(Path("INDEX.md"), data) == expected
    assert whole_parses == [False, True]  # asked in chunks, parsed whole
