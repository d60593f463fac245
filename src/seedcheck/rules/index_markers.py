"""index-markers: INDEX.md's generated-block markers are missing, repeated or reversed.

Why: seedcheck owns only the block between ``<!-- seedcheck:index:begin -->`` and
``<!-- seedcheck:index:end -->`` and keeps everything else. Without exactly one pair, in
that order, it cannot tell its table from your text, so it neither checks the table
nor rewrites it.

Example: the end marker was deleted together with the last row of the table.

Fix: leave exactly one begin marker before one end marker, each on a line of its own,
then run ``seedcheck index``. An INDEX.md without any marker gets the block appended.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.value import Corpus
from seedcheck.index.document import BEGIN_MARKER, END_MARKER
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    doc = corpus.index
    if doc is None:
        return
    path = doc.path
    begins, ends = doc.begin_lines, doc.end_lines
    if not begins and not ends:
        yield Finding(
            path,
            1,
            1,
            f"no index block: {BEGIN_MARKER} … {END_MARKER} not found; run `seedcheck index`",
        )
        return
    problems: list[tuple[int, str]] = []
    if not begins:
        problems.append((ends[0], f"end marker without a begin marker {BEGIN_MARKER}"))
    if not ends:
        problems.append((begins[0], f"begin marker without an end marker {END_MARKER}"))
    problems += [(n, f"duplicate begin marker (first on line {begins[0]})") for n in begins[1:]]
    problems += [(n, f"duplicate end marker (first on line {ends[0]})") for n in ends[1:]]
    if begins and ends and ends[0] < begins[0]:
        problems.append((ends[0], f"end marker comes before the begin marker on line {begins[0]}"))
    for line, message in problems:
        # seedcheck index will not guess which text is the user's: the fix is by hand.
        yield Finding(path, line, 1, f"{message}; fix the markers, then run `seedcheck index`")


RULE = corpus_rule(
    "SC502", "index-markers", "INDEX.md block markers are broken.", check, inputs="index"
)
