"""file-too-large: a seed file is larger than ``max-file-size`` (default 1 MiB).

Why: a seed is a single article; a file of several megabytes is a scrape that went
wrong (a whole site, a binary) and would slow every run. seedcheck reads at most the
limit of such a file and checks nothing else in it. INDEX.md has a limit of its own,
which grows with the corpus: 1 MiB and 4 KiB per seed (64 MiB at most).

Example: a 40 MB ``007_3b9ac9ff1c2d4e5f.txt`` holding a dump of a site's archive.

Fix: replace the file with the article it should hold, or raise ``max-file-size`` in the
configuration if seeds this large are intended.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    # The listing marks the entries over their limit: max-file-size for a seed, and for
    # INDEX.md a limit of its own (corpus/listing.py), since parsing Markdown takes many
    # times a file's size in memory.
    for entry in corpus.entries:
        if entry.kind == "too-large":
            yield Finding(
                entry.path,
                1,
                1,
                f"file is {entry.size} bytes, over {entry.detail}; it was not checked further",
            )


RULE = corpus_rule(
    "SC107", "file-too-large", "File exceeds max-file-size.", check, inputs="entries"
)
