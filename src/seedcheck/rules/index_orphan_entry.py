"""index-orphan-entry: an INDEX.md row names a file that is not in the corpus.

Why: a row without its seed describes a document that no longer exists: it was
deleted or renamed without running ``seedcheck index``.

Example: a row for ``004_e904e31b7536b21d.txt`` after that file was removed.

Fix: run ``seedcheck index``, or restore the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.index_match import match_index
from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, corpus_rule
from seedcheck.text.excerpt import excerpt


def check(corpus: Corpus) -> Iterator[Finding]:
    match = match_index(corpus)
    if match is None:
        return
    for name, row in match.rows.items():
        if name not in match.seeds and name not in match.skipped:
            yield Finding(
                match.document.path,
                row.line,
                1,
                f"row for {excerpt(name)}, which is not a seed in the corpus; "
                "run `seedcheck index`",
                concerns=(corpus.root / name,) if name else (),
            )


RULE = corpus_rule(
    "SC505", "index-orphan-entry", "An INDEX.md row has no seed.", check, inputs="index"
)
