"""Teaser paragraphs: a cut-off copy of the article's opening, ending in an ellipsis.

Scraped pages often keep the listing teaser above the article: the first sentence or
two, cut off with ``...`` or ``…``, then the article repeating them in full. Both
teaser-duplicate (which reports the teaser) and duplicated-text (which must not report
the same words again) need to know which paragraphs these are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from seedcheck.body_lines import Paragraph
from seedcheck.text_normal import normalize

# Fewer words than this before the ellipsis is a quip ("Well..."), not a teaser.
TEASER_MIN_WORDS = 5
# Pages put the teaser at the top; looking no further keeps the search linear.
TEASER_SEARCH_PARAGRAPHS = 5


@dataclass(frozen=True)
class Teaser:
    """``paragraph`` ends in an ellipsis and its text begins ``repeated``."""

    paragraph: Paragraph
    repeated: Paragraph


def find_teasers(paragraphs: Sequence[Paragraph]) -> list[Teaser]:
    """Every paragraph ending in an ellipsis whose text begins a later paragraph."""
    top = paragraphs[:TEASER_SEARCH_PARAGRAPHS]
    if not any(p.text.rstrip().endswith(("...", "\u2026")) for p in top):
        return []  # the common case, decided without normalising every paragraph
    normalized = [normalize(p.text) for p in paragraphs]
    found: list[Teaser] = []
    for index, text in enumerate(normalized[:TEASER_SEARCH_PARAGRAPHS]):
        if not text.endswith("..."):
            continue
        head = text.removesuffix("...").rstrip(" .,;:-")
        if len(head.split()) < TEASER_MIN_WORDS:
            continue
        later = next(
            (k for k in range(index + 1, len(normalized)) if normalized[k].startswith(head)),
            None,
        )
        if later is not None and not normalized[later].endswith("..."):
            found.append(Teaser(paragraphs[index], paragraphs[later]))
    return found
