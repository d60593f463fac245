"""How many words a text has, in every script.

Words are runs of non-blank characters, except that each Han ideograph and each
Hiragana or Katakana character counts as a word of its own: Chinese and Japanese are
written without spaces, and a character there carries about what a short word does in
a spaced script, so that ``body-min-words = 50`` means as much in every script.
Hangul is written with spaces between words and is counted by them.
"""

from __future__ import annotations

import re

# Hiragana, Katakana (with its phonetic extensions and half-width forms), CJK
# ideographs (the unified block, extension A, compatibility ideographs).
_CHARACTER_WORD = re.compile(
    "[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)


def count_words(text: str) -> int:
    """The words of ``text``: blank-separated runs, each Han or Kana character one."""
    runs = text.split()
    if text.isascii():
        return len(runs)
    characters = _CHARACTER_WORD.findall(text)
    if not characters:
        return len(runs)
    # A run made only of such characters is counted by them alone, not once more.
    whole = sum(1 for run in runs if _CHARACTER_WORD.sub("", run).strip(_PUNCTUATION) == "")
    return len(characters) + len(runs) - whole


# Punctuation that often sits inside a Japanese or Chinese run: "。、「」（）".
_PUNCTUATION = "\u3000\u3001\u3002\u300c\u300d\u300e\u300f\uff08\uff09\uff01\uff1f\u30fb.,!?()"
