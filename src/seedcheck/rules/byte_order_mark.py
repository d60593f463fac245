"""byte-order-mark: a seed file starts with a UTF-8 byte-order mark (BOM).

Why: UTF-8 needs no byte-order mark. Many tools treat the three bytes ``EF BB BF`` as
text, so a title or the front-matter fence ``---`` no longer matches what was meant.

Example: a file saved by an editor with "UTF-8 with BOM"; one converted twice starts with
two marks, and the second hides the header even from seedcheck.

Fix: run ``seedcheck fix``, or save the file as UTF-8 without BOM
(``sed -i '1s/^\\xEF\\xBB\\xBF//' FILE``).
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile
from seedcheck.text.positions import BOM_BYTES


def check(seed: SeedFile) -> Iterator[Finding]:
    count = 0
    while seed.data.startswith(BOM_BYTES, count * len(BOM_BYTES)):
        count += 1
    if count == 1:
        yield Finding(seed.path, 1, 1, "file starts with a UTF-8 byte-order mark; remove it")
    elif count > 1:
        # Converted twice: the marks after the first are read as text and hide the header.
        yield Finding(
            seed.path, 1, 1, f"file starts with {count} UTF-8 byte-order marks; remove them"
        )


RULE = file_rule("SC102", "byte-order-mark", "File starts with a byte-order mark.", check)
