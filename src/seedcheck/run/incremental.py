"""The corpus rules after a small change: each rule reruns only if what it reads changed.

Every corpus rule declares what its findings depend on (``Rule.inputs``). A run keeps,
with the corpus findings, each rule's findings and a digest of its inputs, and every
seed's content digest. The next run, when something in the folder changed:

- reuses the findings of an "entries" rule (numbering, file names, stray files) when no
  name, kind or number changed, as after an edit of a seed's text;
- reuses those of an "index" rule when INDEX.md's bytes did not change either;
- for a "local" rule (a seed against its INDEX.md row), keeps the findings of the seeds
  whose content did not change and checks only the changed, added and removed ones;
- asks a "corpus" rule that has an ``update`` (near-duplicates) for the findings of the
  seeds the change affects, given the state it kept (its band index);
- reruns any other "corpus" rule (duplicates, the rendered block) in full.

The reused findings are those a full run would give: a rule's findings are a function of
its declared inputs. A state that is not of the expected shape (damage, another version)
is read as none, and every rule runs.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any, NamedTuple

from seedcheck.cache.file import DiagnosticRecord, diagnostic_record, from_record
from seedcheck.corpus.value import Corpus
from seedcheck.diagnostic import Diagnostic
from seedcheck.index.document import IndexDocument
from seedcheck.rules.base import Rule
from seedcheck.rules.options import RuleOptions
from seedcheck.run.engine import check_corpus_rules, stamp
from seedcheck.run.seed_versions import SeedVersions, changed_seeds, seed_versions, versions_from
from seedcheck.seed.summary import SeedSummary

# The inputs of a rule with an update: it decides itself what to check again.
UPDATED = b"updated"
# A local rule reruns in full when more than this share of the seeds changed: checking a
# sub-corpus costs its own index match, which pays only for a few seeds.
LOCAL_SHARE = 0.25


class RuleState(NamedTuple):
    """A rule's findings, the digest of the inputs they were made from, and what its
    ``update`` kept (plain values)."""

    inputs: bytes
    findings: list[DiagnosticRecord]
    kept: object = None


class CorpusState(NamedTuple):
    """What the next run needs to reuse the corpus rules' findings."""

    seeds: SeedVersions  # each seed's name and content digest
    rules: dict[str, RuleState]  # by rule code

    def record(
        self,
    ) -> tuple[tuple[bytes, bytes], dict[str, tuple[bytes, list[DiagnosticRecord], object]]]:
        """The state as plain values, for the cache."""
        rules = {code: (s.inputs, s.findings, s.kept) for code, s in self.rules.items()}
        return self.seeds.record(), rules


def state_from(record: Any) -> CorpusState | None:
    """The state of a cache record, or None if it is not one."""
    if not (isinstance(record, tuple) and len(record) == 2):
        return None
    seeds, rules = record
    versions = versions_from(seeds)
    if versions is None or not isinstance(rules, dict):
        return None
    states: dict[str, RuleState] = {}
    for code, state in rules.items():
        if not (
            isinstance(code, str)
            and isinstance(state, tuple)
            and len(state) == 3
            and isinstance(state[0], bytes)
            and isinstance(state[1], list)
        ):
            return None
        states[code] = RuleState(*state)
    return CorpusState(versions, states)


def entries_digest(corpus: Corpus) -> bytes:
    """What "entries" rules read: each entry's name, kind, number and detail (the size of
    what was read neither as a seed nor as INDEX.md), and which were read as seeds."""
    digest = hashlib.blake2b(repr((corpus.pattern, corpus.max_file_size)).encode(), digest_size=16)
    update = digest.update
    # Each field ends in NUL, which no name holds.
    for e in corpus.entries:
        size = 0 if e.kind in ("seed", "index") else e.size
        described = f"{e.name}\x00{e.kind}\x00{e.number}\x00{e.detail}\x00{size}\x00"
        update(described.encode("utf-8", errors="surrogatepass"))
    update(b"\x01seeds\x00")
    update("\x00".join(seed.name for seed in corpus.seeds).encode("utf-8", "surrogatepass"))
    return digest.digest()


# INDEX.md with the rows of the named files alone.
IndexRows = Callable[[Collection[str]], IndexDocument | None]


def check_corpus_reusing(
    corpus: Corpus,
    rules: Iterable[Rule],
    options: RuleOptions,
    *,
    index_key: bytes,
    previous: CorpusState | None,
    index_rows: IndexRows,
) -> tuple[list[Diagnostic], CorpusState]:
    """Every finding of the corpus ``rules``, reusing what ``previous`` still holds, and
    the state for the next run.

    ``index_key`` identifies INDEX.md's bytes; ``index_rows`` gives INDEX.md with only
    some files' rows, for the rules that check just the changed seeds (the corpus's
    index, all of it, is parsed only if a rule runs in full).
    """
    entries = entries_digest(corpus)
    seeds = seed_versions(corpus.seeds)
    kept: dict[str, RuleState] = {}
    found: list[Diagnostic] = []
    # The seeds that changed since the last run: what local rules and updates check again.
    changed: frozenset[str] | None = None
    if previous is not None:
        changed = frozenset(changed_seeds(previous.seeds, seeds))
    partial = _Partial(index_rows)
    for rule in rules:
        if rule.check_corpus is None:
            continue
        if rule.update is not None:
            # An update may be given the last state when its inputs are the same.
            inputs = UPDATED + (entries + index_key if rule.inputs == "index" else b"")
            before = None if previous is None else previous.rules.get(rule.code)
            last = (before, inputs)
            updated, state = _updated(
                corpus, rule, options, last=last, changed=changed, partial=partial
            )
            found += updated
            kept[rule.code] = state
            continue
        if rule.inputs == "corpus":
            found += check_corpus_rules(corpus, (rule,), options)
            continue
        inputs = index_key if rule.inputs == "local" else entries
        if rule.inputs == "index":
            inputs += index_key
        before = None if previous is None else previous.rules.get(rule.code)
        reused = _reused(before, inputs)
        if reused is not None and rule.inputs != "local":
            findings = reused
        elif reused is not None:
            assert changed is not None  # for mypy: a rule state came from previous
            findings = _local(
                corpus, rule, options, reused=reused, changed=changed, partial=partial
            )
        else:
            findings = list(check_corpus_rules(corpus, (rule,), options))
        found += findings
        if rule.inputs != "local" or all(len(f.concerns) == 1 for f in findings):
            kept[rule.code] = RuleState(inputs, [diagnostic_record(f) for f in findings])
    return found, CorpusState(seeds, kept)


class _Partial:
    """Corpora whose INDEX.md holds the rows of some seeds alone, each parsed once."""

    def __init__(self, index_rows: IndexRows) -> None:
        self._index_rows = index_rows
        self._made: dict[frozenset[str], IndexDocument | None] = {}

    def corpus(
        self, corpus: Corpus, names: frozenset[str], seeds: tuple[SeedSummary, ...] | None = None
    ) -> Corpus:
        """``corpus`` (or, with ``seeds``, of those seeds alone) whose INDEX.md, parsed
        when a rule asks for it, holds only the rows of ``names``."""
        return dataclasses.replace(
            corpus,
            seeds=corpus.seeds if seeds is None else seeds,
            loaded_index=None,
            index_loader=functools.partial(self._rows, names),
        )

    def _rows(self, names: frozenset[str]) -> IndexDocument | None:
        if names not in self._made:
            self._made[names] = self._index_rows(names)
        return self._made[names]


def _updated(
    corpus: Corpus,
    rule: Rule,
    options: RuleOptions,
    *,
    last: tuple[RuleState | None, bytes],
    changed: frozenset[str] | None,
    partial: _Partial,
) -> tuple[list[Diagnostic], RuleState]:
    """A rule's findings and state after its ``update``: the earlier findings of the
    seeds it did not check again, and its new ones; or all its findings anew when it has
    no usable state or cannot update from it."""
    assert rule.update is not None
    before, inputs = last
    reused = _reused(before, inputs)
    result = None
    if reused is not None and before is not None and changed is not None:
        some = partial.corpus(corpus, changed)
        result = rule.update(some, options, before.kept, changed)
    if result is None:
        reused = None
        result = rule.update(corpus, options, None, None)
        assert result is not None  # with no state, an update checks the whole corpus
    new = [stamp(rule, finding) for finding in result.findings]
    if result.redone is not None and reused is not None:
        redone = {str(corpus.root / name) for name in result.redone}
        new = [d for d in reused if d.path not in redone] + new
    return new, RuleState(inputs, [diagnostic_record(d) for d in new], result.state)


def _reused(before: RuleState | None, inputs: bytes) -> list[Diagnostic] | None:
    if before is None or before.inputs != inputs:
        return None
    try:
        return [from_record(record) for record in before.findings]
    except (TypeError, ValueError):
        return None


def _local(
    corpus: Corpus,
    rule: Rule,
    options: RuleOptions,
    *,
    reused: Sequence[Diagnostic],
    changed: frozenset[str],
    partial: _Partial,
) -> list[Diagnostic]:
    """A local rule's findings: the reused ones of unchanged seeds, the changed seeds'
    checked again on a corpus of them alone."""
    if len(changed) > LOCAL_SHARE * max(len(corpus.seeds), 1):
        return list(check_corpus_rules(corpus, (rule,), options))
    # Each finding of a local rule concerns its seed alone (the state is not kept
    # otherwise); a seed's path is the corpus folder's joined with its name.
    gone = {str(corpus.root / name) for name in changed}
    findings = [f for f in reused if f.concerns[0] not in gone]
    some = tuple(seed for seed in corpus.seeds if seed.name in changed)
    if some:
        findings += check_corpus_rules(partial.corpus(corpus, changed, some), (rule,), options)
    return findings
