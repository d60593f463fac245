"""Pairing INDEX.md rows with the seeds they describe, for the index rules."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import cast

from seedcheck.corpus.listing import Entry, name_pattern
from seedcheck.corpus.value import Corpus
from seedcheck.index.block import KeptRow, indexed_seeds
from seedcheck.index.document import IndexDocument, IndexRow
from seedcheck.seed.summary import SeedSummary

# Entries that exist but were not read: their rows can be neither checked nor rebuilt.
UNREAD_KINDS = ("too-large", "unreadable", "not-regular")


@dataclass(frozen=True)
class IndexMatch:
    """The usable index of a corpus with its rows keyed by the file they name.

    ``duplicates`` are rows naming a file an earlier row already names.
    """

    document: IndexDocument
    rows: Mapping[str, IndexRow]
    duplicates: tuple[tuple[IndexRow, IndexRow], ...]
    seeds: Mapping[str, SeedSummary]
    skipped: frozenset[str]

    def pairs(self) -> Iterator[tuple[str, SeedSummary, IndexRow]]:
        """Each indexed seed that has a row, with its row."""
        for name, seed in self.seeds.items():
            row = self.rows.get(name)
            if row is not None:
                yield name, seed, row


def row_file(row: IndexRow) -> str:
    """The file a row names: its link target, or the File cell's text."""
    if row.file is not None:
        return row.file
    cell = row.cells.get("File")
    return cell.text if cell else ""


def match_index(corpus: Corpus) -> IndexMatch | None:
    """The rows and seeds to compare, or None when the index has no usable table.

    Six rules ask for it; the corpus keeps the one made first (an index of 10,000 rows
    takes 0.1 s to pair).
    """
    if "index_match" not in corpus.derived:
        corpus.derived["index_match"] = pair_rows(corpus)
    return cast("IndexMatch | None", corpus.derived["index_match"])


def pair_rows(corpus: Corpus) -> IndexMatch | None:
    """:func:`match_index`, made anew."""
    document = corpus.index
    if document is None or not document.markers_ok or not document.has_table:
        return None
    rows: dict[str, IndexRow] = {}
    duplicates: list[tuple[IndexRow, IndexRow]] = []
    for row in document.rows:
        name = row_file(row)
        if name in rows:
            duplicates.append((rows[name], row))
        else:
            rows[name] = row
    seeds = {seed.name: seed for seed in indexed_seeds(corpus.seeds)}
    # Files that exist but were not read (too large, unreadable) are neither
    # missing from the index nor orphans of it.
    skipped = frozenset(e.name for e in corpus.entries if e.kind in UNREAD_KINDS)
    # Read-only views: the six index rules share one match (see match_index).
    return IndexMatch(
        document, MappingProxyType(rows), tuple(duplicates), MappingProxyType(seeds), skipped
    )


def unread_seed_rows(corpus: Corpus) -> list[tuple[KeptRow, str]]:
    """The index rows of seeds that could not be read, each with why it could not.

    ``seedcheck index`` and ``fix`` keep these rows as they are, rather than drop them.
    """
    document = corpus.index
    if document is None or not document.markers_ok:
        return []
    # A malformed row is still that seed's row: its source line is kept as it is.
    lines = {row_file(row): row.line for row in document.rows}
    for problem in document.table_problems:
        if problem.file is not None:
            lines.setdefault(problem.file, problem.line)
    pattern = name_pattern(corpus.pattern)
    source = document.lines  # decoded anew on each access
    kept: list[tuple[KeptRow, str]] = []
    for entry in corpus.entries:
        match = pattern.fullmatch(entry.name)
        line = lines.get(entry.name)
        if entry.kind not in UNREAD_KINDS or match is None or line is None:
            continue
        number = match.group("number")
        order = int(number) if number.isascii() and number.isdigit() else 0
        row = KeptRow(order, entry.name, source[line - 1])
        kept.append((row, _why_unread(entry)))
    return kept


def _why_unread(entry: Entry) -> str:
    if entry.kind == "too-large":
        return f"it is larger than {entry.detail}"
    if entry.kind == "not-regular":
        return f"it is {entry.detail}, not a regular file"
    return entry.detail or "unknown error"
