"""The repeated passages of a seed's body, as duplicated-text reports them.

duplicate-line needs them too: a line inside a repeated passage is already reported
there, once for the whole passage, and must not be reported again line by line.
"""

from __future__ import annotations

from dataclasses import dataclass

from seedcheck.rules.options import Option, RuleOptions
from seedcheck.rules.support.teasers import find_teasers
from seedcheck.seed.body_lines import body_paragraphs
from seedcheck.seed.file import SeedFile
from seedcheck.text.shingles import LocatedWords, Repeat, find_repeats, located_words

# Declared here, where both duplicated-text and duplicate-line read them.
DUPLICATE_SHINGLE_WORDS = Option(
    "duplicate-shingle-words", int, 8, "words per shingle compared.", ge=2
)
DUPLICATE_MIN_WORDS = Option(
    "duplicate-min-words", int, 20, "fewest words of a reported repeat.", ge=2
)


@dataclass(frozen=True)
class BodyRepeats:
    """The body's words (teasers left out) and the passages among them that repeat."""

    words: LocatedWords
    repeats: tuple[Repeat, ...]

    def covered_lines(self) -> frozenset[int]:
        """Numbers of the lines every word of which lies inside a repeat."""
        inside: set[int] = set()
        outside: set[int] = set()
        flags = [False] * len(self.words.words)
        for repeat in self.repeats:
            for index in range(repeat.start, repeat.end):
                flags[index] = True
        for flag, line in zip(flags, self.words.lines, strict=True):
            (inside if flag else outside).add(line)
        return frozenset(inside - outside)


def body_repeats(seed: SeedFile, options: RuleOptions) -> BodyRepeats:
    """Find the repeats of ``seed``'s body with the configured shingle size and minimum."""
    paragraphs = body_paragraphs(seed)
    teasers = {id(t.paragraph) for t in find_teasers(paragraphs)}
    # body_words follows the lines of the paragraphs in order, one entry a line.
    line_words = iter(seed.body_words)
    located = located_words(
        (line.number, found)
        for paragraph in paragraphs
        for line, found in zip(paragraph.lines, line_words, strict=False)
        if id(paragraph) not in teasers
    )
    repeats = find_repeats(
        located.words, options[DUPLICATE_SHINGLE_WORDS], options[DUPLICATE_MIN_WORDS]
    )
    return BodyRepeats(located, tuple(repeats))
