"""index-mismatch: an INDEX.md cell differs from the seed it describes.

Why: the index repeats each seed's number, title, byline, publication date and word
count so that people can review the corpus at a glance; a cell that no longer matches
the file means the file was edited and the index was not regenerated.

Example: the seed's title was corrected to "Harbour Council…", its row still says
"Harbor Council…".

Fix: run ``seedcheck index``. (A changed digest alone is ``index-digest``.) When the
seed's title or byline is itself invalid (a bio kept where the name was lost), the index
keeps its cell, which may be the only correct copy: fix the seed first.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from seedcheck.corpus.index_match import match_index
from seedcheck.corpus.value import Corpus
from seedcheck.index.block import expected_row
from seedcheck.rules.base import Finding, corpus_rule
from seedcheck.text.excerpt import excerpt

COMPARED = ("No.", "Title", "Byline", "Published", "Words")


def check(corpus: Corpus) -> Iterator[Finding]:
    match = match_index(corpus)
    if match is None:
        return
    for name, seed, row in match.pairs():
        expected = expected_row(seed)
        held = dict(seed.held)
        for column in COMPARED:
            cell = row.cells.get(column)
            if cell is not None and cell.text != expected[column]:
                # The file's value is invalid: `seedcheck index` keeps the cell, which
                # may be the only correct copy; the seed is what to fix.
                todo = (
                    f"the file's is invalid ({held[column]}); fix the seed, then run "
                    "`seedcheck index`"
                    if column in held
                    else "run `seedcheck index`"
                )
                yield Finding(
                    match.document.path,
                    row.line,
                    cell.column,
                    f"{column} of {name} is {excerpt(cell.text)} in the index but "
                    f"{excerpt(expected[column])} in the file"
                    f"{_unseen_difference(cell.text, expected[column])}; {todo}",
                    concerns=(seed.path,),
                )


def _unseen_difference(indexed: str, written: str) -> str:
    """Where two texts differ, when it does not show: a no-break space for a space, an
    accent composed one way in one and the other way in the other."""
    if unicodedata.normalize("NFC", indexed) == unicodedata.normalize("NFC", written):
        return " (the same letters, their accents composed differently: NFC and NFD)"
    if _as_seen(indexed) != _as_seen(written):
        return ""
    at = next(
        (i for i, (one, two) in enumerate(zip(indexed, written, strict=False)) if one != two),
        min(len(indexed), len(written)),
    )
    one, two = _named(indexed[at : at + 1]), _named(written[at : at + 1])
    return f" (character {at + 1} is {one} in the index, {two} in the file)"


def _as_seen(text: str) -> str:
    """``text`` as a reader sees it: invisible characters gone, any spaces one space."""
    shown = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc"))
    return " ".join(shown.split())


def _named(character: str) -> str:
    if not character:
        return "the end"
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" {name}" if name else "")


RULE = corpus_rule(
    "SC506", "index-mismatch", "An INDEX.md cell differs from its seed.", check, inputs="local"
)
