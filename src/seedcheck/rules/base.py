"""What a rule is: a code, a kebab-case name, a default severity, docs, a check.

A rule is pure: it receives parsed data and yields :class:`Finding` values; it never
prints, opens files or knows the output format. The engine stamps each finding with the
rule's code, name and severity to make a :class:`~seedcheck.diagnostic.Diagnostic`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from seedcheck.corpus import Corpus
from seedcheck.diagnostic import Severity
from seedcheck.seed_file import SeedFile
from seedcheck.seed_model import SchemaIssue


class Finding(NamedTuple):
    """What a rule found and where; positions are 1-based."""

    path: Path
    line: int
    column: int
    message: str
    end_line: int | None = None
    end_column: int | None = None
    concerns: tuple[Path, ...] = ()


FileCheck = Callable[[SeedFile], Iterator[Finding]]
CorpusCheck = Callable[[Corpus], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule. Exactly one of ``check_file`` and ``check_corpus`` is set.

    ``doc`` is the rule module's docstring: what the rule finds, why it matters, an
    example and how to fix it. ``seedcheck rule NAME`` prints it.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check_file: FileCheck | None = None
    check_corpus: CorpusCheck | None = None


def file_rule(
    code: str, name: str, summary: str, check: FileCheck, severity: Severity = Severity.ERROR
) -> Rule:
    """A rule run once per seed file; its docs are the calling module's docstring."""
    return Rule(code, name, severity, summary, _caller_doc(check), check_file=check)


def corpus_rule(
    code: str, name: str, summary: str, check: CorpusCheck, severity: Severity = Severity.ERROR
) -> Rule:
    """A rule run once per corpus, for what needs more than one file."""
    return Rule(code, name, severity, summary, _caller_doc(check), check_corpus=check)


def issue_findings(seed: SeedFile, issues: Iterable[SchemaIssue]) -> Iterator[Finding]:
    """A seed's schema issues as findings, each at its own position."""
    for issue in issues:
        yield Finding(
            seed.path, issue.line, issue.column, issue.message, issue.end_line, issue.end_column
        )


def _caller_doc(check: Callable[..., object]) -> str:
    module = inspect.getmodule(check)
    return inspect.cleandoc(module.__doc__ or "") if module else ""
