"""Corpus discovery and loading: which entries a corpus folder holds, read and parsed.

This is the I/O edge of a run. Everything after it (rules, filtering, reporting) works
on the :class:`Corpus` value it returns.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from seedcheck.display import display_path
from seedcheck.index_file import INDEX_NAME, IndexDocument, parse_index
from seedcheck.reading import describe_mode, read_limited
from seedcheck.rule_options import RuleOptions
from seedcheck.seed_file import Layout, SeedFile, parse_seed
from seedcheck.seed_model import SeedMetadata
from seedcheck.seed_summary import SeedSummary, summarize

README_NAME = "README.md"
DEFAULT_PATTERN = r"^(?P<number>\d{3,})_(?P<id>[0-9a-f]{16})\.(txt|md)$"
SEED_SUFFIXES = (".txt", ".md")
INDEX_MAX_SIZE = 64 * 1024 * 1024
# An index row takes a line of about 150 bytes; notes around the table get a megabyte.
INDEX_BASE_SIZE = 1024 * 1024
INDEX_SIZE_PER_SEED = 4 * 1024

EntryKind = Literal[
    "seed", "index", "readme", "dotfile", "unexpected", "not-regular", "unreadable", "too-large"
]


@dataclass(frozen=True)
class Entry:
    """One name in the corpus folder and what it turned out to be.

    ``detail`` says what kind of non-regular file it is, or why it could not be read.
    """

    path: Path
    name: str
    kind: EntryKind
    detail: str = ""
    size: int = 0
    number: str | None = None


@dataclass(frozen=True)
class Corpus:
    """A corpus folder: its entries, its seeds and its INDEX.md (None if absent).

    ``seeds`` are summaries, which is all the corpus rules read. ``files`` holds the
    parsed seeds when the whole corpus was loaded into memory (``load_corpus``, for the
    commands that rewrite files); a checking run keeps only the summaries, and
    :meth:`seed_file` reads a seed again when a rule needs its text.
    """

    root: Path
    entries: tuple[Entry, ...]
    seeds: tuple[SeedSummary, ...]
    index: IndexDocument | None
    max_file_size: int
    pattern: str = ""
    options: RuleOptions = field(default_factory=RuleOptions)
    files: tuple[SeedFile, ...] = ()
    reader: SeedReader | None = None

    @property
    def index_path(self) -> Path:
        return self.root / INDEX_NAME

    @functools.cached_property
    def _files_by_path(self) -> dict[Path, SeedFile]:
        return {parsed.path: parsed for parsed in self.files}

    def seed_file(self, seed: SeedSummary) -> SeedFile | None:
        """The parsed seed behind a summary, or None when it changed or cannot be read."""
        parsed = self._files_by_path.get(seed.path)
        if parsed is not None:
            return parsed
        if self.reader is None:
            return None
        return self.reader.read(seed)


@dataclass(frozen=True)
class SeedReader:
    """Reads one seed again, parsed as the run parsed it (its text is not kept)."""

    layout: Layout
    model: type[SeedMetadata]
    max_file_size: int

    def read(self, seed: SeedSummary) -> SeedFile | None:
        result = read_limited(seed.path, self.max_file_size)
        if result.data is None or result.too_large or result.not_regular or result.error:
            return None
        parsed = parse_seed(
            seed.path,
            result.data,
            number=seed.number,
            seed_id=seed.seed_id,
            layout=self.layout,
            model=self.model,
        )
        # A file edited since it was summarised must not mix into this run's findings.
        return parsed if parsed.digest == seed.digest else None


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


def index_size_limit(max_file_size: int, seed_names: int) -> int:
    """The most of INDEX.md that is read, for a folder with ``seed_names`` seeds.

    INDEX.md grows with the corpus (a row per seed), so ``max-file-size``, which is for
    one seed, does not bound it. Parsing it costs memory many times its size, so it is
    bounded by what the corpus could need, within ``INDEX_MAX_SIZE``.
    """
    needed = INDEX_BASE_SIZE + INDEX_SIZE_PER_SEED * seed_names
    return max(max_file_size, min(needed, INDEX_MAX_SIZE))


@dataclass(frozen=True)
class Candidate:
    """A name that has to be read to know what it is: a seed or INDEX.md.

    ``limit`` is the most that is read of it (``max-file-size``, or the INDEX.md limit).
    """

    path: Path
    name: str
    number: str | None
    seed_id: str | None
    limit: int
    info: os.stat_result | None = None


def list_folder(
    root: Path, pattern: re.Pattern[str], max_file_size: int
) -> list[Entry | Candidate]:
    """The names in ``root`` in order: entries known from name and type, and candidates."""
    listed: list[Entry | Candidate] = []
    with os.scandir(root) as scan:
        found = {item.name: item for item in scan}
    names = sorted(found)
    index_limit = index_size_limit(max_file_size, sum(bool(pattern.fullmatch(n)) for n in names))
    for name in names:
        path = root / name
        match = pattern.fullmatch(name)
        is_candidate = (
            bool(match)
            or name in (INDEX_NAME, README_NAME)
            or (not name.startswith(".") and name.lower().endswith(SEED_SUFFIXES))
        )
        number = match.group("number") if match else None
        if number is not None and not (number.isascii() and number.isdigit()):
            number = None  # a custom pattern let something else than 0-9 through
        if name.startswith("."):
            listed.append(Entry(path, name, "dotfile"))
            continue
        try:
            # DirEntry caches the stat: the cache compares it without another call.
            info = found[name].stat(follow_symlinks=False)
            kind = describe_mode(info.st_mode)
        except OSError as exc:  # removed or made inaccessible since the listing
            listed.append(Entry(path, name, "unreadable", exc.strerror or str(exc)))
            continue
        if kind is not None:
            listed.append(Entry(path, name, "not-regular" if is_candidate else "unexpected", kind))
            continue
        # "index.md" or "Readme.md" is a misspelt manifest, not a misnamed seed.
        misspelt = name.lower() in (INDEX_NAME.lower(), README_NAME.lower())
        if not is_candidate or (misspelt and name not in (INDEX_NAME, README_NAME)):
            listed.append(Entry(path, name, "unexpected"))
        elif name == README_NAME:
            listed.append(Entry(path, name, "readme"))
        else:
            limit = index_limit if name == INDEX_NAME else max_file_size
            seed_id = match.group("id") if match else None
            listed.append(Candidate(path, name, number, seed_id, limit, info))
    return listed


def read_candidate(candidate: Candidate) -> tuple[Entry, bytes | None]:
    """Read a candidate: its entry (a seed, the index, or why it was not read) and bytes.

    The bytes are None unless the entry is a seed or the index.
    """
    path, name, number, limit = candidate.path, candidate.name, candidate.number, candidate.limit
    result = read_limited(path, limit)
    if result.not_regular:  # replaced between listing and opening
        return Entry(path, name, "not-regular", result.not_regular), None
    if result.error is not None or result.data is None:
        return Entry(path, name, "unreadable", result.error or "unknown error"), None
    if result.too_large:
        # detail names the limit that applied, for the message.
        limit_name = (
            f"the INDEX.md limit ({limit} bytes: 1 MiB and 4 KiB per seed)"
            if name == INDEX_NAME
            else f"max-file-size ({limit} bytes)"
        )
        return Entry(path, name, "too-large", limit_name, size=result.size, number=number), None
    if name == INDEX_NAME:
        return Entry(path, name, "index", size=result.size), result.data
    return Entry(path, name, "seed", size=result.size, number=number), result.data


def load_corpus(
    root: Path,
    *,
    pattern: re.Pattern[str],
    layout: Layout,
    model: type[SeedMetadata],
    max_file_size: int,
    options: RuleOptions | None = None,
) -> Corpus:
    """Read and parse every entry of the corpus folder ``root``, keeping every seed whole."""
    options = options or RuleOptions()
    entries: list[Entry] = []
    files: list[SeedFile] = []
    index: IndexDocument | None = None
    for item in list_folder(root, pattern, max_file_size):
        if isinstance(item, Entry):
            entries.append(item)
            continue
        entry, data = read_candidate(item)
        entries.append(entry)
        if data is None:
            continue
        if entry.kind == "index":
            index = parse_index(item.path, data)
        else:
            files.append(
                parse_seed(
                    item.path,
                    data,
                    number=item.number,
                    seed_id=item.seed_id,
                    layout=layout,
                    model=model,
                )
            )
    return Corpus(
        root,
        tuple(entries),
        tuple(summarize(seed, options) for seed in files),
        index,
        max_file_size,
        pattern.pattern,
        options,
        files=tuple(files),
        reader=SeedReader(layout, model, max_file_size),
    )
