"""boilerplate: site furniture scraped along with the article.

Why: a scraper that takes the whole page keeps what surrounds the article: "More from
<Site>" and "Related" link blocks, "Read more" and "Click here" links, "Subscribe" and
newsletter sign-ups, "Follow us" and "Share this" buttons, "Advertisement" slots,
copyright lines (``©``, "All rights reserved") and cookie or privacy notices. None of it
is the article.

Example::

    More from The Wendbury Courier

What is matched (case-insensitive, after the shared normalisation): a heading-like line
that is only "More from …", "Related …", "Recommended …", "Advertisement", "Read
more…" or "Newsletter"; a line starting "Subscribe", "Follow us", "Share this/on" or
"Sign up for our … newsletter"; anywhere in a line "All rights reserved", ``©``,
"Copyright 2024", "click here", "we use cookies", "accept cookies", "read our
cookie/privacy policy" (a line that is only "Privacy policy" too; "we updated our
privacy policy" in a quote is news, not furniture). Add your own with
``boilerplate-patterns`` (regular expressions searched in each body line as written,
e.g. ``["^Sponsored content", "(?i)^watch:"]``).

Reported once per paragraph, at its first matching line, which is where a block of
furniture starts.

Fix: delete the block.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from seedcheck.body_lines import BodyLine, body_paragraphs
from seedcheck.excerpt import excerpt
from seedcheck.rule_options import RuleOptions
from seedcheck.rules.base import Finding, configured_file_rule
from seedcheck.seed_file import SeedFile
from seedcheck.text_normal import normalize

# Headings: the whole (normalised) line is the furniture, so article sentences that
# merely begin with these words ("More from the budget went to…") are not matched.
_HEADING = (
    r"more from(?: [^.!?]{1,60})?:?"
    r"|related(?: articles| stories| coverage| content| links| reading| posts| topics)?:?"
    r"|recommended(?: for you| reading| stories| articles| videos)?:?"
    r"|read more(?::.{0,120}| (?:about|on|from|at|here)\b.{0,100})?"
    r"|(?:our |the )?newsletters?:?"
    r"|advertisement|sponsored|ad"
    r"|(?:privacy|cookie) (?:policy|notice|settings)"
)
_LINE_START = (
    r"subscribe\b|follow us\b|share (?:this|on)\b"
    r"|sign up (?:for|to) (?:our|the)\b.{0,40}\bnewsletter"
)
_ANYWHERE = (
    r"all rights reserved|\u00a9|\bcopyright \d{4}\b|\bclick here\b"
    r"|\bwe use cookies\b|\b(?:accept|manage|reject) (?:all )?cookies\b"
    # "read our privacy policy" is a page's link; "updated our privacy policy" may be news.
    r"|\b(?:read|see|view|review|accept|agree to) our (?:cookie|privacy) (?:policy|notice)\b"
)
_HEADING_LINE = re.compile(rf"(?:{_HEADING})")
_START = re.compile(_LINE_START)
_ANYWHERE_IN_LINE = re.compile(_ANYWHERE)
# Every _ANYWHERE pattern holds one of these: a cheap test that spares the regex search
# on nearly every line of article text.
_ANYWHERE_HINTS = ("reserved", "\u00a9", "copyright", "click", "cookie", "privacy", "policy")
# No heading above is longer than this; longer lines are only searched for the rest.
_HEADING_MAX = 140


def check(seed: SeedFile, options: RuleOptions) -> Iterator[Finding]:
    custom = _compiled(options.boilerplate_patterns)
    for paragraph in body_paragraphs(seed):
        line = next((ln for ln in paragraph.lines if _is_furniture(ln, custom)), None)
        if line is not None:
            yield Finding(
                seed.path,
                line.number,
                line.indent + 1,
                f"site boilerplate {excerpt(line.text.strip(), 60)}; delete the block",
                line.number,
                len(line.text.rstrip()) + 1,
            )


def _is_furniture(line: BodyLine, custom: tuple[re.Pattern[str], ...]) -> bool:
    text = line.text.strip()
    plain = normalize(text).strip(" *_#>|")
    if len(plain) <= _HEADING_MAX and _HEADING_LINE.fullmatch(plain):
        return True
    if _START.match(plain):
        return True
    if any(hint in plain for hint in _ANYWHERE_HINTS) and _ANYWHERE_IN_LINE.search(plain):
        return True
    return any(pattern.search(text) for pattern in custom)


@functools.lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    # Validated when the configuration was loaded; compiled once per run, not per file.
    return tuple(re.compile(pattern) for pattern in patterns)


RULE = configured_file_rule(
    "SC406",
    "boilerplate",
    "Site furniture (related links, subscribe, ©…) in the body.",
    check,
)
