"""index-table: the table in INDEX.md's block is missing or malformed.

Why: the block holds one Markdown table with the columns No., File, Title, Byline,
Published, Words and SHA-256, one row per seed. A missing column, a row with too few
or too many cells, or a file listed twice makes the index unreliable.

Example: a row that lost its last cell in a hand edit::

    | 003 | [003_a41b351b5dba186a.txt](<003_a41b351b5dba186a.txt>) | Kestrel Bay … |

Fix: run ``seedcheck index`` to regenerate the table.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus import Corpus
from seedcheck.excerpt import excerpt
from seedcheck.index_match import match_index, row_file
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    doc = corpus.index
    if doc is None or not doc.markers_ok:
        return
    for problem in doc.table_problems:
        yield Finding(doc.path, problem.line, problem.column, problem.message)
    match = match_index(corpus)
    if match is None:
        return
    for first, again in match.duplicates:
        yield Finding(
            doc.path,
            again.line,
            1,
            f"{excerpt(row_file(again))} is listed twice (first on line {first.line})",
        )


RULE = corpus_rule("SC503", "index-table", "The index table is missing or malformed.", check)
