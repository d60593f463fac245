"""Short, escaped quotes of user input for messages.

A message may quote what it found, but never more than a short excerpt, and never raw
control characters: a huge or binary value must not flood a terminal or a CI log.
"""

from __future__ import annotations

import re

MAX_EXCERPT = 80

# What json.dumps(..., ensure_ascii=False) leaves raw although a terminal or a log viewer
# may act on it: DEL, the C1 controls (U+009B is a one-character CSI), the line and
# paragraph separators, a byte-order mark, and lone surrogates from undecodable names.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def excerpt(text: str, limit: int = MAX_EXCERPT) -> str:
    """Return ``text`` quoted, escaped and cut to ``limit`` characters."""
    cut = len(text) > limit
    shown = text[:limit]
    escaped = escape(shown)
    return f"'{escaped}'" + ("…" if cut else "")


def escape(text: str, keep: str = "") -> str:
    """``text`` with control characters escaped, whole: for paths in a line of output.

    Characters in ``keep`` (say ``"\\n"`` where a format escapes line breaks its own way)
    are left as they are.
    """
    return "".join(ch if ch in keep else _escape_char(ch) for ch in text)


def escape_json(dumped: str) -> str:
    """JSON text with every control character written as a ``\\uXXXX`` escape.

    The value a reader decodes is unchanged; only the raw characters are gone from the
    output, as json.dumps already does for those below U+0020.
    """
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)


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
