"""index-digest: a seed's SHA-256 digest differs from the one in INDEX.md.

Why: the digest (the first 16 or more hex digits of the SHA-256 of the file's bytes)
records exactly which version of a seed was reviewed. A different digest means the
file changed since the index was written, even by a byte no cell shows.

Example: a trailing space was added to one line of a seed.

Fix: review the change, then run ``seedcheck index``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedcheck.corpus.index_match import match_index
from seedcheck.corpus.value import Corpus
from seedcheck.index.block import DIGEST_LENGTH
from seedcheck.rules.base import Finding, corpus_rule
from seedcheck.text.excerpt import excerpt

_HEX = re.compile(rf"[0-9a-f]{{{DIGEST_LENGTH},64}}")


def check(corpus: Corpus) -> Iterator[Finding]:
    match = match_index(corpus)
    if match is None:
        return
    for name, seed, row in match.pairs():
        cell = row.cells.get("SHA-256")
        if cell is None:
            continue
        if not _HEX.fullmatch(cell.text):
            message = (
                f"digest of {name} is {excerpt(cell.text)}; expected {DIGEST_LENGTH} to 64 "
                "lower-case hex digits"
            )
        elif not seed.digest.startswith(cell.text):
            message = (
                f"{name} changed since it was indexed (SHA-256 {seed.digest[:DIGEST_LENGTH]}, "
                f"index {cell.text[:DIGEST_LENGTH]}); run `seedcheck index`"
            )
        else:
            continue
        yield Finding(match.document.path, row.line, cell.column, message, concerns=(seed.path,))


RULE = corpus_rule(
    "SC507", "index-digest", "A seed changed since it was indexed.", check, inputs="local"
)
