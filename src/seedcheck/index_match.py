"""Pairing INDEX.md rows with the seeds they describe, for the index rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seedcheck.corpus import Corpus
from seedcheck.index_block import indexed_seeds
from seedcheck.index_file import IndexDocument, IndexRow
from seedcheck.seed_file import SeedFile


@dataclass(frozen=True)
class IndexMatch:
    """The usable index of a corpus with its rows keyed by the file they name.

    ``duplicates`` are rows naming a file an earlier row already names.
    """

    document: IndexDocument
    rows: dict[str, IndexRow]
    duplicates: tuple[tuple[IndexRow, IndexRow], ...]
    seeds: dict[str, SeedFile]
    skipped: frozenset[str]

    def pairs(self) -> Iterator[tuple[str, SeedFile, IndexRow]]:
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
    """The rows and seeds to compare, or None when the index has no usable table."""
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
    skipped = frozenset(
        e.name for e in corpus.entries if e.kind in ("too-large", "unreadable", "not-regular")
    )
    return IndexMatch(document, rows, tuple(duplicates), seeds, skipped)
