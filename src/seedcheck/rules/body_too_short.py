"""body-too-short: the body has fewer words than ``body-min-words`` (default 50).

Why: a body of a sentence or two is rarely the article: more often a teaser, a
caption, or a scrape cut short by a paywall or a cookie wall.

Example: a seed whose body is only ``Read the full story on our website.``

Fix: scrape the whole article, or delete the seed. A warning by default; if short
texts are the point of the corpus, lower ``body-min-words`` in the configuration.
Words are counted as in INDEX.md: runs of non-blank characters, except that each Han
ideograph and each Hiragana or Katakana character is a word of its own, since Chinese
and Japanese are written without spaces (an 866-character Japanese article is not "18
words"); Hangul is spaced and counted by its spaces. An empty body is left to
body-empty. Reported at the first line of the body.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.diagnostic import Severity
from seedcheck.rules.base import Finding, configured_file_rule
from seedcheck.rules.options import Option, RuleOptions
from seedcheck.seed.body_lines import body_lines
from seedcheck.seed.file import SeedFile

BODY_MIN_WORDS = Option("body-min-words", int, 50, "fewest words a body may have.", ge=0)


def check(seed: SeedFile, options: RuleOptions) -> Iterator[Finding]:
    count = seed.word_count
    least = options[BODY_MIN_WORDS]
    if count == 0 or count >= least:
        return
    first = body_lines(seed)[0]
    plural = "" if count == 1 else "s"
    yield Finding(
        seed.path,
        first.number,
        first.indent + 1,
        f"the body has {count} word{plural}, fewer than {least}"
        " (body-min-words); is the article cut short?",
    )


RULE = configured_file_rule(
    "SC402",
    "body-too-short",
    "A body is shorter than body-min-words.",
    check,
    Severity.WARNING,
    options=(BODY_MIN_WORDS,),
)
