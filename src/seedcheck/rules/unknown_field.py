"""unknown-field: the front matter has a field the schema does not declare.

Why: undeclared fields are almost always typos (``sorce:`` for ``source:``,
``Title:`` for ``title:``) that silently drop a value; a field meant to be new must be
declared so that everyone reading the corpus knows its type.

Example::

    ---
    title: Harbor Council Approves Floodwall
    byline: Marta Ilić
    sorce: Example Gazette
    ---

Fix: correct the name (the message suggests the closest declared field), or declare
the field in the configuration: ``[tool.seedcheck.fields] section = "string"``.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule, issue_findings
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    yield from issue_findings(seed, seed.issues("unknown"))


RULE = file_rule("SC206", "unknown-field", "Front matter has an undeclared field.", check)
