"""Regular expressions from the settings, run with a time limit.

The patterns a repository's settings hold (the file-name ``pattern``,
``boilerplate-patterns``) run on names and lines a contributor chooses. The shapes that
backtrack exponentially are refused when the settings load (see pattern_safety), but
polynomial ones, and bounded repeats of repeats, pass any static check that keeps useful
patterns: ``(?:\\w+){2,5}!$`` and ``a*a*a*a*a*a*b$`` take seconds to hours on one line.
Python's ``re`` cannot be stopped once it runs; the ``regex`` package takes a
``timeout`` per call, so a setting's pattern runs there, each search given
:data:`TIME_LIMIT`, and one that runs out raises :class:`PatternTimeout`.

Not google-re2, though it never backtracks: per search it was slower than ``regex``
with a timeout on these short lines, and its ``\\w`` and ``\\b`` are ASCII-only, which
would change what a user's pattern matches. ``regex`` (version 0) reads a pattern as
``re`` does. A pattern seedcheck ships (the default file-name pattern) is known to be
linear and runs on ``re``, at ``re``'s speed (see the README for the figures).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from seedcheck.errors import SeedcheckError
from seedcheck.text.excerpt import excerpt

if TYPE_CHECKING:
    from typing import TypeAlias

    import regex

    Match: TypeAlias = re.Match[str] | regex.Match[str]

# Seconds one search may take. A linear pattern searches a line of 1 MiB (the largest
# seed) in milliseconds, so only a pattern that backtracks comes near it; one that does
# costs this once per file (see boilerplate), never a stalled run.
TIME_LIMIT = 0.25


class PatternTimeout(SeedcheckError):
    """A setting's pattern ran over :data:`TIME_LIMIT` on one text and was stopped."""

    def __init__(self, bounded: BoundedPattern, text: str) -> None:
        self.bounded = bounded
        super().__init__(
            f"{bounded.setting}: the pattern {excerpt(bounded.pattern, 60)} ran over "
            f"{TIME_LIMIT} s on {bounded.subject} {excerpt(text, 40)} and was stopped: it "
            "backtracks on some text; write it so that each part of the text can match "
            "one way only"
        )


class BoundedPattern:
    """A pattern from the setting ``setting``, run on ``subject`` (what a timeout's
    message calls the text), whose searches stop after :data:`TIME_LIMIT`
    (``trusted``: one of seedcheck's own, run on ``re``)."""

    __slots__ = ("_re", "_regex", "pattern", "setting", "subject")

    def __init__(
        self, pattern: str, setting: str, subject: str = "the text", *, trusted: bool = False
    ) -> None:
        self.pattern = pattern
        self.setting = setting
        self.subject = subject
        self._re: re.Pattern[str] | None = None
        self._regex: regex.Pattern[str] | None = None
        if trusted:
            self._re = re.compile(pattern)
            return
        import regex  # 12 ms: only a run with a pattern of its own pays for it

        try:
            self._regex = regex.compile(pattern)
        except regex.error as exc:  # re took it (the settings check that first)
            raise ValueError(f"{pattern!r}: {exc}") from None

    @property
    def groupindex(self) -> dict[str, int]:
        compiled = self._re if self._re is not None else self._regex
        return {} if compiled is None else dict(compiled.groupindex)

    def search(self, text: str) -> Match | None:
        """The first match in ``text``; PatternTimeout if it takes too long."""
        if self._regex is None:
            return None if self._re is None else self._re.search(text)
        try:
            return self._regex.search(text, timeout=TIME_LIMIT)
        except TimeoutError:
            raise PatternTimeout(self, text) from None

    def fullmatch(self, text: str) -> Match | None:
        """The match of all of ``text``; PatternTimeout if it takes too long."""
        if self._regex is None:
            return None if self._re is None else self._re.fullmatch(text)
        try:
            return self._regex.fullmatch(text, timeout=TIME_LIMIT)
        except TimeoutError:
            raise PatternTimeout(self, text) from None

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern!r}, {self.setting!r})"
