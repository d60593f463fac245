"""duplicate-key: a field appears twice in the front matter.

Why: YAML parsers silently keep one of the two values (PyYAML the last), so an edit
that added a corrected ``title:`` below the old one may or may not take effect,
depending on the tool reading it.

Example::

    ---
    title: Harbor Council Approves Floodwall
    byline: Marta Ilić
    title: Harbour Council Approves Floodwall
    ---

Fix: keep one of the two lines. The later occurrence is reported; its value is the
one seedcheck validates, as YAML does.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile
from seedcheck.text.excerpt import excerpt


def check(seed: SeedFile) -> Iterator[Finding]:
    fm = seed.front_matter
    if fm is None:
        return
    first: dict[str, int] = {}
    for key in fm.keys:
        if key.key in first:
            yield Finding(
                seed.path,
                key.line,
                key.column,
                f"duplicate key {excerpt(key.key, 40)} (first on line {first[key.key]}); "
                "YAML keeps only the last value",
                key.line,
                key.column + len(key.key),
            )
        else:
            first[key.key] = key.line


RULE = file_rule("SC205", "duplicate-key", "A front-matter field appears twice.", check)
