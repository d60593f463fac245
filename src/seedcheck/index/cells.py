"""Escaping of INDEX.md table cells, so that any title round-trips exactly.

Every character Markdown would act on in a table cell is backslash-escaped, a backslash
included, so a person reading the rendered table sees the title as written and
:func:`decode_cell` recovers it exactly. What a cell cannot hold literally is written as
an escape no original can produce: a line break as ``\\n`` (the backslash of an original
is always doubled), surrounding whitespace, which the table parser would trim, as a
character reference such as ``&#32;`` (an original ``&`` is always escaped).
"""

from __future__ import annotations

import re

_ACTIVE = set("\\`*_[]<>&|!~#")
_ENCODED_CONTROL = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_DECODE = re.compile(r"\\([!-/:-@\[-`{-~nrt])|&#([0-9]{1,7});")
# A pipe that does not follow a backslash: a cell boundary to the table parser.
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_PUNCT_DECODED = {"n": "\n", "r": "\r", "t": "\t"}
# Anything encode_cell would change: an active or control character, or an underscore
# that is not between two letters or digits. Most cells (names, titles, dates, digests)
# hold none, and go out as they are; a row is 7 cells, and an index 100,000 rows.
_NEEDS_ENCODING = re.compile(r"[\\`*\[\]<>&|!~#\x00-\x1f\x7f-\x9f]|(?<![^\W_])_|_(?![^\W_])")


def encode_cell(text: str) -> str:
    """Markdown source for a table cell that displays, and decodes to, ``text``."""
    if not (text[:1].isspace() or text[-1:].isspace() or _NEEDS_ENCODING.search(text)):
        return text
    return _escaped(text)


def _escaped(text: str) -> str:
    """:func:`encode_cell` a character at a time, for a text that needs escaping."""
    body = text.strip(" ")
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" ")) if body else 0
    out = []
    for i, ch in enumerate(body):
        if ch in _ENCODED_CONTROL:
            out.append(_ENCODED_CONTROL[ch])
        elif _is_control(ch) or (ch.isspace() and (i == 0 or i == len(body) - 1)):
            # Control characters must not reach INDEX.md raw (an ESC colours a terminal),
            # and the parser trims edge Unicode whitespace (no-break space…) from cells.
            out.append(f"&#{ord(ch)};")
        elif ch == "_" and _inside_word(body, i):
            # An underscore between letters never starts emphasis; leave file names legible.
            out.append(ch)
        elif ch in _ACTIVE:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "&#32;" * lead + "".join(out) + "&#32;" * trail


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code < 0xA0


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def decode_cell(source: str) -> str:
    """The text of a cell, from its source as the Markdown table parser split it.

    The parser has already turned ``\\|`` into ``|`` while splitting cells.
    """
    if "\\" not in source and "&" not in source:
        return source  # nothing _DECODE could match: most cells

    def replace(match: re.Match[str]) -> str:
        if match.group(2) is not None:
            code = int(match.group(2))
            return chr(code) if code <= 0x10FFFF else match.group(0)
        ch = match.group(1)
        return _PUNCT_DECODED.get(ch, ch)

    return _DECODE.sub(replace, source)


def cell_starts(line: str) -> list[int]:
    """1-based columns where each cell's text starts in a table row's source line.

    Pipes are found as the GFM table parser finds them (a pipe right after a backslash
    is part of the cell), so the count also tells whether a row has the right width.
    """
    bounds = [match.start() for match in _UNESCAPED_PIPE.finditer(line)]
    stripped = line.strip()
    starts_with_pipe = stripped.startswith("|")
    ends_with_pipe = stripped.endswith("|") and not stripped.endswith("\\|")
    edges = [-1, *bounds, len(line)]
    columns: list[int] = []
    for k in range(len(edges) - 1):
        begin, stop = edges[k] + 1, edges[k + 1]
        segment = line[begin:stop]
        if k == 0 and starts_with_pipe:
            continue
        if k == len(edges) - 2 and ends_with_pipe:
            continue
        columns.append(begin + (len(segment) - len(segment.lstrip())) + 1)
    return columns
