"""index-missing-entry: a seed has no row in INDEX.md.

Why: a seed missing from the manifest is a seed nobody reviewing the index knows
about: usually a file added without running ``seedcheck index``.

Example: ``008_5f1c2a9e0b3d4c7e.txt`` was committed; the table ends at 007.
The finding points at the end marker, where the row would go, and names the file.

Fix: run ``seedcheck index``.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.index_match import match_index
from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    match = match_index(corpus)
    if match is None:
        return
    end = match.document.end_lines[0]
    # A malformed row still lists its seed; index-table reports the row itself.
    malformed = {p.file for p in match.document.table_problems if p.file}
    for name, seed in match.seeds.items():
        if name not in match.rows and name not in malformed:
            yield Finding(
                match.document.path,
                end,
                1,
                f"{name} has no row in the index; run `seedcheck index`",
                concerns=(seed.path,),
            )


RULE = corpus_rule(
    "SC504", "index-missing-entry", "A seed has no INDEX.md row.", check, inputs="index"
)
