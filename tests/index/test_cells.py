"""Cell escaping: every title survives INDEX.md's table and the real Markdown parser.

A title is encoded with ``encode_cell``, put in a table row, parsed by markdown-it-py
through ``parse_index`` (which splits cells as GFM does and decodes them), and must
come back exactly. The same titles also go through a real seed and ``render_block``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from seedcheck.index import cells
from seedcheck.index.block import render_block
from seedcheck.index.cells import cell_starts, decode_cell, encode_cell
from seedcheck.index.document import BEGIN_MARKER, COLUMNS, END_MARKER, IndexDocument, parse_index
from seedcheck.seed.file import parse_seed
from seedcheck.seed.model import SeedMetadata
from seedcheck.seed.summary import summarize

NASTY = [
    "Plain Title",
    "\x1b[31mRed\x1b[0m alert",
    "Bell\x07 and NUL\x00 inside",
    "C1 \x9b control",
    "a | b",
    "a || b",
    "|",
    "| leading pipe",
    "trailing pipe |",
    r"a \| b",
    r"a \\| b",
    "trailing backslash \\",
    "\\",
    "\\\\",
    "\\n is not a newline",
    "back\\slash in the middle",
    END_MARKER,
    BEGIN_MARKER,
    "<!-- a comment",
    "line one\nline two",
    "line one\r\nline two",
    "ends with a newline\n",
    "  two leading spaces",
    "two trailing spaces  ",
    " ",
    "   ",
    "&amp;",
    "&#32;",
    "&#160;",
    "\\&#32;",
    "AT&T",
    "*a*",
    "**bold**",
    "_a_",
    "snake_case_name",
    "_leading and trailing_",
    "`code`",
    "``double``",
    "[x](y)",
    "![image](y.png)",
    "<https://example.org>",
    "<b>bold</b>",
    "~~struck~~",
    "# not a heading",
    "1. not a list",
    "- not a list",
    "> not a quote",
    "---",
    ":---:",
    "a\tb",
    "\tleading tab",
    "trailing tab\t",
    "\u00a0no-break spaces\u00a0",
    "\u2003em space",
    "ideographic space\u3000",
    "line\u2028separator",
    "form\x0cfeed",
    "Ünïcödé — “quotes” 東京 Ελληνικά 🚢",
    "e\u0301 combining accent",
    "[link][ref]",
    "&nbsp; and &copy;",
    "100% *not* escaped?",
    "! ~ # at the edges !",
]


def _table(cell: str) -> bytes:
    header = "| " + " | ".join(COLUMNS) + " |"
    rule = "| " + " | ".join("---" for _ in COLUMNS) + " |"
    row = (
        f"| 000 | [000_0123456789abcdef.txt](<000_0123456789abcdef.txt>) | {cell} | B |  | 1 | d |"
    )
    text = f"# Index\n\n{BEGIN_MARKER}\n\n{header}\n{rule}\n{row}\n\n{END_MARKER}\n"
    return text.encode("utf-8")


def _only_row(document: IndexDocument) -> tuple[int, str, int]:
    """Line, decoded Title and its column, of the single row of ``document``."""
    assert document.table_problems == ()
    assert len(document.rows) == 1
    row = document.rows[0]
    return row.line, row.cells["Title"].text, row.cells["Title"].column


@pytest.mark.parametrize("title", NASTY)
def test_round_trip_through_the_table_parser(title: str) -> None:
    encoded = encode_cell(title)
    assert "\n" not in encoded
    assert "\r" not in encoded
    document = parse_index(Path("INDEX.md"), _table(encoded))
    line, text, column = _only_row(document)
    assert text == title
    assert line == 7
    source = document.lines[line - 1]
    assert source[column - 1 :].startswith(encoded)


@pytest.mark.parametrize("title", NASTY)
def test_round_trip_through_render_block(title: str, tmp_path: Path) -> None:
    front = yaml.safe_dump({"title": title, "byline": "Jane Doe"}, allow_unicode=True)
    data = f"---\n{front}---\nBody text.\n".encode()
    path = tmp_path / "000_0123456789abcdef.txt"
    seed = parse_seed(
        path,
        data,
        number="000",
        seed_id="0123456789abcdef",
        layout="auto",
        model=SeedMetadata,
    )
    title_field = seed.field("title")
    assert title_field is not None
    assert title_field.value == title  # the YAML round trip itself is sound
    block = render_block([summarize(seed)])
    document = parse_index(tmp_path / "INDEX.md", block.encode("utf-8"))
    assert document.markers_ok
    _, text, _ = _only_row(document)
    assert text == title
    assert document.rows[0].file == seed.name


@pytest.mark.parametrize("title", NASTY)
def test_decode_inverts_encode_without_the_parser(title: str) -> None:
    # The parser turns "\|" into "|" before decode_cell sees a cell; do the same here.
    assert decode_cell(encode_cell(title).replace("\\|", "|")) == title


def test_every_markdown_active_character_is_escaped() -> None:
    assert encode_cell(r"*a* _b_ `c` [d](e) <f> & | ! ~ # \ ") == (
        r"\*a\* \_b\_ \`c\` \[d\](e) \<f\> \& \| \! \~ \# \\&#32;"
    )


def test_word_inner_underscores_stay_legible() -> None:
    assert encode_cell("000_0123456789abcdef.txt") == "000_0123456789abcdef.txt"


def test_surrounding_whitespace_becomes_character_references() -> None:
    assert encode_cell("  a  ") == "&#32;&#32;a&#32;&#32;"
    assert encode_cell("\u00a0a\u3000") == "&#160;a&#12288;"
    assert encode_cell(" ") == "&#32;"
    # Inside the text whitespace is kept as it is.
    assert encode_cell("a\u00a0b c") == "a\u00a0b c"


def test_line_breaks_and_tabs_become_escapes() -> None:
    assert encode_cell("a\nb\r\tc") == r"a\nb\r\tc"


def test_decode_leaves_an_out_of_range_reference_alone() -> None:
    assert decode_cell("&#99999999;") == "&#99999999;"
    assert decode_cell("&#1114112;") == "&#1114112;"
    assert decode_cell("&#65;") == "A"


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| a | b |", ["a", "b"]),
        ("|a|b|", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("| a | b", ["a", "b"]),
        ("a | b |", ["a", "b"]),
        ("|  spaced  |   out |", ["spaced", "out"]),
        (r"| a \| b | c |", [r"a \| b", "c"]),
        (r"| a \\| b | c |", [r"a \\| b", "c"]),
        (r"| trailing \\ | c |", [r"trailing \\", "c"]),
        (r"| ends with escaped pipe \|", [r"ends with escaped pipe \|"]),
        ("| | empty |", ["", "empty"]),
        ("| 東京 | Ünï | x |", ["東京", "Ünï", "x"]),
    ],
)
def test_cell_starts(line: str, cells: list[str]) -> None:
    starts = cell_starts(line)
    assert len(starts) == len(cells)
    for start, cell in zip(starts, cells, strict=True):
        if cell:
            assert line[start - 1 :].startswith(cell), (line, start, cell)


def test_cell_starts_columns_exactly() -> None:
    # 1-based character columns, not bytes: "東京" is two characters.
    assert cell_starts("| 000 | 東京 | x |") == [3, 9, 14]
    assert cell_starts(r"| a \| b | c |") == [3, 12]
    assert cell_starts("a | b") == [1, 5]


def test_cell_starts_agrees_with_the_parser_on_cell_count() -> None:
    # A row whose cell count cell_starts gets wrong would be reported as malformed.
    for title in NASTY:
        document = parse_index(Path("INDEX.md"), _table(encode_cell(title)))
        assert document.table_problems == (), title


def test_control_characters_never_reach_the_file_raw() -> None:
    encoded = encode_cell("\x1b[31mRed\x00\x7f\x9b")
    assert encoded == "&#27;\\[31mRed&#0;&#127;&#155;"


# Characters each branch of the escaping reads: active ones, controls, spaces at the
# edges (ASCII, no-break, ideographic), underscores beside letters, digits of other
# scripts (isalnum), and plain letters.
_CELL_CHARACTERS = "ab_1 \t\n\r\u00a0\u3000é漢²٣\\`*[]<>&|!~#\x1b\x7f\x9f\u2028"


@given(st.text(alphabet=_CELL_CHARACTERS, max_size=12))
def test_a_cell_with_nothing_to_escape_is_written_as_the_escaping_would_write_it(
    text: str,
) -> None:
    # encode_cell skips the character loop when nothing needs escaping; it must never
    # skip a character the loop would have escaped.
    assert encode_cell(text) == cells._escaped(text)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("0001_ab12.txt", "0001_ab12.txt"),
        ("_lead", "\\_lead"),
        ("trail_", "trail\\_"),
        ("a__b", "a\\_\\_b"),
        ("snake_case name", "snake_case name"),
    ],
)
def test_underscores_between_letters_stay_as_they_are(text: str, written: str) -> None:
    assert encode_cell(text) == written


def _pipes_by_hand(line: str) -> list[int]:
    """Where the table parser splits a row: each pipe not right after a backslash."""
    bounds, escaped = [], False
    for i, ch in enumerate(line):
        if ch == "|" and not escaped:
            bounds.append(i)
        escaped = ch == "\\"
    return bounds


@given(st.text(alphabet="|\\ a\t", max_size=16))
def test_cells_start_after_every_unescaped_pipe(line: str) -> None:
    found = [m.start() for m in cells._UNESCAPED_PIPE.finditer(line)]
    assert found == _pipes_by_hand(line)


@given(st.text(alphabet="ab\\&#;0123nrt|", max_size=14))
def test_a_cell_without_backslash_or_ampersand_decodes_to_itself(source: str) -> None:
    # decode_cell returns such a cell as it is; it must be what the decoding gives.
    def decoded_by_hand(text: str) -> str:
        return cells._DECODE.sub(
            lambda m: (
                (chr(int(m.group(2))) if int(m.group(2)) <= 0x10FFFF else m.group(0))
                if m.group(2) is not None
                else cells._PUNCT_DECODED.get(m.group(1), m.group(1))
            ),
            text,
        )

    assert decode_cell(source) == decoded_by_hand(source)
