"""Hypothesis strategies for hostile seed corpora: bytes, YAML-ish headers, INDEX.md
text, titles that fight the table, and documents for ``seedcheck fix``."""

from __future__ import annotations

from hypothesis import strategies as st

from seedcheck.index.document import BEGIN_MARKER, END_MARKER

# Any character a str can hold in a UTF-8 file (lone surrogates cannot be encoded).
_CHAR = st.characters(exclude_categories=["Cs"])

# Pieces that mean something to YAML, Markdown tables or seedcheck's parsers.
_YAML_TOKENS = [
    "---", "...", ":", ": ", "- ", "? ", "&a ", "*a", "!!python/object ", "!tag ", "<<: ",
    "[", "]", "{", "}", ",", "#", "|", ">", "'", '"', "\\", "%YAML 1.1", "\t", "  ", "\n",
    "\r", "\r\n", "\x00", "\ufeff", "title", "byline", "published", "tags", "2024-02-30",
    "null", "~", "true", "0x1F", "1e999", "é",
    # YAML's standard tags, each on a value it takes and on one it cannot: PyYAML's
    # constructors raise KeyError, IndexError or AttributeError on the latter.
    "!!bool yes", "!!bool maybe", "!!int 0x1F", "!!int +", '!!int ""', "!!float 1.5",
    '!!float ""', "!!timestamp 2024-01-01", "!!timestamp nope", "!!str 1984", "!!str [a]",
    "!!null ~", "!!null x", "!!binary aGk=", "!!binary é", "!!set {a, b}", "!!set [a]",
    "!!omap [a: 1]", "!!omap {a: 1}", "!!pairs [a: 1]", "!!pairs x", "!!seq [a]", "!!seq x",
    "!!map {a: 1}", "!!map [a]", "!!bool ", "!!int ", "!!timestamp ",
]  # fmt: skip
_TABLE_TOKENS = [
    "|", "\\", "\\|", "<!--", "-->", "\n", "\r\n", "\r", "\t", "`", "``", "*", "_", "[", "]",
    "(", ")", "<", ">", "&amp;", "&#124;", "#", " ", "  ", "\x00", "\x1b[31m", "\u2028",
    "\ufeff", "\xa0", BEGIN_MARKER, END_MARKER,
]  # fmt: skip


def _joined(tokens: list[str], max_size: int) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(_CHAR, st.sampled_from(tokens)), max_size=max_size).map("".join)


def front_matter_text() -> st.SearchStrategy[str]:
    """Arbitrary text, and text built from YAML's special pieces, for a header."""
    lines = st.lists(
        st.tuples(
            st.sampled_from(["title", "byline", "tags", "url", "x", "", "  - "]),
            _joined(_YAML_TOKENS, 12),
        ).map(lambda kv: f"{kv[0]}: {kv[1]}"),
        max_size=8,
    ).map("\n".join)
    return st.one_of(st.text(_CHAR, max_size=300), _joined(_YAML_TOKENS, 60), lines)


def index_text() -> st.SearchStrategy[str]:
    """Arbitrary text, and text built from table and marker pieces, for INDEX.md."""
    row = _joined(_TABLE_TOKENS, 20).map(lambda cells: f"| 000 | {cells} |")
    table = st.lists(row, max_size=5).map(
        lambda rows: "\n".join(
            [BEGIN_MARKER, "", "| No. | File | Title |", "| --- | --- | --- |", *rows, END_MARKER]
        )
    )
    return st.one_of(st.text(_CHAR, max_size=300), _joined(_TABLE_TOKENS, 60), table)


def cell_text() -> st.SearchStrategy[str]:
    """A title or byline with everything that could break a table row."""
    return _joined(_TABLE_TOKENS, 40)


def seed_bytes() -> st.SearchStrategy[bytes]:
    """Arbitrary bytes, and arbitrary text in encodings a scraper might produce."""
    text = st.text(_CHAR, max_size=300)
    return st.one_of(
        st.binary(max_size=600),
        text.map(lambda t: t.encode("utf-8")),
        text.map(lambda t: ("---\n" + t).encode("utf-16")),
        front_matter_text().map(lambda t: f"---\n{t}\n---\nBody text.\n".encode()),
    )


def document_text() -> st.SearchStrategy[str]:
    """Words separated by every kind of blank and line ending ``fix`` deals with."""
    word = st.text(st.characters(categories=["L", "N", "P", "S"]), min_size=1, max_size=8)
    gap = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", "\r", " \n", "\t\r\n", "\xa0", "\u3000"])
    body = st.lists(st.tuples(word, gap), max_size=40).map(
        lambda pairs: "".join(w + g for w, g in pairs)
    )
    return st.tuples(st.sampled_from(["", "\ufeff", "\ufeff\ufeff"]), body).map("".join)


# What people write around the index block, with every character str.splitlines()
# would take for a line break but Markdown does not.
_OUTSIDE_TOKENS = [
    "<div>", "</div>", "<details>", "<!--", "-->", "# h", "| a |", "| - |", "- ", ">",
    "    ", "\t", "\n", "\n\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e",
    "\x85", "\u2028", "\u2029", "\ufeff", "&#32;", "\\", "x",
]  # fmt: skip


def outside_text() -> st.SearchStrategy[str]:
    """Text before or after the index block: HTML, Markdown and odd line breaks."""
    return _joined(_OUTSIDE_TOKENS, 12)


# What text normalisation treats specially, where a line break could fall among it.
_NORMAL_TOKENS = [
    "-", "--", " - ", "\u2013", "\u2014", "'", "\u2019", "\u201c", "\u00ad", "\u200b",
    "\ufb01", "\u2026", "e\u0301", "\u0301", "\u00bd", "\uff21", "\u2163", "_", " ", "\t",
    "\xa0", "\n", "\n\n", "\r\n", "\r", "word", "don't", "1990-2000",
]  # fmt: skip


def body_text() -> st.SearchStrategy[str]:
    """A seed body of words, punctuation and breaks that normalisation changes."""
    return _joined(_NORMAL_TOKENS, 60)
