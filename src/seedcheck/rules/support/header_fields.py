"""The header's text fields that content rules read besides the body: title and byline.

A title scraped with ``&#8216;`` or ``CafÃ©`` in it, or left as ``TODO``, is the same
defect as in the body; the rules that find it in the body look here too, and report at
the field's value.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.seed.file import SeedFile
from seedcheck.seed.located import LocatedValue

TEXT_FIELDS = ("title", "byline")


def header_texts(seed: SeedFile) -> Iterator[LocatedValue]:
    """The title and the byline, when they are text."""
    for key in TEXT_FIELDS:
        field = seed.field(key)
        if field is not None and isinstance(field.value, str) and field.value.strip():
            yield field
