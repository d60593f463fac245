"""index-order: INDEX.md rows are not in number order.

Why: the table lists seeds in number order, so a reader can find one and see gaps;
rows moved by hand or appended out of turn break that.

Example: the row for 005 stands above the row for 004.

Fix: run ``seedcheck index``. Only the first row out of order is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.corpus.index_match import match_index, row_file
from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, corpus_rule


def check(corpus: Corpus) -> Iterator[Finding]:
    match = match_index(corpus)
    if match is None:
        return
    previous: tuple[int, str] | None = None
    for row in match.document.rows:
        cell = row.cells.get("No.")
        if cell is None or not (cell.text.isascii() and cell.text.isdigit()):
            continue
        key = (int(cell.text), row_file(row))
        if previous is not None and key < previous:
            yield Finding(
                match.document.path,
                row.line,
                cell.column,
                f"row {cell.text} comes after row {previous[0]:0{len(cell.text)}d}; "
                "rows are in number order, run `seedcheck index`",
            )
            return
        previous = key


RULE = corpus_rule("SC508", "index-order", "INDEX.md rows are out of order.", check, inputs="index")
