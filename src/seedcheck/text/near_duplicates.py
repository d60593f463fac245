"""Near-duplicate documents: word 5-gram shingles, MinHash signatures, LSH banding.

The signing half of near-duplicate-document, on numpy; it runs where seeds are read
(in worker processes on a large corpus). Comparing every pair of seeds costs quadratic
time; instead each seed gets a small MinHash signature, signatures are cut into bands,
and only seeds that agree on a whole band become candidate pairs (cost linear in the
corpus). Each candidate is then confirmed with the exact Jaccard similarity of the two
shingle sets, so an estimate never decides a finding. The pairing and the confirmation
are ``lsh_pairs``', in plain Python.

Every hash here is stable across processes and runs (BLAKE2b per word, a fixed stream
for the permutations, no built-in ``hash()``, which is salted per process), so
signatures can be cached on disk. ``lsh_pairs.band_signature`` signs the same way
without numpy, for a run that signs a few seeds.

The banding: with ``b`` bands of ``r`` rows, two seeds of Jaccard similarity ``s``
share at least one band with probability ``1 - (1 - s**r)**b``. The defaults, 128
permutations in 32 bands of 4 rows, put the 50 % point of that S-curve at
``s ≈ 0.38``, far below the 0.8 threshold: at 0.8 a pair is missed with probability
about 5e-8, at 0.7 about 2e-4. Below 0.3 few pairs become candidates (at 0.1, one in
300), which keeps exact confirmation cheap on a corpus of distinct articles.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from seedcheck.text.lsh_pairs import COMBINE, MIX_1, MIX_2, permutation_family, word_hash
from seedcheck.text.shingles import DOCUMENT_SHINGLE_WORDS

SHINGLE_WORDS = DOCUMENT_SHINGLE_WORDS
_MIX_1 = np.uint64(MIX_1)
_MIX_2 = np.uint64(MIX_2)
_COMBINE = np.uint64(COMBINE)

Hashes = npt.NDArray[np.uint64]


class WordHasher:
    """Stable 64-bit hashes of words, memoised over a run's vocabulary."""

    def __init__(self) -> None:
        self._known: dict[str, int] = {}

    def hashes(self, words: Sequence[str]) -> Hashes:
        known = self._known
        # New words are few once a run has seen some seeds; the lookups of the rest run
        # in C (map over the dict), not in a Python loop.
        for word in set(words).difference(known):
            known[word] = word_hash(word)
        return np.fromiter(map(known.__getitem__, words), dtype=np.uint64, count=len(words))


def _mix(values: Hashes) -> Hashes:
    # The splitmix64 finaliser: every input bit affects every output bit.
    values = values ^ (values >> np.uint64(30))
    values = values * _MIX_1
    values = values ^ (values >> np.uint64(27))
    values = values * _MIX_2
    mixed: Hashes = values ^ (values >> np.uint64(31))
    return mixed


def shingle_set(word_hashes: Hashes, size: int = SHINGLE_WORDS) -> Hashes:
    """The sorted, distinct hashes of the ``size``-word shingles (empty if too few words)."""
    count = len(word_hashes) - size + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    # Order matters in a shingle: a polynomial in the word hashes, then mixed. uint64
    # arithmetic wraps, which is what a hash wants.
    combined = word_hashes[:count].copy()
    for offset in range(1, size):
        combined = combined * _COMBINE + word_hashes[offset : offset + count]
    # np.unique, by sorting: for a few hundred values it is several times faster than
    # numpy 2's hash-based unique.
    ordered = np.sort(_mix(combined))
    distinct: Hashes = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
    return distinct


@dataclass(frozen=True)
class Permutations:
    """The MinHash hash family: ``((a * x + b) mod 2**64) >> 32`` for 32-bit keys ``x``.

    This is Dietzfelbinger's multiply-add-shift scheme, universal for 32-bit keys, and
    needs nothing but wrapping uint64 arithmetic.
    """

    a: Hashes
    b: Hashes

    @classmethod
    def make(cls, count: int) -> Permutations:
        multipliers, addends = permutation_family(count)
        a = np.array(multipliers, dtype=np.uint64)
        b = np.array(addends, dtype=np.uint64)
        return cls(a[:, None], b[:, None])

    def signature(self, shingles: Hashes) -> Hashes:
        """The MinHash signature of a non-empty shingle set: one minimum per permutation.

        The shingles are taken a slice at a time, so that the matrix of permutations x
        shingles never exceeds :data:`MATRIX_CELLS` values, whatever the length of the
        seed or the number of permutations: the same minima, in bounded memory.
        """
        keys = shingles >> np.uint64(32)
        step = max(1, MATRIX_CELLS // len(self.a))
        lowest: Hashes | None = None
        for start in range(0, len(keys), step):
            values: Hashes = self.a * keys[None, start : start + step]
            values += self.b  # in place: the matrix is permutations x shingles
            found: Hashes = values.min(axis=1)
            lowest = found if lowest is None else np.minimum(lowest, found)
        assert lowest is not None, "a signature of no shingles"
        # The shift is monotonic, so the minimum is shifted instead of the matrix: the
        # same values, in a third of the time.
        result: Hashes = lowest >> np.uint64(32)
        return result


# The most values (8 bytes each) a signature's matrix holds at once: 16 MiB.
MATRIX_CELLS = 1 << 21


@functools.lru_cache(maxsize=4)
def _family(count: int) -> Permutations:
    return Permutations.make(count)


_HASHER = WordHasher()


def seed_shingles(words: Sequence[str]) -> Hashes:
    """The shingle set of a seed's words, with this process's memoised word hashes."""
    return shingle_set(_HASHER.hashes(words))


def signature(shingles: Hashes, permutations: int, bands: int) -> bytes:
    """The band keys of a non-empty shingle set's signature, for a summary and the cache.

    LSH only asks whether two seeds agree on a whole band, and every candidate pair is
    then confirmed with the exact Jaccard similarity, so a band is kept as one key. Each
    minimum is below 2**32 (the family shifts 64-bit products right by 32): a band of
    up to two rows is kept exactly as uint32 values, a wider one is folded into a
    64-bit hash of them (the default, 4 rows: 256 bytes a seed instead of 512). Equal
    bands always give equal keys; unequal ones share a key with odds of 2**-64, and
    such a pair is still only a candidate.
    """
    values = _family(permutations).signature(shingles)
    return band_keys(values, bands)


def band_keys(values: Hashes, bands: int) -> bytes:
    """The signature ``values`` as ``bands`` keys of equal width (see :func:`signature`)."""
    rows = values.reshape(bands, -1)
    if rows.shape[1] <= 2:
        return rows.astype(np.uint32).tobytes()
    folded = rows[:, 0].copy()
    for row in range(1, rows.shape[1]):
        folded = folded * _COMBINE + rows[:, row]
    return _mix(folded).tobytes()


def estimated_jaccard(one: Hashes, two: Hashes) -> float:
    """The MinHash estimate: the share of permutations on which the minima agree."""
    return float(np.mean(one == two))
