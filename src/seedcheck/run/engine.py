"""Running the rules over corpora and building the report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from seedcheck.config.selection import Selection
from seedcheck.corpus.value import Corpus
from seedcheck.diagnostic import Diagnostic
from seedcheck.report import FolderPaths, Report
from seedcheck.rules.base import Finding, Rule
from seedcheck.rules.options import RuleOptions
from seedcheck.seed.file import SeedFile


def stamp(rule: Rule, finding: Finding) -> Diagnostic:
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


def wants_signatures(rules: Iterable[Rule]) -> bool:
    """Whether seed summaries need near-duplicate signatures for these rules.

    Asked before a folder's seeds are read, and kept for the run: even a corpus of one
    seed signs it, since a command may add seeds to it (``import``) before the corpus
    rules run. One seed is signed in plain Python, in a few milliseconds.
    """
    return any(rule.signatures for rule in rules)


def check_file(seed: SeedFile, rules: Iterable[Rule], options: RuleOptions) -> list[Diagnostic]:
    """Every finding of the per-file ``rules`` on one seed."""
    found = []
    for rule in rules:
        if rule.check_file is not None:
            found += [stamp(rule, finding) for finding in rule.check_file(seed, options)]
    return found


def check_corpus_rules(
    corpus: Corpus, rules: Iterable[Rule], options: RuleOptions
) -> Iterator[Diagnostic]:
    """Every finding of the corpus ``rules``, which see the seeds' summaries."""
    for rule in rules:
        if rule.check_corpus is not None:
            for finding in rule.check_corpus(corpus, options):
                yield stamp(rule, finding)


def report_from(
    checked: Iterable[tuple[Corpus, Iterable[Diagnostic], frozenset[Path] | None]],
    selection: Selection,
) -> Report:
    """The report of checked corpora, with the selection applied.

    Each corpus comes with its findings and the files to report on, or None for all of
    them. A finding is kept when it is in one of those files or concerns one (an
    INDEX.md row about a seed that was named), so cross-file checks still see the whole
    corpus.
    """
    found: list[Diagnostic] = []
    names: list[tuple[str, Sequence[str]]] = []  # (folder, names) for FolderPaths
    for corpus, diagnostics, only in checked:
        wanted = {str(p) for p in only} if only is not None else None
        if wanted is not None:
            names.append(("", sorted(wanted)))
        else:
            names += _folder_names(corpus)
        for diagnostic in diagnostics:
            if (
                wanted is None
                or diagnostic.path in wanted
                or wanted.intersection(diagnostic.concerns)
            ):
                found.append(diagnostic)
    kept = selection.apply(found)
    kept.sort(key=Diagnostic.sort_key)
    return Report(tuple(kept), FolderPaths(names))


def _folder_names(corpus: Corpus) -> list[tuple[str, Sequence[str]]]:
    """The seeds of ``corpus`` and its INDEX.md as FolderPaths groups: a seed's path is
    the corpus folder's joined with its name (see Corpus)."""
    index = [str(e.path) for e in corpus.entries if e.kind == "index"]
    return [(str(corpus.root), [seed.name for seed in corpus.seeds]), ("", index)]
