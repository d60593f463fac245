"""index-mismatch: an INDEX.md cell differs from the seed it describes.

Why: the index repeats each seed's number, title, byline, publication date and word
count so that people can review the corpus at a glance; a cell that no longer matches
the file means the file was edited and the index was not regenerated.

Example: the seed's title was corrected to "Harbour Council…", its row still says
"Harbor Council…".

Fix: run ``seedcheck index``. (A changed digest alone is ``index-digest``.)
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus import Corpus
from seedcheck.excerpt import excerpt
from seedcheck.index_block import expected_row
from seedcheck.index_match import match_index
from seedcheck.rules.base import Finding, corpus_rule

COMPARED = ("No.", "Title", "Byline", "Published", "Words")


def check(corpus: Corpus) -> Iterator[Finding]:
    match = match_index(corpus)
    if match is None:
        return
    for name, seed, row in match.pairs():
        expected = expected_row(seed)
        for column in COMPARED:
            cell = row.cells.get(column)
            if cell is not None and cell.text != expected[column]:
                yield Finding(
                    match.document.path,
                    row.line,
                    cell.column,
                    f"{column} of {name} is {excerpt(cell.text)} in the index but "
                    f"{excerpt(expected[column])} in the file; run `seedcheck index`",
                    concerns=(seed.path,),
                )


RULE = corpus_rule("SC506", "index-mismatch", "An INDEX.md cell differs from its seed.", check)
