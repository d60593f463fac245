"""byte-order-mark: a seed file starts with a UTF-8 byte-order mark (BOM).

Why: UTF-8 needs no byte-order mark. Many tools treat the three bytes ``EF BB BF`` as
text, so a title or the front-matter fence ``---`` no longer matches what was meant.

Example: a file saved by an editor with "UTF-8 with BOM".

Fix: save the file as UTF-8 without BOM (``sed -i '1s/^\\xEF\\xBB\\xBF//' FILE``).
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed_file import SeedFile
from seedcheck.text_positions import BOM_BYTES


def check(seed: SeedFile) -> Iterator[Finding]:
    if seed.data.startswith(BOM_BYTES):
        yield Finding(seed.path, 1, 1, "file starts with a UTF-8 byte-order mark; remove it")


RULE = file_rule("SC102", "byte-order-mark", "File starts with a byte-order mark.", check)
