"""Short, escaped quotes of user input for messages.

A message may quote what it found, but never more than a short excerpt, and never raw
control characters: a huge or binary value must not flood a terminal or a CI log.
"""

from __future__ import annotations

MAX_EXCERPT = 80


def excerpt(text: str, limit: int = MAX_EXCERPT) -> str:
    """Return ``text`` quoted, escaped and cut to ``limit`` characters."""
    cut = len(text) > limit
    shown = text[:limit]
    escaped = escape(shown)
    return f"'{escaped}'" + ("…" if cut else "")


def escape(text: str) -> str:
    """``text`` with control characters escaped, whole: for paths in a line of output."""
    return "".join(_escape_char(ch) for ch in text)


def _escape_char(ch: str) -> str:
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    code = ord(ch)
    if code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0:
        return f"\\x{code:02x}"
    if ch in "\u2028\u2029\ufeff" or 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return ch
