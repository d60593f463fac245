"""byline-conflict: the header's byline names someone else than a ``By …`` line in the body.

Why: when a seed is converted to the front-matter layout by hand or by a script, the
``byline`` field and the ``By`` line left in the body can disagree (a wrong author
pasted in, a co-author dropped). At least one of them is wrong.

How: a body paragraph that is a byline line (``By`` and a credit, as in the plain
layout, perhaps with a dateline below) is compared with the ``byline`` field, both cut
before any bio or contact (``, a professor…``, ``is…``, a handle) and compared with the
shared normalisation (case, quotes, accents' composition and punctuation do not count).
A ``By`` line without a name is left to the other rules.

Example: ``byline: Marta Ilić`` in the header and ``By Marta Ilic and Tom Reyes`` in the
body.

Fix: correct the field, then delete the ``By`` line from the body (the header holds it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedcheck.body_lines import body_paragraphs
from seedcheck.excerpt import excerpt
from seedcheck.plain_layout import credit_at
from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed_file import SeedFile
from seedcheck.text_normal import words

# Where the name(s) end: a bio, a contact or a second kind of credit begins.
_NAME_END = re.compile(
    r"[,;(]|\s(?:is|was|who|serves as|works as|writes for)\s|https?://|www\.|@\w", re.IGNORECASE
)


def check(seed: SeedFile) -> Iterator[Finding]:
    field = seed.field("byline")
    if seed.layout != "front-matter" or field is None or not isinstance(field.value, str):
        return
    header_name = _name_words(field.value)
    if not header_name:
        return
    for paragraph in body_paragraphs(seed):
        if len(paragraph.lines) > 2:
            continue
        credit = credit_at(seed.lines, paragraph.first.number - 1)
        if credit is None or not isinstance(credit.value, str):
            continue
        body_name = _name_words(credit.value)
        if body_name and body_name != header_name:
            yield Finding(
                seed.path,
                credit.line,
                credit.column,
                f"the body credits {excerpt(credit.value, 60)} but the header's byline"
                f" (line {field.line}) is {excerpt(field.value, 60)}; correct one of them",
                credit.end_line,
                credit.end_column,
            )


def _name_words(credit: str) -> list[str]:
    end = _NAME_END.search(credit)
    return words(credit[: end.start()] if end else credit)


RULE = file_rule(
    "SC412",
    "byline-conflict",
    "The header's byline and a By line in the body disagree.",
    check,
)
