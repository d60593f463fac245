"""duplicated-text: a passage of the body repeats earlier text of the same body.

Why: scrapers often capture an article twice (the page's text and its print or AMP
version), once with ASCII quotes and ``--``, once with typographic quotes and em dashes,
and with the paragraphs broken differently. Every repeated word is counted twice
downstream.

Example: a body whose paragraphs 1–6 come back as paragraphs 7–9, re-wrapped, with
``"`` turned into ``“ ”`` and ``--`` into ``—``.

What is matched: the body's words (shared normalisation: case, quotes, dashes and
punctuation do not count, nor line breaks) are cut into shingles of
``duplicate-shingle-words`` consecutive words (default 8). A run of shingles seen
earlier in the body, covering at least ``duplicate-min-words`` words (default 20), is a
repeat. Runs separated by a few changed words (up to half a shingle) are one repeat. A
repeat ends where its source would reach the repeat itself, so a copy followed by a
paragraph that begins like the original is reported as the copy alone; only text printed
over and over (at least one more period) is one repeat running into itself. A teaser
paragraph is left to teaser-duplicate, a line printed twice in a row to duplicate-line,
a repeat at least half of whose lines repeat by design (questions, headings and
list items of an interview or a plan, an embedded post's attribution; see
duplicate-line) is not reported. Neither is text said twice on purpose, in two
paragraphs that differ around it: one statement quoted from two sources (inside
quotation marks in both places, but for a word or two such as "said"), or one sentence
said again among sentences of its own (a lede restated in a video's description,
reworded by up to three words at its ends, at most 40 words). A pasted paragraph is
still reported: it copies its whole line, or stands alone, or holds more than one
sentence, or runs past a quotation's marks.

Reported at the first line of each repeat, naming the lines it repeats and the share of
the body's words that the repeat makes up.

Fix: delete the second copy.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, configured_file_rule
from seedcheck.rules.options import RuleOptions
from seedcheck.rules.support.body_repeats import (
    DUPLICATE_MIN_WORDS,
    DUPLICATE_SHINGLE_WORDS,
    body_repeats,
)
from seedcheck.seed.body_lines import body_lines
from seedcheck.seed.file import SeedFile
from seedcheck.text.shingles import word_span


def check(seed: SeedFile, options: RuleOptions) -> Iterator[Finding]:
    found = body_repeats(seed, options)
    if not found.repeats:
        return
    texts = {line.number: line.text for line in body_lines(seed)}
    located = found.words
    total = len(located.words)
    for repeat in found.repeats:
        last = repeat.end - 1
        first_line, last_line = located.lines[repeat.start], located.lines[last]
        source_first = located.lines[repeat.source]
        source_last = located.lines[repeat.source_end - 1]
        column, _ = word_span(texts[first_line], located.index_in_line(repeat.start))
        _, end_column = word_span(texts[last_line], located.index_in_line(last))
        share = f"{round(100 * repeat.length / total)}%" if 200 * repeat.length >= total else "<1%"
        yield Finding(
            seed.path,
            first_line,
            column,
            f"the text of {_lines(first_line, last_line)} repeats"
            f" {_lines(source_first, source_last)}"
            f" ({repeat.length} words, {share} of the body); delete one copy",
            last_line,
            end_column,
        )


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


RULE = configured_file_rule(
    "SC403",
    "duplicated-text",
    "A passage of the body repeats earlier text.",
    check,
    options=(DUPLICATE_SHINGLE_WORDS, DUPLICATE_MIN_WORDS),
)
