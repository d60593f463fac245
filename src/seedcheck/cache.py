"""The per-corpus cache: what a run learnt about each file, kept for the next run.

One file per corpus folder and configuration, under ``.seedcheck_cache/VERSION/`` at
the project root (or ``$SEEDCHECK_CACHE_DIR``), like ruff's. For each seed it keeps the
file's identity (size, mtime, inode, ctime), its summary (what the corpus rules need)
and the findings of the per-file rules; for the corpus as a whole, the corpus rules'
findings and a fingerprint of every entry they were made from.

The format is ``marshal`` of plain tuples behind a magic line and a BLAKE2b checksum:
quick to load, and unable to run code. Anything unexpected in a cache file (truncated,
flipped bits, another format) makes it count as empty, to be rebuilt; writes go
through a temporary file and ``os.replace``, so concurrent runs each leave a whole file
(the last one wins) and a reader never sees half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from seedcheck import __version__
from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.folder_listing import StatKey
from seedcheck.seed_summary import SeedSummary, SummaryRecord

_MAGIC = b"seedcheck cache 1\n"
_CHECKSUM_SIZE = 16
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by seedcheck.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)

DiagnosticRecord = tuple[str, int, int, str, str, str, str, int | None, int | None, tuple[str, ...]]


def cache_key(parts: Iterable[object]) -> str:
    """A file name for the cache of one corpus under one configuration."""
    text = repr((__version__, sys.version_info[:2], *parts))
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:32]


def _record(diagnostic: Diagnostic) -> DiagnosticRecord:
    return (*diagnostic[:5], diagnostic.severity.value, *diagnostic[6:])


def _diagnostic(record: Sequence[Any]) -> Diagnostic:
    path, line, column, code, name, severity, message, end_line, end_column, concerns = record
    return Diagnostic(
        path, line, column, code, name, Severity(severity), message, end_line, end_column, concerns
    )


class CorpusCache:
    """The cache of one corpus folder; ``path`` None means caching is off."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._files: dict[str, tuple[StatKey, SummaryRecord, list[DiagnosticRecord] | None]] = {}
        self._corpus: tuple[bytes, list[DiagnosticRecord]] | None = None
        self._changed = False
        if path is not None:
            self._load(path)

    def _load(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            return
        head = len(_MAGIC) + _CHECKSUM_SIZE
        checksum = hashlib.blake2b(data[head:], digest_size=_CHECKSUM_SIZE).digest()
        if not data.startswith(_MAGIC) or data[len(_MAGIC) : head] != checksum:
            return
        try:
            files, corpus = marshal.loads(data[head:])
            if not isinstance(files, dict):
                return
        except Exception:  # any damage the checksum let through: start afresh
            return
        self._files = files
        self._corpus = corpus

    def __len__(self) -> int:
        """How many seeds the cache holds."""
        return len(self._files)

    def seed(
        self, path: Path, key: StatKey, with_findings: bool
    ) -> tuple[SeedSummary, list[Diagnostic] | None] | None:
        """The cached summary (and findings, when wanted) of a seed in this version."""
        found = self._files.get(path.name)
        if found is None or found[0] != key or (with_findings and found[2] is None):
            return None
        try:
            summary = SeedSummary.from_record(path, found[1])
            findings = None if found[2] is None else [_diagnostic(r) for r in found[2]]
        except (TypeError, ValueError):
            return None
        return summary, findings

    def put_seed(
        self, name: str, key: StatKey, summary: SeedSummary, findings: Sequence[Diagnostic] | None
    ) -> None:
        records = None if findings is None else [_record(d) for d in findings]
        old = self._files.get(name)
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
            return [_diagnostic(r) for r in self._corpus[1]]
        except (TypeError, ValueError):
            return None

    def put_corpus_findings(self, fingerprint: bytes, findings: Sequence[Diagnostic]) -> None:
        self._corpus = (fingerprint, [_record(d) for d in findings])
        self._changed = True

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is skipped."""
        if self.path is None or not self._changed:
            return
        payload = marshal.dumps((self._files, self._corpus))
        checksum = hashlib.blake2b(payload, digest_size=_CHECKSUM_SIZE).digest()
        try:
            _prepare(self.path.parent.parent)
            self.path.parent.mkdir(exist_ok=True)
            _replace(self.path, _MAGIC + checksum + payload)
        except OSError:
            return  # a read-only checkout or a full disk: the run's result stands


def _prepare(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "*\n")):
        marker = root / name
        if not marker.exists():
            _replace(marker, text.encode("ascii"))


def _replace(path: Path, data: bytes) -> None:
    # Atomic but not fsync'ed: a cache lost in a crash is rebuilt, not trusted half-way.
    handle, name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
