"""front-matter-not-mapping: the front matter is YAML, but not a mapping of fields.

Why: the header must map field names to values (``title: …``). A list or a bare
string parses as YAML yet holds no fields at all.

Example::

    ---
    - Harbor Council Approves Floodwall
    - Marta Ilić
    ---

Fix: write each value with its field name: ``title: …``, ``byline: …``.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile

_WHAT = {"sequence": "a list", "scalar": "a single value"}


def check(seed: SeedFile) -> Iterator[Finding]:
    fm = seed.front_matter
    if fm is not None and fm.yaml_problem is None and fm.root_kind in _WHAT:
        yield Finding(
            seed.path,
            fm.root_line or fm.start + 1,
            1,
            f"front matter is {_WHAT[fm.root_kind]}, not a mapping of fields; "
            "write `title: …`, `byline: …`",
        )


RULE = file_rule("SC204", "front-matter-not-mapping", "Front matter is not a mapping.", check)
