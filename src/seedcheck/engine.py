"""Running the rules over loaded corpora and building the report."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from seedcheck.corpus import Corpus
from seedcheck.diagnostic import Diagnostic
from seedcheck.report import Report
from seedcheck.rules.base import Finding, Rule
from seedcheck.selection import Selection


def _stamp(rule: Rule, finding: Finding) -> Diagnostic:
    return Diagnostic(
        path=str(finding.path),
        line=finding.line,
        column=finding.column,
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=finding.message,
        end_line=finding.end_line,
        end_column=finding.end_column,
        concerns=tuple(str(p) for p in finding.concerns),
    )


def check_corpus(
    corpus: Corpus, rules: Iterable[Rule], wanted: Collection[str] | None = None
) -> Iterator[Diagnostic]:
    """Every finding of ``rules`` on ``corpus``, per-file rules first.

    Per-file rules run only on the ``wanted`` seeds (None: all): what they find is in
    that seed alone, so on a pre-commit hook's one staged file the rest of the corpus
    costs only its parse and the corpus rules, which do need every seed.
    """
    rules = tuple(rules)
    for seed in corpus.seeds:
        if wanted is not None and str(seed.path) not in wanted:
            continue
        for rule in rules:
            if rule.check_file is not None:
                for finding in rule.check_file(seed, corpus.options):
                    yield _stamp(rule, finding)
    for rule in rules:
        if rule.check_corpus is not None:
            for finding in rule.check_corpus(corpus, corpus.options):
                yield _stamp(rule, finding)


def build_report(
    corpora: Iterable[tuple[Corpus, frozenset[Path] | None]],
    selection: Selection,
) -> Report:
    """Check corpora and apply the selection.

    Each corpus comes with the files to report on, or None for all of them. A finding
    is kept when it is in one of those files or concerns one (an INDEX.md row about a
    seed that was named), so cross-file checks still see the whole corpus.
    """
    rules = selection.enabled_rules()
    found: list[Diagnostic] = []
    checked: list[str] = []
    for corpus, only in corpora:
        wanted = {str(p) for p in only} if only is not None else None
        if wanted is not None:
            checked += sorted(wanted)
        else:
            checked += [str(seed.path) for seed in corpus.seeds]
            checked += [str(corpus.index.path)] if corpus.index is not None else []
        for diagnostic in check_corpus(corpus, rules, wanted):
            if (
                wanted is None
                or diagnostic.path in wanted
                or wanted.intersection(diagnostic.concerns)
            ):
                found.append(diagnostic)
    kept = selection.apply(found)
    kept.sort(key=Diagnostic.sort_key)
    return Report(tuple(kept), tuple(checked))
