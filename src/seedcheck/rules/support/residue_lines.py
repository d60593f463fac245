"""Which body lines are what an article extractor leaves behind, and of which family.

A line is judged by its text and its shape: whole-line interface words ("VIDEO",
"Text size"), phrase families at the start of a short line ("Related: …", "By …"), a
few phrases searched in a line of modest length ("… delivered to your inbox"), and the
shape of the line (its length, its last character, its neighbours). A sentence of
prose in the middle of an article is never residue: most families look only at short
lines, and those that search longer ones search for what prose does not say.

Each family is one compiled alternation, matched once per line; the named group that
matched is the family.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from seedcheck.rules.support.residue_phrases import (
    AD,
    BARE_COPYRIGHT,
    BARE_STRIP,
    BULLET,
    BY_NAME,
    BYLINE,
    BYLINE_LEAD,
    CAPTION,
    COMMENTS,
    COOKIE,
    COPYRIGHT,
    CREDIT,
    CREDIT_LEAD,
    CREDIT_MARK,
    DATE_WORDS,
    DATELINE,
    EMBED,
    HEADING,
    INTERFACE,
    LEAD,
    MARKUP,
    MARKUP_START,
    MENU,
    PHRASE,
    PHRASE_HINTS,
    PHRASE_MAX_WORDS,
    RELATED,
    ROLE,
    SHORT,
    SKIP,
    SLASH_CREDIT,
    SOCIAL,
    STAMP,
    SUBSCRIBE,
    TAG,
    TIME_ONLY,
    TITLE,
    WHEN,
    WHOLE,
)
from seedcheck.text.normal import normalize

# Menu bullets that make a body a page dump: an article's own list is shorter.
_DUMP_BULLETS = 20
_FRAGMENT_WORDS = 20
_PROSE_END = frozenset('.!?"\u201d\u2019)')


_LONGEST = 600
_LONG = 10_000
_CLOSING_MOST = 3
# A single quotation mark, not an apostrophe between two letters.
_SINGLE_QUOTE = re.compile(r"(?<!\w)'|'(?!\w)")


def families(lines: Sequence[str], title: str | None, byline: str | None) -> list[str | None]:
    """The family of each line of ``lines`` (a body's non-blank lines), or None."""
    found: list[str | None] = [None] * len(lines)
    title_key = _key(html.unescape(title)) if title else ""
    byline_key = _key(byline) if byline else ""
    # A line of more than 600 characters is a paragraph of prose, never residue: its
    # words are not worth counting.
    counts = [len(text.split()) if len(text) <= _LONGEST else _LONG for text in lines]
    dump = _is_page_dump(lines)
    closing = len(lines) if dump else closing_credits(lines)
    for index in range(closing):
        found[index] = _family(lines[index], counts[index], title_key, byline_key)
    if lines and found[0] is None and _is_title_variant(lines[0], title_key):
        found[0] = TITLE
    # A caption sits above its credit: "Crowds at the gate on Monday." / "Jane Doe/Reuters".
    # Found before residue spreads to its neighbours, which would make a short caption a
    # "credit" and the paragraph above it its caption.
    for index in range(1, len(lines)):
        if found[index] == CREDIT and found[index - 1] is None:
            previous = lines[index - 1]
            if len(previous.split()) <= 60:
                found[index - 1] = CAPTION
    if dump:
        for index, text in enumerate(lines):
            if found[index] is None and _is_menu_line(text):
                found[index] = MENU
    # A page dump wraps its prose: a wrapped line is not a headline.
    _spread(lines, found, 5 if dump else _FRAGMENT_WORDS)
    _spread_from_ends(lines, found)
    found[closing:] = [None] * (len(lines) - closing)
    return found


def closing_credits(lines: Sequence[str]) -> int:
    """Where the article's closing credits begin in ``lines`` (a body's non-blank lines):
    ``len(lines)`` when it has none.

    A site that credits its lead photo, or its author, below the article ("Main image:
    Jane Doe/Getty", "(Image credit: NASA)", "\u00a9 Jane Doe") gives a credit that is the
    article's own, and annotated articles keep it: up to :data:`_CLOSING_MOST` credit
    lines right after the last paragraph of prose. A credit under a caption (a short
    line, not a paragraph) is residue, and so is the footer of a whole-page dump, whose
    copyright lines name a year or a company (see :data:`BARE_COPYRIGHT`).
    """
    start = len(lines)
    while start > 0 and len(lines) - start < _CLOSING_MOST and _is_credit(lines[start - 1]):
        start -= 1
    if start in (0, len(lines)) or not _is_prose(lines[start - 1]):
        return len(lines)
    return start


def _is_credit(text: str) -> bool:
    n_words = len(text.split())
    if n_words > SHORT:
        return False
    return _family(text, n_words, "", "") == CREDIT


def _is_prose(text: str) -> bool:
    """A paragraph: more than a dozen words ending like a sentence, or a long line."""
    n_words = len(text.split())
    return n_words > 30 or (n_words > SHORT and text.rstrip()[-1:] in _PROSE_END)


def _spread_from_ends(lines: Sequence[str], found: list[str | None]) -> None:
    """What is above a repeated title, byline or dateline at the top is the page's head
    (a kicker, a section); what is below a "Comments" heading is the readers' comments
    ("Related" headings only spread to their links, which are fragments: see _spread)."""
    head = next((i for i in range(min(4, len(lines))) if found[i] in (TITLE, BYLINE, DATELINE)), 0)
    for index in range(head):
        if found[index] is None and len(lines[index].split()) <= PHRASE_MAX_WORDS:
            found[index] = found[head]
    start = len(lines) // 4
    for index in range(start, len(lines)):
        if found[index] == COMMENTS and _is_foot_heading(lines[index]):
            for rest in range(index + 1, len(lines)):
                found[rest] = found[rest] or found[index]
            break


def _is_foot_heading(text: str) -> bool:
    """A heading over readers' comments: "Comments", "Top Rated Comments"."""
    bare = MARKUP.sub("", normalize(text.strip())).strip(BARE_STRIP)
    match = WHOLE.fullmatch(bare) if len(bare) <= 60 else None
    return match is not None and match.lastgroup == "comments"


def _is_title_variant(text: str, title_key: str) -> bool:
    """The first line is the title without the site's name ("Title | Site") or with
    a headline's other wording of most of its words."""
    key = _key(text)
    if not title_key or len(key.split()) < 4 or text.rstrip()[-1:] in ".!":
        return False
    if title_key.startswith(key + " ") or title_key.endswith(" " + key):
        return True
    line_words, title_words = set(key.split()), set(title_key.split())
    shared = len(line_words & title_words)
    return shared >= 0.7 * len(line_words) and shared >= 0.6 * len(title_words)


def _spread(lines: Sequence[str], found: list[str | None], most_words: int) -> None:
    """Residue's neighbours that are not prose are residue too: the headlines under
    "Related", the name between a repeated title and a dateline."""
    for index in range(1, len(lines)):
        if (
            found[index] is None
            and found[index - 1] is not None
            and _is_fragment(lines[index], most_words)
        ):
            found[index] = found[index - 1]
    for index in range(len(lines) - 2, -1, -1):
        if (
            found[index] is None
            and found[index + 1] is not None
            and _is_fragment(lines[index], most_words)
        ):
            found[index] = found[index + 1]


def _is_fragment(text: str, most_words: int) -> bool:
    """A headline, a label or a link: short, and not ended like a sentence."""
    stripped = text.strip()
    n_words = len(stripped.split())
    return n_words <= 5 or (n_words <= most_words and stripped[-1] not in _PROSE_END)


def _is_page_dump(lines: Sequence[str]) -> bool:
    """A whole page converted to text: "Skip to content", or a dozen menu bullets."""
    if any(SKIP.match(text.lstrip(" *#[")) for text in lines[:40]):
        return True
    bullets = headings = 0
    for text in lines:
        if text.lstrip()[:1] not in MARKUP_START:
            continue
        if BULLET.match(text) and len(text.split()) <= 8:
            bullets += 1
        elif HEADING.match(text):
            headings += 1
    # An article's own list is shorter, and a plain-text extractor writes no headings.
    return (bullets >= _DUMP_BULLETS and bullets * 5 >= len(lines)) or (
        bullets + headings >= 15 and headings >= 3
    )


def _is_menu_line(text: str) -> bool:
    """In a page dump: a bullet, a heading, a short line without a sentence's end."""
    n_words = len(text.split())
    if (BULLET.match(text) or HEADING.match(text)) and n_words <= 20:
        return True
    stripped = text.strip(" _*")
    return n_words <= 3 and bool(stripped) and stripped[-1] not in ".!?:;,"


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", normalize(text)).split())


def _near_length(text: str, key: str) -> bool:
    """Whether ``text`` may have ``key`` as its key: a cheap test before making it."""
    return bool(key) and len(key) - 2 <= len(text) <= 2 * len(key) + 8


def _quoted(plain: str, at: int) -> bool:
    """Whether ``at`` is inside a quotation ("the phrase 'all rights reserved'")."""
    if plain.count('"', 0, at) % 2 == 1:
        return True
    # An apostrophe inside a word ("Wall's book") opens no quotation.
    return "'" in plain and len(_SINGLE_QUOTE.findall(plain, 0, at)) % 2 == 1


def _is_dateline(plain: str) -> bool:
    # Not the attribution of an embedded post ("- Jane Doe (@jdoe) May 2, 2024"), nor a
    # date in brackets, nor a run of dates ("29 November 2018 | 20 January 2019").
    if plain[0] in "-(" or "(@" in plain:
        return False
    dates = WHEN.findall(plain)
    if not dates or DATE_WORDS.sub(" ", plain).split()[3:]:
        return False
    if STAMP.search(plain):
        return True
    days = [date for date in dates if not TIME_ONLY.fullmatch(date)]
    # "4:14 p.m." alone heads a live blog's entry; two dates and no time are a period.
    return len(days) == 1 or (len(days) > 1 and len(days) < len(dates))


def _family(raw: str, n_words: int, title_key: str, byline_key: str) -> str | None:
    if n_words > PHRASE_MAX_WORDS:
        return None
    text = raw.strip()
    plain = normalize(text)
    if not plain:
        return None  # only invisible characters
    if plain[0] in MARKUP_START or plain[-1] in "_*|":
        plain = MARKUP.sub("", plain).strip()
    bare = plain.strip(BARE_STRIP)
    if not bare:
        return None
    if n_words <= SHORT:
        match = WHOLE.fullmatch(bare)
        if match is not None:
            group = match.lastgroup
            return {
                "interface": INTERFACE,
                "embed": EMBED,
                "ad": AD,
                "social": SOCIAL,
                "comments": COMMENTS,
                "related": RELATED,
                "subscribe": SUBSCRIBE,
                "nav": INTERFACE,
            }.get(group or "", INTERFACE)
        if _near_length(bare, byline_key) and _key(bare) == byline_key:
            return BYLINE
        if BYLINE_LEAD.match(plain) or (
            BY_NAME.match(plain) and plain[-1] not in ".!?" and n_words <= 10
        ):
            return BYLINE
        if text[-1] not in ".!?" and 2 <= n_words <= 8 and ROLE.fullmatch(bare):
            return BYLINE
        if _is_dateline(plain):
            return DATELINE
        if (
            BARE_COPYRIGHT.fullmatch(bare)
            or CREDIT_MARK.search(plain)
            or CREDIT_LEAD.fullmatch(text)
            or (text[-1] not in _PROSE_END and SLASH_CREDIT.fullmatch(text.strip("()[] ")))
        ):
            return CREDIT
    if n_words >= 2 and _near_length(bare, title_key) and _key(bare) == title_key:
        return TITLE
    if LEAD.match(plain) or ("[" in plain and TAG.search(plain)):
        return RELATED
    if BYLINE_LEAD.match(plain):
        return BYLINE
    if not any(hint in plain for hint in PHRASE_HINTS):
        return None
    match = PHRASE.search(plain)
    if match is not None and not _quoted(plain, match.start()):
        return {
            "subscribe": SUBSCRIBE,
            "cookie": COOKIE,
            "social": SOCIAL,
            "copyright": COPYRIGHT,
            "embed": EMBED,
            "byline": BYLINE,
            "ad": AD,
        }.get(match.lastgroup or "", INTERFACE)
    return None
