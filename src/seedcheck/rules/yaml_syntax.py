"""yaml-syntax: the front matter is not valid YAML, or uses what seeds may not.

Why: a header that does not parse loses every field in it. Only YAML's standard tags
are read; ``!!python/object`` and other application tags are refused, never built, and
a header that anchors and aliases expand into thousands of nodes is refused too.

Example::

    ---
    title: Harbor Council: Floodwall Approved
    ---

(an unquoted colon followed by a space starts a mapping inside the title).

Fix: quote the value (``title: "Harbor Council: Floodwall Approved"``) or correct the
YAML where the message points; the position is where the parser stopped.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed_file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    fm = seed.front_matter
    if fm is not None and fm.yaml_problem is not None:
        problem = fm.yaml_problem
        yield Finding(seed.path, problem.line, problem.column, problem.message)


RULE = file_rule("SC203", "yaml-syntax", "Front matter is not valid YAML.", check)
