"""missing-field: a field the configuration requires is absent.

Why: a corpus may require more than title and byline (``required = ["source",
"published"]``); a seed without them cannot be attributed or dated downstream.
Title and byline have their own rules (``missing-title``, ``missing-byline``).

Example: ``required = ["source"]`` in the configuration and a seed without
``source:``. The finding points at the opening ``---`` of the front matter.

Fix: add the field, e.g. ``source: Example Gazette``.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    for issue in seed.issues("missing", exclude=("title", "byline")):
        message = issue.message
        if seed.layout == "plain":  # only a header can hold the field
            message += f"; a plain seed cannot hold it: add a `---` header with `{issue.field}: …`"
        yield Finding(seed.path, issue.line, issue.column, message)


RULE = file_rule("SC207", "missing-field", "A required field is absent.", check)
