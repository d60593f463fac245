"""unreadable-file: a seed file or INDEX.md cannot be read.

Why: a file seedcheck cannot read is a file nobody downstream can read either, most
often because of its permissions.

Example: ``chmod 000 seeds/004_e904e31b7536b21d.txt``.

Fix: make the file readable (``chmod a+r FILE``) or remove it.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for entry in corpus.entries:
        if entry.kind == "unreadable":
            yield Finding(entry.path, 1, 1, f"cannot read the file: {entry.detail}")


RULE = corpus_rule("SC111", "unreadable-file", "A file cannot be read.", check, inputs="entries")
