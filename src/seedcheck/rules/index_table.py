"""index-table: the table in INDEX.md's block is missing or malformed.

Why: the block holds one Markdown table with the columns No., File, Title, Byline,
Published, Words and SHA-256, one row per seed. A missing column, a row with too few
or too many cells, or a file listed twice makes the index unreliable.

Example: a row that lost its last cell in a hand edit::

    | 003 | [003_a41b351b5dba186a.txt](<003_a41b351b5dba186a.txt>) | Kestrel Bay … |

When every row is right but the block is laid out differently from what
``seedcheck index`` writes (cells padded by a table formatter, a blank line removed,
CRLF line endings inside the block, a longer digest), that is reported here too, so
that ``seedcheck validate`` passes exactly when ``seedcheck index --check`` does.

Fix: run ``seedcheck index`` to regenerate the table.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.index_match import IndexMatch, match_index, row_file
from seedcheck.corpus.value import Corpus
from seedcheck.index.block import (
    DIGEST_LENGTH,
    block_is_rendered,
    expected_row,
)
from seedcheck.index.document import COLUMNS
from seedcheck.rules.base import Finding, corpus_rule
from seedcheck.text.excerpt import excerpt


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
    if doc.table_problems or match.duplicates or not _rows_agree(match):
        return  # the other index rules say what differs
    if not block_is_rendered(doc, corpus.seeds):
        # Every row is right, yet `seedcheck index --check` would fail: say so here,
        # so that validate and the check never disagree.
        yield Finding(
            doc.path,
            doc.begin_lines[0],
            1,
            "the index block is not laid out as `seedcheck index` writes it (spacing, blank "
            "lines, digest length or line endings); run `seedcheck index`",
        )


def _rows_agree(match: IndexMatch) -> bool:
    """Whether each row names its seed, in order, with the cells it should have."""
    # Pairwise, not as two lists of every name (1.6 MB at 100,000 rows, at the run's peak).
    rows = match.document.rows
    if len(rows) != len(match.seeds) or any(
        row_file(row) != name for row, name in zip(rows, match.seeds, strict=True)
    ):
        return False
    for name, seed in match.seeds.items():
        expected = expected_row(seed)
        cells = match.rows[name].cells
        digest = cells["SHA-256"].text
        if len(digest) < DIGEST_LENGTH or not seed.digest.startswith(digest):
            return False
        if any(cells[c].text != expected[c] for c in COLUMNS if c not in ("File", "SHA-256")):
            return False
    return True


RULE = corpus_rule("SC503", "index-table", "The index table is missing or malformed.", check)
