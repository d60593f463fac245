"""author-bio: a paragraph about the author at the start or end of the body.

Why: pages print a short author biography under the article (or above it); a scraper
keeps it as if it were article text. It is about the writer, not the story, and it
repeats across every article by the same author.

Example::

    Marta Ilić is a professor of urban planning at Millbrook University and the author
    of "Streets That Remember".

What is matched: a paragraph among the first two or the last four of the body, of at
most 80 words, that begins with a name (up to five capitalised words, after an optional
"About the author:") followed by ``is``/``was`` and a role: ``a professor of``, ``a
senior fellow at``, ``the author of``, ``a columnist``, ``an editor``… A warning: a
closing paragraph can legitimately describe someone.

Fix: delete the paragraph (the byline keeps the name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedcheck.body_lines import body_paragraphs
from seedcheck.diagnostic import Severity
from seedcheck.excerpt import excerpt
from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed_file import SeedFile

HEAD_PARAGRAPHS = 2
TAIL_PARAGRAPHS = 4
MAX_WORDS = 80

_ROLES = (
    r"professor|lecturer|fellow|researcher|scholar|journalist|writer|author|novelist"
    r"|columnist|editor|correspondent|reporter|contributor|analyst|economist|director"
    r"|historian|commentator|broadcaster|freelance\w*|(?:PhD|doctoral) (?:student|candidate)"
)
# A name: capitalised words (particles allowed), not a sentence's subject like "The mayor".
_NAME_WORD = r"[A-Z][\w'\u2019.-]*"
_PARTICLE = r"de|van|von|der|den|al|bin|da|di|del|la|le"
_BIO = re.compile(
    r"^[*_]*(?:(?i:about the author):?\s*)?"
    rf"(?!(?:The|This|That|These|Those|He|She|It|They|We|I|A|An|Our|His|Her|Their|Its|But|And)\b)"
    rf"{_NAME_WORD}(?: (?:{_NAME_WORD}|{_PARTICLE})){{0,4}}"
    r",? (?:is|was|has been) (?:also )?(?:a|an|the)\b[^.]{0,60}?\b(?:" + _ROLES + r")s?\b"
)


def check(seed: SeedFile) -> Iterator[Finding]:
    paragraphs = body_paragraphs(seed)
    edge = {*range(min(HEAD_PARAGRAPHS, len(paragraphs)))}
    edge |= {*range(max(0, len(paragraphs) - TAIL_PARAGRAPHS), len(paragraphs))}
    for index in sorted(edge):
        paragraph = paragraphs[index]
        text = paragraph.text
        if len(text.split()) <= MAX_WORDS and _BIO.match(text):
            first, last = paragraph.first, paragraph.last
            yield Finding(
                seed.path,
                first.number,
                first.indent + 1,
                f"paragraph about the author, not the story: {excerpt(text, 50)}; delete it",
                last.number,
                len(last.text.rstrip()) + 1,
            )


RULE = file_rule(
    "SC407",
    "author-bio",
    "A paragraph about the author at the start or end of the body.",
    check,
    Severity.WARNING,
)
