"""duplicate-line: a line of the body is printed twice.

Why: scraped photo galleries and related-link blocks print each caption twice, once as
the image's alt text and once as its caption, on consecutive lines; templates repeat a
pull quote or a slogan. The repeated line is noise to every reader and model.

Two cases are reported, comparing lines with the shared normalisation (quotes, dashes,
spacing and case do not count):

- a line of at least ``doubled-line-min-chars`` characters (default 20) repeated on the
  next non-blank line;
- a line of at least ``repeated-line-min-chars`` characters (default 40) that appears
  again anywhere later in the body.

Example::

    Volunteers fill sandbags on the quay in Wendbury.
    Volunteers fill sandbags on the quay in Wendbury.

Text that repeats by design is not reported anywhere but right below itself: a short
line, a question or a heading printed three times or more, also as one template filled
in with another name (an interview's question to each guest, "Vote for Jane on the last
page!", a plan's heading each day), an item of a list (``1 cup oats, 1 banana, 2 tsp.
honey``), and the attribution line of an embedded post (``— Jane Doe (@jdoe) May 2,
2024``).

Reported at the repeated copy, naming the line it repeats. Lines inside a passage that
duplicated-text reports are left to it, so that a body printed twice is reported once;
a line printed twice in a row is reported here whatever its length, so that a doubled
caption is always this rule's.
Fix: delete the extra copy.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, configured_file_rule
from seedcheck.rules.options import Option, RuleOptions
from seedcheck.rules.support.body_repeats import (
    DUPLICATE_MIN_WORDS,
    DUPLICATE_SHINGLE_WORDS,
    body_repeats,
    repeated_by_design,
)
from seedcheck.seed.body_lines import body_lines
from seedcheck.seed.file import SeedFile
from seedcheck.text.normal import normalize

DOUBLED_LINE_MIN_CHARS = Option(
    "doubled-line-min-chars", int, 20, "shortest line reported when doubled.", ge=1
)
REPEATED_LINE_MIN_CHARS = Option(
    "repeated-line-min-chars", int, 40, "shortest line reported when repeated.", ge=1
)


def check(seed: SeedFile, options: RuleOptions) -> Iterator[Finding]:
    lines = body_lines(seed)
    doubled_min, repeated_min = options[DOUBLED_LINE_MIN_CHARS], options[REPEATED_LINE_MIN_CHARS]
    shortest = min(doubled_min, repeated_min)
    keys = [normalize(line.text) for line in lines]
    if len({key for key in keys if len(key) >= shortest}) == sum(
        len(key) >= shortest for key in keys
    ):
        return  # no candidate repeats: spare the shingle work below
    covered = body_repeats(seed, options).covered_lines()
    by_design = repeated_by_design(seed)
    first_seen: dict[str, int] = {}
    for index, (line, key) in enumerate(zip(lines, keys, strict=True)):
        earlier = first_seen.setdefault(key, line.number)
        if earlier == line.number or line.number in covered:
            continue
        doubled = index > 0 and keys[index - 1] == key
        if doubled and len(key) >= doubled_min:
            message = f"line printed twice: repeats the line above (line {lines[index - 1].number})"
        elif len(key) >= repeated_min and line.number not in by_design:
            message = f"line repeats line {earlier}"
        else:
            continue
        yield Finding(
            seed.path,
            line.number,
            line.indent + 1,
            f"{message}; delete the copy",
            line.number,
            len(line.text.rstrip()) + 1,
        )


RULE = configured_file_rule(
    "SC404",
    "duplicate-line",
    "A line is repeated on the next line, or a long line anywhere.",
    check,
    # The shingle options too: lines inside a repeated passage are left to duplicated-text.
    options=(
        DOUBLED_LINE_MIN_CHARS,
        REPEATED_LINE_MIN_CHARS,
        DUPLICATE_SHINGLE_WORDS,
        DUPLICATE_MIN_WORDS,
    ),
)
