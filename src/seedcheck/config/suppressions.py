"""Suppressions written in seeds, applied once, after the rules, before the selection.

A front-matter seed's ``seedcheck: {ignore: [...]}`` (see ``seed.suppressions``) silences
the findings of those rules in that seed's file. Each suppression that silenced nothing,
or that names no rule, is itself reported as ``unused-suppression`` (a warning), as ruff
reports an unused ``noqa``; not when the rules it names did not run (``--select``), since
then nothing tells whether it is used.
"""

from __future__ import annotations

from collections.abc import Iterable

from seedcheck.config.selection import Selection, selects, suggestion
from seedcheck.corpus.value import Corpus
from seedcheck.diagnostic import Diagnostic
from seedcheck.rules.registry import BY_CODE, RULES
from seedcheck.rules.unused_suppression import RULE as UNUSED


def apply_suppressions(
    corpus: Corpus, diagnostics: Iterable[Diagnostic], selection: Selection
) -> list[Diagnostic]:
    """``diagnostics`` without those the corpus's seeds suppress, plus an
    ``unused-suppression`` finding for each suppression that silenced nothing."""
    written = {str(seed.path): seed.suppressions for seed in corpus.seeds if seed.suppressions}
    if not written:
        return list(diagnostics)
    used: set[tuple[str, int]] = set()
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        named = written.get(diagnostic.path)
        rule = BY_CODE[diagnostic.code]
        hits = [i for i, (selector, _, _) in enumerate(named or ()) if selects(rule, selector)]
        if hits and rule is not UNUSED:
            used.update((diagnostic.path, i) for i in hits)
        else:
            kept.append(diagnostic)
    if not selection.enabled(UNUSED):
        return kept
    for path, named in written.items():
        for index, (selector, line, column) in enumerate(named):
            if (path, index) in used:
                continue
            ruled = [rule for rule in RULES if selects(rule, selector) and rule is not UNUSED]
            if not ruled:
                hint = suggestion(selector)
                also = f" (did you mean {hint!r}?)" if hint else ""
                message = f"suppression of {selector!r}, which names no rule{also}"
            elif not any(selection.enabled(rule) for rule in ruled):
                continue  # not run: nothing says whether it is used
            else:
                message = f"suppression of {selector!r} silences nothing in this seed; remove it"
            kept.append(
                Diagnostic(
                    path=path,
                    line=line,
                    column=column,
                    code=UNUSED.code,
                    name=UNUSED.name,
                    severity=UNUSED.severity,
                    message=message,
                    end_line=line,
                    end_column=column + len(selector),
                )
            )
    return kept
