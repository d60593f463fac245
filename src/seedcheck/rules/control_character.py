"""control-character: a seed file holds a NUL or another C0 control character.

Why: control characters (``U+0000``–``U+001F`` other than tab and line feed) are
invisible in most editors, break downstream tokenisers and are usually debris of a bad
conversion. Carriage returns are left to ``line-ending``.

Example: a form feed (``\\x0c``) between two paragraphs, or a NUL byte in a title.

Fix: delete the character. Each line is reported once, at its first control character.
A file that is not UTF-8 at all (UTF-16, binary) is left to ``invalid-utf8``, which
says what it is once, rather than a finding on every line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def check(seed: SeedFile) -> Iterator[Finding]:
    if not seed.utf8:
        # UTF-16 holds a NUL beside every ASCII character, binary junk controls on every
        # line: invalid-utf8 says what the file is, once, instead of a finding a line.
        return
    for number, line in enumerate(seed.lines, 1):
        match = _CONTROL.search(line)
        if match:
            code = ord(match.group())
            yield Finding(
                seed.path,
                number,
                match.start() + 1,
                f"control character U+{code:04X} in text; delete it",
            )


RULE = file_rule("SC103", "control-character", "File holds NUL or C0 control characters.", check)
