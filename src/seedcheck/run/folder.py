"""Checking one corpus folder the fast way: cache first, then worker processes.

Every command that reads a corpus runs here (``validate``, ``index``, ``fix``,
``import``), so they share one cache. Each seed is looked up in the cache by its stat;
the rest are read, parsed and checked (in worker processes when there are many), and
only their summaries are kept, so memory grows with the number of seeds, not with
their text. The corpus rules then run on the summaries, unless nothing in the folder
changed since the cache recorded their findings.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import os
import sys
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from seedcheck import __version__
from seedcheck.cache.collector_pause import collector_paused
from seedcheck.cache.corpus_cache import UNVERIFIED, CorpusCache, cache_key
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
from seedcheck.corpus.value import Corpus, IndexLoader, SeedReader
from seedcheck.diagnostic import Diagnostic
from seedcheck.index.document import INDEX_NAME, IndexDocument, rows_of
from seedcheck.rules.base import Rule
from seedcheck.rules.options import RuleOptions
from seedcheck.run.engine import check_corpus_rules, wants_signatures
from seedcheck.run.incremental import check_corpus_reusing, state_from
from seedcheck.run.seed_worker import (
    SeedJob,
    SeedOutcome,
    check_seed,
    check_seed_data,
    check_seeds,
    from_wire,
)
from seedcheck.seed.file import Layout
from seedcheck.seed.summary import SeedSummary
from seedcheck.text.bounded_pattern import BoundedPattern

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
    be read (the next run may read it), or was given in memory (``revise``).
    """

    corpus: Corpus
    findings: list[Diagnostic]
    listing: bytes | None


@dataclass(frozen=True)
class FolderRun:
    """What a run asks of one corpus folder.

    Per-file rules run on the ``wanted`` seeds only (None: all); the corpus rules run
    when ``corpus_rules`` is set (``index``, ``fix`` and ``import`` need the corpus, not
    its findings). ``revise`` is asked, once the seeds are read and
    before the corpus rules run, for files to check in a new version: given the corpus
    as read, it returns their new bytes by name, new files included (``fix`` and
    ``import`` plan their writes so, and the corpus rules see the folder as it will be).
    The cache lives in ``cache_dir`` (None: no cache), in a folder for this folder,
    ``settings_key`` and the seed job, which every command of one configuration shares.
    """

    root: Path
    pattern: BoundedPattern
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
    revise: Revise | None = None


# Asked with the corpus as read; answers the new bytes of some files, by name.
Revise = Callable[[Corpus], Mapping[str, bytes]]


@dataclass
class _Looked:
    """What the cache answered for a listing, and what is left to read."""

    outcomes: dict[str, SeedOutcome] = field(default_factory=dict)
    keys: dict[str, StatKey] = field(default_factory=dict)  # each cached seed's stat
    fresh: set[str] = field(default_factory=set)  # not to be trusted by stat next time
    racy: set[str] = field(default_factory=set)  # of those, changed too recently
    todo: list[tuple[Candidate, bool]] = field(default_factory=list)
    index_data: bytes | None = None
    index_key: bytes = b""
    index: IndexDocument | None = None  # index_data parsed, once something parsed it
    # INDEX.md as read, when a new version was given: its unchanged rows are reused.
    previous_index: IndexDocument | None = None
    # Seeds' bytes given in place of their files (overlay, revise), for rules that
    # read a seed again.
    given: dict[str, bytes] = field(default_factory=dict)


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
        job = _seed_job(run)
        cache = CorpusCache(
            None
            if run.cache_dir is None
            else run.cache_dir
            / __version__
            / cache_key((str(run.root), run.settings_key, job), run.cache_dir)
        )
        looked = _look_up(run, listed, cache, now)
    _read_and_check(looked, job, run, cache)
    if run.revise is not None:
        _revise(run, listed, looked, job, cache)
    return _corpus_step(run, listed, looked, job=job, cache=cache, now=now)


def _seed_job(run: FolderRun) -> SeedJob:
    required, fields = run.model_fields
    return SeedJob(
        run.layout,
        required,
        fields,
        run.options,
        tuple(rule.code for rule in run.rules if rule.check_file is not None),
        wants_signatures(run.rules),
    )


def _look_up(
    run: FolderRun, listed: Sequence[Entry | Candidate], cache: CorpusCache, now: int
) -> _Looked:
    """Each seed's cached outcome where the cache holds its version; the rest to read."""
    looked = _Looked()
    for item in listed:
        if isinstance(item, Entry):
            continue
        if item.name == INDEX_NAME:
            entry, looked.index_data = read_candidate(item)
            looked.outcomes[item.name] = SeedOutcome(entry, None, None)
            looked.index_key = hashlib.sha256(looked.index_data or entry.detail.encode()).digest()
            continue
        with_rules = run.wanted is None or str(item.path) in run.wanted
        info = item.stat
        if info is None:
            looked.todo.append((item, with_rules))
            looked.fresh.add(item.name)
            continue
        looked.keys[item.name] = info
        racy = is_racy(info, now)
        if racy:
            looked.fresh.add(item.name)
            looked.racy.add(item.name)
        hit = cache.seed(item, with_rules)
        if hit is None:
            hit = cache.seed_by_content(item, with_rules, racy=racy)
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
        if outcome.summary is not None and name in looked.keys and not outcome.expires:
            # A file written too recently is kept for its content alone: the next run
            # reads and hashes it (a CI job checks out every file just before it runs).
            key = UNVERIFIED if name in looked.racy else looked.keys[name]
            cache.put_seed(name, key, outcome.summary, outcome.findings)
    cache.keep_only(looked.keys)
    cache.save_seeds()


def _revise(
    run: FolderRun,
    listed: list[Entry | Candidate],
    looked: _Looked,
    job: SeedJob,
    cache: CorpusCache,
) -> None:
    """Ask ``run.revise`` for new versions of files, and check them in place of the old."""
    assert run.revise is not None
    entries, seeds, _ = _assembled(listed, looked)
    looked.index = _parsed_index(run, looked, cache)
    corpus = _corpus(run, job, tuple(entries), tuple(seeds), index=looked.index, given=looked.given)
    given = run.revise(corpus)
    names = [item.name for item in listed]
    for name, data in given.items():
        candidate = _listed_candidate(run, listed, names, name)
        entry = _given_entry(candidate, data)
        looked.keys.pop(name, None)
        looked.fresh.add(name)
        looked.given[name] = data
        if name == INDEX_NAME:
            looked.index_data, looked.index, looked.previous_index = data, None, looked.index
            looked.index_key = hashlib.sha256(data).digest()
            looked.outcomes[name] = SeedOutcome(entry, None, None)
        else:
            with_rules = run.wanted is None or str(candidate.path) in run.wanted
            looked.outcomes[name] = check_seed_data(
                candidate, entry, data, job, with_rules=with_rules, few=True
            )


def _listed_candidate(
    run: FolderRun, listed: list[Entry | Candidate], names: list[str], name: str
) -> Candidate:
    """The candidate ``name`` of the listing (whose names are ``names``); a new one, put
    in name order in both, if there is none.

    A revised name must be a seed's or INDEX.md's: what else the folder holds (a link,
    a folder, a stray file) is not for a command to write over.
    """
    at = bisect.bisect_left(names, name)
    if at < len(listed) and listed[at].name == name:
        found = listed[at]
        if not isinstance(found, Candidate):
            raise ValueError(f"{name} is {found.kind}, not a file to revise")
        return found
    match = run.pattern.fullmatch(name)
    if name != INDEX_NAME and match is None:
        raise ValueError(f"{name} is not named as a seed")
    number = match.group("number") if match else None
    candidate = Candidate(
        run.root / name,
        name,
        number if number is not None and number.isascii() and number.isdigit() else None,
        match.group("id") if match else None,
        run.max_file_size,
    )
    listed.insert(at, candidate)
    names.insert(at, name)
    return candidate


def _assembled(
    listed: Sequence[Entry | Candidate], looked: _Looked
) -> tuple[list[Entry], list[SeedSummary], list[Diagnostic]]:
    """Every entry in listing order, the seeds' summaries and their per-file findings."""
    entries: list[Entry] = []
    seeds: list[SeedSummary] = []
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
    return entries, seeds, found


def _parsed_index(run: FolderRun, looked: _Looked, cache: CorpusCache) -> IndexDocument | None:
    if looked.index is None and looked.index_data is not None:
        # The costliest file to parse; the cache keeps it by its bytes.
        looked.index = cache.index(run.root / INDEX_NAME, looked.index_data, looked.previous_index)
    return looked.index


def _corpus(
    run: FolderRun,
    job: SeedJob,
    entries: tuple[Entry, ...],
    seeds: tuple[SeedSummary, ...],
    *,
    index: IndexDocument | None,
    given: Mapping[str, bytes],
    loader: IndexLoader | None = None,
) -> Corpus:
    return Corpus(
        run.root,
        entries,
        seeds,
        index,
        run.max_file_size,
        run.pattern.pattern,
        reader=SeedReader(run.layout, job.model, run.max_file_size, given),
        index_loader=loader,
    )


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
    entries, seeds, found = _assembled(listed, looked)
    listing = None if looked.given else listing_digest(listed, now)
    corpus_rules = tuple(rule.code for rule in run.rules if rule.check_corpus is not None)
    fingerprint = _fingerprint(entries, looked.keys, looked.index_key, job, corpus_rules)
    fresh = looked.fresh
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

    def load_index() -> IndexDocument | None:
        return _parsed_index(run, looked, cache)

    def index_rows(names: Collection[str]) -> IndexDocument | None:
        """INDEX.md with the rows of ``names`` alone (see run.incremental)."""
        if looked.index is None and looked.index_data is not None:
            path = run.root / INDEX_NAME
            partial = cache.index_rows(path, looked.index_data, names)
            if partial is not None:
                return partial
        full = load_index()
        return None if full is None else rows_of(full, names)

    # INDEX.md is parsed when a rule or the command asks for it: the corpus rules of a
    # run after a small change mostly reuse what the cache holds (see run.incremental).
    corpus = _corpus(
        run, job, corpus_entries, corpus_seeds, index=None, given=looked.given, loader=load_index
    )
    if corpus_found is None and cache.path is None:
        # No cache to keep the rules' state in (--no-cache): nothing to reuse or keep.
        corpus_found = list(check_corpus_rules(corpus, run.rules, run.options))
    elif corpus_found is None:
        previous = state_from(cache.corpus_state())
        corpus_found, state = check_corpus_reusing(
            corpus,
            run.rules,
            run.options,
            index_key=looked.index_key,
            previous=previous,
            index_rows=index_rows,
        )
        # The state is keyed by the seeds' contents, not their stats: it is kept even
        # when a stat was too fresh to identify its file (then with no fingerprint).
        cache.put_corpus_findings(b"" if fresh else fingerprint, corpus_found, state.record())
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
    # An entry at a time, not one text of them all (30 MB at 100,000 seeds); its fields
    # end in NUL, which no name holds, and a stat key has a fixed width.
    digest = hashlib.blake2b(repr((job.signatures, corpus_rules)).encode(), digest_size=16)
    update = digest.update
    for e in entries:
        described = f"{e.name}\x00{e.kind}\x00{e.detail}\x00{e.size}\x00"
        update(described.encode("utf-8", errors="surrogatepass") + keys.get(e.name, b"-"))
    update(index_key)
    return digest.digest()


def _run(todo: list[tuple[Candidate, bool]], job: SeedJob, run: FolderRun) -> Iterator[SeedOutcome]:
    """The outcomes of ``todo`` in order, from worker processes when it pays."""
    jobs = run.jobs
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
