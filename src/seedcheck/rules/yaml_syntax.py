"""yaml-syntax: the front matter is not valid YAML, or uses what seeds may not.

Why: a header that does not parse loses every field in it. Only YAML's standard tags
are read; ``!!python/object`` and other application tags are refused, never built, and
a header of more than 10,000 values, written out or expanded from anchors and aliases,
is refused too. A standard tag on a value it cannot take (``!!bool maybe``, ``!!int
""``) is reported at the tag, and so is nesting deeper than 32 levels.

Example::

    ---
    title: Harbor Council: Floodwall Approved
    ---

(an unquoted colon followed by a space starts a mapping inside the title). A value
that starts with ``"``, ``'``, ``[``, ``{``, ``!``, ``@``, ``*``, a backquote and a few
more is YAML syntax too, so ``title: "Quote" Leads the Headline`` is an error; the message
shows the value quoted as a whole.

A `` #`` after an unquoted value starts a YAML comment: ``title: Foo #1 Bar`` is read as
the title ``Foo``. That is reported too (at the ``#``), since the rest of the value is
lost; the other fields are still checked. A comment on a line of its own is fine.

Fix: quote the value (``title: "Harbor Council: Floodwall Approved"``) or correct the
YAML where the message points; the position is where the parser stopped.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    fm = seed.front_matter
    if fm is None:
        return
    if fm.yaml_problem is not None:
        problem = fm.yaml_problem
        yield Finding(seed.path, problem.line, problem.column, problem.message)
    for cut in fm.comment_cuts:
        yield Finding(seed.path, cut.line, cut.column, cut.message)


RULE = file_rule("SC203", "yaml-syntax", "Front matter is not valid YAML.", check)
