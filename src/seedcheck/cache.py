"""The per-corpus cache: what a run learnt about each file, kept for the next run.

One file per corpus folder and configuration, under ``.seedcheck_cache/VERSION/`` at
the project root (or ``$SEEDCHECK_CACHE_DIR``), like ruff's. For each seed it keeps the
file's identity (size, mtime, inode, ctime), its summary (what the corpus rules need)
and the findings of the per-file rules; for the corpus as a whole, the corpus rules'
findings and a fingerprint of every entry they were made from, and INDEX.md as parsed,
keyed by the digest of its bytes.

The file format (checked ``marshal``, atomic writes, damage read as empty) is
``cache_file``'s.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from seedcheck.cache_file import (
    CACHEDIR_TAG,
    DiagnosticRecord,
    diagnostic_record,
    from_record,
    read_checked,
    write_checked,
)
from seedcheck.code_identity import code_identity
from seedcheck.diagnostic import Diagnostic
from seedcheck.folder_listing import StatKey
from seedcheck.index_file import (
    IndexDocument,
    ParsedIndex,
    from_parsed,
    parse_index,
    parsed_record,
)
from seedcheck.seed_summary import SeedSummary, SummaryRecord

__all__ = ["CACHEDIR_TAG", "CorpusCache", "cache_key"]

_MAGIC = b"seedcheck cache 3\n"


def cache_key(parts: Iterable[object]) -> str:
    """A file name for the cache of one corpus under one configuration."""
    text = repr((code_identity(), *parts))
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:32]


class CorpusCache:
    """The cache of one corpus folder; ``path`` None means caching is off."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._files: dict[str, tuple[StatKey, SummaryRecord, list[DiagnosticRecord] | None]] = {}
        self._corpus: tuple[bytes, list[DiagnosticRecord]] | None = None
        self._index: tuple[bytes, ParsedIndex] | None = None
        self._changed = False
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        loaded = read_checked(path, _MAGIC)
        if not (isinstance(loaded, tuple) and len(loaded) == 3):
            return
        files, corpus, index = loaded
        if isinstance(files, dict) and _keyed(corpus) and _keyed(index):
            self._files, self._corpus, self._index = files, corpus, index

    def __len__(self) -> int:
        """How many seeds the cache holds."""
        return len(self._files)

    def seed(
        self, path: Path, key: StatKey, with_findings: bool
    ) -> tuple[SeedSummary, list[Diagnostic] | None] | None:
        """The cached summary (and findings, when wanted) of a seed in this version."""
        found = _file_record(self._files.get(path.name))
        if found is None or found[0] != key or (with_findings and found[2] is None):
            return None
        try:
            summary = SeedSummary.from_record(path, found[1])
            findings = None if found[2] is None else [from_record(r) for r in found[2]]
        except (TypeError, ValueError):
            return None
        return summary, findings

    def put_seed(
        self, name: str, key: StatKey, summary: SeedSummary, findings: Sequence[Diagnostic] | None
    ) -> None:
        if self.path is None:
            return  # caching is off: records nobody will write would double the summaries
        records = None if findings is None else [diagnostic_record(d) for d in findings]
        old = _file_record(self._files.get(name))
        if records is None and old is not None and old[0] == key:
            records = old[2]  # a summary-only run keeps findings made earlier
        self._files[name] = (key, summary.record(), records)
        self._changed = True

    def keep_only(self, names: Iterable[str]) -> None:
        """Forget files no longer in the corpus."""
        kept = set(names)
        for name in [n for n in self._files if n not in kept]:
            del self._files[name]
            self._changed = True

    def corpus_findings(self, fingerprint: bytes) -> list[Diagnostic] | None:
        """The corpus rules' findings, if the corpus is exactly as when they were made."""
        if self._corpus is None or self._corpus[0] != fingerprint:
            return None
        try:
            return [from_record(r) for r in self._corpus[1]]
        except (TypeError, ValueError):
            return None

    def put_corpus_findings(self, fingerprint: bytes, findings: Sequence[Diagnostic]) -> None:
        self._corpus = (fingerprint, [diagnostic_record(d) for d in findings])
        self._changed = True

    def index(self, path: Path, data: bytes) -> IndexDocument:
        """INDEX.md parsed: from the cache when these bytes were parsed before.

        Parsing the index is the costliest step of a run that changed one seed (a table
        row is a dozen Markdown tokens), and the index changes far less often than seeds.
        """
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if self._index is not None and self._index[0] == digest:
            try:
                return from_parsed(path, data, self._index[1])
            except (TypeError, ValueError):
                pass
        parsed = parse_index(path, data)
        if self.path is not None:
            self._index = (digest, parsed_record(parsed))
            self._changed = True
        return parsed

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is skipped."""
        if self.path is not None and self._changed:
            write_checked(self.path, _MAGIC, (self._files, self._corpus, self._index))


def _keyed(value: object) -> bool:
    """Whether a cached corpus or index entry is None or a (digest, record) pair."""
    return value is None or (
        isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bytes)
    )


def _file_record(
    value: object,
) -> tuple[StatKey, SummaryRecord, list[DiagnosticRecord] | None] | None:
    """A seed's cached (stat, summary, findings), or None if it is not of that shape."""
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], bytes):
        return value  # the summary and findings are checked when they are read
    return None
