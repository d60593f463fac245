"""corpus-furniture: a line at the edges of many seeds is the site's, not the article's.

An extractor run over one site leaves the same lines in every article it takes from
there: the site's tagline, its sign-up box, a "Get the app" link, its footer. No list
of phrases knows them all, but the corpus does: a line found in at least
``furniture-min-seeds`` seeds (default 3) is furniture, wherever the phrase comes from.

What is counted: the lines at the edges of each body, above its first line of prose or
below its last one, that are not prose themselves (at most 30 words, and not a sentence
of more than 12) and not a quotation (no double quotation mark, no leading single
one). Lines compare after the one normalisation of content checks: case, quotes,
dashes and punctuation do not count. Headings between paragraphs ("Ingredients", "Q:",
"What happens next?") are never counted, so articles of one outlet that share their
structure are not reported; neither are two articles quoting one statement. Seeds
whose bodies are equal (exact-duplicate-document) count once. At most 12 lines are
looked at at each edge of a body.

Every occurrence is reported, at its line, naming how many seeds carry the line and
another seed that does. A line another rule also reports (a known phrase such as
"Advertisement") is reported here too when it recurs.

Why: a line the site prints around every article is not part of any of them; in a
corpus it is repeated text that every dataset built from it learns as if it were.

Example: three seeds from one site end with ``Get the Granton Gazette app for the latest
local news``: each is reported, "line found in 3 seeds, such as 004_….txt".

Fix: delete the line from each seed. If the corpus holds several articles of one series
that really do share a closing line, raise ``furniture-min-seeds`` or ignore the rule
for those seeds in ``per-file-ignores``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, configured_corpus_rule
from seedcheck.rules.options import Option, RuleOptions

FURNITURE_MIN_SEEDS = Option(
    "furniture-min-seeds",
    int,
    3,
    "fewest seeds a line at the edge of a body must be in.",
    ge=2,
)


def check(corpus: Corpus, options: RuleOptions) -> Iterator[Finding]:
    least = options[FURNITURE_MIN_SEEDS]
    seeds = [seed for seed in corpus.seeds if seed.furniture]
    # Linear in the corpus: every seed's keys (each once, and none from an exact copy of
    # an earlier body) are counted in one C loop; only the few keys that reach ``least``
    # are then looked for again, to report each occurrence naming another carrier.
    keys: list[int] = []
    bodies: set[bytes] = set()
    copies: set[int] = set()
    for index, seed in enumerate(seeds):
        if seed.body_digest is not None:
            if seed.body_digest in bodies:
                copies.add(index)
                continue
            bodies.add(seed.body_digest)
        furniture = seed.furniture
        if len(furniture) == 1:
            keys.append(furniture[0][0])
        else:
            keys.extend({key for key, _ in furniture})
    counts = Counter(keys)
    frequent = {key for key, count in counts.items() if count >= least}
    if not frequent:
        return
    carriers: dict[int, list[int]] = {}
    found: list[tuple[int, int, int]] = []
    for index, seed in enumerate(seeds):
        for key, line in seed.furniture:
            if key in frequent:
                seen = carriers.setdefault(key, [])
                # Another seed named is another body, not a copy of this one.
                if len(seen) < 2 and index not in seen and index not in copies:
                    seen.append(index)
                found.append((index, key, line))
    for index, key, line in found:
        first, *rest = carriers[key]
        seed, other = seeds[index], seeds[rest[0] if first == index else first]
        yield Finding(
            seed.path,
            line,
            1,
            f"line found in {counts[key]} seeds, such as {other.name} (site furniture, "
            "not the article); delete it",
        )


RULE = configured_corpus_rule(
    "SC416",
    "corpus-furniture",
    "A line at the edge of the body that recurs in many seeds (site furniture).",
    check,
    options=(FURNITURE_MIN_SEEDS,),
)
