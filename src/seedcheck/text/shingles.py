"""Word shingles, and repeated passages found with them, in time linear in the text.

A *shingle* is a run of ``n`` consecutive words of :func:`seedcheck.text.normal.words`,
so two copies of a passage share their shingles even when one copy has typographic quotes
and the other ASCII ones, or the line and paragraph breaks fall elsewhere.

- :func:`located_words` gathers the words of numbered lines with the line of each word;
- :func:`shingles` gives the shingles of a word list, as strings, in order (what a
  MinHash of a document is built from);
- :func:`find_repeats` finds the passages of a word list that repeat earlier words of
  the same list;
- :func:`word_span` finds where the k-th word of a line is, to report a column.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from seedcheck.text.normal import ascii_word_spans, words

_TOKEN = re.compile(r"\S+")

# Words per shingle when whole documents are compared (near-duplicate-document).
DOCUMENT_SHINGLE_WORDS = 5


@dataclass(frozen=True)
class LocatedWords:
    """Words of several lines; ``lines[i]`` is the line number of ``words[i]``."""

    words: tuple[str, ...]
    lines: tuple[int, ...]

    def index_in_line(self, index: int) -> int:
        """How many words of the same line come before word ``index``."""
        line = self.lines[index]
        first = index
        while first > 0 and self.lines[first - 1] == line:
            first -= 1
        return index - first


@dataclass(frozen=True)
class Repeat:
    """Words ``start`` to ``start + length`` repeat words ``source`` to ``source + source_length``.

    The lengths differ when the copy has small edits (a word changed or dropped).
    """

    start: int
    length: int
    source: int
    source_length: int

    @property
    def end(self) -> int:
        return self.start + self.length

    @property
    def source_end(self) -> int:
        return self.source + self.source_length


def located_words(lines: Iterable[tuple[int, Sequence[str]]]) -> LocatedWords:
    """The words of ``(line number, words of the line)`` pairs, each with its line number.

    Lines are normalised one by one (see ``SeedFile.body_words``); since no word spans a
    line break, the result is the words of the whole text.
    """
    all_words: list[str] = []
    numbers: list[int] = []
    for number, found in lines:
        all_words.extend(found)
        numbers.extend([number] * len(found))
    return LocatedWords(tuple(all_words), tuple(numbers))


def find_repeats(
    word_list: Sequence[str],
    n: int,
    min_words: int,
    hashes: Callable[[], Sequence[int]] | None = None,
) -> list[Repeat]:
    """Passages of at least ``min_words`` words that repeat earlier words of the list.

    Each shingle is looked up once in a dict of first occurrences, and a match is then
    extended word by word against its source, so the cost grows linearly with the text.
    Runs less than ``n`` words apart whose sources are as close are one repeat with a
    small edit (a word changed: "cafes" and "cafés"). A repeat starts only after its
    source's first shingle ends, and stops where its source reaches the repeat's own
    start: a copy followed by text that begins like the original ("A A The…") is the
    copy alone. Only truly periodic text runs on into its source: a sentence printed a
    thousand times in a row is one repeat of all but its first copy.

    ``hashes`` gives the words' hashes (``lsh_pairs.word_hashes``): where numpy is
    loaded, a body none of whose shingles repeats (most bodies) is told by them in a
    few vector steps instead of a tuple a word.
    """
    if len(word_list) < max(n, min_words, 1):
        return []
    if hashes is not None and "numpy" in sys.modules:
        # Imported here: numpy is loaded already where many seeds are checked (their
        # signatures need it), and a run that checks a few must not load it for this.
        from seedcheck.text.near_duplicates import repeats_a_shingle

        if not repeats_a_shingle(hashes(), n):
            return []
    # Tuples, not joined strings: zip builds them without a Python loop.
    keys = list(zip(*(word_list[k:] for k in range(n)), strict=False))
    if len(set(keys)) == len(keys):
        return []  # no shingle occurs twice: most bodies, found without a Python loop
    first_seen: dict[tuple[str, ...], int] = {}
    runs: list[Repeat] = []
    copy_start = 0  # where the copy that the last run belongs to starts
    i = 0
    while i < len(keys):
        j = first_seen.get(keys[i])
        if j is not None and j + n <= i:
            # A run that continues the last one (past a small edit) belongs to its copy.
            starts = i if not runs or not _continues(runs[-1], i, j, n) else copy_start
            run = _run_length(keys, i, j, n, starts)
            if run:
                copy_start = starts
                runs.append(Repeat(i, run + n - 1, j, run + n - 1))
                i += run
                continue
        first_seen.setdefault(keys[i], i)
        i += 1
    return [repeat for repeat in _merged(runs, n) if repeat.length >= min_words]


def _run_length(keys: list[tuple[str, ...]], i: int, j: int, n: int, copy_start: int) -> int:
    """How many shingles from ``i`` equal those from ``j``, the source kept off the copy.

    A source shingle that reaches ``copy_start`` would count words of the copy as its
    own source. That is allowed only for periodic text, which repeats for at least one
    more period (``i - j`` shingles) from there.
    """
    period = i - j
    run = 0
    while i + run < len(keys) and keys[i + run] == keys[j + run]:
        if j + run + n > copy_start:
            if i + run + period > len(keys) or any(
                keys[i + run + k] != keys[j + run + k] for k in range(period)
            ):
                break  # stops at the first difference: non-periodic text pays little
            # Periodic: the rest of the run may follow its source into the copy.
            while i + run < len(keys) and keys[i + run] == keys[j + run]:
                run += 1
            break
        run += 1
    return run


def _continues(last: Repeat, start: int, source: int, n: int) -> bool:
    """Whether a run at ``start`` from ``source`` is ``last`` continued past a small edit.

    A changed word leaves a gap of one word between two runs (two words, two gaps...);
    half a shingle is as much editing as still reads as "the same passage". A wider gap
    is other text: two captions each printed twice ("A A B B") are two doubled lines,
    not one passage "A B" repeating "A A".
    """
    most_edited = max(1, n // 2)
    return (
        -n <= start - last.end <= most_edited
        and -n <= source - last.source_end <= most_edited
        and source >= last.source
    )


def _merged(runs: list[Repeat], n: int) -> list[Repeat]:
    merged: list[Repeat] = []
    for run in runs:
        last = merged[-1] if merged else None
        if last is not None and _continues(last, run.start, run.source, n):
            merged[-1] = Repeat(
                last.start,
                max(run.end, last.end) - last.start,
                last.source,
                max(run.source_end, last.source_end) - last.source,
            )
        else:
            merged.append(run)
    return merged


def word_span(text: str, index: int) -> tuple[int, int]:
    """1-based start and exclusive end column of word ``index`` of ``words(text)``.

    In ASCII text, the word itself; otherwise the whitespace-separated token holding it
    (normalisation may change a token's length). Past the last word: the line's end.
    """
    spans = ascii_word_spans(text)
    if spans is not None:
        if index < len(spans):
            return spans[index][0] + 1, spans[index][1] + 1
        return len(text) + 1, len(text) + 1
    seen = 0
    for token in _TOKEN.finditer(text):
        seen += len(words(token.group()))
        if seen > index:
            return token.start() + 1, token.end() + 1
    return len(text) + 1, len(text) + 1
