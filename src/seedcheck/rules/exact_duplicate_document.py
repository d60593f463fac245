"""exact-duplicate-document: two seeds hold the same text.

Two bodies are the same when they are equal after the one text normalisation of content
checks: Unicode NFKC, typographic quotes and dashes made ASCII, ``…`` made ``...``,
whitespace (line breaks and paragraphs too) collapsed and case folded. The header or
title is not compared, so a copy re-imported under another title is still found. The
later file (in name order) is reported, at the first line of its body, naming the
earlier one. Empty bodies are left to body-empty.

Why: a corpus that holds one article twice gives it double weight in every dataset
and evaluation built from it, and an evaluation split may end up testing on training
text.

Example: ``007_…txt`` is ``002_…txt`` scraped again a week later, with curly quotes
instead of straight ones: "same text as 002_1fda4691478e1b60.txt (the bodies are equal
after normalisation)".

Fix: delete the later copy (and run ``seedcheck index``), or, if the two are really
different documents, restore the right text in one of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, corpus_rule
from seedcheck.seed.summary import SeedSummary


def check(corpus: Corpus) -> Iterator[Finding]:
    first: dict[bytes, SeedSummary] = {}
    for seed in corpus.seeds:
        digest = seed.body_digest
        if digest is None:
            continue
        earlier = first.setdefault(digest, seed)
        if earlier is not seed:
            yield Finding(
                seed.path,
                seed.first_body_line,
                1,
                f"same text as {earlier.name} (the bodies are equal after normalisation)",
                concerns=(earlier.path,),
            )


RULE = corpus_rule(
    "SC413", "exact-duplicate-document", "Two seeds whose normalised bodies are equal.", check
)
