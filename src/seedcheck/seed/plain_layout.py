"""Title and byline of a plain-layout seed, taken from the text as scrapers leave it.

The first non-blank line is the title. The byline is a line beginning ``By `` that stands
as a paragraph of its own among the first few paragraphs after the title (a summary or
teaser may come first), or the document's last non-blank line. A byline may carry a
short dateline on the line below it, in the same paragraph.

Many sentences of an article begin with "By" too (``By midday the road was shut.``,
``By Friday, 300 homes had been evacuated.``), so a line counts only when what follows
``By`` reads as a *credit*: up to the first comma, bio verb (``is``, ``was``,
``serves as``…) or contact (URL, e-mail, handle) it is a few words, each capitalised or
a name particle (``de``, ``van``, ``and``, ``the``…). After a comma there must be
nothing, another credit (``Jane Doe, Reuters``) or a bio (``, a professor of…``), which
byline-invalid then reports. Markdown rules (``---``) between the title and the byline
are not paragraphs. Markdown emphasis around the whole line (``*By Jane Doe*``,
``__By Jane Doe__``) is not part of the byline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from seedcheck.seed.located import LocatedValue

# How many paragraphs after the title may precede a top byline (summary, teaser, byline).
BYLINE_SEARCH_PARAGRAPHS = 3
# A dateline under the byline ("WENDBURY, 3 May") is short; a longer line is body text.
DATELINE_MAX = 60
# More words than any credit of one name or agency; a longer run is a sentence.
CREDIT_MAX_WORDS = 10
_BYLINE = re.compile(r"^By(?:\s+|(?=\s*,))", re.IGNORECASE)
# Where a credit ends and what is glued on after it starts. Lower case only, as in
# fields.py: "Are Kalvø" is a name, "are" a verb.
_CREDIT_END = re.compile(
    r",|;|\s\|\s"
    r"|\s(?:is|was|are|were|who|serves\s+as|works\s+as|writes\s+for|teaches)\s"
    r"|(?:https?://|www\.)"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+\."
    r"|(?:^|(?<=[\s(]))@\w"
)
_OUTLET_BAR = re.compile(r"\s\|\s")
# What may follow a comma after a name besides another credit: a bio, which
# byline-invalid reports ("Jane Doe, a professor of…", "…, who covers energy").
_BIO_START = re.compile(r"(?:a|an|the|who|is|was)\s")
_CONTACT_START = re.compile(r"(?:https?://|www\.|@\w|[\w.+-]+@[\w-]+\.)")
# Name particles and joiners, written in lower case inside names and credits.
# Lower-case words inside a personal name ("Ana dos Santos", "Ludwig van Beethoven");
# author-bio reads names with the same list.
NAME_PARTICLES = "de van von der den da di del della dos das du la le bin ibn al"
_CONNECTOR_WORDS = f"and & with the {NAME_PARTICLES} y e d l"
_CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
# A site's account or a desk, written in lower case: "By admin", "By Science X staff".
_ACCOUNT_WORD_LIST = """
    admin administrator staff editor editors webmaster newsroom desk team reporter reporters
    writer writers correspondent
"""
_ACCOUNT_WORDS = frozenset(_ACCOUNT_WORD_LIST.split())
# "By Friday", "By New Year's Eve": a time, not a name, when the credit is nothing else.
_TIME_WORD_LIST = """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december christmas easter thanksgiving
    halloween ramadan diwali eid hanukkah new year years day eve week weekend month morning
    afternoon evening night nightfall midnight noon midday dawn dusk sunrise sunset tonight
    today tomorrow yesterday then now spring summer autumn fall winter early late mid next
    last this
"""
_TIME_WORDS = frozenset(_TIME_WORD_LIST.split())
# Punctuation that may surround a word of a name: initials "J.", "(Reuters)", quotes.
_WORD_PUNCT = ".,;:!?\"'()[]<>|/\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014-"
# A Markdown thematic break or setext underline: a rule, not a paragraph of text.
_RULE_LINE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
# Emphasis around a whole line: "*By Jane Doe*", "**By Jane Doe**", "_By Jane Doe_".
_EMPHASIS = re.compile(r"^(?P<mark>\*{1,2}|_{1,2})(?P<inner>\S(?:.*\S)?)(?P=mark)$")


@dataclass(frozen=True)
class PlainParts:
    """Title and byline (when found) and the 0-based line index where the body starts."""

    title: LocatedValue | None
    byline: LocatedValue | None
    body_start: int


def split_plain(lines: Sequence[str], first: int = 0) -> PlainParts:
    """Find title and byline in ``lines[first:]`` (lines without their line endings)."""
    title_index = next((i for i in range(first, len(lines)) if lines[i].strip()), None)
    if title_index is None:
        return PlainParts(None, None, len(lines))
    raw_title = lines[title_index].rstrip("\r")
    title = LocatedValue(
        key="title",
        value=raw_title,
        key_line=title_index + 1,
        key_column=1,
        line=title_index + 1,
        column=1,
        end_line=title_index + 1,
        end_column=len(raw_title) + 1,
    )
    byline = _find_byline(lines, title_index)
    return PlainParts(title, byline, title_index + 1)


def credit_at(lines: Sequence[str], index: int) -> LocatedValue | None:
    """The credit of ``lines[index]`` when that line is a byline (``By`` and a credit)."""
    return _byline_value(lines, index) if _is_credit_line(lines[index]) else None


def is_rule_line(line: str) -> bool:
    """Whether ``line`` is a Markdown thematic break or setext underline (``---``, ``===``)."""
    return _RULE_LINE.match(line.rstrip("\r")) is not None


def _is_credit_line(line: str) -> bool:
    """Whether ``line`` is a byline: ``By`` followed by a credit, not a sentence."""
    text = _unemphasised(line.strip())[1]
    match = _BYLINE.match(text)
    return match is not None and _is_credit(text[match.end() :])


def _unemphasised(text: str) -> tuple[int, str]:
    """``text`` without emphasis marks around it, and how many characters were dropped first."""
    emphasis = _EMPHASIS.match(text)
    if emphasis is None:
        return 0, text
    return len(emphasis.group("mark")), emphasis.group("inner")


def _find_byline(lines: Sequence[str], title_index: int) -> LocatedValue | None:
    paragraphs = [
        (start, stop)
        for start, stop in _paragraphs(lines, title_index + 1)
        if not all(is_rule_line(line) for line in lines[start:stop])
    ]
    for start, stop in paragraphs[:BYLINE_SEARCH_PARAGRAPHS]:
        if _is_credit_line(lines[start]) and (
            stop - start == 1
            or (stop - start == 2 and len(lines[start + 1].strip()) <= DATELINE_MAX)
        ):
            return _byline_value(lines, start)
    last = next((i for i in range(len(lines) - 1, title_index, -1) if lines[i].strip()), None)
    if last is not None and _is_credit_line(lines[last]):
        return _byline_value(lines, last)
    return None


def _is_credit(text: str) -> bool:
    """Whether ``text`` (what follows ``By``) names someone, perhaps with extras after it.

    The name may be missing when a comma or a contact stands first (``, a professor…``,
    ``@janedoe``): the line is still a byline, and byline-invalid says what is wrong.
    """
    text = text.strip()
    if not text:
        return False
    if text.startswith(",") or _CONTACT_START.match(text):
        return True
    # Credit after credit, comma by comma ("Jane Doe, John Roe, Reuters"): a loop over
    # positions, since a scraped line may hold thousands of commas.
    pos = 0
    while True:
        end = _CREDIT_END.search(text, pos)
        if not _is_name_run(text[pos : len(text) if end is None else end.start()]):
            return False
        if end is None or not end.group().startswith(","):
            return True  # a bio verb, a contact or ";" follows: byline-invalid judges the rest
        pos = end.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
        rest = text[pos : pos + 1]
        if rest in ("", ",") or _BIO_START.match(text, pos) or _CONTACT_START.match(text, pos):
            return True


def _is_name_run(head: str) -> bool:
    words = [w for w in (w.strip(_WORD_PUNCT) for w in head.split()) if w]
    if not 1 <= len(words) <= CREDIT_MAX_WORDS:
        return False
    if not all(_is_name_word(w) or w.lower() in _CONNECTORS or w in _ACCOUNT_WORDS for w in words):
        return False
    names = [
        w
        for w in words
        if w.lower() not in _CONNECTORS and (_is_name_word(w) or w in _ACCOUNT_WORDS)
    ]
    if not names:
        return False
    return not all(_time_word(w) for w in names)


def _time_word(word: str) -> bool:
    word = word.lower().replace("\u2019", "'")
    return word.removesuffix("'s") in _TIME_WORDS


def _is_name_word(word: str) -> bool:
    # Capitalised, or in a script without case (张伟, محمد); "al-Masri", "d’Alembert".
    first = word[0]
    if first.isalpha() and not first.islower():
        return True
    particle = re.match(r"[^\W\d_]+[-'\u2019]", word)
    if particle is None or particle.group()[:-1].lower() not in _CONNECTORS:
        return False
    after = word[particle.end() : particle.end() + 1]
    return after.isalpha() and not after.islower()


def _byline_value(lines: Sequence[str], index: int) -> LocatedValue:
    raw = lines[index].rstrip("\r")
    indent = len(raw) - len(raw.lstrip())
    mark, text = _unemphasised(raw.strip())
    match = _BYLINE.match(text)
    assert match is not None  # callers matched the same line
    begin = indent + mark + match.end()
    name = text[match.end() :].rstrip()
    # "By Jane Doe | Carlow Gazette": the credit is the part before the bar; a contact
    # after it ("| @janedoe") stays, for byline-invalid to report.
    credit, *outlet = _OUTLET_BAR.split(name, maxsplit=1)
    if outlet and not _CONTACT_START.match(outlet[0].strip()):
        name = credit.rstrip()
    return LocatedValue(
        key="byline",
        value=name,
        key_line=index + 1,
        key_column=indent + 1,
        line=index + 1,
        column=begin + 1,
        end_line=index + 1,
        end_column=begin + len(name) + 1,
    )


def _paragraphs(lines: Sequence[str], first: int) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs as ``(start, stop)`` index ranges."""
    result: list[tuple[int, int]] = []
    start: int | None = None
    for i in range(first, len(lines)):
        if lines[i].strip():
            if start is None:
                start = i
        elif start is not None:
            result.append((start, i))
            start = None
    if start is not None:
        result.append((start, len(lines)))
    return result
