"""not-a-regular-file: a seed name, INDEX.md or README.md is a directory, link, FIFO,
socket or device.

Why: seeds are regular files in git. A symbolic link could point outside the corpus (its
target is never read, and never shown), a FIFO would block a reader for ever, and a
directory named like a seed is a mistake of a script.

Example: ``003_a41b351b5dba186a.txt`` is a symbolic link to ``../drafts/floodwall.txt``.

Fix: replace the entry with a regular file holding the seed's text (or, for INDEX.md,
run ``seedcheck index`` once it is gone).
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.listing import README_NAME
from seedcheck.corpus.value import Corpus
from seedcheck.index.document import INDEX_NAME
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for entry in corpus.entries:
        if entry.kind == "not-regular":
            must = (
                f"{entry.name} must be a regular file"
                if entry.name in (INDEX_NAME, README_NAME)
                else "seeds must be regular files"
            )
            yield Finding(entry.path, 1, 1, f"{entry.detail}, not a regular file; {must}")


RULE = corpus_rule(
    "SC109",
    "not-a-regular-file",
    "A seed name or INDEX.md is not a regular file.",
    check,
    inputs="entries",
)
