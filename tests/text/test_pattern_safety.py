"""Patterns from the settings that could backtrack catastrophically are refused."""

from __future__ import annotations

import re
import time

import pytest

from seedcheck.corpus.listing import DEFAULT_PATTERN
from seedcheck.text.pattern_safety import backtracking_reason, refuse_backtracking

REFUSED = [
    r"^(a+)+$",  # issue 25: 37 s on 28 letters, over 300 s on 40
    r"(a*)*",
    r"^(\w+\s?)*$",
    r"(x+x+)+y",
    r"(.*a){12}",
    r"((ab)*)*",
    r"(a|ab)*c",
    r"^(?P<number>(\d+)+)_(?P<id>[0-9a-f]{16})\.txt$",
    r"(?:(?:Read|See)\s*)+more",
]
ALLOWED = [
    DEFAULT_PATTERN,
    r"^Sponsored content",
    r"^\s*(?:Read|See) more\b.*$",
    r"(?:\d+,)*\d+",
    r"(?:[A-Z][a-z]+ )+Ltd",
    r"(?:ab|cd)*",
    r"(\w|\d)+",
    r"(a{2})+",
    r"(?:\s*,\s*\w+)+",
]


@pytest.mark.parametrize("pattern", REFUSED)
def test_refused_with_the_reason(pattern: str) -> None:
    with pytest.raises(ValueError, match="can take exponential time on some text"):
        refuse_backtracking(pattern)


@pytest.mark.parametrize("pattern", ALLOWED)
def test_allowed(pattern: str) -> None:
    assert backtracking_reason(pattern) is None


@pytest.mark.skipif(not hasattr(re, "NOFLAG"), reason="possessive repeats are Python 3.11's")
@pytest.mark.parametrize("pattern", [r"^(a++)+$", r"(?>a+)+"])
def test_possessive_and_atomic_never_backtrack(pattern: str) -> None:
    assert backtracking_reason(pattern) is None


@pytest.mark.parametrize("pattern", ALLOWED)
def test_allowed_patterns_stay_fast_on_hostile_text(pattern: str) -> None:
    compiled = re.compile(pattern)
    for text in ("a" * 5000 + "!", "1," * 5000 + "x", "Ab " * 3000 + "!", " ," * 3000):
        started = time.perf_counter()
        compiled.search(text)
        assert time.perf_counter() - started < 1.0, (pattern, text[:10])
