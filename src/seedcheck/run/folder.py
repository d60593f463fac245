"""Checking one corpus folder the fast way: cache first, then worker processes.

Every command that reads a corpus runs here (``validate``, ``index``, ``fix``,
``import``), so they share one cache. Each seed is looked up in the cache by its stat;
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from seedcheck import __version__
from seedcheck.cache.collector_pause import collector_paused
from seedcheck.cache.corpus_cache import CorpusCache, cache_key
from seedcheck.corpus.listing import (
    Candidate,
    Entry,
    EntryKind,
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
from seedcheck.run.seed_worker import (
    SeedJob,
    SeedOutcome,
    check_seed,
    check_seed_data,
    check_seeds,
    from_wire,
)
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
    run found it; None when a file was too fresh for its stat to identify it, could not
    be read (the next run may read it), or was given in memory (``overlay``).
    """

    corpus: Corpus
    findings: list[Diagnostic]
    listing: bytes | None


@dataclass(frozen=True)
class FolderRun:
    """What a run asks of one corpus folder.

    Per-file rules run on the ``wanted`` seeds only (None: all); the corpus rules run
    when ``corpus_rules`` is set (``index``, ``fix`` and ``import`` need the corpus, not
    its findings). ``overlay`` gives the bytes of some files by name, read instead of the
    files themselves and never cached: ``fix --diff`` reports on the fixed text so. The
    cache lives in ``cache_dir`` (None: no cache), in a folder for this folder,
    ``settings_key`` and the seed job, which every command of one configuration shares.
    """

    root: Path
    pattern: re.Pattern[str]
    layout: Layout
    model_fields: tuple[tuple[str, ...], tuple[tuple[str, str], ...]]
    max_file_size: int
    options: RuleOptions
    rules: tuple[Rule, ...]
    settings_key: str
    cache_dir: Path | None
    jobs: int
    wanted: Collection[str] | None = None
    corpus_rules: bool = True
    overlay: Mapping[str, bytes] = field(default_factory=dict)


@dataclass
class _Looked:
    """What the cache answered for a listing, and what is left to read."""

    outcomes: dict[str, SeedOutcome] = field(default_factory=dict)
    keys: dict[str, StatKey] = field(default_factory=dict)  # each cached seed's stat
    fresh: set[str] = field(default_factory=set)  # changed too recently to be cached
    todo: list[tuple[Candidate, bool]] = field(default_factory=list)
    index_data: bytes | None = None
    index_key: bytes = b""


def check_folder(run: FolderRun, scans: dict[Path, FolderScan] | None = None) -> FolderCheck:
    """The corpus in ``run.root`` and every finding of ``run.rules`` on it.

    Four steps: list the folder, look its seeds up in the cache, read and check the
    rest, then run the corpus rules on every seed's summary. The folder is listed from
    its scan in ``scans`` (the run memo's) when that is of this pattern.
    """
    # Taken out of ``scans``, not passed in: once the folder is listed from it, the scan
    # is let go (its tuples and stats, 13 MiB at 100,000 seeds, held to the end of the
    # run by every caller's frame otherwise).
    scan = None if scans is None else scans.pop(run.root, None)
    if scan is not None and not scan.is_of(run.root, run.pattern):
        scan = None
    # What is built from here to the seeds to read is stats and cached records, which
    # live to the end of the run and hold no cycles (see collector_pause).
    with collector_paused():
        # A stat is judged racy against the time it was taken at: the scan's, if used.
        now = time.time_ns() if scan is None else scan.now_ns
        listed = list_folder(run.root, run.pattern, run.max_file_size, scan)
        del scan
        job = _seed_job(run, listed)
        cache = CorpusCache(
            None
            if run.cache_dir is None
            else run.cache_dir / __version__ / cache_key((str(run.root), run.settings_key, job))
        )
        looked = _look_up(run, listed, cache, now)
    _read_and_check(looked, job, run, cache)
    return _corpus_step(run, listed, looked, job=job, cache=cache, now=now)


def _seed_job(run: FolderRun, listed: Sequence[Entry | Candidate]) -> SeedJob:
    seed_count = sum(isinstance(item, Candidate) and item.name != INDEX_NAME for item in listed)
    required, fields = run.model_fields
    return SeedJob(
        run.layout,
        required,
        fields,
        run.options,
        tuple(rule.code for rule in run.rules if rule.check_file is not None),
        wants_signatures(run.rules, seed_count),
    )


def _look_up(
    run: FolderRun, listed: Sequence[Entry | Candidate], cache: CorpusCache, now: int
) -> _Looked:
    """Each seed's cached outcome where the cache holds its version; the rest to read."""
    looked = _Looked()
    for item in listed:
        if isinstance(item, Entry):
            continue
        given = run.overlay.get(item.name)
        if item.name == INDEX_NAME:
            entry, looked.index_data = (
                read_candidate(item) if given is None else (_given_entry(item, given), given)
            )
            looked.outcomes[item.name] = SeedOutcome(entry, None, None)
            looked.index_key = hashlib.sha256(looked.index_data or entry.detail.encode()).digest()
            continue
        with_rules = run.wanted is None or str(item.path) in run.wanted
        info = item.stat
        if info is None or given is not None:
            looked.todo.append((item, with_rules))
            looked.fresh.add(item.name)
            continue
        looked.keys[item.name] = info
        if is_racy(info, now):
            looked.fresh.add(item.name)
        hit = cache.seed(item, with_rules)
        if hit is None:
            looked.todo.append((item, with_rules))
        else:
            entry = Entry(item.path, item.name, "seed", size=stat_size(info), number=item.number)
            looked.outcomes[item.name] = SeedOutcome(entry, hit[0], hit[1])
    return looked


def _given_entry(candidate: Candidate, data: bytes) -> Entry:
    kind: EntryKind = "index" if candidate.name == INDEX_NAME else "seed"
    return Entry(candidate.path, candidate.name, kind, size=len(data), number=candidate.number)


def _read_and_check(looked: _Looked, job: SeedJob, run: FolderRun, cache: CorpusCache) -> None:
    """Read, parse and check what the cache did not answer, and record it there."""
    for outcome in _run(looked.todo, job, run):
        name = outcome.entry.name
        looked.outcomes[name] = outcome
        if outcome.expires:
            looked.fresh.add(name)  # its findings change when the day it names comes
        if outcome.summary is not None and name in looked.keys and name not in looked.fresh:
            cache.put_seed(name, looked.keys[name], outcome.summary, outcome.findings)
    cache.keep_only(looked.keys)
    cache.save_seeds()


def _corpus_step(
    run: FolderRun,
    listed: list[Entry | Candidate],
    looked: _Looked,
    *,
    job: SeedJob,
    cache: CorpusCache,
    now: int,
) -> FolderCheck:
    """The corpus value from every outcome, and the corpus rules' findings on it."""
    entries: list[Entry] = []
    seeds = []
    found: list[Diagnostic] = []
    for item in listed:
        if isinstance(item, Entry):
            entries.append(item)
            continue
        read = looked.outcomes[item.name]
        entries.append(read.entry)
        if read.summary is not None:
            seeds.append(read.summary)
            found += read.findings or ()
    listing = None if run.overlay else listing_digest(listed, now)
    corpus_rules = tuple(rule.code for rule in run.rules if rule.check_corpus is not None)
    fingerprint = _fingerprint(entries, looked.keys, looked.index_key, job, corpus_rules)
    index_data, fresh = looked.index_data, looked.fresh
    # What the rules need is in entries and seeds now: INDEX.md, parsed next, can reuse
    # the memory of the candidates, stats and outcomes (at 100,000 seeds, 50 MB), and
    # of the lists the corpus's tuples are made from (1.6 MB more).
    listed.clear()
    looked.outcomes.clear()
    looked.keys.clear()
    looked.todo.clear()
    corpus_entries, corpus_seeds = tuple(entries), tuple(seeds)
    del entries, seeds
    corpus_found = cache.corpus_findings(fingerprint) if run.corpus_rules else []
    index = None
    if (corpus_found is None or not run.corpus_rules) and index_data is not None:
        # The costliest file to parse, and only the corpus rules (and the commands that
        # write it) read it.
        index = cache.index(run.root / INDEX_NAME, index_data)
    corpus = Corpus(
        run.root,
        corpus_entries,
        corpus_seeds,
        index,
        run.max_file_size,
        run.pattern.pattern,
        reader=SeedReader(run.layout, job.model, run.max_file_size),
    )
    if corpus_found is None:
        corpus_found = list(check_corpus_rules(corpus, run.rules, run.options))
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


def _run(todo: list[tuple[Candidate, bool]], job: SeedJob, run: FolderRun) -> Iterator[SeedOutcome]:
    """The outcomes of ``todo`` in order, from worker processes when it pays."""
    jobs = run.jobs
    if jobs <= 1 or len(todo) < PARALLEL_MIN_FILES or run.overlay:
        few = len(todo) <= FEW_TO_SIGN
        for candidate, with_rules in todo:
            given = run.overlay.get(candidate.name)
            if given is None:
                yield check_seed(candidate, job, with_rules, few)
            else:
                entry = _given_entry(candidate, given)
                yield check_seed_data(candidate, entry, given, job, with_rules=with_rules, few=few)
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
