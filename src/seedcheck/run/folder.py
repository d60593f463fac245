"""Checking one corpus folder the fast way: cache first, then worker processes.

``seedcheck validate`` runs here. Each seed is looked up in the cache by its stat;
the rest are read, parsed and checked (in worker processes when there are many), and
only their summaries are kept, so memory grows with the number of seeds, not with
their text. The corpus rules then run on the summaries, unless nothing in the folder
changed since the cache recorded their findings.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import sys
import time
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from seedcheck import __version__
from seedcheck.cache.collector_pause import collector_paused
from seedcheck.cache.corpus_cache import CorpusCache, cache_key
from seedcheck.corpus.listing import (
    Candidate,
    Entry,
    FolderScan,
    StatKey,
    is_racy,
    list_folder,
    listing_digest,
    read_candidate,
    stat_size,
)
from seedcheck.corpus.value import Corpus, SeedReader
from seedcheck.diagnostic import Diagnostic
from seedcheck.index.document import INDEX_NAME
from seedcheck.rules.base import Rule
from seedcheck.rules.options import RuleOptions
from seedcheck.run.engine import check_corpus_rules, wants_signatures
from seedcheck.run.seed_worker import SeedJob, SeedOutcome, check_seed, check_seeds, from_wire
from seedcheck.seed.file import Layout

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 300
# Up to this many seeds to sign, plain Python signs them faster than numpy is imported
# (about 8 ms a seed against 0.1 s or more): the usual commit, a few seeds changed.
FEW_TO_SIGN = 8
BATCH_SIZE = 64


def default_jobs() -> int:
    """The CPUs this process may use."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class FolderCheck(NamedTuple):
    """A checked corpus folder: the corpus, every finding, and the listing they hold for.

    ``listing`` is :func:`~seedcheck.corpus.listing.listing_digest` of the folder as this
    run found it; None when a file was too fresh for its stat to identify it, or could
    not be read (the next run may read it).
    """

    corpus: Corpus
    findings: list[Diagnostic]
    listing: bytes | None


def check_folder(
    root: Path,
    *,
    pattern: re.Pattern[str],
    layout: Layout,
    required: Sequence[str],
    fields: Mapping[str, str],
    max_file_size: int,
    options: RuleOptions,
    rules: Sequence[Rule],
    wanted: Collection[str] | None,
    cache_dir: Path | None,
    settings_key: str,
    jobs: int,
    scans: dict[Path, FolderScan] | None = None,
) -> FolderCheck:
    """The corpus in ``root`` and every finding of ``rules`` on it.

    Per-file rules run on the ``wanted`` seeds only (None: all); see
    :func:`seedcheck.run.engine.check_corpus`. The cache lives in ``cache_dir`` (None: no
    cache), in a folder for this folder, ``settings_key`` and the job. The folder is
    listed from its scan in ``scans`` (the run memo's) when that is of this pattern.
    """
    # Taken out of ``scans``, not passed in: once the folder is listed from it, the scan
    # is let go (its tuples and stats, 13 MiB at 100,000 seeds, held to the end of the
    # run by every caller's frame otherwise).
    scan = None if scans is None else scans.pop(root, None)
    if scan is not None and not scan.is_of(root, pattern):
        scan = None
    # What is built from here to the seeds to read is stats and cached records, which
    # live to the end of the run and hold no cycles (see collector_pause).
    with collector_paused():
        # A stat is judged racy against the time it was taken at: the scan's, if used.
        now = time.time_ns() if scan is None else scan.now_ns
        listed = list_folder(root, pattern, max_file_size, scan)
        del scan
        seed_count = sum(isinstance(item, Candidate) and item.name != INDEX_NAME for item in listed)
        job = SeedJob(
            layout,
            tuple(required),
            tuple(sorted(fields.items())),
            options,
            tuple(rule.code for rule in rules if rule.check_file is not None),
            wants_signatures(rules, seed_count),
        )
        cache = CorpusCache(
            None
            if cache_dir is None
            else cache_dir / __version__ / cache_key((str(root), settings_key, job))
        )
        outcomes: dict[str, SeedOutcome] = {}
        keys: dict[str, StatKey] = {}
        fresh: set[str] = set()  # changed too recently to be cached
        todo: list[tuple[Candidate, bool]] = []
        index_data: bytes | None = None
        index_key = b""
        for item in listed:
            if isinstance(item, Entry):
                continue
            if item.name == INDEX_NAME:
                entry, index_data = read_candidate(item)
                outcomes[item.name] = SeedOutcome(entry, None, None)
                index_key = hashlib.sha256(index_data or entry.detail.encode()).digest()
                continue
            with_rules = wanted is None or str(item.path) in wanted
            info = item.stat
            if info is None:
                todo.append((item, with_rules))
                fresh.add(item.name)
                continue
            keys[item.name] = info
            if is_racy(info, now):
                fresh.add(item.name)
            hit = cache.seed(item, with_rules)
            if hit is None:
                todo.append((item, with_rules))
            else:
                entry = Entry(
                    item.path, item.name, "seed", size=stat_size(info), number=item.number
                )
                outcomes[item.name] = SeedOutcome(entry, hit[0], hit[1])
    for outcome in _run(todo, job, jobs):
        name = outcome.entry.name
        outcomes[name] = outcome
        if outcome.expires:
            fresh.add(name)  # its findings change when the day it names comes
        if outcome.summary is not None and name in keys and name not in fresh:
            cache.put_seed(name, keys[name], outcome.summary, outcome.findings)
    cache.keep_only(keys)
    cache.save_seeds()

    entries: list[Entry] = []
    seeds = []
    found: list[Diagnostic] = []
    for item in listed:
        if isinstance(item, Entry):
            entries.append(item)
            continue
        read = outcomes[item.name]
        entries.append(read.entry)
        if read.summary is not None:
            seeds.append(read.summary)
            found += read.findings or ()
    listing = listing_digest(listed, now)
    corpus_rules = tuple(rule.code for rule in rules if rule.check_corpus is not None)
    fingerprint = _fingerprint(entries, keys, index_key, job, corpus_rules)
    # What the rules need is in entries and seeds now: INDEX.md, parsed next, can reuse
    # the memory of the candidates, stats and outcomes (at 100,000 seeds, 50 MB), and
    # of the lists the corpus's tuples are made from (1.6 MB more).
    del outcomes, todo, listed, keys
    corpus_entries, corpus_seeds = tuple(entries), tuple(seeds)
    del entries, seeds
    corpus_found = cache.corpus_findings(fingerprint)
    index = None
    if corpus_found is None and index_data is not None:
        # The costliest file to parse, and only the corpus rules read it.
        index = cache.index(root / INDEX_NAME, index_data)
    corpus = Corpus(
        root,
        corpus_entries,
        corpus_seeds,
        index,
        max_file_size,
        pattern.pattern,
        reader=SeedReader(layout, job.model, max_file_size),
    )
    if corpus_found is None:
        corpus_found = list(check_corpus_rules(corpus, rules, options))
        if not fresh:
            cache.put_corpus_findings(fingerprint, corpus_found)
    cache.save()
    # A read that failed may succeed next time with the stat unchanged (a busy or locked
    # file, too many open files): such a run is not one to repeat from the memo.
    failed = any(entry.kind == "unreadable" for entry in corpus.entries)
    return FolderCheck(corpus, found + corpus_found, None if failed else listing)


def _fingerprint(
    entries: Sequence[Entry],
    keys: dict[str, StatKey],
    index_key: bytes,
    job: SeedJob,
    corpus_rules: tuple[str, ...],
) -> bytes:
    """What the corpus rules' findings depend on: every entry, seed versions, INDEX.md,
    and which corpus rules run (a run with ``--select SC5`` must not reuse all of them)."""
    # An entry at a time, not one repr of them all (30 MB at 100,000 seeds).
    digest = hashlib.blake2b(repr((job.signatures, corpus_rules)).encode(), digest_size=16)
    for e in entries:
        described = (e.name, e.kind, e.detail, e.size, keys.get(e.name))
        digest.update(repr(described).encode("utf-8", errors="surrogatepass"))
    digest.update(index_key)
    return digest.digest()


def _run(todo: list[tuple[Candidate, bool]], job: SeedJob, jobs: int) -> Iterator[SeedOutcome]:
    """The outcomes of ``todo`` in order, from worker processes when it pays."""
    if jobs <= 1 or len(todo) < PARALLEL_MIN_FILES:
        few = len(todo) <= FEW_TO_SIGN
        for candidate, with_rules in todo:
            yield check_seed(candidate, job, with_rules, few)
        return
    from concurrent.futures import ProcessPoolExecutor

    batches = [todo[start : start + BATCH_SIZE] for start in range(0, len(todo), BATCH_SIZE)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        done = pool.map(check_seeds, batches, itertools.repeat(job))
        for batch, outcomes in zip(batches, done, strict=True):
            for (candidate, _), outcome in zip(batch, outcomes, strict=True):
                yield from_wire(outcome, candidate)


def _context() -> BaseContext:
    import multiprocessing

    # fork starts a worker in a millisecond with every module already imported; it is
    # only safe on Linux (macOS system libraries may hold locks), so elsewhere the
    # platform's default, spawn, is used.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
