"""duplicate-id: two seeds share an id.

Why: the 16-hex-digit id identifies a document across renumbering; datasets built
from the corpus key on it. Two files with one id are the same document imported twice,
or a copied file whose id was not changed.

Example: ``003_a41b351b5dba186a.txt`` and ``009_a41b351b5dba186a.txt``.

Fix: delete the duplicate, or give the new document its own id.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, corpus_rule
from seedcheck.seed.summary import SeedSummary


def check(corpus: Corpus) -> Iterator[Finding]:
    first: dict[str, SeedSummary] = {}
    for seed in corpus.seeds:
        if seed.seed_id is None:
            continue
        if seed.seed_id in first:
            yield Finding(
                seed.path,
                1,
                1,
                f"id {seed.seed_id} is also used by {first[seed.seed_id].name}",
                concerns=(first[seed.seed_id].path,),
            )
        else:
            first[seed.seed_id] = seed


RULE = corpus_rule("SC602", "duplicate-id", "Two seeds share an id.", check)
