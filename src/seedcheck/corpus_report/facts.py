"""What the report shows, gathered from checked corpora: counts, distributions, clusters.

Everything here comes from what a ``validate`` run already holds (the seeds' summaries,
the findings) plus each seed's ``source`` field, which summaries lack (see
:mod:`.sources`). No rendering: the HTML page and the Markdown summary draw on the same
facts.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from seedcheck.cache.file import diagnostic_record, from_record
from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.display import display_path
from seedcheck.index.document import INDEX_NAME
from seedcheck.report import Report

if TYPE_CHECKING:
    # For types only: a report made from the run memo loads no corpus, nor the seed
    # model and Pydantic that come with it (0.12 s of its start-up).
    from seedcheck.corpus.value import Corpus

# Findings that make two seeds one cluster: the same text, or nearly.
DUPLICATE_CODES = frozenset({"SC413", "SC414"})
_MONTH = re.compile(r"(\d{4})-(\d{2})")
NO_VALUE = "(none)"


@dataclass(frozen=True)
class CorpusFacts:
    """One report's content."""

    made: str  # when, UTC, ISO 8601
    version: str
    settings: str  # the configuration file, or "defaults"
    corpora: tuple[str, ...]
    seeds: int
    words: int
    errors: int
    warnings: int
    files_with_findings: int
    by_rule: tuple[tuple[str, str, Severity, int], ...]  # code, name, severity, count
    index_state: tuple[tuple[str, str], ...]  # corpus, state
    months: tuple[tuple[str, int], ...]
    undated: int
    word_counts: tuple[int, ...]
    sources: tuple[tuple[str, int], ...]
    bylines: tuple[tuple[str, int], ...]
    distinct_sources: int
    distinct_bylines: int
    clusters: tuple[tuple[str, ...], ...]
    findings: tuple[Diagnostic, ...]
    top: int


def gather(
    corpora: Sequence[Corpus],
    report: Report,
    sources: dict[Path, str],
    *,
    made: str,
    version: str,
    settings: str,
    top: int,
) -> CorpusFacts:
    """The facts of ``corpora`` checked into ``report``; ``sources`` maps a seed's path
    to its ``source`` field."""
    seeds = [seed for corpus in corpora for seed in corpus.seeds]
    findings = report.diagnostics
    months: Counter[str] = Counter()
    undated = 0
    for seed in seeds:
        month = _MONTH.match(seed.published)
        if month is None:
            undated += 1
        else:
            months[month.group(0)] += 1
    source_counts = Counter(sources.get(seed.path) or NO_VALUE for seed in seeds)
    byline_counts = Counter(seed.byline.strip() or NO_VALUE for seed in seeds)
    return CorpusFacts(
        made=made,
        version=version,
        settings=settings,
        corpora=tuple(display_path(str(corpus.root)) for corpus in corpora),
        seeds=len(seeds),
        words=sum(seed.word_count for seed in seeds),
        errors=sum(d.severity is Severity.ERROR for d in findings),
        warnings=sum(d.severity is Severity.WARNING for d in findings),
        files_with_findings=len({d.path for d in findings}),
        by_rule=_by_rule(findings),
        index_state=tuple(_index_state(corpus, findings) for corpus in corpora),
        months=tuple(sorted(months.items())),
        undated=undated,
        word_counts=tuple(seed.word_count for seed in seeds),
        sources=_top(source_counts, top),
        bylines=_top(byline_counts, top),
        distinct_sources=len(source_counts),
        distinct_bylines=len(byline_counts),
        clusters=clusters(findings),
        findings=findings,
        top=top,
    )


def _by_rule(findings: Iterable[Diagnostic]) -> tuple[tuple[str, str, Severity, int], ...]:
    counts: Counter[tuple[str, str, Severity]] = Counter(
        (d.code, d.name, d.severity) for d in findings
    )
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return tuple((code, name, severity, count) for (code, name, severity), count in ordered)


def _top(counts: Counter[str], top: int) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top])


def _index_state(corpus: Corpus, findings: Sequence[Diagnostic]) -> tuple[str, str]:
    shown = display_path(str(corpus.root))
    # From the listing, not corpus.index: a run whose corpus findings the cache holds
    # has not parsed INDEX.md, and the report needs only to know it is there.
    if not any(entry.name == INDEX_NAME for entry in corpus.entries):
        return shown, "no INDEX.md; run `seedcheck index`"
    index = str(corpus.index_path)
    problems = sum(d.path == index for d in findings)
    if not problems:
        return shown, "INDEX.md is current"
    return shown, f"INDEX.md has {problems} finding{'' if problems == 1 else 's'}"


def clusters(findings: Iterable[Diagnostic]) -> tuple[tuple[str, ...], ...]:
    """Seeds joined by duplicate findings (each names the seed it copies), as groups of
    display paths, largest first."""
    parent: dict[str, str] = {}

    def root(path: str) -> str:
        while parent.setdefault(path, path) != path:
            parent[path] = parent[parent[path]]
            path = parent[path]
        return path

    for finding in findings:
        if finding.code in DUPLICATE_CODES:
            for other in finding.concerns:
                parent[root(finding.path)] = root(other)
    groups: dict[str, list[str]] = {}
    for path in parent:
        groups.setdefault(root(path), []).append(display_path(path))
    ordered = sorted((sorted(group) for group in groups.values()), key=lambda g: (-len(g), g))
    return tuple(tuple(group) for group in ordered)


def facts_record(facts: CorpusFacts) -> tuple[object, ...]:
    """The facts as plain values, to keep between runs (see report_command); the time
    they were made is left out, each report is made when it is asked for."""
    by_rule = tuple((code, name, severity.value, n) for code, name, severity, n in facts.by_rule)
    findings = tuple(diagnostic_record(d) for d in facts.findings)
    fields = [field.name for field in dataclasses.fields(CorpusFacts)][1:]
    return tuple(
        by_rule if name == "by_rule" else findings if name == "findings" else getattr(facts, name)
        for name in fields
    )


def facts_from(record: object, made: str) -> CorpusFacts | None:
    """The facts :func:`facts_record` kept, made at ``made``; None if the record is not
    of their shape."""
    names = [field.name for field in dataclasses.fields(CorpusFacts)][1:]
    if not isinstance(record, tuple) or len(record) != len(names):
        return None
    values = dict(zip(names, record, strict=True))
    try:
        values["by_rule"] = tuple(
            (str(code), str(name), Severity(severity), int(count))
            for code, name, severity, count in values["by_rule"]
        )
        values["findings"] = tuple(from_record(r) for r in values["findings"])
        facts = CorpusFacts(made=made, **values)
    except (TypeError, ValueError):
        return None
    # The rest are counts, names and tuples of them, as marshal gives them back; a record
    # of another version of this shape is refused by the memo's key (the code's identity).
    return facts
