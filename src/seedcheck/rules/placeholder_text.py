"""placeholder-text: filler that stands in for real text.

Why: templates and unfinished drafts leave placeholders that then pass for article
text: ``Lorem ipsum dolor sit amet``, ``[citation needed]``, unfilled template fields
such as ``{{ author_name }}``, and editors' marks ``TODO``, ``FIXME`` and ``TKTK``
(journalists' "to come").

What is matched in each body line, and in the title and the byline (reported at the
value): "lorem ipsum" in any case; ``[citation needed]``;
``{{ … }}``; ``TODO``, ``FIXME`` and ``TKTK`` in capitals as whole words ("todo" in a
sentence is not matched). Each line is reported once, at its first placeholder.

Example: ``The plant will employ TODO people when it opens.``

Fix: write the missing text, or delete the seed if it is a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.rules.support.header_fields import header_texts
from seedcheck.seed.body_lines import body_lines
from seedcheck.seed.file import SeedFile
from seedcheck.text.excerpt import excerpt

_PLACEHOLDER = re.compile(
    r"(?i:\blorem ipsum\b)|(?i:\[citation needed\])|\{\{[^{}]{0,80}\}\}"
    r"|\b(?:TODO|FIXME|TKTK)\b"
)
# Each placeholder holds one of these; the cheap test spares the search on most lines.
_HINTS = ("{{", "[", "TODO", "FIXME", "TKTK")


def check(seed: SeedFile) -> Iterator[Finding]:
    for line in body_lines(seed):
        if not any(hint in line.text for hint in _HINTS) and "ipsum" not in line.text.lower():
            continue
        match = _PLACEHOLDER.search(line.text)
        if match is not None:
            yield Finding(
                seed.path,
                line.number,
                match.start() + 1,
                f"placeholder {excerpt(match.group(), 40)} instead of text; write the text",
                line.number,
                match.end() + 1,
            )
    for field in header_texts(seed):
        assert isinstance(field.value, str)  # header_texts yields text only
        match = _PLACEHOLDER.search(field.value)
        if match is not None:
            yield Finding(
                seed.path,
                field.line,
                field.column,
                f"placeholder {excerpt(match.group(), 40)} in the {field.key}; write the"
                f" {field.key}",
                field.end_line,
                field.end_column,
            )


RULE = file_rule("SC411", "placeholder-text", "Placeholder or template text.", check)
