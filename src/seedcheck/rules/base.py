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
from typing import Any, Generic, Literal, NamedTuple, TypeVar

from seedcheck.corpus.value import Corpus
from seedcheck.diagnostic import Severity
from seedcheck.rules.options import Option, RuleOptions
from seedcheck.seed.file import SeedFile
from seedcheck.seed.model import SchemaIssue

_Target = TypeVar("_Target", SeedFile, Corpus)


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
ConfiguredFileCheck = Callable[[SeedFile, RuleOptions], Iterator[Finding]]
ConfiguredCorpusCheck = Callable[[Corpus, RuleOptions], Iterator[Finding]]
# Checks that a rule's options agree with each other; raises ValueError with a message for
# people, run when the configuration is loaded.
OptionsCheck = Callable[[RuleOptions], None]
# What a corpus rule's findings depend on, so that a run after a small change can reuse
# them (see run.incremental):
# - "corpus": anything in the corpus (the rule runs again whenever something changed);
# - "entries": only the folder's entries (names, kinds, numbers, why a file was not
#   read) and which of them were read as seeds, not what the seeds hold;
# - "index": INDEX.md's bytes and the entries;
# - "local": INDEX.md's bytes and one seed: each finding concerns exactly that seed, and
#   a corpus of some of the seeds gives exactly their findings (index-mismatch compares
#   a seed with its row).
Inputs = Literal["corpus", "entries", "index", "local"]


class Update(NamedTuple):
    """What a corpus rule's ``update`` found after some seeds changed.

    ``findings`` replace the rule's earlier findings in the seeds named in ``redone``
    (by the finding's path), or all of them when ``redone`` is None; ``state`` is plain
    values the rule is given back on the next run.
    """

    findings: list[Finding]
    redone: frozenset[str] | None
    state: object


# A corpus rule's check after a change: given the corpus, its options, the state its last
# update returned and the names of the seeds that changed, were added or were removed
# since, its findings for those and any seeds they affect; or None if it cannot tell
# from them. Then, and when there is no state (None, None), it is given the whole
# corpus. The corpus it is given with a state has in its INDEX.md the changed seeds'
# rows alone. A rule's ``inputs`` say when a state may be given: "index", only when
# INDEX.md and the entries are as they were.
UpdateCheck = Callable[[Corpus, RuleOptions, object, "frozenset[str] | None"], "Update | None"]


@dataclass(frozen=True)
class Rule:
    """A rule: ``check_file`` runs on each seed, ``check_corpus`` once per corpus.

    Most rules set one of the two; a rule about every file of a corpus (invalid-utf8)
    checks seeds one by one and INDEX.md with the corpus.

    ``doc`` is the rule module's docstring: what the rule finds, why it matters, an
    example and how to fix it. ``seedcheck rule NAME`` prints it.

    ``options`` are the options the rule reads, each declared once in the module that
    owns it; ``check_options`` checks that their values agree.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check_file: ConfiguredFileCheck | None = None
    check_corpus: ConfiguredCorpusCheck | None = None
    # The corpus check reads near-duplicate signatures, which seed summaries then carry.
    signatures: bool = False
    options: tuple[Option[Any], ...] = ()
    check_options: OptionsCheck | None = None
    inputs: Inputs = "corpus"
    # A "corpus" rule that can update its findings from the changed seeds alone.
    update: UpdateCheck | None = None


def file_rule(
    code: str,
    name: str,
    summary: str,
    check: FileCheck,
    severity: Severity = Severity.ERROR,
    *,
    also: CorpusCheck | None = None,
    also_inputs: Inputs = "corpus",
) -> Rule:
    """A rule run once per seed file; its docs are the calling module's docstring.

    ``also`` checks what is not a seed (INDEX.md) once per corpus; ``also_inputs`` says
    what its findings depend on.
    """
    return Rule(
        code,
        name,
        severity,
        summary,
        _caller_doc(check),
        check_file=_NoOptions(check),
        check_corpus=_NoOptions(also) if also is not None else None,
        inputs=also_inputs,
    )


def corpus_rule(
    code: str,
    name: str,
    summary: str,
    check: CorpusCheck,
    severity: Severity = Severity.ERROR,
    *,
    inputs: Inputs = "corpus",
    update: UpdateCheck | None = None,
) -> Rule:
    """A rule run once per corpus, for what needs more than one file; ``inputs`` says
    what its findings depend on, ``update`` (see :class:`Update`) checks only what a
    change affects."""
    return Rule(
        code,
        name,
        severity,
        summary,
        _caller_doc(check),
        check_corpus=_NoOptions(check),
        inputs=inputs,
        update=update,
    )


def configured_file_rule(
    code: str,
    name: str,
    summary: str,
    check: ConfiguredFileCheck,
    severity: Severity = Severity.ERROR,
    *,
    options: tuple[Option[Any], ...],
    check_options: OptionsCheck | None = None,
) -> Rule:
    """A per-file rule that reads ``options`` (thresholds, patterns) from :class:`RuleOptions`."""
    return Rule(
        code,
        name,
        severity,
        summary,
        _caller_doc(check),
        check_file=check,
        options=options,
        check_options=check_options,
    )


def configured_corpus_rule(
    code: str,
    name: str,
    summary: str,
    check: ConfiguredCorpusCheck,
    severity: Severity = Severity.ERROR,
    *,
    options: tuple[Option[Any], ...],
    check_options: OptionsCheck | None = None,
    signatures: bool = False,
    update: UpdateCheck | None = None,
) -> Rule:
    """A corpus rule that reads ``options`` (thresholds, patterns) from :class:`RuleOptions`;
    ``update`` (see :class:`Update`) checks only what a change affects."""
    return Rule(
        code,
        name,
        severity,
        summary,
        _caller_doc(check),
        check_corpus=check,
        signatures=signatures,
        options=options,
        check_options=check_options,
        update=update,
    )


@dataclass(frozen=True)
class _NoOptions(Generic[_Target]):
    """Adapts a check without options to the engine's two-argument call.

    A module-level class rather than a lambda so that rules stay picklable.
    """

    check: Callable[[_Target], Iterator[Finding]]

    def __call__(self, target: _Target, options: RuleOptions) -> Iterator[Finding]:
        return self.check(target)


def issue_findings(seed: SeedFile, issues: Iterable[SchemaIssue]) -> Iterator[Finding]:
    """A seed's schema issues as findings, each at its own position."""
    for issue in issues:
        yield Finding(
            seed.path, issue.line, issue.column, issue.message, issue.end_line, issue.end_column
        )


def _caller_doc(check: Callable[..., object]) -> str:
    module = inspect.getmodule(check)
    return inspect.cleandoc(module.__doc__ or "") if module else ""
