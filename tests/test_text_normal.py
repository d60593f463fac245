"""The shared normalisation: copies that differ only in typography compare equal."""

from __future__ import annotations

from seedcheck.text_normal import normalize, words


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
