"""Near-duplicate documents: word 5-gram shingles, MinHash signatures, LSH banding.

The signing half of near-duplicate-document, on numpy; it runs where seeds are read
(in worker processes on a large corpus). Comparing every pair of seeds costs quadratic
time; instead each seed gets a small MinHash signature, signatures are cut into bands,
and only seeds that agree on a whole band become candidate pairs (cost linear in the
corpus). Each candidate is then confirmed with the exact Jaccard similarity of the two
shingle sets, so an estimate never decides a finding. The pairing and the confirmation
are ``lsh_pairs``', in plain Python.

Words are hashed and signatures made by rensa (Rust), the same values in every process
and run (no built-in ``hash()``, which is salted per process), so signatures can be
cached on disk; ``lsh_pairs.signature_format`` names them in the cache's key.
``lsh_pairs.band_signature`` signs the same way without numpy, for a run that signs a
few seeds.

The banding: with ``b`` bands of ``r`` rows, two seeds of Jaccard similarity ``s``
share at least one band with probability ``1 - (1 - s**r)**b``. The defaults, 128
permutations in 32 bands of 4 rows, put the 50 % point of that S-curve at
``s ≈ 0.38``, far below the 0.8 threshold: at 0.8 a pair is missed with probability
about 5e-8, at 0.7 about 2e-4. Below 0.3 few pairs become candidates (at 0.1, one in
300), which keeps exact confirmation cheap on a corpus of distinct articles.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from seedcheck.text import lsh_pairs, portable_minhash
from seedcheck.text.lsh_pairs import COMBINE, MIX_1, MIX_2, word_hashes
from seedcheck.text.shingles import DOCUMENT_SHINGLE_WORDS

SHINGLE_WORDS = DOCUMENT_SHINGLE_WORDS
_MIX_1 = np.uint64(MIX_1)
_MIX_2 = np.uint64(MIX_2)
_COMBINE = np.uint64(COMBINE)

Hashes = npt.NDArray[np.uint64]


def hashed_words(words: Sequence[str]) -> Hashes:
    """The stable 64-bit hashes of ``words`` (see ``lsh_pairs.word_hashes``)."""
    return as_array(word_hashes(words))


def as_array(hashes: Sequence[int]) -> Hashes:
    """64-bit hashes as an array; one in an ``array("Q")`` is read in place."""
    if isinstance(hashes, array) and hashes.typecode == "Q":
        view = np.frombuffer(hashes, dtype=np.uint64)
        view.flags.writeable = False  # the seed's own hashes, shared by its readers
        return view
    return np.array(hashes, dtype=np.uint64)


def repeats_a_shingle(word_hashes: Sequence[int], size: int) -> bool:
    """Whether some ``size`` consecutive words occur twice, given the words' hashes.

    Never False when a shingle repeats (equal words give equal values); True may be
    two shingles whose values collide, which the caller's exact search then rules out.
    """
    count = len(word_hashes) - size + 1
    if count <= 1:
        return False
    hashes = as_array(word_hashes)
    combined = hashes[:count].copy()
    for offset in range(1, size):
        combined *= _COMBINE  # in place: a few hundred values, where allocating dominates
        combined += hashes[offset : offset + count]
    combined.sort()
    return bool((combined[1:] == combined[:-1]).any())


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
        combined *= _COMBINE
        combined += word_hashes[offset : offset + count]
    # np.unique, by sorting: for a few hundred values it is several times faster than
    # numpy 2's hash-based unique.
    ordered = np.sort(_mix(combined))
    distinct: Hashes = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
    return distinct


def minimums(shingles: Hashes, permutations: int) -> Hashes:
    """The MinHash signature of a non-empty shingle set (``lsh_pairs.minimums``), from
    the array itself: one minimum per permutation, each below 2**32."""
    if not lsh_pairs.COMPILED:
        return portable_minhash.array_minimums(shingles, permutations)
    found = lsh_pairs.buffer_minimums(shingles, len(shingles), permutations)
    return np.array(found, dtype=np.uint64)


def seed_shingles(words: Sequence[str]) -> Hashes:
    """The shingle set of a seed's words."""
    return shingle_set(hashed_words(words))


def signature(shingles: Hashes, permutations: int, bands: int) -> bytes:
    """The band keys of a non-empty shingle set's signature, for a summary and the cache.

    LSH only asks whether two seeds agree on a whole band, and every candidate pair is
    then confirmed with the exact Jaccard similarity, so a band is kept as one key. Each
    minimum is below 2**32 (rensa's family keeps the top half of 64-bit products): a band of
    up to two rows is kept exactly as uint32 values, a wider one is folded into a
    64-bit hash of them (the default, 4 rows: 256 bytes a seed instead of 512). Equal
    bands always give equal keys; unequal ones share a key with odds of 2**-64, and
    such a pair is still only a candidate.
    """
    return band_keys(minimums(shingles, permutations), bands)


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
