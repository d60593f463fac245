"""front-matter-misplaced: a ``---`` header does not start on line 1.

Why: front matter is recognised only when line 1 is exactly ``---``. A header after a
blank line, a stray title or a byte-order mark turned into text is silently ignored by
other tools, so its fields are lost. When the configuration forces
``layout = "front-matter"``, a file with no header at all is reported here too.

Example::

    (blank line)
    ---
    title: Harbor Council Approves Floodwall
    ---

Fix: delete what stands before the opening ``---`` (or add the header, for a file
without one).
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    if seed.misplaced_at is not None:
        before = seed.misplaced_at - 1
        yield Finding(
            seed.path,
            seed.misplaced_at,
            1,
            f"front matter starts on line {seed.misplaced_at}; it must start on line 1 "
            f"(remove the {before} line(s) before it)",
            seed.misplaced_at,
            4,
        )
    elif seed.missing_front_matter:
        yield Finding(
            seed.path,
            1,
            1,
            'file has no front matter, and layout = "front-matter" is configured; '
            "start the file with a `---` header",
        )


RULE = file_rule("SC202", "front-matter-misplaced", "Front matter does not start on line 1.", check)
