"""Rendering the INDEX.md block, and the row each seed should have.

:func:`expected_row` is shared by ``seedcheck index`` (which writes it) and the index
rules (which compare against it), so the two can never disagree.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError
from seedcheck.index.cells import encode_cell
from seedcheck.index.document import (
    BEGIN_MARKER,
    COLUMNS,
    END_MARKER,
    IndexDocument,
    parse_index,
    split_lines,
)
from seedcheck.seed.summary import SeedSummary
from seedcheck.text.lines import LINE

DIGEST_LENGTH = 16
_ALIGN = {"No.": "---:", "Words": "---:"}

NEW_INDEX_HEAD = """# Index

Every seed in this folder, in number order. The table between the markers is generated
by `seedcheck index`; text outside the markers is yours and is kept as it is.
"""


def expected_row(seed: SeedSummary) -> dict[str, str]:
    """The cells of ``seed``'s row, as text (before Markdown escaping)."""
    return {
        "No.": seed.number or "",
        "File": seed.name,
        "Title": seed.title,
        "Byline": seed.byline,
        "Published": seed.published,
        "Words": str(seed.word_count),
        "SHA-256": seed.digest[:DIGEST_LENGTH],
    }


Current = Mapping[str, Mapping[str, str]]  # file name -> column -> cell text


def current_cells(
    document: IndexDocument | None, seeds: Sequence[SeedSummary]
) -> dict[str, dict[str, str]]:
    """The cells of the rows in ``document`` of the ``seeds`` that hold a title or byline
    back (the only rows :func:`written_row` reads), by the file each row names."""
    held = {seed.name for seed in seeds if seed.held}
    if document is None or not held:
        return {}  # most runs: every row of 100,000 turned into a dict for none
    found: dict[str, dict[str, str]] = {}
    for row in document.rows:
        name = (
            row.file
            if row.file is not None
            else row.cells["File"].text
            if "File" in row.cells
            else ""
        )
        if name in held:
            found.setdefault(name, {column: cell.text for column, cell in row.cells.items()})
    return found


def written_row(seed: SeedSummary, current: Current) -> dict[str, str]:
    """The row ``seedcheck index`` writes for ``seed``: its expected row, except that a
    title or byline the seed holds invalid keeps the row's current cell, which may be
    the only correct copy (the index never gets worse). A new seed's row takes the
    seed's value: its own title-invalid or byline-invalid fails until it is fixed, and
    index-mismatch then until the index is rewritten."""
    row = expected_row(seed)
    now = current.get(seed.name) if seed.held else None
    if now is not None:
        for column, _ in seed.held:
            if column in now:
                row[column] = now[column]
    return row


def held_back(
    seeds: Sequence[SeedSummary], document: IndexDocument | None
) -> list[tuple[str, str, str]]:
    """(file, column, why) of each row's cell that the index keeps, though the seed
    says otherwise, because the seed's value is invalid."""
    current = current_cells(document, seeds)
    found = []
    for seed in indexed_seeds(seeds):
        now = current.get(seed.name)
        if not seed.held or now is None:
            continue
        expected = expected_row(seed)
        for column, why in seed.held:
            if column in now and now[column] != expected[column]:
                found.append((seed.name, column, why))
    return found


def indexed_seeds(seeds: Sequence[SeedSummary]) -> list[SeedSummary]:
    """The seeds that belong in the index (named by the pattern), in number order."""
    named = [s for s in seeds if s.number is not None]
    return sorted(named, key=lambda s: (int(s.number or 0), s.name))


@dataclass(frozen=True)
class KeptRow:
    """A row kept verbatim: that of a seed that exists but could not be read.

    Regenerating would drop it, and it may hold the only copy of a byline.
    """

    number: int
    name: str
    line: str


def seed_count(count: int) -> str:
    """``1 seed``, ``2 seeds``: how many seeds an index lists, as commands report it."""
    return f"{count} seed{'' if count == 1 else 's'}"


def render_block(
    seeds: Sequence[SeedSummary],
    newline: str = "\n",
    kept: Sequence[KeptRow] = (),
    current: Current | None = None,
) -> str:
    """The whole generated block, markers included, ending with ``newline``.

    ``kept`` rows go in number order among the seeds' rows, as they are; ``current`` are
    the cells of the rows now (see :func:`written_row`).
    """
    return newline.join(_block_lines(seeds, kept, current or {})) + newline


def _block_lines(
    seeds: Sequence[SeedSummary], kept: Sequence[KeptRow] = (), current: Current | None = None
) -> Iterator[str]:
    """The lines of :func:`render_block`, without their line breaks, one at a time."""
    yield from (BEGIN_MARKER, "")
    yield "| " + " | ".join(COLUMNS) + " |"
    yield "| " + " | ".join(_ALIGN.get(c, "---") for c in COLUMNS) + " |"
    items: Iterable[SeedSummary | str] = indexed_seeds(seeds)  # in number order
    if kept:
        ordered: list[tuple[int, str, SeedSummary | str]] = [
            (int(seed.number or 0), seed.name, seed) for seed in indexed_seeds(seeds)
        ]
        ordered += [(row.number, row.name, row.line) for row in kept]
        items = [item for _, _, item in sorted(ordered, key=lambda entry: entry[:2])]
    for item in items:
        if isinstance(item, str):
            yield item
            continue
        row = written_row(item, current or {})
        name = row["File"]
        # The columns of COLUMNS, in order, written out (a test holds them to it): one
        # f-string a row, not a list of cells; every run that checks or writes INDEX.md
        # renders every row.
        yield (
            f"| {encode_cell(row['No.'])} | [{encode_cell(name)}](<{_link_target(name)}>) | "
            f"{encode_cell(row['Title'])} | {encode_cell(row['Byline'])} | "
            f"{encode_cell(row['Published'])} | {encode_cell(row['Words'])} | "
            f"{encode_cell(row['SHA-256'])} |"
        )
    yield from ("", END_MARKER)


def block_is_rendered(document: IndexDocument, seeds: Sequence[SeedSummary]) -> bool:
    """Whether the block in ``document`` is exactly what :func:`render_block` writes.

    Line by line, without the whole block in memory twice (at 100,000 seeds the text
    and lines of both would take 80 MB).
    """
    lines = _document_lines(document, document.begin_lines[0] - 1, document.end_lines[0])
    marker = next(lines, "")  # the block's first line: its ending is the block's
    newline = _newline_of(marker)
    standing = itertools.chain((marker,), lines)
    written = (line + newline for line in _block_lines(seeds, (), current_cells(document, seeds)))
    return all(a == b for a, b in itertools.zip_longest(standing, written))


def _document_lines(document: IndexDocument, start: int, stop: int) -> Iterator[str]:
    """Lines ``start`` to ``stop`` (0-based, stop excluded) of the document, with their
    endings, as :func:`split_lines` splits them."""
    found = (match.group() for match in LINE.finditer(document.text))
    return itertools.islice(found, start, stop)


def _link_target(name: str) -> str:
    # Inside <…> only "<", ">" and line breaks are special; percent-encode those.
    return name.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A")


def rewrite_index(
    document: IndexDocument | None, seeds: Sequence[SeedSummary], kept: Sequence[KeptRow] = ()
) -> str:
    """INDEX.md's new text: the block replaced in place, or added to a new file.

    Text outside the markers is preserved byte for byte. Broken markers are not
    guessed at: the user fixes them, since guessing could overwrite their text.
    """
    if document is None:
        return NEW_INDEX_HEAD + "\n" + render_block(seeds)
    current = current_cells(document, seeds)
    if document.invalid_utf8_line is not None:
        # Writing the decoded text back would replace those bytes with U+FFFD.
        raise SeedcheckError(
            f"{display_path(str(document.path))}: line {document.invalid_utf8_line} "
            "is not valid UTF-8; "
            "rewriting the file would change your text there; save INDEX.md as UTF-8, "
            "then run seedcheck index again"
        )
    if not document.begin_lines and not document.end_lines:
        text = document.text
        separator = "" if not text else ("\n" if text.endswith("\n") else "\n\n")
        new = text + separator + render_block(seeds, kept=kept, current=current)
        if not parse_index(document.path, new.encode("utf-8")).markers_ok:
            # The text before leaves Markdown open (an unclosed code fence): a block
            # added there would be text too, and every run would add another.
            raise SeedcheckError(
                f"{display_path(str(document.path))}: a block added at its end would not "
                "be read as the index, since the text before it leaves Markdown open (an "
                "unclosed ``` fence?); close it, then run seedcheck index again"
            )
        return new
    if not document.markers_ok:
        raise SeedcheckError(
            f"{display_path(str(document.path))}: the index markers are broken "
            f"(begin on line(s) {_lines(document.begin_lines)}, "
            f"end on line(s) {_lines(document.end_lines)}); leave exactly one "
            f"{BEGIN_MARKER} before one {END_MARKER}, then run seedcheck index again"
        )
    lines = split_lines(document.text)
    begin, end = document.begin_lines[0], document.end_lines[0]
    block = render_block(seeds, block_newline(document), kept, current)
    return "".join(lines[: begin - 1]) + block + "".join(lines[end:])


def block_newline(document: IndexDocument) -> str:
    """The line ending the block is written with: the one its begin marker has."""
    if not document.begin_lines:
        return "\n"
    start = document.begin_lines[0] - 1
    return _newline_of(next(_document_lines(document, start, start + 1), ""))


def _newline_of(line: str) -> str:
    return "\r\n" if line.endswith("\r\n") else "\n"


def _lines(numbers: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in numbers) or "none"
