"""The shared normalisation: copies that differ only in typography compare equal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from seedcheck.text.normal import _WORD, line_words, normalize, words


def test_typography_is_unified() -> None:
    fancy = "He said, “It’s over” — and left…\n\nThen—nothing."
    plain = 'He said, "It\'s over" -- and left...  Then -- nothing.'
    assert (
        normalize(fancy)
        == normalize(plain)
        == ('he said, "it\'s over" - and left... then - nothing.')
    )


def test_nfkc_and_case_folding() -> None:
    assert normalize("ﬁnance STRASSE") == normalize("finance straße")


def test_hyphens_and_dashes_separate_words_alike() -> None:
    assert words("well-known, 1990-2000") == words("well – known, 1990—2000")
    assert words("A well-known firm.") == ["a", "well", "known", "firm"]


def test_punctuation_is_dropped_for_words() -> None:
    assert words("“Yes!” — she said; (no).") == ["yes", "she", "said", "no"]


def test_invisible_characters_are_deleted() -> None:
    # Soft hyphens (U+00AD) and zero-width characters are invisible: a copy scraped with
    # them reads the same as one without.
    hidden = "infra\u00adstruc\u00adture\u200b \u200cwork\u200d\u2060s\ufeff"
    assert normalize(hidden) == "infrastructure works"
    assert words(hidden) == ["infrastructure", "works"]


_APOSTROPHE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["'", "''", " ", "-", "--", "_", "a", "B", "7", "don't", "'tis", "\u2019"]),
        st.characters(max_codepoint=0x7F),
        st.characters(),
    ),
    max_size=40,
).map("".join)


@given(_APOSTROPHE_TEXT)
def test_words_are_what_the_word_pattern_finds(text: str) -> None:
    # words() splits ASCII text without the pattern; the pattern is the definition.
    normal = normalize(text)
    expected = [word.replace("'", "") for word in _WORD.findall(normal)]
    assert words(text) == expected


@given(st.lists(_APOSTROPHE_TEXT.filter(lambda text: "\n" not in text), max_size=6))
def test_the_words_of_many_lines_are_each_lines_words(texts: list[str]) -> None:
    # line_words folds the ASCII lines together in one pass, the others one by one.
    assert line_words(texts) == [words(text) for text in texts]
    plain = ["".join(c for c in text if c.isascii()) for text in texts]
    assert line_words(plain) == [words(text) for text in plain]


def test_the_words_of_lines_mixed_ascii_and_not_keep_their_order() -> None:
    texts = ["It's HERE--now.", "“Café” — ﬁne", "", "a_b\x0bc's"]
    assert line_words(texts) == [["its", "here", "now"], ["café", "fine"], [], ["a", "b", "cs"]]
