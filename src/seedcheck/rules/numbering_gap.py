"""numbering-gap: sequence numbers skip one or more values.

Why: numbers run without gaps from the first seed; a gap is usually a deleted seed
or a file that was never committed. It is a warning, since a deletion can be
deliberate.

Example: ``000_…``, ``002_…``: ``001`` is missing between them.

Fix: renumber the seeds after the gap, or restore the missing one; then run
``seedcheck index``. The finding points at the first file after each gap.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from seedcheck.corpus.value import Corpus
from seedcheck.diagnostic import Severity
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    # By number alone (entries come in name order): two seeds may share a number.
    for low_entry, high_entry in pairwise(corpus.by_number):
        low, high = int(low_entry.number or 0), int(high_entry.number or 0)
        if high - low <= 1:
            continue
        width = len(low_entry.number or "")
        first, last = f"{low + 1:0{width}d}", f"{high - 1:0{width}d}"
        missing = first if first == last else f"{first}–{last}"
        yield Finding(
            high_entry.path,
            1,
            1,
            f"{missing} missing between {low_entry.number} and {high_entry.number}",
            concerns=(low_entry.path,),
        )


RULE = corpus_rule(
    "SC603",
    "numbering-gap",
    "Sequence numbers skip values.",
    check,
    Severity.WARNING,
    inputs="entries",
)
