"""missing-final-newline: a seed file does not end with a newline.

Why: a text file's last line ends with ``\\n``. Without it, ``cat`` glues the next
file onto the last line, and git shows "No newline at end of file" in every diff.

Example: an article whose last line ``By Jane Doe`` has no line feed after it.

Fix: run ``seedcheck fix``, or add a newline at the end of the file (most editors
have a setting for it).
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    if seed.data and not seed.data.endswith(b"\n"):
        last = seed.lines[-1] if seed.lines else ""
        yield Finding(
            seed.path,
            max(len(seed.lines), 1),
            len(last.rstrip("\r")) + 1,
            "no newline at end of file",
        )


RULE = file_rule("SC105", "missing-final-newline", "File does not end with a newline.", check)
