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
from pathlib import Path

from seedcheck.corpus.index_match import IndexMatch, match_index, row_file
from seedcheck.corpus.value import Corpus
from seedcheck.index.block import (
    DIGEST_LENGTH,
    block_is_rendered,
    expected_row,
)
from seedcheck.index.document import COLUMNS, IndexDocument, IndexRow
from seedcheck.rules.base import Finding, Update, corpus_rule
from seedcheck.rules.options import RuleOptions
from seedcheck.seed.summary import SeedSummary
from seedcheck.text.excerpt import excerpt


def check(corpus: Corpus) -> Iterator[Finding]:
    doc = corpus.index
    if doc is None or not doc.markers_ok:
        return
    yield from _table_findings(doc)
    match = match_index(corpus)
    if match is None:
        return
    yield from _duplicates(match)
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


def _table_findings(doc: IndexDocument) -> Iterator[Finding]:
    for problem in doc.table_problems:
        yield Finding(doc.path, problem.line, problem.column, problem.message)


def _duplicates(match: IndexMatch) -> Iterator[Finding]:
    for first, again in match.duplicates:
        yield Finding(
            match.document.path,
            again.line,
            1,
            f"{excerpt(row_file(again))} is listed twice (first on line {first.line})",
        )


# The state of an update: the findings about the table itself, whether its rows name the
# indexed seeds in order, and the seeds whose row does not agree with them.
State = tuple[list[tuple[str, int, int, str]], bool, list[str]]


def update(
    corpus: Corpus, options: RuleOptions, state: object, changed: frozenset[str] | None
) -> Update | None:
    """The findings after some seeds changed, INDEX.md and the folder's names not.

    What the table holds and which rows are listed twice depend on INDEX.md alone; the
    layout finding is made only when every row agrees with its seed, and which rows
    disagree changes only in the changed seeds' rows. Only when none disagrees is the
    whole block compared with what ``seedcheck index`` writes.
    """
    if state is None or changed is None:
        return _full(corpus)
    kept = _state_from(state)
    doc = corpus.index  # with the changed seeds' rows alone
    if kept is None or doc is None:
        return None
    table, in_order, disagreeing = kept
    rows: dict[str, IndexRow] = {}
    for row in doc.rows:
        rows.setdefault(row_file(row), row)
    now = set(disagreeing) - changed
    for seed in corpus.seeds:
        if seed.name in changed and seed.number is not None:
            found = rows.get(seed.name)
            if found is None or not _row_agrees(seed, found):
                now.add(seed.name)
    if not table and in_order and not now:
        return None  # every row agrees: whether the block is laid out right needs it all
    findings = [Finding(Path(path), line, column, text) for path, line, column, text in table]
    return Update(findings, None, (table, in_order, sorted(now)))


def _full(corpus: Corpus) -> Update:
    findings = list(check(corpus))
    doc, match = corpus.index, match_index(corpus)
    if doc is None or not doc.markers_ok or match is None:
        return Update(findings, None, None)
    table = [
        (str(f.path), f.line, f.column, f.message)
        for f in (*_table_findings(doc), *_duplicates(match))
    ]
    in_order = len(doc.rows) == len(match.seeds) and all(
        row_file(row) == name for row, name in zip(doc.rows, match.seeds, strict=True)
    )
    disagreeing = sorted(
        name
        for name, seed in match.seeds.items()
        if name not in match.rows or not _row_agrees(seed, match.rows[name])
    )
    return Update(findings, None, (table, in_order, disagreeing))


def _state_from(state: object) -> State | None:
    if not (isinstance(state, tuple) and len(state) == 3):
        return None
    table, in_order, disagreeing = state
    if not (
        isinstance(table, list)
        and all(
            isinstance(t, tuple)
            and len(t) == 4
            and isinstance(t[0], str)
            and type(t[1]) is int
            and type(t[2]) is int
            and isinstance(t[3], str)
            for t in table
        )
        and isinstance(in_order, bool)
        and isinstance(disagreeing, list)
        and all(isinstance(name, str) for name in disagreeing)
    ):
        return None
    return table, in_order, disagreeing


def _rows_agree(match: IndexMatch) -> bool:
    """Whether each row names its seed, in order, with the cells it should have."""
    # Pairwise, not as two lists of every name (1.6 MB at 100,000 rows, at the run's peak).
    rows = match.document.rows
    if len(rows) != len(match.seeds) or any(
        row_file(row) != name for row, name in zip(rows, match.seeds, strict=True)
    ):
        return False
    return all(_row_agrees(seed, match.rows[name]) for name, seed in match.seeds.items())


def _row_agrees(seed: SeedSummary, row: IndexRow) -> bool:
    """Whether a row of a well-formed table holds the cells ``seedcheck index`` writes."""
    expected = expected_row(seed)
    cells = row.cells
    digest = cells["SHA-256"].text
    if len(digest) < DIGEST_LENGTH or not seed.digest.startswith(digest):
        return False
    return all(cells[c].text == expected[c] for c in COLUMNS if c not in ("File", "SHA-256"))


RULE = corpus_rule(
    "SC503",
    "index-table",
    "The index table is missing or malformed.",
    check,
    inputs="index",
    update=update,
)
