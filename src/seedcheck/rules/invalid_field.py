"""invalid-field: a front-matter value has the wrong type or form.

Why: downstream tools rely on the schema: ``published`` is a real date not in the
future, ``url`` an http(s) URL, ``language`` a BCP 47 tag (``en``, ``en-GB``),
``tags`` a list of strings, a field name a string; an empty value (``source:``) is
a field someone forgot to fill in. Title and byline have their own rules.

Example::

    ---
    title: Harbor Council Approves Floodwall
    byline: Marta Ilić
    published: 2024-13-05
    url: example.org/floodwall
    ---

Fix: correct the value where the message points (inside a list, at the item).
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule, issue_findings
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    if seed.front_matter is not None:
        for bad in seed.front_matter.bad_keys:
            yield Finding(seed.path, bad.line, bad.column, bad.message)
    yield from issue_findings(seed, seed.issues("invalid", exclude=("title", "byline")))


RULE = file_rule("SC208", "invalid-field", "A front-matter value is invalid.", check)
