"""boilerplate: site furniture scraped along with the article.

Why: a scraper that takes the whole page keeps what surrounds the article: "More from
<Site>" and "Related" link blocks, "Read more" and "Click here" links, "Subscribe" and
newsletter sign-ups, "Follow us" and "Share this" buttons, "Advertisement" slots,
copyright lines (``©``, "All rights reserved") and cookie or privacy notices. None of it
is the article.

Example::

    More from The Wendbury Courier

What is matched (case-insensitive, after the shared normalisation), each in a body line
of its own, never a phrase inside a sentence of the article:

- a heading-like line that is only "More from …" / "More stories from …", "Related …",
  "Recommended …", "You may also like", "Most read", "Trending now", "Read more…" (not
  "Read more about it? Nobody did.", a sentence after a sentence),
  "Continue reading…", "Newsletter", "Share:" / "Share this article", "Follow the
  <Site> on Facebook/X/…", "Advertisement" (also "Advertisement - scroll to continue"),
  "Story continues below advertisement", "Privacy policy", "Back to top", "Comments";
- a line starting "Subscribe" (not "Subscribe-and-save"), "Follow us" (not "Follow us,
  the guide said"), "Share this/on", "Tags:", "Sign up for our
  … newsletter", "Get … delivered to your inbox", "We use cookies" / "This site uses
  cookies", or a copyright line: ``©``, ``(c) 2024``, ``Copyright 2024``, ``Copyright
  ©`` ("Copyright lawyers agree…" is prose);
- a link bar such as "Privacy Policy | Terms of Use | Contact Us";
- in a short line (at most 12 words) and outside quotation marks: "All rights
  reserved", ``© 2024``, "click here", "we use cookies", "accept/manage/reject
  cookies", "read/see/accept our cookie/privacy policy". The finding points at the
  phrase. So "To hear the recordings, click here." is furniture, while 'Links labelled
  "click here" tell readers nothing', "The © notice survives as a courtesy" and
  "We have updated our privacy policy" in a quote are news, and the ``©`` of mojibake
  such as ``cafÃ©`` is not a copyright sign. ``©`` before a name and nothing else (``©
  Jane Doe``: no year, no company, no rights) is a photo or author credit, left to
  extractor-residue.

Add your own with ``boilerplate-patterns`` (regular expressions searched in each body
line as written, e.g. ``["^Sponsored content", "(?i)^watch:"]``); a line that matches
one is reported whole. A pattern that can backtrack without end is refused when the
settings load; one that still runs over a quarter of a second on a line is stopped, and
reported at that line, and the rest of that file is not searched with it.

Reported once per paragraph, at its first matching line, which is where a block of
furniture starts.

Fix: delete the block.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from seedcheck.rules.base import Finding, configured_file_rule
from seedcheck.rules.options import Option, RuleOptions
from seedcheck.rules.support.residue_phrases import BARE_COPYRIGHT
from seedcheck.seed.body_lines import body_paragraphs
from seedcheck.seed.file import SeedFile
from seedcheck.seed.paragraphs import BodyLine
from seedcheck.text.bounded_pattern import TIME_LIMIT, BoundedPattern, PatternTimeout
from seedcheck.text.excerpt import excerpt
from seedcheck.text.normal import normalize
from seedcheck.text.pattern_safety import refuse_backtracking


def _patterns_compile(patterns: tuple[str, ...]) -> None:
    for pattern in patterns:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None
        refuse_backtracking(pattern)  # it runs on every line of every seed
        BoundedPattern(pattern, BOILERPLATE_PATTERNS_NAME)  # the engine it runs on takes it
        if compiled.search(""):
            # "", "^" or "x?" would flag the first line of every paragraph.
            raise ValueError(f"{pattern!r} matches an empty line, so it would match every line")


BOILERPLATE_PATTERNS_NAME = "boilerplate-patterns"
BOILERPLATE_PATTERNS = Option(
    BOILERPLATE_PATTERNS_NAME,
    tuple[str, ...],
    (),
    "extra regular expressions for site furniture lines.",
    validate=_patterns_compile,
)

# Headings: the whole (normalised) line is the furniture, so article sentences that
# merely begin with these words ("More from the budget went to…") are not matched.
_HEADING = (
    r"more (?:stories |articles |news |coverage )?from(?: [^.!?]{1,60})?:?"
    r"|related(?: articles| stories| coverage| content| links| reading| posts| topics)?:?"
    r"|recommended(?: for you| reading| stories| articles| videos)?:?"
    r"|you (?:may|might) also (?:like|enjoy)(?: reading)?:?"
    r"|(?:most (?:read|popular|viewed|shared)|trending)(?: now| today| stories| articles)?:?"
    # A linked headline may hold "U.S." or end in "?", but not a sentence after a
    # sentence: that is prose ("Read more about it? Nobody did, the librarian joked.").
    r"|read more(?::.{0,120}| (?:about|on|from|at|here)\b(?!.*[.!?] .*[.!?]$).{0,100})?"
    r"|continue reading(?: .{1,100})?"
    r"|(?:our |the )?newsletters?:?"
    r"|share(?: this(?: article| story| page)?)?:?"
    r"|follow (?:the|our) [^.!?:]{1,40} on (?:facebook|twitter|x|instagram|threads|linkedin"
    r"|youtube|tiktok|bluesky|mastodon)"
    r"|(?:advertisement|sponsored|ad)(?: - (?:scroll|continue|story continues)\b.{0,40})?"
    r"|(?:the )?(?:story|article) continues (?:below|after)(?: .{1,30})?"
    r"|(?:privacy|cookie) (?:policy|notice|settings)"
    r"|back to top|comments?(?: \(\d+\))?"
)
_LINE_START = (
    # Not "Subscribe-and-save schemes…", nor "Follow us, the guide said…": prose.
    r"subscribe\b(?!-)|follow us\b(?!,)|share (?:this|on)\b|tags?: "
    r"|sign up (?:for|to) (?:our|the)\b.{0,40}\bnewsletter"
    r"|get\b.{0,80}\b(?:to|in) your inbox\b"
    # A copyright line; "Copyright lawyers agree…" and "(c) the council may…" are prose.
    r"|\u00a9|\(c\) ?\d{4}\b|copyright (?:\u00a9|\(c\)|\d{4}\b)"
    r"|(?:we|this (?:web)?site) uses? cookies\b"
)
# Phrases that mark furniture only in a short line of their own ("To listen, click here.",
# "Acme Ltd © 2024"), never inside a quotation, and searched in the line as written so
# that the finding points at the phrase.
_PHRASE = re.compile(
    r"all\s+rights\s+reserved|(?<![\u00c3\u00c2])\u00a9\s*\d{4}\b|\bclick\s+here\b"
    r"|\bwe\s+use\s+cookies\b|\b(?:accept|manage|reject)\s+(?:all\s+)?cookies\b"
    # "read our privacy policy" is a page's link; "updated our privacy policy" may be news.
    r"|\b(?:read|see|view|review|accept|agree\s+to)\s+our\s+(?:cookie|privacy)\s+"
    r"(?:policy|notice)\b",
    re.IGNORECASE,
)
# Every _PHRASE pattern holds one of these: a cheap test that spares the regex search on
# nearly every line of article text.
_PHRASE_HINTS = ("reserved", "\u00a9", "click", "cookie", "privacy", "policy")
_PHRASE_LINE_WORDS = 12
# Quoted text, up to its closing mark or the end of the line (a quotation may run on);
# a closing single quote must not be an apostrophe ("don\u2019t").
_QUOTED = re.compile(
    r'"[^"]*(?:"|$)|\u201c[^\u201d]*(?:\u201d|$)|\u00ab[^\u00bb]*(?:\u00bb|$)'
    r"|(?<!\w)\u2018.*?(?:\u2019(?!\w)|$)|(?<!\w)'.*?'(?!\w)"
)
_HEADING_LINE = re.compile(rf"(?:{_HEADING})")
_START = re.compile(_LINE_START)
# A site's link bar: "Privacy Policy | Terms of Use | Contact Us".
_LINK_BAR_SEPARATOR = re.compile(r"\s*[|\u2022\u00b7]\s*")
_SITE_LINKS = frozenset(
    (
        "privacy policy",
        "privacy",
        "cookie policy",
        "cookies",
        "terms of use",
        "terms of service",
        "terms and conditions",
        "terms",
        "contact us",
        "contact",
        "about us",
        "accessibility",
        "sitemap",
        "advertise",
        "advertise with us",
        "careers",
    )
)
# No heading above is longer than this; longer lines are only searched for the rest.
_HEADING_MAX = 140


def check(seed: SeedFile, options: RuleOptions) -> Iterator[Finding]:
    custom = list(_compiled(options[BOILERPLATE_PATTERNS]))
    for paragraph in body_paragraphs(seed):
        for line in paragraph.lines:
            while True:
                try:
                    span = furniture_span(line, custom)
                    break
                except PatternTimeout as stopped:
                    # Said where it ran out, and not tried again in this file: a file
                    # of such lines costs one time limit, not one a line.
                    custom.remove(stopped.bounded)
                    yield _stopped(seed, line, stopped.bounded)
            if span is not None:
                start, end = span
                yield Finding(
                    seed.path,
                    line.number,
                    start + 1,
                    f"site boilerplate {excerpt(line.text[start:end], 60)}; delete the block",
                    line.number,
                    end + 1,
                )
                break


def _stopped(seed: SeedFile, line: BodyLine, pattern: BoundedPattern) -> Finding:
    return Finding(
        seed.path,
        line.number,
        1,
        f"{pattern.setting}: the pattern {excerpt(pattern.pattern, 60)} ran over "
        f"{TIME_LIMIT} s on this line and was stopped, and the rest of the file was not "
        "searched with it; rewrite the pattern so that each part of a line can match one "
        "way only",
        line.number,
        len(line.text) + 1,
    )


def furniture_span(line: BodyLine, custom: Sequence[BoundedPattern]) -> tuple[int, int] | None:
    """0-based start and end in ``line.text`` of the furniture it holds, or None;
    PatternTimeout if a pattern of ``custom`` ran out of time on it.

    extractor-residue asks too, to leave these lines to this rule."""
    text = line.text.strip()
    whole = (line.indent, line.indent + len(text))
    plain = normalize(text).strip(" *_#>|")
    if len(plain) <= _HEADING_MAX and _HEADING_LINE.fullmatch(plain):
        return whole
    # "\u00a9 Jane Doe" is a photo or author credit, not the site's notice:
    # extractor-residue's, which knows a caption above it and a credit closing the article.
    if plain[:1] in "\u00a9(c" and BARE_COPYRIGHT.fullmatch(plain.rstrip(" .")):
        return whole if any(pattern.search(line.text) for pattern in custom) else None
    if _START.match(plain) or _is_link_bar(plain):
        return whole
    if len(text.split()) <= _PHRASE_LINE_WORDS and any(h in plain for h in _PHRASE_HINTS):
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        for match in _PHRASE.finditer(text):
            if not any(start <= match.start() < end for start, end in quoted):
                return line.indent + match.start(), line.indent + match.end()
    # A user's pattern usually describes the whole line ("^Sponsored content").
    return whole if any(pattern.search(line.text) for pattern in custom) else None


def _is_link_bar(plain: str) -> bool:
    if "|" not in plain and "\u2022" not in plain and "\u00b7" not in plain:
        return False
    items = _LINK_BAR_SEPARATOR.split(plain)
    return (
        len(items) >= 2
        and all(len(i.split()) <= 4 for i in items)
        and any(item in _SITE_LINKS for item in items)
    )


@functools.lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> tuple[BoundedPattern, ...]:
    # Validated when the configuration was loaded; compiled once per run, not per file.
    return tuple(
        BoundedPattern(pattern, BOILERPLATE_PATTERNS_NAME, "a line") for pattern in patterns
    )


RULE = configured_file_rule(
    "SC406",
    "boilerplate",
    "Site furniture (related links, subscribe, ©…) in the body.",
    check,
    options=(BOILERPLATE_PATTERNS,),
)
