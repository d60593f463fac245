"""Teaser paragraphs: a cut-off copy of the article's opening, ending in an ellipsis.

Scraped pages often keep the listing teaser above the article: the first sentence or
two, cut off with ``...`` or ``…`` (perhaps in brackets, ``[…]``, or followed by a
"Read more" or "Continue reading" link), then the article repeating them in full, often
after a dateline (``WENDBURY —``, ``LONDON (Reuters) -``). Both
teaser-duplicate (which reports the teaser) and duplicated-text (which must not report
the same words again) need to know which paragraphs these are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from seedcheck.seed.paragraphs import Paragraph
from seedcheck.text.normal import normalize

# Fewer words than this before the ellipsis is a quip ("Well..."), not a teaser.
TEASER_MIN_WORDS = 5
# Pages put the teaser at the top, in the opening: the first five paragraphs, and on
# until 150 words of text (a page kept whole, or one line a paragraph, opens with many
# short ones: a kicker, the title, a byline, a date). Looking no further keeps the search
# linear.
TEASER_SEARCH_PARAGRAPHS = 5
TEASER_SEARCH_WORDS = 150

# How a teaser ends: an ellipsis, perhaps bracketed, perhaps followed by the link to the
# article. Matches the text as written and as normalised ("…" becomes "...").
_TEASER_END = re.compile(
    r"\s*\[?(?:\.\.\.|\u2026)\]?\s*(?:(?:read more|continue reading)\W*)?$", re.IGNORECASE
)
# Longer than any ending _TEASER_END matches in practice ("... Continue reading »").
_TEASER_END_MAX = 60
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A dateline before the article's first words: a place in capitalised words (a region
# after a comma), perhaps an agency in parentheses and a date, then a dash or a colon
# ("WENDBURY —", "LONDON (Reuters) -", "Wendbury, March 3 —"); or a place in capitals
# and a comma ("WENDBURY, The board voted…").
_DATELINE = re.compile(
    r"^(?:[A-Z][\w'.\u2019-]*(?:,? [A-Z][\w'.\u2019-]*){0,3}"
    r"(?: \([A-Z][\w ]{0,20}\))?"
    rf"(?:,? (?:\d{{1,2}} )?{_MONTH}(?: \d{{1,2}})?(?:,? \d{{4}})?)?"
    r"\s*(?:-{1,2}|[\u2013\u2014:])"
    r"|[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3},)\s+"
)


@dataclass(frozen=True)
class Teaser:
    """``paragraph`` ends in an ellipsis and its text begins ``repeated``."""

    paragraph: Paragraph
    repeated: Paragraph


def _opening(paragraphs: Sequence[Paragraph]) -> Sequence[Paragraph]:
    """The first five paragraphs, and on until the opening holds 150 words."""
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        if index >= TEASER_SEARCH_PARAGRAPHS and seen >= TEASER_SEARCH_WORDS:
            return paragraphs[:index]
        seen += sum(len(line.text.split()) for line in paragraph.lines)
    return paragraphs


def find_teasers(paragraphs: Sequence[Paragraph]) -> list[Teaser]:
    """Every paragraph ending in an ellipsis whose text begins a later paragraph."""
    # teaser-duplicate and duplicated-text ask, one after the other, for the same
    # seed's paragraphs: the last answer is kept.
    last = _last[0]
    if last is not None and last[0] is paragraphs:
        return list(last[1])
    found = _find_teasers(paragraphs)
    _last[0] = (paragraphs, tuple(found))
    return found


_last: list[tuple[Sequence[Paragraph], tuple[Teaser, ...]] | None] = [None]


def _find_teasers(paragraphs: Sequence[Paragraph]) -> list[Teaser]:
    top = _opening(paragraphs)
    if not any(_may_end_in_ellipsis(p) for p in top) or all(
        _teaser_cut(p.text) is None for p in top
    ):
        return []  # the common case, decided without normalising every paragraph
    starts = [_starts(p.text) for p in paragraphs]
    found: list[Teaser] = []
    for index, paragraph in enumerate(top):
        cut = _teaser_cut(paragraph.text)
        if cut is None:
            continue
        heads = {
            start.rstrip(" .,;:-")
            for start in _starts(paragraph.text[:cut])
            if len(start.split()) >= TEASER_MIN_WORDS
        }
        later = next(
            (
                k
                for k in range(index + 1, len(paragraphs))
                if any(start.startswith(head) for start in starts[k] for head in heads)
            ),
            None,
        )
        if later is not None and _teaser_cut(paragraphs[later].text) is None:
            found.append(Teaser(paragraph, paragraphs[later]))
    return found


def _may_end_in_ellipsis(paragraph: Paragraph) -> bool:
    """False when :func:`_teaser_cut` of the paragraph's text is surely None, told from
    its last line without joining its lines: a last line as long as the tail searched
    is the whole tail, and a tail without an ellipsis ends no teaser."""
    last = paragraph.last.text.strip()
    if len(last) < _TEASER_END_MAX:
        return True
    tail = last[-_TEASER_END_MAX:]
    return "..." in tail or "\u2026" in tail


def _teaser_cut(text: str) -> int | None:
    """Where the ellipsis that ends a teaser begins in ``text``; None if it has none."""
    # Only the end can hold it: searching a short tail keeps a long paragraph linear.
    tail_start = max(0, len(text) - _TEASER_END_MAX)
    end = _TEASER_END.search(text, tail_start)
    return None if end is None else end.start()


def _starts(text: str) -> tuple[str, ...]:
    """``text`` normalised, and again without a leading dateline when it has one."""
    dateline = _DATELINE.match(text)
    if dateline is None:
        return (normalize(text),)
    return (normalize(text), normalize(text[dateline.end() :]))
