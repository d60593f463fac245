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
