"""author-bio: a paragraph about the author at the start or end of the body.

Why: pages print a short author biography under the article (or above it); a scraper
keeps it as if it were article text. It is about the writer, not the story, and it
repeats across every article by the same author.

Example::

    Marta Ilić is a professor of urban planning at Millbrook University and the author
    of "Streets That Remember".

Where: among the first two paragraphs of the body, and among the last four, counted
both as written and among the paragraphs that read as prose (at least six words ending
a sentence, no line printed twice): a bio followed by a handle, a "More from" block and
photo captions is still found.

What is matched: a paragraph of at most 80 words that begins (after an optional "About
the author:" or a dash) with a name, perhaps followed by a handle in parentheses, or
with "The author", and then a role: ``is``/``was`` ``a professor of``, ``a senior
fellow at``, ``the author of``, ``Professor of…`` without an article, or an apposition
(``Jane Doe, a professor of politics at…, is…``). Roles are professor, fellow, editor,
columnist, director and the like.

Who: when the seed has a valid byline, only a paragraph about *that* person is a bio:
the name must match one of the byline's names (or its surname), or be "The author".
An expert quoted at the end of the story ("Dr Laila Haddad is the director of…") is
article text. Without a usable byline (``By , a professor of…``) any name counts.
A paragraph with ``said``/``says``/``told``, or with a quotation of five words or more
punctuated inside its quotes (``“We will…,” she wrote``, unlike a book's title), is
reporting, never a bio. A warning: a closing paragraph can legitimately describe someone.

Fix: delete the paragraph (the byline keeps the name).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from seedcheck.diagnostic import Severity
from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.body_lines import body_paragraphs
from seedcheck.seed.fields import byline_problems
from seedcheck.seed.file import SeedFile
from seedcheck.seed.paragraphs import Paragraph
from seedcheck.seed.plain_layout import NAME_PARTICLES
from seedcheck.text.byline_names import credited_names
from seedcheck.text.excerpt import excerpt
from seedcheck.text.normal import normalize, words

HEAD_PARAGRAPHS = 2
TAIL_PARAGRAPHS = 4
MAX_WORDS = 80
# A paragraph shorter than this is a caption, a heading or a link, not prose.
PROSE_MIN_WORDS = 6
# A quotation this long, punctuated inside the quotes, is someone speaking: reporting.
QUOTATION_MIN_WORDS = 5

_ROLES = (
    r"professor|lecturer|fellow|researcher|scholar|journalist|writer|author|novelist"
    r"|columnist|editor|correspondent|reporter|contributor|analyst|economist|director"
    r"|historian|commentator|broadcaster|freelance\w*|(?:PhD|doctoral) (?:student|candidate)"
)
_ROLE = rf"(?i:{_ROLES})s?\b"
# A name: capitalised words (particles allowed), not a sentence's subject like "The mayor".
_NAME_WORD = r"[A-Z][\w'\u2019.-]*"
_PARTICLE = "|".join(NAME_PARTICLES.split())
_NAME = (
    r"(?!(?:The|This|That|These|Those|He|She|It|They|We|I|A|An|Our|His|Her|Their|Its|But|And)\b)"
    rf"{_NAME_WORD}(?: (?:{_NAME_WORD}|{_PARTICLE})){{0,4}}"
)
_THE_AUTHOR = r"(?:The|This) (?:author|writer)"
_BIO = re.compile(
    r"^[*_]*(?:[-\u2013\u2014]+\s*)?(?P<about>(?i:about the author):?\s*)?"
    rf"(?P<subject>{_THE_AUTHOR}|{_NAME})(?: \([^)]{{1,40}}\))?"
    r"(?:,? (?:is|was|has been) (?:also )?"
    # "is a senior fellow at", "is the author of", or a title without article:
    # "is Professor of International Politics", "is Associate Professor".
    rf"(?:(?:a|an|the)\b[^.]{{0,60}}?\b|(?:[A-Z][\w-]* ){{0,2}}){_ROLE}"
    # "Jane Doe, a professor of politics at Wendbury University, is …"
    rf"|, (?:a|an|the)\b[^.]{{0,60}}?\b{_ROLE})"
)
_REPORTING = re.compile(r"\b(?:said|says|told)\b")
# Speech closes with its punctuation inside the quotes; a book's title does not.
_QUOTATION = re.compile(r'"([^"]*[,.!?])"')
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*$")


def check(seed: SeedFile) -> Iterator[Finding]:
    paragraphs = body_paragraphs(seed)
    authors = _byline_names(seed)
    for index in sorted(_edge_paragraphs(paragraphs)):
        paragraph = paragraphs[index]
        text = paragraph.text
        if len(text.split()) > MAX_WORDS:
            continue
        bio = _BIO.match(text)
        if bio is None or _is_reporting(text):
            continue
        if authors is not None and not _is_about(bio, authors):
            continue
        first, last = paragraph.first, paragraph.last
        yield Finding(
            seed.path,
            first.number,
            first.indent + 1,
            f"paragraph about the author, not the story: {excerpt(text, 50)}; delete it",
            last.number,
            len(last.text.rstrip()) + 1,
        )


def _edge_paragraphs(paragraphs: tuple[Paragraph, ...]) -> set[int]:
    """Indexes of the paragraphs where a bio stands: the first ones and the last ones."""
    edge = {*range(min(HEAD_PARAGRAPHS, len(paragraphs)))}
    edge |= {*range(max(0, len(paragraphs) - TAIL_PARAGRAPHS), len(paragraphs))}
    # Handles, "More from" blocks and captions after the bio must not push it out of reach.
    # Walk back from the end only as far as needed: most paragraphs are never looked at.
    prose = 0
    for index in range(len(paragraphs) - 1, -1, -1):
        if prose == TAIL_PARAGRAPHS:
            break
        if _is_prose(paragraphs[index]):
            edge.add(index)
            prose += 1
    return edge


def _is_prose(paragraph: Paragraph) -> bool:
    text = paragraph.text
    if len(text.split()) < PROSE_MIN_WORDS or not _SENTENCE_END.search(text):
        return False
    keys = [normalize(line.text) for line in paragraph.lines]
    return all(a != b for a, b in itertools.pairwise(keys))


def _byline_names(seed: SeedFile) -> set[str] | None:
    """The byline's normalised names and surnames; None when there is no usable byline."""
    field = seed.field("byline")
    if field is None or not isinstance(field.value, str) or byline_problems(field.value):
        return None
    names = credited_names(field.value)
    if not names:
        return None
    return {name.key for name in names} | {name.surname for name in names}


def _is_about(bio: re.Match[str], authors: set[str]) -> bool:
    """Whether the bio's subject is the author: "The author", or a name of the byline."""
    subject = bio.group("subject")
    if bio.group("about") or re.fullmatch(_THE_AUTHOR, subject):
        return True
    names = credited_names(subject)
    return any(name.key in authors or name.surname in authors for name in names)


def _is_reporting(text: str) -> bool:
    """Whether ``text`` reports speech: "said", or a quotation of several words."""
    plain = normalize(text)
    if _REPORTING.search(plain):
        return True
    return any(len(words(q)) >= QUOTATION_MIN_WORDS for q in _QUOTATION.findall(plain))


RULE = file_rule(
    "SC407",
    "author-bio",
    "A paragraph about the author at the start or end of the body.",
    check,
    Severity.WARNING,
)
