"""index-missing: the corpus has no INDEX.md.

Why: INDEX.md is the corpus's manifest: the list people read and the record of every
seed's digest that shows when a file changed without the index being updated.

Example: a folder of scraped articles that was never indexed.

Fix: run ``seedcheck index`` (with the corpus folder as argument if it is not the
configured one); it writes INDEX.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.value import Corpus
from seedcheck.index.document import INDEX_NAME
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    if not any(entry.name == INDEX_NAME for entry in corpus.entries):
        # "index.md" works on a case-insensitive disk and nowhere else.
        near = [e.name for e in corpus.entries if e.name.lower() == INDEX_NAME.lower()]
        message = (
            f"INDEX.md is missing; {near[0]} is not it (the name is case-sensitive): "
            "rename it to INDEX.md, or run `seedcheck index` to create INDEX.md"
            if near
            else "INDEX.md is missing; run `seedcheck index` to create it"
        )
        yield Finding(
            corpus.index_path,
            1,
            1,
            message,
            concerns=tuple(seed.path for seed in corpus.seeds),
        )


RULE = corpus_rule("SC501", "index-missing", "The corpus has no INDEX.md.", check, inputs="index")
