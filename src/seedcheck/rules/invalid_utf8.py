"""invalid-utf8: a seed file or INDEX.md holds bytes that are not valid UTF-8.

Why: seeds are UTF-8 text. A stray Latin-1 byte (``caf\\xe9``) or a file saved as
UTF-16 turns into replacement characters or a crash in whatever reads the corpus next.

Example: a line containing the byte ``0xE9`` on its own (Latin-1 ``é``).

Fix: re-save the file as UTF-8 (``iconv -f latin1 -t utf-8``), or retype the character.
Each line with invalid bytes is reported once, at its first invalid byte; a file that
starts with a UTF-16 byte-order mark is reported once, as UTF-16.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile
from seedcheck.text.positions import column_of, line_starts

MAX_REPORTED_LINES = 10
# Windows PowerShell 5 writes `>` redirections like this (little-endian first).
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def check(seed: SeedFile) -> Iterator[Finding]:
    yield from _check_bytes(seed.path, seed.data)


def check_index(corpus: Corpus) -> Iterator[Finding]:
    if corpus.index is not None:
        yield from _check_bytes(corpus.index.path, corpus.index.data)


def _check_bytes(path: Path, data: bytes) -> Iterator[Finding]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return
    if data.startswith(UTF16_BOMS):
        yield Finding(
            path,
            1,
            1,
            "file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8; re-save it "
            "as UTF-8 (iconv -f utf-16 -t utf-8)",
        )
        return
    starts = line_starts(data)
    bad_lines = 0
    first_hidden: tuple[int, int] | None = None
    for number, start in enumerate(starts, 1):
        stop = starts[number] if number < len(starts) else len(data)
        chunk = data[start:stop]
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad_lines += 1
            if bad_lines > MAX_REPORTED_LINES:
                if first_hidden is None:
                    first_hidden = (number, column_of(chunk, exc.start, number == 1))
                continue
            column = column_of(chunk, exc.start, number == 1)
            shown = " ".join(f"0x{b:02X}" for b in chunk[exc.start : exc.end])
            yield Finding(path, number, column, f"invalid UTF-8 byte(s) {shown}")
    if first_hidden is not None:
        # At the first line not shown, so that it follows the lines that are.
        yield Finding(
            path,
            *first_hidden,
            f"{bad_lines - MAX_REPORTED_LINES} more line(s) with invalid UTF-8 from here on "
            "not shown; is this a text file in UTF-8?",
        )


RULE = file_rule(
    "SC101",
    "invalid-utf8",
    "File is not valid UTF-8.",
    check,
    also=check_index,
    also_inputs="index",
)
