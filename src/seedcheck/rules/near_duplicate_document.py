"""near-duplicate-document: two seeds hold nearly the same text.

Each body is cut into word 5-grams ("shingles") after the one text normalisation of
content checks (NFKC, quotes and dashes unified, case folded, punctuation dropped), so
changed quotes, dashes, case and paragraph breaks do not count as differences. Two seeds
are near-duplicates when the Jaccard similarity of their shingle sets (shared shingles
over all shingles) is at least ``near-duplicate-threshold`` (default 0.8). A few edited
words change only the handful of shingles around them; two different articles on one
subject share almost none.

Which pairs are compared is decided by an estimate (MinHash and locality-sensitive
hashing), tuned by ``near-duplicate-permutations`` (default 128) and
``near-duplicate-bands`` (default 32, which must divide the permutations); a pair is
reported only when its exact Jaccard similarity reaches the threshold. With the
defaults a pair at 0.8 is missed with probability about 5e-8.

The later file (in name order) is reported at the first line of its body, naming the
most similar earlier file found. Every later copy is reported, however many copies of
one page the corpus holds.

Bodies with fewer than ``near-duplicate-min-shingles`` (default 20) distinct shingles,
about 25 words, are skipped: in a text that short a shared phrase or two decides the
score. Copies whose normalised bodies are equal are left to exact-duplicate-document.

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

import math
from array import array
from collections.abc import Iterator

from seedcheck.corpus.value import Corpus
from seedcheck.rules.base import Finding, Update, configured_corpus_rule
from seedcheck.rules.options import Option, RuleOptions
from seedcheck.rules.support.band_index import BandIndex, band_index, index_from, spliced
from seedcheck.seed.summary import SeedSummary, Signing
from seedcheck.text.lsh_pairs import EARLIER_PER_KEY, candidate_pairs, jaccard, shingle_hashes

NEAR_DUPLICATE_THRESHOLD = Option(
    "near-duplicate-threshold",
    float,
    0.8,
    "least Jaccard similarity of word 5-gram sets reported.",
    gt=0,
    le=1,
)
NEAR_DUPLICATE_PERMUTATIONS = Option(
    "near-duplicate-permutations", int, 128, "MinHash permutations per seed.", ge=1, le=4096
)
NEAR_DUPLICATE_BANDS = Option(
    "near-duplicate-bands",
    int,
    32,
    "LSH bands the signature is cut into; must divide near-duplicate-permutations. "
    "More bands find pairs of lower similarity.",
    ge=1,
)
NEAR_DUPLICATE_MIN_SHINGLES = Option(
    "near-duplicate-min-shingles",
    int,
    20,
    "bodies with fewer distinct word 5-grams are skipped.",
    ge=1,
)


def signing(options: RuleOptions) -> Signing:
    """How seed summaries are signed for this rule: where the run reads and summarises seeds."""
    return Signing(
        options[NEAR_DUPLICATE_PERMUTATIONS],
        options[NEAR_DUPLICATE_BANDS],
        options[NEAR_DUPLICATE_MIN_SHINGLES],
    )


def _bands_divide_permutations(options: RuleOptions) -> None:
    permutations, bands = options[NEAR_DUPLICATE_PERMUTATIONS], options[NEAR_DUPLICATE_BANDS]
    if permutations % bands:
        raise ValueError(
            f"near-duplicate-bands ({bands}) must divide near-duplicate-permutations "
            f"({permutations}), so that every band has as many rows"
        )


def shown(similarity: float) -> str:
    """A similarity with two decimals, rounded down: 1.00 only for identical sets."""
    # The epsilon keeps 0.57 (57 / 100, stored as 0.56999…) from showing as 0.56.
    return f"{math.floor(similarity * 100 + 1e-9) / 100:.2f}"


def _compared(corpus: Corpus, options: RuleOptions) -> list[SeedSummary]:
    # Summaries carry a signature only when the body is long enough and the corpus has
    # something to compare it with. Pairing and confirming need no numpy (lsh_pairs).
    least = options[NEAR_DUPLICATE_MIN_SHINGLES]
    return [seed for seed in corpus.seeds if seed.signature is not None and seed.shingles >= least]


def check(corpus: Corpus, options: RuleOptions) -> Iterator[Finding]:
    compared = _compared(corpus, options)
    if len(compared) < 2:
        return

    signatures = [seed.signature or b"" for seed in compared]
    bands, threshold = options[NEAR_DUPLICATE_BANDS], options[NEAR_DUPLICATE_THRESHOLD]
    # Each signature (near-duplicate-permutations MinHash values) is cut into ``bands``
    # bands (4 rows each with the defaults); seeds sharing a band's key are candidates, so
    # the cost grows linearly with the corpus, and _confirmed checks each candidate with
    # the exact Jaccard similarity. A seed is first paired with only the first
    # EARLIER_PER_KEY earlier seeds (in name order) of each key it has, so many copies of
    # one page (a paywall notice scraped again and again) cost time in proportion to
    # their number, not to its square.
    first = candidate_pairs(signatures, bands, EARLIER_PER_KEY)
    best = _confirmed(corpus, compared, first.pairs, threshold)
    # A crowded seed that none of its first partners is a near-duplicate of is compared
    # with all of them: pages that share a long block (a disclaimer, a sidebar) can fill
    # the first places of every key, ahead of the one page the seed copies.
    unconfirmed = first.crowded - best.keys()
    if unconfirmed:
        again = candidate_pairs(signatures, bands, laters=unconfirmed)
        best.update(_confirmed(corpus, compared, again.pairs, threshold))
    yield from _findings(compared, best)


def _findings(compared: list[SeedSummary], best: dict[int, tuple[float, int]]) -> Iterator[Finding]:
    for later in sorted(best):
        similarity, earlier = best[later]
        seed, other = compared[later], compared[earlier]
        yield Finding(
            seed.path,
            seed.first_body_line,
            1,
            f"near-duplicate of {other.name} (Jaccard {shown(similarity)} on word 5-grams)",
            concerns=(other.path,),
        )


# Beyond this many changed seeds, the update costs more than checking every pair anew.
UPDATE_MAX = 256


def update(
    corpus: Corpus, options: RuleOptions, state: object, changed: frozenset[str] | None
) -> Update:
    """The findings of the seeds a change affects, from the band index of the last run.

    A seed's finding depends on its own text, on which earlier seeds share one of its
    band keys, and on their texts. So the seeds to check again are the changed ones and
    every seed that shares a key, old or new, with one of them; each is paired and
    confirmed exactly as :func:`check` pairs and confirms it.
    """
    compared = _compared(corpus, options)
    names = [seed.name for seed in compared]
    signatures = [seed.signature or b"" for seed in compared]
    bands = options[NEAR_DUPLICATE_BANDS]
    old = index_from(state, bands)
    if (
        old is None
        or changed is None
        or len(changed) > UPDATE_MAX
        or (signatures and len(signatures[0]) != old.width * bands)
    ):
        found = list(check(corpus, options))
        return Update(found, None, band_index(names, signatures, bands).record())
    new = spliced(old, names, signatures, changed)
    affected: set[int] = set()
    for name in changed:
        keys: list[tuple[int, bytes]] = []
        before, now = old.position(name), new.position(name)
        if before is not None:
            keys += [(band, old.key(band, before)) for band in range(bands)]
        if now is not None:
            affected.add(now)
            keys += [(band, new.key(band, now)) for band in range(bands)]
        for band, key in keys:
            affected.update(new.members(band, key))
    threshold = options[NEAR_DUPLICATE_THRESHOLD]
    pairs, crowded = _pairs(new, sorted(affected), EARLIER_PER_KEY)
    best = _confirmed(corpus, compared, pairs, threshold)
    unconfirmed = crowded - best.keys()
    if unconfirmed:
        again, _ = _pairs(new, sorted(unconfirmed), None)
        best.update(_confirmed(corpus, compared, again, threshold))
    redone = changed | {names[position] for position in affected}
    return Update(list(_findings(compared, best)), redone, new.record())


def _pairs(
    index: BandIndex, laters: list[int], cap: int | None
) -> tuple[list[tuple[int, int]], set[int]]:
    """:func:`~seedcheck.text.lsh_pairs.candidate_pairs` for ``laters`` alone, from the
    band index: pairs ordered by the later position, then the earlier one."""
    pairs: list[tuple[int, int]] = []
    crowded: set[int] = set()
    for later in laters:
        earliers: set[int] = set()
        for band in range(len(index.blobs)):
            earlier = [m for m in index.members(band, index.key(band, later)) if m < later]
            if cap is not None and len(earlier) > cap:
                crowded.add(later)
            earliers.update(earlier if cap is None else earlier[:cap])
        pairs += [(one, later) for one in sorted(earliers)]
    return pairs, crowded


def _confirmed(
    corpus: Corpus, compared: list[SeedSummary], pairs: list[tuple[int, int]], threshold: float
) -> dict[int, tuple[float, int]]:
    """For each later seed of ``pairs``, its most similar earlier one at ``threshold`` or
    more, by the exact Jaccard similarity, with the similarity."""
    # Summaries hold no text: the seeds in the pairs are read again, each once. Their
    # shingles are held as 8-byte hashes (a set takes 7 times that) until the last pair
    # they are in: a corpus of many copies pairs most of its seeds.
    last_pair = {index: at for at, pair in enumerate(pairs) for index in pair}
    held: dict[int, array[int] | None] = {}

    def hashes(index: int) -> array[int] | None:
        if index not in held:
            seed = corpus.seed_file(compared[index])
            found = None if seed is None else shingle_hashes(seed.all_body_words)
            held[index] = None if found is None else array("Q", found)
        return held[index]

    best: dict[int, tuple[float, int]] = {}
    later_set: tuple[int, set[int]] = (-1, set())  # pairs come grouped by the later seed
    for at, (earlier, later) in enumerate(pairs):
        # exact-duplicate-document reports a pair of equal bodies
        if compared[earlier].body_digest != compared[later].body_digest:
            one, two = hashes(earlier), hashes(later)
            if one and two:  # else changed or gone since it was summarised
                if later_set[0] != later:
                    later_set = (later, set(two))
                similarity = jaccard(later_set[1], one)
                current = best.get(later)
                if similarity >= threshold and (current is None or similarity > current[0]):
                    best[later] = (similarity, earlier)
        for index in (earlier, later):
            if last_pair[index] == at:
                held.pop(index, None)
    return best


RULE = configured_corpus_rule(
    "SC414",
    "near-duplicate-document",
    "Two seeds whose texts are nearly the same (word 5-gram Jaccard).",
    check,
    options=(
        NEAR_DUPLICATE_THRESHOLD,
        NEAR_DUPLICATE_PERMUTATIONS,
        NEAR_DUPLICATE_BANDS,
        NEAR_DUPLICATE_MIN_SHINGLES,
    ),
    check_options=_bands_divide_permutations,
    signatures=True,
    update=update,
)
