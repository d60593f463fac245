"""Positions in a file's bytes turned into the 1-based line and column people see.

Columns count characters, not bytes, as editors and ruff do; a byte-order mark at the
start of the file is not counted.
"""

from __future__ import annotations

BOM_BYTES = b"\xef\xbb\xbf"


def line_starts(data: bytes) -> list[int]:
    """Byte offsets at which each line starts."""
    starts = [0]
    pos = data.find(b"\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = data.find(b"\n", pos + 1)
    return starts


def column_of(line_bytes: bytes, offset: int, first_line: bool) -> int:
    """1-based character column of byte ``offset`` within one line's bytes."""
    prefix = line_bytes[:offset]
    if first_line and prefix.startswith(BOM_BYTES):
        prefix = prefix[len(BOM_BYTES) :]
    return len(prefix.decode("utf-8", errors="replace")) + 1
