"""byline-conflict: the header's byline names someone else than a ``By …`` line in the body.

Why: when a seed is converted to the front-matter layout by hand or by a script, the
``byline`` field and the ``By`` line left in the body can disagree (a wrong author
pasted in, a co-author dropped or added). At least one of them is wrong.

What is compared: a body paragraph that is a byline line (``By`` and a credit, as in the
plain layout, perhaps with a dateline below) is compared with the ``byline`` field as
sets of names. Both sides are split into names at ``,`` ``;`` ``&`` ``|`` and ``and``;
an honorific (``Dr``, ``Prof``, ``Mr``, ``Ms``, ``Mrs``), a role (``Staff Writer``), an
outlet or agency beside the names (``Reuters``, ``Carlow Gazette``), a bio (``, a
professor…``, ``is…``) and a contact (URL, handle) are left out. Names compare with the
shared normalisation (case, quotes, accents' composition and punctuation do not count),
so ``Marta Ilić, Tom Reyes`` and ``By MARTA ILIĆ & TOM REYES`` agree; a lost accent does
count (``Marta Ilic`` is reported, since one of the two spellings is wrong). A ``By``
line without a name is left to the other rules. The message names who differs.

Example: ``byline: Marta Ilić`` in the header and ``By Marta Ilić and Tom Reyes`` in the
body (the header leaves out Tom Reyes).

Fix: correct the field, then delete the ``By`` line from the body (the header holds it).
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.body_lines import body_paragraphs
from seedcheck.seed.file import SeedFile
from seedcheck.seed.plain_layout import credit_at
from seedcheck.text.byline_names import CreditedName, credited_names, shown_names
from seedcheck.text.excerpt import excerpt


def check(seed: SeedFile) -> Iterator[Finding]:
    field = seed.field("byline")
    if seed.layout != "front-matter" or field is None or not isinstance(field.value, str):
        return
    header_names = credited_names(field.value)
    if not header_names:
        return
    for paragraph in body_paragraphs(seed):
        if len(paragraph.lines) > 2:
            continue
        credit = credit_at(seed.lines, paragraph.first.number - 1)
        if credit is None or not isinstance(credit.value, str):
            continue
        body_names = credited_names(credit.value)
        difference = _difference(header_names, body_names)
        if body_names and difference:
            yield Finding(
                seed.path,
                credit.line,
                credit.column,
                f"the body credits {excerpt(credit.value, 60)} but the header's byline"
                f" (line {field.line}) is {excerpt(field.value, 60)}: {difference};"
                " correct one of them",
                credit.end_line,
                credit.end_column,
            )


def _difference(header: tuple[CreditedName, ...], body: tuple[CreditedName, ...]) -> str:
    """Who one side names and the other does not, for the message; empty when they agree."""
    header_keys = {name.key for name in header}
    body_keys = {name.key for name in body}
    added = [name for name in body if name.key not in header_keys]
    missing = [name for name in header if name.key not in body_keys]
    if added and missing:
        return f"the body names {shown_names(added)} instead of {shown_names(missing)}"
    if added:
        return f"the header leaves out {shown_names(added)}"
    if missing:
        return f"the body leaves out {shown_names(missing)}"
    return ""


RULE = file_rule(
    "SC412",
    "byline-conflict",
    "The header's byline and a By line in the body disagree.",
    check,
)
