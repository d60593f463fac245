"""teaser-duplicate: a paragraph ending in ``...`` or ``…`` repeats the start of a later one.

Why: a scraper that keeps a page's listing teaser stores the article's opening twice:
once cut off with an ellipsis, once in full. The cut-off copy is not article text.

Example::

    The harbor council voted seven to two on Tuesday to build a floodwall along…

    The harbor council voted seven to two on Tuesday to build a floodwall along the
    old quay, ending a year of argument over how to protect the market.

A teaser is looked for in the opening of the body, where pages put it: the first five
paragraphs, and on until 150 words (a page kept whole, or one written a paragraph a
line, opens with many short paragraphs: a kicker, the title, a byline, a date). It
needs at least five words before the ellipsis ("Well..." is a quip). The ellipsis may be
bracketed (``[…]``, ``[...]``, also on a line of its own) or followed by
the link to the article ("… Read more", "... Continue reading"). The later paragraph
may start with a dateline, which is not compared: a place, perhaps an agency and a
date, then a dash (``WENDBURY —``, ``LONDON (Reuters) -``, ``Wendbury, March 3 —``), or
a place in capitals and a comma (``WENDBURY,``). Comparison uses the shared
normalisation, so a teaser with other quotes or dashes is still found. Reported at the
teaser, naming the line it repeats.

Fix: delete the teaser paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.rules.support.teasers import find_teasers
from seedcheck.seed.body_lines import body_paragraphs
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    for teaser in find_teasers(body_paragraphs(seed)):
        first, last = teaser.paragraph.first, teaser.paragraph.last
        yield Finding(
            seed.path,
            first.number,
            first.indent + 1,
            f"teaser cut off with an ellipsis repeats the start of line"
            f" {teaser.repeated.first.number}; delete the teaser",
            last.number,
            len(last.text.rstrip()) + 1,
        )


RULE = file_rule(
    "SC405",
    "teaser-duplicate",
    "A teaser ending in an ellipsis repeats the body's start.",
    check,
)
