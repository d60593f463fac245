"""Settings' patterns run with a time limit (issue 25, item 3)."""

from __future__ import annotations

import re

import pytest

from seedcheck.corpus.listing import DEFAULT_PATTERN, name_pattern
from seedcheck.errors import SeedcheckError
from seedcheck.text.bounded_pattern import TIME_LIMIT, BoundedPattern, PatternTimeout
from seedcheck.text.pattern_safety import backtracking_reason

# Past the static check (a repeat bounded at 8 is 'few'), yet it backtracks on this.
SLOW = r"(?:\w+){2,8}!$"
HOSTILE = "a" * 200 + "!x"


def test_a_pattern_the_static_check_lets_through_is_stopped() -> None:
    assert backtracking_reason(SLOW) is None
    bounded = BoundedPattern(SLOW, "boilerplate-patterns", "a line")
    with pytest.raises(PatternTimeout) as raised:
        bounded.search(HOSTILE)
    assert raised.value.bounded is bounded
    assert isinstance(raised.value, SeedcheckError)  # the CLI's one-line error, exit 2
    assert str(raised.value) == (
        r"boilerplate-patterns: the pattern '(?:\w+){2,8}!$' ran over "
        f"{TIME_LIMIT} s on a line '{'a' * 40}'… and was stopped: "
        "it backtracks on some text; write it so that each part of the text can match one "
        "way only"
    )
    with pytest.raises(PatternTimeout):
        bounded.fullmatch(HOSTILE)


def test_a_bounded_pattern_matches_as_re_does() -> None:
    for pattern, texts in (
        (r"(?i)^watch:", ["Watch: the film", "watch", "we watch: it"]),
        (r"\bcafé\b", ["un café noir", "cafés", "CAFÉ"]),
        (r"\w+\s\d{2,}", ["naïve 42", "x 1", "日本 123"]),
    ):
        bounded = BoundedPattern(pattern, "boilerplate-patterns")
        for text in texts:
            expected = re.search(pattern, text)
            found = bounded.search(text)
            assert (found and found.span()) == (expected and expected.span()), (pattern, text)


def test_the_name_pattern_groups_and_engine() -> None:
    default = name_pattern(DEFAULT_PATTERN)
    match = default.fullmatch("012_0123456789abcdef.txt")
    assert match is not None and match.group("number") == "012"
    assert set(default.groupindex) >= {"number", "id"}
    custom = name_pattern(r"^(?P<number>\d+)-(?P<id>\w+)\.md$")
    match = custom.fullmatch("7-x.md")
    assert match is not None and (match.group("number"), match.group("id")) == ("7", "x")
    assert custom.fullmatch("7_x.md") is None
    with pytest.raises(PatternTimeout, match="on the file name '1_aaa"):
        name_pattern(r"^(?P<number>\d+)_(?P<id>(?:\w+){2,8})\.txt$").fullmatch(
            "1_" + "a" * 120 + ".tx"
        )
