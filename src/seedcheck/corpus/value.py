"""Corpus discovery and loading: which entries a corpus folder holds, read and parsed.

This is the I/O edge of a run. Everything after it (rules, filtering, reporting) works
on the :class:`Corpus` value it returns.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from seedcheck.corpus.listing import Entry
from seedcheck.corpus.reading import read_limited
from seedcheck.display import display_path
from seedcheck.index.document import INDEX_NAME, IndexDocument
from seedcheck.seed.file import Layout, SeedFile, parse_seed
from seedcheck.seed.model import SeedMetadata
from seedcheck.seed.summary import SeedSummary


def _number(entry: Entry) -> int:
    return int(entry.number or 0)


# INDEX.md parsed when first asked for (see Corpus.index_loader).
IndexLoader = Callable[[], "IndexDocument | None"]


@dataclass(frozen=True)
class Corpus:
    """A corpus folder: its entries, its seeds and its INDEX.md (None if absent).

    ``seeds`` are summaries, which is all the corpus rules read: a run keeps no seed's
    text, and :meth:`seed_file` reads a seed again when a rule needs it. Every entry and
    seed is in ``root``: its path is ``root`` joined with its name.

    :attr:`index` is ``loaded_index``, or, when there is an ``index_loader``, what it
    returns the first time it is asked for: parsing INDEX.md is the costliest step of a
    run after a small change, and that run's corpus rules may not need it (see
    run.incremental). The loader must return the same document each time it is called.
    """

    root: Path
    entries: tuple[Entry, ...]
    seeds: tuple[SeedSummary, ...]
    loaded_index: IndexDocument | None
    max_file_size: int
    pattern: str = ""
    reader: SeedReader | None = None
    index_loader: IndexLoader | None = field(default=None, compare=False, repr=False)
    # What several rules derive from the corpus, made by the first that asks and kept
    # for the others (see corpus.index_match). Not an init field, so a corpus made by
    # dataclasses.replace starts with none.
    derived: dict[str, object] = field(default_factory=dict, init=False, compare=False, repr=False)

    @functools.cached_property
    def index(self) -> IndexDocument | None:
        """INDEX.md as parsed, or None when the folder has none."""
        if self.index_loader is not None:
            return self.index_loader()
        return self.loaded_index

    @property
    def index_path(self) -> Path:
        return self.root / INDEX_NAME

    @functools.cached_property
    def by_number(self) -> tuple[Entry, ...]:
        """The numbered entries by number, in name order among equal numbers.

        duplicate-number and numbering-gap read them so. Made once for both, and sorted
        only when name order is not number order already: at 100,000 seeds each rule
        built its own table of numbers, 5 MB, at the end of the run, where it peaks.
        """
        numbered = [entry for entry in self.entries if entry.number is not None]
        values = map(_number, numbered)
        previous = next(values, 0)
        for value in values:
            if value < previous:
                numbered.sort(key=_number)  # stable: name order among equal numbers
                break
            previous = value
        return tuple(numbered)

    def seed_file(self, seed: SeedSummary) -> SeedFile | None:
        """The parsed seed behind a summary, or None when it changed or cannot be read."""
        if self.reader is None:
            return None
        return self.reader.read(seed)


@dataclass(frozen=True)
class SeedReader:
    """Reads one seed again, parsed as the run parsed it (its text is not kept).

    ``given`` are the bytes a run was given for some seeds by name, in place of their
    files (a fix or an import not yet written): those are read from there.
    """

    layout: Layout
    model: type[SeedMetadata]
    max_file_size: int
    given: Mapping[str, bytes] = field(default_factory=dict)

    def read(self, seed: SeedSummary) -> SeedFile | None:
        data = self.read_bytes(seed)
        if data is None:
            return None
        return parse_seed(
            seed.path,
            data,
            number=seed.number,
            seed_id=seed.seed_id,
            layout=self.layout,
            model=self.model,
        )

    def read_bytes(self, seed: SeedSummary) -> bytes | None:
        """The seed's bytes as summarised, or None when it changed or cannot be read."""
        data = self.given.get(seed.name)
        if data is None:
            result = read_limited(seed.path, self.max_file_size)
            if result.data is None or result.too_large or result.not_regular or result.error:
                return None
            data = result.data
        # A file edited since it was summarised must not mix into this run's findings.
        return data if hashlib.sha256(data).hexdigest() == seed.digest else None


def index_name_clash(corpus: Corpus) -> str | None:
    """Why INDEX.md cannot be created here, or None when it can.

    On a file system that ignores case (macOS and Windows by default) ``index.md`` and
    ``INDEX.md`` are one file: creating INDEX.md would overwrite the user's index.md.
    """
    if any(entry.name == INDEX_NAME for entry in corpus.entries):
        return None
    for entry in corpus.entries:
        if entry.name.lower() == INDEX_NAME.lower() and os.path.lexists(corpus.index_path):
            return (
                f"{display_path(str(entry.path))} is not INDEX.md, but this file system "
                f"ignores case, so writing INDEX.md would replace it; rename {entry.name} "
                "(or make it the index by renaming it INDEX.md), then run again"
            )
    return None
