"""Shingles and repeated passages: found across re-paragraphing and typography, linearly."""

from __future__ import annotations

import time

from seedcheck.text.normal import ascii_word_spans, words
from seedcheck.text.shingles import Repeat, find_repeats, located_words, word_span

PASSAGE = (
    "Small ports have been written off for decades, and the ferries that once tied islands"
    ' to the mainland were cut back or sold. "We were the only door left open," the'
    " harbour master said -- and the inquiry agreed."
)
TYPOGRAPHIC = (
    PASSAGE.replace('"We', "\u201cWe").replace('open,"', "open,\u201d").replace(" -- ", " \u2014 ")
)


def test_located_words_are_the_words_of_the_whole_text() -> None:
    lines = [(3, "Small ports \u2014 written"), (4, "off, for \u201cdecades\u201d.")]
    located = located_words((number, words(text)) for number, text in lines)
    assert list(located.words) == words("Small ports \u2014 written\noff, for \u201cdecades\u201d.")
    assert located.lines == (3, 3, 3, 4, 4, 4)
    assert located.index_in_line(4) == 1


def test_a_copy_with_other_quotes_and_breaks_is_one_repeat() -> None:
    first = words(PASSAGE)
    second = words(TYPOGRAPHIC.replace(", and the ferries", ",\n\nand the ferries"))
    assert second == first
    found = find_repeats([*first, "then", *second], n=8, min_words=20)
    assert found == [Repeat(len(first) + 1, len(first), 0, len(first))]


def test_a_changed_word_does_not_split_the_repeat() -> None:
    first = words(PASSAGE)
    second = list(first)
    second[12] = "boats"
    found = find_repeats([*first, *second], n=8, min_words=20)
    assert found == [Repeat(len(first), len(first), 0, len(first))]


def test_a_few_changed_words_still_join_but_other_text_does_not() -> None:
    first = words(PASSAGE)
    edited = list(first)
    edited[10:14] = ["x", "y", "z", "w"]  # four words in a row changed: still one copy
    assert find_repeats([*first, *edited], n=8, min_words=20) == [
        Repeat(len(first), len(first), 0, len(first))
    ]
    # Two captions each printed twice, "A A B B", are two doubled lines; "A B B" is not a
    # copy of "A A B", even though both runs sit one caption apart.
    a = words("Harbour ferry timetable changes for the summer season")
    b = words("Council approves new cycle lane on Station Road")
    assert find_repeats([*a, *a, *b, *b], n=8, min_words=8) == [
        Repeat(8, 8, 0, 8),
        Repeat(24, 8, 16, 8),
    ]


def test_short_common_phrases_are_not_repeats() -> None:
    text = words(
        "The council said on Tuesday that the road would open. Builders blamed the rain."
        " The council said on Tuesday that it would not pay. Residents were pleased."
    )
    assert find_repeats(text, n=8, min_words=20) == []
    assert find_repeats(text, n=4, min_words=6) == [Repeat(14, 6, 0, 6)]


def test_a_repeat_stops_where_its_source_reaches_the_copy() -> None:
    # "A A' B" where the edited copy A' is followed by text starting like A: the repeat is
    # A' alone, not A' plus the first word of B repeating A plus the first word of A'.
    first = words(
        PASSAGE + " Since then the county has paid for a new pontoon, and two operators"
        " have bid to run a daily crossing from next spring."
    )
    edited = [("x" + w) if k % 12 == 11 and k < 50 else w for k, w in enumerate(first)]
    after = ["small", "boats", "came", "back", "in", "the", "spring"]
    size = len(first)
    found = find_repeats([*first, *edited, *after], n=8, min_words=20)
    assert found == [Repeat(size, size, 0, size)]
    # The same without edits: one run, stopped at the same place.
    found = find_repeats([*first, *first, *after], n=8, min_words=20)
    assert found == [Repeat(size, size, 0, size)]


def test_a_third_copy_is_a_repeat_of_its_own() -> None:
    first = words(PASSAGE)
    size = len(first)
    tail = first[:10]
    found = find_repeats([*first, *first, *tail, "then", *first], n=8, min_words=5)
    assert found == [
        Repeat(size, size, 0, size),
        Repeat(2 * size, 10, 0, 10),
        Repeat(2 * size + 11, size, 0, size),
    ]


def test_text_printed_over_and_over_is_one_repeat() -> None:
    # The repeat starts once the first shingle has been seen whole, and runs to the end.
    assert find_repeats(["no"] * 30, n=8, min_words=20) == [Repeat(8, 22, 0, 22)]
    assert find_repeats(["no"] * 20, n=8, min_words=20) == []
    assert find_repeats(["a", "b", "c"] * 1000, n=8, min_words=20) == [Repeat(9, 2991, 0, 2991)]


def test_cost_grows_linearly() -> None:
    # 200,000 words of distinct text and the same text twice: well under a second each
    # on any machine; a quadratic search would take minutes.
    unique = [f"w{i}" for i in range(200_000)]
    start = time.perf_counter()
    assert find_repeats(unique, n=8, min_words=20) == []
    assert find_repeats(unique[:100_000] * 2, n=8, min_words=20) == [
        Repeat(100_000, 100_000, 0, 100_000)
    ]
    assert time.perf_counter() - start < 5


def test_word_span_points_at_the_token() -> None:
    line = "He said \u201cIt\u2019s over\u201d \u2014 and left."
    assert word_span(line, 0) == (1, 3)
    assert word_span(line, 2) == (9, 14)  # "“It’s" holds the word "its"
    assert word_span(line, 5) == (27, 32)  # "left.", after a dash that is no word
    ascii_line = 'He said "it\'s over" -- and left.'
    assert word_span(ascii_line, 2) == (10, 14)  # ASCII: the word itself, no quote
    assert word_span(line, 9) == (len(line) + 1, len(line) + 1)


def test_word_span_counts_words_as_normalised_with_invisible_characters() -> None:
    # "infra\u00adstructure" is one word, "\u200b" alone no word: columns stay on the tokens.
    line = "The infra\u00adstructure \u200b plan, and\u200b more."
    assert words(line) == ["the", "infrastructure", "plan", "and", "more"]
    assert word_span(line, 1) == (5, 20)
    assert word_span(line, 2) == (23, 28)
    assert word_span(line, 4) == (34, 39)


def test_ascii_word_spans_are_the_words() -> None:
    line = "Rock'n'roll -- the 1990-2000 years, 'quoted' (aside)."
    spans = ascii_word_spans(line)
    assert spans is not None
    assert [line[a:b].lower().replace("'", "") for a, b in spans] == words(line)
    assert ascii_word_spans("caf\u00e9") is None


def test_the_hashed_search_finds_what_the_plain_one_does() -> None:
    import numpy  # noqa: F401  (loaded, as where many seeds are checked)

    from seedcheck.text.lsh_pairs import word_hashes

    first = words(PASSAGE)
    edited = list(first)
    edited[12] = "boats"
    other = words("Council approves new cycle lane on Station Road after a long debate")
    cases = [first, [*first, *edited], [*other, *first, *other], [*first, "then", *first], other]
    asked: list[int] = []
    for case in cases:
        expected = find_repeats(case, n=8, min_words=20)

        def hashes(case: list[str] = case) -> list[int]:
            asked.append(len(case))
            return word_hashes(case)

        assert find_repeats(case, n=8, min_words=20, hashes=hashes) == expected
        # Values that all collide only cost the plain search: the same repeats.
        colliding = [7] * len(case)
        assert find_repeats(case, n=8, min_words=20, hashes=colliding.copy) == expected
    assert asked  # the hashes were used where numpy is loaded
