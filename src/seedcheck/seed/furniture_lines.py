"""The lines of a body that may be a site's furniture, as keys a corpus rule can count.

corpus-furniture finds lines that recur in many seeds of a corpus. Counting needs every
seed at once, so each seed carries, in its summary, a short tuple of ``(key, line
number)`` for its candidate lines only: made once in the per-file pass, cached with the
summary, and counted by the corpus rule without reading any text again.

A candidate is a line the article's own text is unlikely to be:

- it sits at an edge of the body: above the first line of prose or below the last one
  (where an extractor leaves the page's head and foot). Headings between paragraphs
  ("Ingredients", "Q:", "What happens next?") are the article's structure, and one
  outlet's articles share them by design: they are never candidates;
- it is not prose: at most :data:`MOST_WORDS` words, and not a sentence of more than
  :data:`SHORT_WORDS` words;
- it is not a quotation: no double quotation mark, no leading single one (two articles
  may quote one statement).

The key is a stable 64-bit hash of the line's words after the one normalisation of
content checks (case, typography and punctuation do not count), so "Share this story"
and "SHARE THIS STORY:" are one line. At most :data:`EDGE_CAP` candidates are kept at
each edge: a whole-page dump has hundreds of menu lines, and its first and last ones
are enough to recognise its site.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from seedcheck.seed.file import SeedFile
from seedcheck.seed.paragraphs import BodyLine

# A line of more words than this is prose, wherever it is and however it ends.
MOST_WORDS = 30
# A line of more words than this that ends like a sentence is prose.
SHORT_WORDS = 12
EDGE_CAP = 12
_SENTENCE_END = frozenset(".!?\"'\u201d\u2019)")
_DOUBLE_QUOTES = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
_SINGLE_QUOTES = frozenset("'\u2018\u201a")

FurnitureLine = tuple[int, int]


def line_key(words: Sequence[str]) -> int:
    """The stable key of a line's words: the same in every process and run, so that it
    can be cached (``hash()`` of a string is not)."""
    digest = hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "big")


def furniture_lines(seed: SeedFile) -> tuple[FurnitureLine, ...]:
    """``(key, line number)`` of each candidate furniture line of ``seed``'s body."""
    lines = seed.body_lines
    if not lines:
        return ()
    keys = seed.body_words
    prose = [index for index, line in enumerate(lines) if _is_prose(line.text, len(keys[index]))]
    if prose:
        head = range(prose[0])[:EDGE_CAP]
        tail = range(prose[-1] + 1, len(lines))[-EDGE_CAP:]
        edges = [*head, *tail]
    else:
        # No prose at all (a page of links, a list): both ends of it.
        every = range(len(lines))
        edges = sorted({*every[:EDGE_CAP], *every[-EDGE_CAP:]})
    return tuple(
        (line_key(keys[index]), lines[index].number)
        for index in edges
        if _is_candidate(lines[index], len(keys[index]))
    )


def _is_prose(text: str, n_words: int) -> bool:
    if n_words > MOST_WORDS:
        return True
    return n_words > SHORT_WORDS and text.rstrip()[-1:] in _SENTENCE_END


def _is_candidate(line: BodyLine, n_words: int) -> bool:
    if not 1 <= n_words <= MOST_WORDS:
        return False
    text = line.text.strip()
    return text[:1] not in _SINGLE_QUOTES and _DOUBLE_QUOTES.isdisjoint(text)
