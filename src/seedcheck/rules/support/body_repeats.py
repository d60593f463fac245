"""The repeated passages of a seed's body, as duplicated-text reports them.

duplicate-line needs them too: a line inside a repeated passage is already reported
there, once for the whole passage, and must not be reported again line by line. A
passage that is one whole line printed again is left to duplicate-line, and text that
repeats by design (see :func:`repeated_by_design`) to neither.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from seedcheck.rules.options import Option, RuleOptions
from seedcheck.rules.support.teasers import find_teasers
from seedcheck.seed.body_lines import body_lines, body_paragraphs
from seedcheck.seed.file import SeedFile
from seedcheck.text import normal
from seedcheck.text.shingles import LocatedWords, Repeat, find_repeats, located_words, word_span

# Declared here, where both duplicated-text and duplicate-line read them.
DUPLICATE_SHINGLE_WORDS = Option(
    "duplicate-shingle-words", int, 8, "words per shingle compared.", ge=2
)
DUPLICATE_MIN_WORDS = Option(
    "duplicate-min-words", int, 20, "fewest words of a reported repeat.", ge=2
)

# An embedded post's attribution: a dash, the account's name and its handle.
_ATTRIBUTION = re.compile(r"[\u2014\u2013-]+\s*\S.{0,80}\(@\w+\)")
_NUMBER = re.compile(r"\d+")
_SENTENCE_END = frozenset(".!\"'\u201d\u2019)")


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
    # duplicated-text and duplicate-line each ask, one after the other, for the same
    # seed: the last answer is kept (one seed's, for as long as the next takes).
    last = _last[0]
    if last is not None and last[0] is seed and last[1] is options:
        return last[2]
    found = _body_repeats(seed, options)
    _last[0] = (seed, options, found)
    return found


_last: list[tuple[SeedFile, RuleOptions, BodyRepeats] | None] = [None]


def _body_repeats(seed: SeedFile, options: RuleOptions) -> BodyRepeats:
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
    # Without teasers the located words are all the body's, whose hashes the seed has.
    hashes = None if teasers else (lambda: seed.body_word_hashes)
    repeats = find_repeats(
        located.words, options[DUPLICATE_SHINGLE_WORDS], options[DUPLICATE_MIN_WORDS], hashes
    )
    by_design = repeated_by_design(seed) if repeats else frozenset()
    texts = {line.number: line.text for line in body_lines(seed)} if repeats else {}
    kept = tuple(
        repeat
        for repeat in repeats
        if not _whole_line_copy(repeat, located)
        and not _mostly(by_design, repeat, located)
        and not _restated(repeat, located, texts)
    )
    return BodyRepeats(located, kept)


def _restated(repeat: Repeat, located: LocatedWords, texts: dict[int, str]) -> bool:
    """Text said twice on purpose, not pasted: the copy and its source each within one
    line, in two lines that differ around them, and either a statement quoted from two
    sources (inside quotation marks in both places, but for a word or two of attribution,
    "said") or one sentence said again in another paragraph (a lede restated in a
    video's description, among sentences of its own). A pasted paragraph copies its
    whole line, or stands alone, or runs over more than one sentence or past a
    quotation's ends, and is still a repeat."""
    spans = ((repeat.start, repeat.end), (repeat.source, repeat.source_end))
    lines = located.lines
    if any(lines[first] != lines[end - 1] for first, end in spans):
        return False
    copy_line, source_line = lines[repeat.start], lines[repeat.source]
    if copy_line == source_line:
        return False
    if normal.words(texts[copy_line]) == normal.words(texts[source_line]):
        return False  # the whole line again: a paste
    return all(
        _outside_quotes(texts[lines[first]], located, first, end) <= _ATTRIBUTION_WORDS
        for first, end in spans
    ) or (
        repeat.length <= _SENTENCE_WORDS
        # Said again among new words: a sentence standing alone as a paragraph is pasted.
        and len(normal.words(texts[copy_line])) > repeat.length + _EDGE_WORDS
        and all(_one_sentence(texts[lines[first]], located, first, end) for first, end in spans)
    )


# The most words of a sentence said twice that is not reported, and how many of its
# words at either end may differ.
_SENTENCE_WORDS = 40
_EDGE_WORDS = 3
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019')]*\s")


def _one_sentence(text: str, located: LocatedWords, first: int, end: int) -> bool:
    """Whether words ``first`` to ``end`` (all of one line) are one whole sentence."""
    offset = located.index_in_line(first)
    start, _ = word_span(text, offset)
    _, stop = word_span(text, offset + end - first - 1)
    before, inside, after = text[: start - 1], text[start - 1 : stop - 1], text[stop - 1 :]
    # The sentence may have been reworded at its ends ("released Monday", "released on
    # Monday."): a few words between the repeat and the sentence's ends are allowed.
    lead = _SENTENCE_BREAK.split(before + " ")[-1]
    tail = _SENTENCE_BREAK.split(after + " ", maxsplit=1)[0]
    return (
        len(lead.split()) <= _EDGE_WORDS
        and len(tail.split()) <= _EDGE_WORDS
        and _SENTENCE_BREAK.search(inside) is None
    )


# Words of a quoted repeat that may lie outside the quotation marks: the verb and
# colon of an attribution that both quoting lines share ("said: ").
_ATTRIBUTION_WORDS = 2
_QUOTE_MARKS = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u00ab\u00bb", '"'))


def _outside_quotes(text: str, located: LocatedWords, first: int, end: int) -> int:
    """How many of words ``first`` to ``end`` (all of one line) lie outside double
    quotation marks."""
    marks = text.translate(_QUOTE_MARKS)
    offset = located.index_in_line(first)
    outside = 0
    for index in range(end - first):
        column, _ = word_span(text, offset + index)
        if marks.count('"', 0, column - 1) % 2 == 0:
            outside += 1
    return outside


def repeated_by_design(seed: SeedFile) -> frozenset[int]:
    """Numbers of the repeated lines that repeat by design, not by a paste: a short
    line, a question or a heading printed three times or more (an interview's question
    to each guest, a plan's heading each day), an item of a list (``1 cup oats, 1
    banana, 2 tsp. honey``), and the attribution line of an embedded post (``— Jane Doe
    (@jdoe) May 2, 2024``), which two posts of one account share."""
    lines = body_lines(seed)
    # Words, not text: "may, instead," and "may instead" ask one question.
    keys = seed.body_words
    counts = Counter(keys)
    found: set[int] = set()
    for index, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if counts[key] < 2 or key in (_at(keys, index - 1), _at(keys, index + 1)):
            continue  # printed twice in a row, or over and over, is a paste
        text = line.text.strip()
        short = text[-1] not in _SENTENCE_END or len(key) <= 20
        # An item of a list: "1 cup oats, 1 banana, 2 tsp. honey, 8 oz. milk".
        listed = text.count(",") + text.count(";") >= 2 and len(_NUMBER.findall(text)) >= 2
        if (
            _ATTRIBUTION.match(text)
            or listed
            or (short and counts[key] + _variants(key, counts) >= 3)
        ):
            found.add(line.number)
    return frozenset(found)


def _at(keys: tuple[tuple[str, ...], ...], index: int) -> tuple[str, ...] | None:
    return keys[index] if 0 <= index < len(keys) else None


def _variants(key: tuple[str, ...], counts: Counter[tuple[str, ...]]) -> int:
    """How many lines differ from ``key`` in one word only: one template filled in with
    each guest's name ("Vote for Jane on the last page!")."""
    if len(key) > 20:
        return 0
    return sum(
        count
        for other, count in counts.items()
        if other != key
        and len(other) == len(key)
        and sum(a != b for a, b in zip(other, key, strict=True)) == 1
    )


def _mostly(lines: frozenset[int], repeat: Repeat, located: LocatedWords) -> bool:
    """Whether at least half the lines of the repeat's copy are among ``lines``."""
    copy = set(located.lines[repeat.start : repeat.end])
    return 2 * len(copy & lines) >= len(copy)


def _whole_line_copy(repeat: Repeat, located: LocatedWords) -> bool:
    """A repeat that is one whole line printed again word for word right below it (a
    doubled caption, whatever its length): duplicate-line reports it, so that one rule
    does."""
    lines = located.lines
    first, last = repeat.start, repeat.end - 1
    source_first, source_last = repeat.source, repeat.source_end - 1

    def whole(start: int, end: int) -> bool:
        return (
            lines[start] == lines[end]
            and (start == 0 or lines[start - 1] != lines[start])
            and (end + 1 == len(lines) or lines[end + 1] != lines[end])
        )

    words = located.words
    return (
        source_last + 1 == first  # the line right below its source: doubled
        and whole(first, last)
        and whole(source_first, source_last)
        and words[first : last + 1] == words[source_first : source_last + 1]
    )
