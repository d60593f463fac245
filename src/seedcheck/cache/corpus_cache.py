"""The per-corpus cache: what a run learnt about each file, kept for the next run.

One folder per corpus folder and configuration, under ``.seedcheck_cache/VERSION/`` at
the project root (or ``$SEEDCHECK_CACHE_DIR``), like ruff's. For each seed it keeps the
file's identity (size, mtime, inode, ctime), its summary (what the corpus rules need)
and the findings of the per-file rules; for the corpus as a whole, the corpus rules'
findings and a fingerprint of every entry they were made from, and INDEX.md as parsed,
keyed by the digest of its bytes.

The seeds' records are spread over up to :data:`SHARDS` files by a hash of the file
name, and a run rewrites only the files whose records changed: a commit that edits one
seed of 100,000 writes about 1.3 MB, not the whole 80 MB (nor holds a second copy of it
in memory while writing). The corpus findings and the parsed index have a file each.
Every file is whole on its own (checked ``marshal``, atomic writes, damage read as
empty; the format is ``cache.file``'s), each file only in the folder and place it was
written for (its key), and each record only for the stat or digest it was made for, so
files written by two concurrent runs mix safely.
"""

from __future__ import annotations

import hashlib
import itertools
import zlib
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeGuard

from seedcheck.cache.code_identity import code_identity
from seedcheck.cache.collector_pause import collector_paused
from seedcheck.cache.file import (
    CACHEDIR_TAG,
    DiagnosticRecord,
    diagnostic_record,
    from_record,
    read_checked,
    read_checked_parts,
    saving,
    write_checked,
    write_checked_parts,
)
from seedcheck.cache.location import cache_usable
from seedcheck.corpus.listing import Candidate, StatKey, stat_size
from seedcheck.corpus.reading import read_limited
from seedcheck.diagnostic import Diagnostic
from seedcheck.index.document import (
    IndexDocument,
    ParsedIndex,
    from_parsed,
    parse_index,
    parsed_record,
    record_file,
)
from seedcheck.seed.summary import SeedSummary, SummaryRecord

__all__ = ["CACHEDIR_TAG", "SHARDS", "UNVERIFIED", "CorpusCache", "cache_key", "shard_of"]

_MAGIC = b"seedcheck cache 7\n"
# Enough that one changed seed rewrites a small file at 100,000 seeds, few enough that
# reading them all costs little more than reading one (a small corpus has a file for
# each seed, at most).
SHARDS = 64
SHARD_PREFIX = "files-"
# INDEX.md's rows are written this many to a part of the index file (about 1 MB at the
# widths `seedcheck index` writes), so that writing it never holds all of it marshalled.
INDEX_ROWS_PER_PART = 4096
CORPUS_NAME = "corpus"
INDEX_PART = "index"

FileRecord = tuple[StatKey, SummaryRecord, list[DiagnosticRecord] | None]
# The stat of a record no file's stat matches (no file has inode 0): a seed written too
# recently for its stat to identify it is kept so, and found by its content.
UNVERIFIED: StatKey = bytes(32)


class _Checked(NamedTuple):
    """A seed's record as the run holds it: a seed it checked, or one the cache answered.

    The record is made again only when its file is written, one file at a time: made
    when each seed came back, the records of 100,000 seeds took 18 MB beside the
    summaries and findings they copy. ``kept`` is the findings record of an earlier run,
    kept when this one made none (a cache hit, or a run that made only summaries).
    """

    key: StatKey
    summary: SeedSummary
    findings: Sequence[Diagnostic] | None
    kept: list[DiagnosticRecord] | None

    def record(self) -> FileRecord:
        findings = self.kept
        if self.findings is not None:
            findings = [diagnostic_record(d) for d in self.findings]
        return (self.key, self.summary.record(), findings)


def cache_key(parts: Iterable[object], root: Path | None = None) -> str:
    """A folder name for the cache of one corpus under one configuration, in the cache
    root ``root`` (where the code's identity is kept, see code_identity)."""
    text = repr((code_identity(root), *parts))
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:32]


def shard_of(name: str) -> int:
    """Which of the :data:`SHARDS` files holds the record of the seed ``name``."""
    # CRC-32: stable across runs and processes (unlike hash()), and a C call a name.
    return zlib.crc32(name.encode("utf-8", errors="surrogatepass")) % SHARDS


def shard_name(shard: int) -> str:
    return f"{SHARD_PREFIX}{shard:02x}"


class CorpusCache:
    """The cache of one corpus folder; ``path`` (a folder) None means caching is off."""

    def __init__(self, path: Path | None) -> None:
        # path is CACHE_ROOT/VERSION/KEY; a cache root that is not a real folder of this
        # user's is off (see cache_usable).
        if path is not None and not cache_usable(path.parent.parent, path):
            path = None
        self.path = path
        self._shards: list[dict[str, FileRecord | _Checked]] = [{} for _ in range(SHARDS)]
        # The corpus findings' fingerprint, the findings, and the state that lets the
        # next run reuse each rule's (see run.incremental).
        self._corpus: tuple[bytes, list[DiagnosticRecord], object] | None = None
        self._index: tuple[bytes, ParsedIndex] | None = None
        # The index part is read when INDEX.md is asked for: after the seeds, in memory
        # the run has let go of by then (see run.folder), and not at all by a run that
        # the corpus findings answer.
        self._index_read = path is None
        self._seeds_saved = False
        self._dirty: set[str] = set()  # the names of the files to write
        if path is not None:
            self._load(path)

    def _load(self, folder: Path) -> None:
        for shard in range(SHARDS):
            name = shard_name(shard)
            files = read_checked(folder / name, _MAGIC, key=_key(folder, name))
            if isinstance(files, dict):
                self._shards[shard] = files
        key = _key(folder, CORPUS_NAME)
        corpus = _gathered(read_checked_parts(folder / CORPUS_NAME, _MAGIC, key=key))
        if _keyed(corpus):
            self._corpus = corpus

    def _read_index(self) -> None:
        if not self._index_read and self.path is not None:
            key = _key(self.path, INDEX_PART)
            self._index = _index_entry(read_checked_parts(self.path / INDEX_PART, _MAGIC, key=key))
        self._index_read = True

    def __len__(self) -> int:
        """How many seeds the cache holds."""
        return sum(map(len, self._shards))

    def seed(
        self, candidate: Candidate, with_findings: bool
    ) -> tuple[SeedSummary, list[Diagnostic] | None] | None:
        """The cached summary (and findings, when wanted) of a seed, if its record is of
        this version of the file (``candidate.stat``).

        A hit's record gives way to the summary made from it, which holds the candidate's
        path and names and shares the record's other values: the record's own tuples,
        names and stat are let go (at 100,000 seeds, about 40 MB).
        """
        files = self._shards[shard_of(candidate.name)]
        found = _file_record(files.get(candidate.name))
        key = candidate.stat
        if key is None or found is None or found[0] != key:
            return None
        kept = found[2]
        if with_findings and kept is None:
            return None
        names = (candidate.name, candidate.number, candidate.seed_id)
        try:
            summary = SeedSummary.from_record(candidate.path, found[1], names)
            findings = None if kept is None else [from_record(r) for r in kept]
        except (TypeError, ValueError):
            return None
        files[candidate.name] = _Checked(key, summary, None, kept)
        return summary, findings

    def seed_by_content(
        self, candidate: Candidate, with_findings: bool, *, racy: bool
    ) -> tuple[SeedSummary, list[Diagnostic] | None] | None:
        """The cached summary (and findings) of a seed whose stat is not the one cached
        but whose bytes are, read and compared by their SHA-256.

        A fresh checkout of the same files (a CI job restoring the cache of an earlier
        one, a copied work tree) changes every stat and no content: each seed is then
        read and hashed, not parsed and checked again. The record takes the new stat,
        unless it is ``racy`` (written too recently for its stat to identify it).
        """
        files = self._shards[shard_of(candidate.name)]
        found = _file_record(files.get(candidate.name))
        if found is None or candidate.stat is None:
            return None
        key, record, kept = found
        digest = record[3] if isinstance(record, tuple) and len(record) > 3 else None
        if not isinstance(digest, str) or (with_findings and kept is None):
            return None
        read = read_limited(candidate.path, candidate.limit)
        data = read.data
        if data is None or read.too_large or read.not_regular or read.error:
            return None
        if len(data) != stat_size(candidate.stat):
            return None  # written again since it was listed
        if hashlib.sha256(data).hexdigest() != digest:
            return None
        names = (candidate.name, candidate.number, candidate.seed_id)
        try:
            summary = SeedSummary.from_record(candidate.path, record, names)
            findings = None if kept is None else [from_record(r) for r in kept]
        except (TypeError, ValueError):
            return None
        if not racy and self.path is not None:
            files[candidate.name] = _Checked(candidate.stat, summary, None, kept)
            self._dirty.add(shard_name(shard_of(candidate.name)))
        else:
            files[candidate.name] = _Checked(key, summary, None, kept)
        return summary, findings

    def put_seed(
        self, name: str, key: StatKey, summary: SeedSummary, findings: Sequence[Diagnostic] | None
    ) -> None:
        if self.path is None:
            return  # caching is off: records nobody will write would double the summaries
        self._check_seeds_held()
        shard = shard_of(name)
        files = self._shards[shard]
        kept = None
        if findings is None:
            old = _file_record(files.get(name))
            if old is not None and old[0] == key:
                kept = old[2]  # a summary-only run keeps findings made earlier
        files[name] = _Checked(key, summary, findings, kept)
        self._dirty.add(shard_name(shard))

    def keep_only(self, names: Iterable[str]) -> None:
        """Forget files no longer in the corpus."""
        self._check_seeds_held()
        kept = set(names)
        for shard, files in enumerate(self._shards):
            gone = [n for n in files if n not in kept]
            for name in gone:
                del files[name]
            if gone:
                self._dirty.add(shard_name(shard))

    def save_seeds(self) -> None:
        """Write the seeds' files that changed, then let go of every seed's record.

        For when each seed has been looked up or put, and the gone ones forgotten: the
        corpus rules need only the summaries, and the records held beside them until the
        end of the run took 12 MB at 100,000 seeds, while INDEX.md and the rules take
        the most. No seed can be put after this (its file would lose the others).
        """
        self._write([name for name in self._dirty if name.startswith(SHARD_PREFIX)])
        self._shards = [{} for _ in range(SHARDS)]
        self._seeds_saved = True

    def _check_seeds_held(self) -> None:
        if self._seeds_saved:
            raise RuntimeError("the seeds' records were saved and let go already")

    def corpus_findings(self, fingerprint: bytes) -> list[Diagnostic] | None:
        """The corpus rules' findings, if the corpus is exactly as when they were made."""
        if self._corpus is None or self._corpus[0] != fingerprint:
            return None
        try:
            return [from_record(r) for r in self._corpus[1]]
        except (TypeError, ValueError):
            return None

    def corpus_state(self) -> object:
        """What the last run kept for reusing each corpus rule's findings (None if none);
        its reader checks its shape."""
        return None if self._corpus is None else self._corpus[2]

    def put_corpus_findings(
        self, fingerprint: bytes, findings: Sequence[Diagnostic], state: object = None
    ) -> None:
        """Keep the corpus rules' findings for a corpus of ``fingerprint`` (b"": for none)
        and the ``state`` (plain values) the next run reuses them by."""
        self._corpus = (fingerprint, [diagnostic_record(d) for d in findings], state)
        self._dirty.add(CORPUS_NAME)

    def index(
        self, path: Path, data: bytes, previous: IndexDocument | None = None
    ) -> IndexDocument:
        """INDEX.md parsed: from the cache when these bytes were parsed before, else
        with the rows of ``previous`` that it still holds (see parse_index).

        Parsing the index is the costliest step of a run that changed one seed (a table
        row is a dozen Markdown tokens), and the index changes far less often than seeds.
        """
        digest = hashlib.blake2b(data, digest_size=16).digest()
        # Rows from a record hold no cycles; parsing the Markdown may (see collector_pause).
        with collector_paused():
            self._read_index()
            if self._index is not None and self._index[0] == digest:
                record, self._index = self._index[1], None
                try:
                    # Let go of once used (a run parses INDEX.md once, and nothing writes
                    # the part back): what the rows share with it is theirs now, and the
                    # rest, 8 MB at 100,000 rows, would be held to the end of the run.
                    return from_parsed(path, data, record)
                except (TypeError, ValueError):
                    pass
        parsed = parse_index(path, data, previous)
        if self.path is not None:
            # Written now, as it is keyed by the bytes alone, and not held: kept to the end
            # of the run, the record (8 MB at 100,000 rows) and, as it was written, its
            # marshalled bytes (23 MB) came on top of everything the corpus rules hold.
            parts = _index_parts(digest, parsed_record(parsed))
            key = _key(self.path, INDEX_PART)
            with saving(self.path, self.path.parent.parent) as free:
                if free:
                    write_checked_parts(
                        self.path / INDEX_PART, _MAGIC, parts, key=key, root=self._root
                    )
        return parsed

    def index_rows(self, path: Path, data: bytes, names: Collection[str]) -> IndexDocument | None:
        """INDEX.md with only the rows of ``names``, from the cache when these bytes were
        parsed before (None if they were not): what a rule comparing those seeds with
        their rows needs, without making the other rows (see index.rows_of)."""
        digest = hashlib.blake2b(data, digest_size=16).digest()
        # Rows from a record hold no cycles (see collector_pause).
        with collector_paused():
            if self._index_read:
                entry = self._index
            else:
                # Only the rows of ``names`` are kept as the parts are read: the record
                # of every row (47 MiB at 100,000 rows) is never held. The whole index,
                # if asked for later, is read again.
                wanted = frozenset(names)

                def rows_of(at: int, part: Any) -> Any:
                    if at == 0 or not isinstance(part, tuple):
                        return part
                    return tuple(row for row in part if record_file(row) in wanted)

                assert self.path is not None  # else the index counts as read
                key = _key(self.path, INDEX_PART)
                parts = read_checked_parts(self.path / INDEX_PART, _MAGIC, key=key, select=rows_of)
                entry = _index_entry(parts, counted=False)
            if entry is None or entry[0] != digest:
                return None
            try:
                return from_parsed(path, data, entry[1], only=names)
            except (TypeError, ValueError):
                return None

    def save(self) -> None:
        """Write the files that changed; a cache that cannot be written is skipped."""
        self._write(list(self._dirty))

    @property
    def _root(self) -> Path | None:
        # The cache root holds VERSION/, which holds this folder.
        return None if self.path is None else self.path.parent.parent

    def _write(self, names: Sequence[str]) -> None:
        """Write the corpus part and the seed files among ``names``."""
        if self.path is None or not names:
            return
        with saving(self.path, self.path.parent.parent) as free:
            if not free:
                return  # another run is saving this cache (see saving)
            for name in sorted(names):
                key = _key(self.path, name)
                if name == CORPUS_NAME:
                    bulk: list[bytes] = []
                    head = _spread(self._corpus, bulk)
                    parts = (head, *bulk)
                    write_checked_parts(self.path / name, _MAGIC, parts, key=key, root=self._root)
                else:
                    files = self._shards[int(name.removeprefix(SHARD_PREFIX), 16)]
                    part = {seed: _plain(entry) for seed, entry in files.items()}
                    write_checked(self.path / name, _MAGIC, part, key=key, root=self._root)
                self._dirty.discard(name)


# Bytes this long or longer in the corpus part (the near-duplicate band index: 25 MB at
# 100,000 seeds) are written as parts of their own, each marshalled alone, so that
# writing the part never holds a marshalled copy of all of it (see write_checked_parts).
BULK = 1 << 20


def _spread(value: object, bulk: list[bytes]) -> object:
    """``value`` with each long bytes in it put in ``bulk`` and replaced by (..., index):
    Ellipsis, which marshal writes and no cached value holds."""
    if isinstance(value, bytes) and len(value) >= BULK:
        bulk.append(value)
        return (..., len(bulk) - 1)
    if isinstance(value, tuple):
        return tuple(_spread(item, bulk) for item in value)
    if isinstance(value, list):
        return [_spread(item, bulk) for item in value]
    if isinstance(value, dict):
        return {key: _spread(item, bulk) for key, item in value.items()}
    return value


def _gathered(parts: list[Any] | None) -> object:
    """The value :func:`_spread` wrote as ``parts``; None if they are not of it."""
    if not parts:
        return None

    def gather(value: object) -> object:
        if isinstance(value, tuple):
            if len(value) == 2 and value[0] is ...:
                at = value[1]
                if type(at) is not int or not 0 <= at < len(parts) - 1:
                    raise ValueError("no such part")
                return parts[at + 1]
            return tuple(gather(item) for item in value)
        if isinstance(value, list):
            return [gather(item) for item in value]
        if isinstance(value, dict):
            return {key: gather(item) for key, item in value.items()}
        return value

    try:
        return gather(parts[0])
    except (ValueError, RecursionError):
        return None


def _key(folder: Path, name: str) -> str:
    """The key of the cache file ``name`` in ``folder``: the folder's name is the
    corpus's and configuration's key (see cache_key), and the file's name its part."""
    return f"{folder.name}/{name}"


def _plain(entry: FileRecord | _Checked) -> FileRecord:
    return entry.record() if isinstance(entry, _Checked) else entry


def _index_parts(digest: bytes, record: ParsedIndex) -> Iterator[object]:
    """The parts INDEX.md's entry is written in: its digest and all but the rows, then
    the rows, :data:`INDEX_ROWS_PER_PART` at a time."""
    begins, ends, has_table, rows, problems = record
    yield (digest, begins, ends, has_table, problems, len(rows))
    for start in range(0, len(rows), INDEX_ROWS_PER_PART):
        yield rows[start : start + INDEX_ROWS_PER_PART]


def _index_entry(
    parts: list[Any] | None, *, counted: bool = True
) -> tuple[bytes, ParsedIndex] | None:
    """INDEX.md's entry from the parts it was written in, or None if they are not; with
    ``counted`` False, the parts may hold fewer rows than were written (some selected)."""
    if not parts or not isinstance(parts[0], tuple) or len(parts[0]) != 6:
        return None
    digest, begins, ends, has_table, problems, count = parts[0]
    chunks = parts[1:]
    if not isinstance(digest, bytes) or not all(isinstance(c, tuple) for c in chunks):
        return None
    rows = tuple(itertools.chain.from_iterable(chunks))
    if counted and len(rows) != count:
        return None
    # The rows' and the rest's shapes are checked as they are used (from_parsed).
    return digest, (begins, ends, has_table, rows, problems)


def _keyed(value: object) -> TypeGuard[tuple[bytes, list[DiagnosticRecord], object] | None]:
    """Whether a cached corpus entry is None or a (digest, findings, state) triple."""
    return value is None or (
        isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], bytes)
    )


def _file_record(
    value: object,
) -> tuple[StatKey, SummaryRecord, list[DiagnosticRecord] | None] | None:
    """A seed's cached (stat, summary, findings), or None if it is not of that shape."""
    if isinstance(value, _Checked):
        value = value.record()  # put by this run (rare: a seed is looked up first)
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], bytes):
        return value  # the summary and findings are checked when they are read
    return None
