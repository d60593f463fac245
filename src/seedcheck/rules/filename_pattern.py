"""filename-pattern: a text file in the corpus is not named like a seed.

Why: a seed's name carries its sequence number and its 16-hex-digit id
(``000_811e41cc11191191.txt``); the index, the numbering and duplicate checks rely on
it. A ``.txt`` or ``.md`` file with another name is a seed that nothing can index.

Example: ``harbor-floodwall.txt``, ``12_811e41cc11191191.txt`` (number too short),
``000_811E41CC11191191.txt`` (upper-case id).

Fix: rename the file to the pattern (the ``pattern`` setting; by default
``^(?P<number>\\d{3,})_(?P<id>[0-9a-f]{16})\\.(txt|md)$``), using the next free number.
The file's content is still checked by every other rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.listing import DEFAULT_PATTERN
from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, corpus_rule
from seedcheck.text.excerpt import excerpt


def check(corpus: Corpus) -> Iterator[Finding]:
    if corpus.pattern in ("", DEFAULT_PATTERN):
        wanted = "the seed pattern (NUMBER_ID.txt, e.g. 000_811e41cc11191191.txt)"
    else:
        wanted = f"the configured pattern {excerpt(corpus.pattern)}"
    for seed in corpus.seeds:
        if seed.number is None:
            yield Finding(
                seed.path,
                1,
                1,
                f"file name {excerpt(seed.name)} does not match {wanted}; rename it",
            )


RULE = corpus_rule(
    "SC108", "filename-pattern", "A text file is not named like a seed.", check, inputs="entries"
)
