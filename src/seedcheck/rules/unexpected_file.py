"""unexpected-file: the corpus folder holds something that is not a seed.

Why: a corpus folder holds seeds, ``INDEX.md``, optionally ``README.md``, and dotfiles
(``.gitattributes``). Anything else (a stray ``notes.docx``, a ``drafts/`` folder) is
either a seed in the wrong form or a file that belongs elsewhere.

Example: ``seeds/scrape-log.json``.

Fix: move the file out of the corpus folder, or turn it into a seed. This rule is a
warning by default.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.value import Corpus
from seedcheck.diagnostic import Severity
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for entry in corpus.entries:
        if entry.kind == "unexpected":
            noun = entry.detail.removeprefix("a ") if entry.detail else "file"
            yield Finding(
                entry.path,
                1,
                1,
                f"unexpected {noun} in the corpus folder; only seeds, INDEX.md, README.md "
                "and dotfiles belong here",
            )


RULE = corpus_rule(
    "SC110",
    "unexpected-file",
    "The corpus folder holds a file that is not a seed.",
    check,
    Severity.WARNING,
    inputs="entries",
)
