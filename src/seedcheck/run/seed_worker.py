"""One seed file from bytes to findings and summary: the per-file half of a run.

Module-level functions over picklable values, so that worker processes can run them:
a worker gets the candidates and a :class:`SeedJob`, and sends back what it learnt of
each (:data:`WireOutcome`: entry, summary and findings as plain values, never parsed
text), which the main process makes an outcome again with :func:`from_wire`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from seedcheck.corpus.listing import Candidate, Entry, EntryKind, read_candidate
from seedcheck.diagnostic import Diagnostic
from seedcheck.rules.base import Rule
from seedcheck.rules.near_duplicate_document import signing
from seedcheck.rules.options import RuleOptions
from seedcheck.rules.registry import BY_CODE
from seedcheck.run.engine import check_file
from seedcheck.seed.file import Layout, parse_seed
from seedcheck.seed.model import SeedMetadata, build_model
from seedcheck.seed.summary import SeedSummary, shared_texts, summarize
from seedcheck.text.lsh_pairs import signature_format


@dataclass(frozen=True)
class SeedJob:
    """How every seed of a run is parsed and checked.

    The model is rebuilt from ``required`` and ``fields`` in each process (a model made
    at run time cannot be pickled), and rules travel as their codes.
    ``signature_format`` names how this process signs seeds for near-duplicate-document
    (see ``lsh_pairs.signature_format``): the job is part of the cache's key, so that a
    cache filled with signatures made another way is not read.
    """

    layout: Layout
    required: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]
    options: RuleOptions
    rule_codes: tuple[str, ...]
    signatures: bool
    signature_format: str = field(default_factory=signature_format)

    @property
    def model(self) -> type[SeedMetadata]:
        return _model(self.required, self.fields)

    @property
    def rules(self) -> tuple[Rule, ...]:
        return _rules(self.rule_codes)


@dataclass(frozen=True, slots=True)
class SeedOutcome:
    """What reading one candidate gave: its entry, and for a seed its summary.

    ``findings`` are the per-file rules' findings, None when they were not run;
    ``expires`` says that they hold only until some day (a date in the future).
    """

    entry: Entry
    summary: SeedSummary | None
    findings: list[Diagnostic] | None
    expires: bool = False


@functools.lru_cache(maxsize=8)
def _model(required: tuple[str, ...], fields: tuple[tuple[str, str], ...]) -> type[SeedMetadata]:
    return build_model(required, dict(fields))


@functools.lru_cache(maxsize=8)
def _rules(codes: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(BY_CODE[code] for code in codes)


def check_seed(
    candidate: Candidate, job: SeedJob, with_rules: bool, few: bool = False
) -> SeedOutcome:
    """Read, parse, summarise and (``with_rules``) check one seed file; ``few`` when the
    process checks only a few (see :func:`~seedcheck.seed.summary.summarize`)."""
    entry, data = read_candidate(candidate)
    if data is None:
        return SeedOutcome(entry, None, None)
    return check_seed_data(candidate, entry, data, job, with_rules=with_rules, few=few)


def check_seed_data(
    candidate: Candidate,
    entry: Entry,
    data: bytes,
    job: SeedJob,
    *,
    with_rules: bool,
    few: bool,
) -> SeedOutcome:
    """:func:`check_seed` on bytes already read (or given in their place)."""
    seed = parse_seed(
        candidate.path,
        data,
        number=candidate.number,
        seed_id=candidate.seed_id,
        layout=job.layout,
        model=job.model,
    )
    findings = check_file(seed, job.rules, job.options) if with_rules else None
    expires = any(issue.expires for issue in seed.schema_issues)
    return SeedOutcome(
        entry,
        summarize(seed, signing(job.options) if job.signatures else None, few),
        findings,
        expires,
    )


# An outcome as a worker sends it back: the entry's kind, detail and size and whether it
# keeps the seed's number, the summary's fields after the four its candidate holds
# (path, name, number, id), the findings, and whether they expire.
WireOutcome = tuple[
    EntryKind, str, int, bool, tuple[Any, ...] | None, list[Diagnostic] | None, bool
]


def check_seeds(work: Sequence[tuple[Candidate, bool]], job: SeedJob) -> list[WireOutcome]:
    """:func:`check_seed` over a batch, the unit of work of a worker process."""
    return [_to_wire(check_seed(candidate, job, with_rules)) for candidate, with_rules in work]


def _to_wire(outcome: SeedOutcome) -> WireOutcome:
    # The main process has each candidate's path and names already: sending its own
    # copies cost a pickled Path and three strings a seed each way (17 µs a seed of
    # pickling where the rest takes 2.4 µs), only for them to be thrown away there.
    entry, summary = outcome.entry, outcome.summary
    rest = None if summary is None else tuple(summary[_CANDIDATE_FIELDS:])
    numbered = entry.number is not None
    return (entry.kind, entry.detail, entry.size, numbered, rest, outcome.findings, outcome.expires)


_CANDIDATE_FIELDS = 4  # path, name, number and seed_id lead a SeedSummary


def from_wire(wire: WireOutcome, candidate: Candidate) -> SeedOutcome:
    """The outcome a worker sent for ``candidate``, with the candidate's path and names.

    The texts a summary shares with INDEX.md rows are interned (see ``shared_texts``).
    """
    kind, detail, size, numbered, rest, findings, expires = wire
    number = candidate.number if numbered else None
    entry = Entry(candidate.path, candidate.name, kind, detail, size, number)
    summary = None
    if rest is not None:
        made = (candidate.path, candidate.name, candidate.number, candidate.seed_id, *rest)
        summary = shared_texts(SeedSummary._make(made))
    return SeedOutcome(entry, summary, findings, expires)
