"""Words in every script: blank-separated runs, each Han or Kana character one."""

from __future__ import annotations

import pytest

from seedcheck.text.word_count import count_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("The ferry runs again.", 4),
        ("Café crème, s’il vous plaît.", 5),
        # Japanese: 13 Han and Kana characters and the number between them.
        ("東京タワーは2020年に改装された。", 14),
        # Chinese, with its own punctuation: 8 characters.
        ("渡轮周一恢复运行。", 8),
        # Korean is spaced: three words.
        ("서울은 한국의 수도이다.", 3),
        # A spaced word beside a Japanese run counts once.
        ("NHK によると 2025年", 7),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected
