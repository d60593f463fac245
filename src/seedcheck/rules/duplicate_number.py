"""duplicate-number: two seeds share a sequence number.

Why: the number orders the corpus and names a seed in conversation ("see 012");
two files numbered 012 (or ``012`` and ``0012``) are a collision, usually from two
imports made on different branches.

Example: ``012_811e41cc11191191.txt`` and ``012_5f1c2a9e0b3d4c7e.txt``.

Fix: renumber the later file to the next free number, then run ``seedcheck index``.
Each file after the first is reported, naming the first.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.listing import Entry
from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    # By number, equal numbers in name order: each run of one number starts at its first.
    first: Entry | None = None
    first_value = -1
    for entry in corpus.by_number:
        value = int(entry.number or 0)
        if first is not None and value == first_value:
            yield Finding(
                entry.path,
                1,
                1,
                f"number {entry.number} is also used by {first.name}; renumber one of them",
                concerns=(first.path,),
            )
        else:
            first, first_value = entry, value


RULE = corpus_rule(
    "SC601", "duplicate-number", "Two seeds share a number.", check, inputs="entries"
)
