"""near-duplicate-document: two seeds hold nearly the same text.

Each body is cut into word 5-grams ("shingles") after the one text normalisation of
content checks (NFKC, quotes and dashes unified, case folded, punctuation dropped), so
changed quotes, dashes, case and paragraph breaks do not count as differences. Two seeds
are near-duplicates when the Jaccard similarity of their shingle sets (shared shingles
over all shingles) is at least ``near-duplicate-threshold`` (default 0.8). A few edited
words change only the handful of shingles around them; two different articles on one
subject share almost none.

The similarity is first estimated with MinHash signatures and locality-sensitive
hashing (``near-duplicate-permutations``, default 128, cut into
``near-duplicate-bands``, default 32, of 4 rows), so the cost grows linearly with the
corpus; every candidate pair is then confirmed with the exact Jaccard similarity before
it is reported. With the defaults a pair at 0.8 is missed with probability about 5e-8.

The later file (in name order) is reported at the first line of its body, naming the
most similar earlier file. Bodies with fewer than ``near-duplicate-min-shingles``
(default 20) distinct shingles, about 25 words, are skipped: in a text that short a
shared phrase or two decides the score. Copies whose normalised bodies are equal are
left to exact-duplicate-document.

Why: a lightly edited copy (a re-scrape after a correction, a syndicated version) gives
one article double weight in every dataset built from the corpus, and it slips past an
exact comparison.

Example: ``009_…txt`` is ``003_…txt`` republished by another site with a new first
sentence and curly quotes: "near-duplicate of 003_a41b351b5dba186a.txt (Jaccard 0.87 on
word 5-grams)".

Fix: keep one version (the more complete one) and delete the other, then run
``seedcheck index``. If the two are distinct documents that share most of their text
on purpose, ignore the rule for one of them in ``per-file-ignores``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

from seedcheck.body_digest import body_digest
from seedcheck.body_lines import first_body_line
from seedcheck.corpus import Corpus
from seedcheck.rule_options import RuleOptions
from seedcheck.rules.base import Finding, configured_corpus_rule
from seedcheck.seed_file import SeedFile
from seedcheck.shingles import DOCUMENT_SHINGLE_WORDS
from seedcheck.text_normal import words


def shown(similarity: float) -> str:
    """A similarity with two decimals, rounded down: 1.00 only for identical sets."""
    # The epsilon keeps 0.57 (57 / 100, stored as 0.56999…) from showing as 0.56.
    return f"{math.floor(similarity * 100 + 1e-9) / 100:.2f}"


def _long_enough(corpus: Corpus, options: RuleOptions) -> Iterator[tuple[SeedFile, list[str]]]:
    for seed in corpus.seeds:
        seed_words = words(seed.body)
        if len(seed_words) - DOCUMENT_SHINGLE_WORDS + 1 >= options.near_duplicate_min_shingles:
            yield seed, seed_words


def check(corpus: Corpus, options: RuleOptions) -> Iterator[Finding]:
    # Counting words needs no numpy: a corpus with fewer than two seeds long enough to
    # compare never imports the machinery.
    long_enough = _long_enough(corpus, options)
    first_two = list(itertools.islice(long_enough, 2))
    if len(first_two) < 2:
        return

    from seedcheck import near_duplicates

    hasher = near_duplicates.WordHasher()
    seeds: list[SeedFile] = []
    shingle_sets = []
    for seed, seed_words in itertools.chain(first_two, long_enough):
        # Repeated shingles count once, so a set may be smaller than the word count says.
        shingles = near_duplicates.shingle_set(hasher.hashes(seed_words))
        if len(shingles) >= options.near_duplicate_min_shingles:
            seeds.append(seed)
            shingle_sets.append(shingles)
    pairs = near_duplicates.near_duplicates(
        shingle_sets,
        threshold=options.near_duplicate_threshold,
        permutations=options.near_duplicate_permutations,
        bands=options.near_duplicate_bands,
    )
    best: dict[int, tuple[float, int]] = {}
    digests: dict[int, bytes | None] = {}
    for pair in pairs:
        for index in (pair.earlier, pair.later):
            if index not in digests:
                digests[index] = body_digest(seeds[index])
        if digests[pair.earlier] == digests[pair.later]:
            continue  # exact-duplicate-document reports this pair
        current = best.get(pair.later)
        if current is None or pair.similarity > current[0]:
            best[pair.later] = (pair.similarity, pair.earlier)
    for later in sorted(best):
        similarity, earlier = best[later]
        seed, other = seeds[later], seeds[earlier]
        yield Finding(
            seed.path,
            first_body_line(seed),
            1,
            f"near-duplicate of {other.name} (Jaccard {shown(similarity)} on word 5-grams)",
            concerns=(other.path,),
        )


RULE = configured_corpus_rule(
    "SC414",
    "near-duplicate-document",
    "Two seeds whose texts are nearly the same (word 5-gram Jaccard).",
    check,
)
