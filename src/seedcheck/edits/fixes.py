"""Safe fixes: what ``seedcheck fix`` would change, computed without touching a file.

A fix is safe when it cannot change a word of the document: it removes a byte-order
mark, turns CRLF line endings into LF, strips the blanks at the end of lines (the ones
``trailing-whitespace`` reports), adds the one missing final newline, and rewrites the
generated INDEX.md block. Everything else (a lone CR inside a line, an invalid byte, a
bad byline) needs a person and is left for ``validate`` to report.

Decisions:

- A lone CR inside a line is kept. It may be an old Mac line break, or a stray byte
  from a broken conversion; turning it into a line break would change which line is
  the title or the header, so a person decides. A CR at the *end* of a line, among its
  trailing blanks, separates nothing and is stripped with them.
- A file that is not valid UTF-8 or holds NUL bytes (UTF-16, binary) is left alone
  entirely: rewriting its decoded text would replace bytes the user never asked to change.
- INDEX.md's block is rewritten as ``seedcheck index`` would, but only when that loses
  nothing a person wrote: its markers are intact, its text is UTF-8, its table is well
  formed, and every row names an existing seed and agrees with it on title, byline and
  date. A row that disagrees may hold the only copy of a byline the scraper lost, so a
  person decides which side is right. Numbers, word counts, digests, order, layout and
  missing rows are derived from the files and always safe to regenerate. A missing or
  markerless index is ``seedcheck index``'s job. The row of a seed that could not be
  read (too large, unreadable, not a regular file) is kept as it is, as index keeps it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from seedcheck.corpus.index_match import row_file, unread_seed_rows
from seedcheck.corpus.value import Corpus
from seedcheck.index.block import KeptRow, expected_row, indexed_seeds, rewrite_index
from seedcheck.index.document import IndexDocument, parse_index
from seedcheck.rules.trailing_whitespace import BLANKS
from seedcheck.seed.file import BOM, Layout, SeedFile, parse_seed
from seedcheck.seed.model import SeedMetadata
from seedcheck.seed.summary import SeedSummary, summarize
from seedcheck.text.excerpt import escape, excerpt

# Index cells that a person may have written and no seed may still hold.
HAND_WRITTEN = ("Title", "Byline", "Published")


@dataclass(frozen=True)
class TextFix:
    """A seed's fixed text and the fixes it took, described for people."""

    text: str
    applied: tuple[str, ...]


@dataclass(frozen=True)
class FileFix:
    """One file to rewrite: its bytes as read, its bytes after the fixes."""

    path: Path
    old: bytes
    new: bytes
    applied: tuple[str, ...]


@dataclass(frozen=True)
class CorpusFixes:
    """The fixes for one corpus, the files left alone (and why), and the corpus as it
    will be once the fixes are written, for the findings that remain."""

    fixes: tuple[FileFix, ...]
    left_alone: tuple[tuple[Path, str], ...]
    fixed: Corpus


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def remove_byte_order_mark(text: str) -> tuple[str, bool]:
    """``text`` without the byte-order mark it starts with, and whether it had one.

    Only the first: a second U+FEFF is a character of the first line (readers drop one
    mark), and removing it could change the title. :func:`reading_change` then tells
    the user, since the next reader would take that character for a mark.
    """
    if text.startswith(BOM):
        return text[1:], True
    return text, False


def strip_line_ends(text: str) -> tuple[str, int, int]:
    """CRLF turned into LF and blanks stripped from the end of every line.

    Returns the text, the number of CRLF line endings and the number of lines that lost
    trailing blanks. A CR among the trailing blanks goes with them; a CR inside a line
    stays (see the module's decisions).
    """
    lines = text.split("\n")
    crlf = trailing = 0
    out: list[str] = []
    last = len(lines) - 1
    for number, line in enumerate(lines):
        ends_crlf = number < last and line.endswith("\r")
        content = line[:-1] if ends_crlf else line
        stripped = content.rstrip(BLANKS + "\r")
        crlf += ends_crlf
        trailing += stripped != content
        out.append(stripped)
    return "\n".join(out), crlf, trailing


def add_final_newline(text: str) -> tuple[str, bool]:
    """``text`` ending in exactly the one newline it lacked; an empty text stays empty."""
    if text and not text.endswith("\n"):
        return text + "\n", True
    return text, False


def fix_text(text: str) -> TextFix:
    """Apply every safe text fix; applying it again changes nothing, unless ``text``
    starts with two byte-order marks (only the first is removed)."""
    applied: list[str] = []
    text, removed = remove_byte_order_mark(text)
    if removed:
        applied.append("byte-order mark")
    text, crlf, trailing = strip_line_ends(text)
    if crlf:
        applied.append(f"CRLF line endings ({_count(crlf, 'line')})")
    if trailing:
        applied.append(f"trailing whitespace ({_count(trailing, 'line')})")
    text, added = add_final_newline(text)
    if added:
        applied.append("final newline")
    return TextFix(text, tuple(applied))


READ_ONLY = "read-only (no write permission); make it writable to fix it"


def is_read_only(path: Path) -> bool:
    """Whether the user made ``path`` read-only: fix would replace it all the same.

    Replacing a file needs only a writable folder, and root may write anything, so
    the owner's write bit counts too.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # the write reports it, with the reason
    return not os.access(path, os.W_OK) or not mode & stat.S_IWUSR


def why_not_fixable(data: bytes) -> str | None:
    """Why a file's bytes must not be rewritten as text, or None when they may be."""
    if b"\x00" in data:
        return "it holds NUL bytes (binary or UTF-16?); save it as UTF-8 text by hand"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "it is not valid UTF-8; rewriting it would change the bytes that are not"
    return None


def _as_read(value: object) -> object:
    """A field value as a reader takes it: edge whitespace of its text does not count."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple):
        return tuple(_as_read(item) for item in value)
    if isinstance(value, dict):
        return tuple((key, _as_read(item)) for key, item in value.items())
    return value


def reading_change(before: SeedFile, after: SeedFile) -> str | None:
    """What a reader of ``after`` gets that differs from ``before``, or None.

    The text fixes only touch blanks and line ends, but YAML gives some of those a
    meaning (an escaped space before a line break), so the fixed seed is read again and
    compared: layout, every field (title and byline of a plain seed too) and the body's
    words. Edge whitespace of a value is what the fixes are for, and does not count.
    """
    if before.layout != after.layout:
        return f"the layout would change from {before.layout} to {after.layout}"
    was = {f.key: f.value for f in before.fields}
    now = {f.key: f.value for f in after.fields}
    for key, value in was.items():
        if key not in now:
            return f"{excerpt(key, 40)} would be lost"
        if _as_read(value) != _as_read(now[key]):
            return f"{escape(key)} {_shown_value(value)} would become {_shown_value(now[key])}"
    for key in now:
        if key not in was:
            return f"{excerpt(key, 40)} would appear"
    if before.body.split() != after.body.split():
        return "the body's words would change"
    return None


def _shown_value(value: object) -> str:
    return excerpt(value, 60) if isinstance(value, str) else escape(repr(value))


def _written_by_hand(
    document: IndexDocument,
    before: Sequence[SeedSummary],
    after: Sequence[SeedSummary],
    kept: Sequence[KeptRow],
) -> str | None:
    """What in the index block a rewrite would lose that no seed holds, or None.

    A cell is held by its seed when it agrees with the seed as read (``before``) or as
    fixed (``after``): a title whose trailing blanks the fixes strip changes too. The
    ``kept`` rows (of seeds that could not be read) are written back as they are.
    """
    unread = {row.name for row in kept}
    block = document.lines[document.begin_lines[0] : document.end_lines[0] - 1]
    if document.table_problems and any(line.strip() for line in block):
        problem = document.table_problems[0]
        return f"its table is malformed (line {problem.line}: {problem.message})"
    was = {seed.name: seed for seed in indexed_seeds(before)}
    now = {seed.name: seed for seed in indexed_seeds(after)}
    for row in document.rows:
        name = row_file(row)
        if name in unread:
            continue
        if name not in now:
            return f"line {row.line} lists {excerpt(name, 40)}, which is not a seed here"
        expected = expected_row(now[name])
        read = expected_row(was[name]) if name in was else expected
        held = {column for column, _ in now[name].held}
        for column in HAND_WRITTEN:
            if column in held:
                continue  # kept as it is by the rewrite (see index.block.written_row)
            cell = row.cells.get(column)
            if cell is not None and cell.text not in (expected[column], read[column]):
                return (
                    f"line {row.line} gives {column} {excerpt(cell.text, 40)} but "
                    f"{escape(name)} says {excerpt(expected[column], 40)}"
                )
    return None


def _index_fix(
    document: IndexDocument | None,
    before: Sequence[SeedSummary],
    seeds: Sequence[SeedSummary],
    kept: Sequence[KeptRow],
) -> FileFix | str | None:
    """The rewrite of INDEX.md's block, or why INDEX.md is left alone, or None (current)."""
    if document is None:
        return None  # index-missing reports it; creating the file is `seedcheck index`
    if document.invalid_utf8_line is not None:
        return f"line {document.invalid_utf8_line} is not valid UTF-8"
    if not document.markers_ok:
        return "its index markers are missing or broken; fix them, then run `seedcheck index`"
    conflict = _written_by_hand(document, before, seeds, kept)
    if conflict is not None:
        return f"{conflict}; correct whichever is wrong, then run `seedcheck index`"
    new = rewrite_index(document, seeds, kept).encode("utf-8")
    if new == document.data:
        return None
    if is_read_only(document.path):
        return READ_ONLY
    return FileFix(document.path, document.data, new, ("index block",))


def plan_fixes(
    corpus: Corpus,
    only: frozenset[Path] | None,
    *,
    layout: Layout,
    model: type[SeedMetadata],
) -> CorpusFixes:
    """Every safe fix for the seeds of ``corpus`` in ``only`` (None: all of them).

    Only those seeds are read again; the rest of the corpus is its summaries. The
    INDEX.md block is rewritten when the whole corpus or INDEX.md itself is named, from
    the seeds as they will be after their fixes.
    """
    fixes: list[FileFix] = []
    left: list[tuple[Path, str]] = []
    summaries: list[SeedSummary] = []
    for summary in corpus.seeds:
        if only is not None and summary.path not in only:
            summaries.append(summary)
            continue
        fixed = _seed_fix(corpus, summary, layout=layout, model=model)
        if isinstance(fixed, str):
            left.append((summary.path, fixed))
            summaries.append(summary)
        elif fixed is None:
            summaries.append(summary)
        else:
            fixes.append(fixed[0])
            summaries.append(summarize(fixed[1]))
    index = corpus.index
    if only is None or corpus.index_path in only:
        kept = [row for row, _ in unread_seed_rows(corpus)]
        index_fix = _index_fix(index, corpus.seeds, summaries, kept)
        if isinstance(index_fix, FileFix):
            fixes.append(index_fix)
            index = parse_index(index_fix.path, index_fix.new)
        elif index_fix is not None:
            left.append((corpus.index_path, index_fix))
    fixed_corpus = replace(corpus, seeds=tuple(summaries), loaded_index=index, index_loader=None)
    return CorpusFixes(tuple(fixes), tuple(left), fixed_corpus)


def _seed_fix(
    corpus: Corpus, summary: SeedSummary, *, layout: Layout, model: type[SeedMetadata]
) -> tuple[FileFix, SeedFile] | str | None:
    """A seed's fix and the seed as fixed, or why it is left alone, or None (nothing)."""
    data = corpus.reader.read_bytes(summary) if corpus.reader is not None else None
    if data is None:
        return "it changed or could not be read while seedcheck worked; run seedcheck fix again"
    # A file that needs nothing is never "left alone": only a needed fix is refused.
    reason = why_not_fixable(data)
    if reason is not None:
        as_is = data.decode("utf-8", errors="surrogateescape")
        return None if fix_text(as_is).text == as_is else reason
    fixed = fix_text(data.decode("utf-8"))
    new = fixed.text.encode("utf-8")
    if new == data:
        return None
    if is_read_only(summary.path):
        return READ_ONLY
    number, seed_id = summary.number, summary.seed_id
    before = parse_seed(
        summary.path, data, number=number, seed_id=seed_id, layout=layout, model=model
    )
    after = parse_seed(
        summary.path, new, number=number, seed_id=seed_id, layout=layout, model=model
    )
    change = reading_change(before, after)
    if change is not None:
        return f"fixing it would change what it says: {change}; fix it by hand"
    return FileFix(summary.path, data, new, fixed.applied), after
