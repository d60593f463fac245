"""Near-duplicate candidates by LSH band, their exact comparison, and the signing of a
few seeds, without numpy.

The corpus rule runs in the main process once the workers have signed every seed.
numpy there would cost its import and 12 MB at the run's peak for work that a dict
does as fast: grouping 100,000 seeds by each of 32 band keys takes 0.8 s this way, as
with numpy's sort (10,000 seeds: 0.04 s against 0.05 s). The few seeds in candidate
pairs get their shingle sets as Python sets, hashed exactly as
``near_duplicates.shingle_set`` hashes them.

Words are hashed, and MinHash minima taken, by rensa (compiled): a run that changed a
few seeds signs them here (:func:`band_signature`, the same bytes as
``near_duplicates.signature``) without importing numpy, which takes a tenth of a
second. Where rensa has no wheel (macOS on CPython 3.10), ``portable_minhash`` does
the same in Python and numpy, with other values (see :func:`signature_format`).
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Collection, Iterable, Sequence
from typing import Any, NamedTuple

from seedcheck.text import portable_minhash
from seedcheck.text.shingles import DOCUMENT_SHINGLE_WORDS

try:
    from rensa import RMinHash

    COMPILED = True
except ImportError:  # no wheel for this platform: pyproject.toml installs none there
    COMPILED = False

WORD = (1 << 64) - 1
# The splitmix64 finaliser's multipliers, and the shingle polynomial's (see
# near_duplicates, which uses the same values on numpy arrays).
MIX_1 = 0xBF58476D1CE4E5B9
MIX_2 = 0x94D049BB133111EB
COMBINE = 0x9E3779B97F4A7C15
# The seed of rensa's MinHash family: fixed, so that signatures are the same in every
# run and process, and can be cached.
PERMUTATION_SEED = 0x5EED_C4EC


def word_hashes(words: Sequence[str]) -> list[int]:
    """Each word's stable 64-bit hash (rensa's token hash of its text), in order."""
    if not COMPILED:
        return portable_minhash.word_hashes(words)
    hashed: list[int] = RMinHash.hash_token_sets([words])[0]
    return hashed


def mix(value: int) -> int:
    """The splitmix64 finaliser on one 64-bit value."""
    value ^= value >> 30
    value = (value * MIX_1) & WORD
    value ^= value >> 27
    value = (value * MIX_2) & WORD
    return value ^ (value >> 31)


def shingle_hashes(words: Sequence[str], size: int = DOCUMENT_SHINGLE_WORDS) -> set[int]:
    """The hashes of the ``size``-word shingles of ``words`` (empty if too few words)."""
    return hashed_shingles(word_hashes(words), size)


def hashed_shingles(hashes: Sequence[int], size: int = DOCUMENT_SHINGLE_WORDS) -> set[int]:
    """:func:`shingle_hashes` of words given by their :func:`word_hashes`."""
    found: set[int] = set()
    for start in range(len(hashes) - size + 1):
        value = hashes[start]
        for offset in range(1, size):
            value = (value * COMBINE + hashes[start + offset]) & WORD
        found.add(mix(value))
    return found


def minimums(shingles: Iterable[int], permutations: int) -> list[int]:
    """The MinHash signature of a non-empty shingle set: ``permutations`` values below
    2**32, one minimum per hash of rensa's R-MinHash family."""
    if not COMPILED:
        return portable_minhash.minimums(shingles, permutations)
    rows: list[list[int]] = RMinHash.digest_matrix_from_token_hash_sets(
        [shingles], permutations, PERMUTATION_SEED
    ).to_rows()
    return rows[0]


def buffer_minimums(shingles: Any, count: int, permutations: int) -> list[int]:
    """:func:`minimums` of ``count`` shingles in a uint64 buffer (a numpy array), read
    in place by rensa; only where :data:`COMPILED`."""
    rows: list[list[int]] = RMinHash.digest_matrix_from_flat_token_hashes(
        shingles, [0, count], permutations, PERMUTATION_SEED
    ).to_rows()
    return rows[0]


@functools.cache
def signature_format() -> str:
    """What signatures made in this process depend on besides the text and the options:
    the MinHash algorithm, and rensa's token hash and permutations, named by what they
    give for a fixed sample. Part of the cache's key, so that signatures made by
    another rensa are never compared with these."""
    if not COMPILED:
        return "portable BLAKE2b multiply-add-shift 1"
    sample = [f"seedcheck {n}" for n in range(8)]
    probe = minimums(word_hashes(sample), 4)
    return f"rensa RMinHash {RMinHash.ALGORITHM_VERSION} {word_hashes(sample)[0]:x} {probe}"


def band_signature(shingles: Iterable[int], permutations: int, bands: int) -> bytes:
    """``near_duplicates.signature`` of a non-empty shingle set, without numpy."""
    values = minimums(shingles, permutations)
    rows = permutations // bands
    if rows <= 2:
        # Native byte order, as numpy's tobytes writes them.
        return struct.pack(f"={len(values)}I", *values)
    folded = []
    for band in range(bands):
        value = values[band * rows]
        for row in range(1, rows):
            value = (value * COMBINE + values[band * rows + row]) & WORD
        folded.append(mix(value))
    return struct.pack(f"={bands}Q", *folded)


def jaccard(one: set[int], two: Collection[int]) -> float:
    """The exact Jaccard similarity of two sets; ``two`` may be any collection of
    distinct values (the rule holds shingles as an array, not as a second set)."""
    if not one and not two:
        return 1.0
    common = len(one.intersection(two))
    return common / (len(one) + len(two) - common)


# In each band a seed is first paired with at most this many of the earlier seeds that
# share its key, the first ones: a corpus of a few thousand copies of one page (a paywall
# notice scraped again and again) would otherwise make every pair of them a candidate,
# which for 3,000 copies took minutes and a gigabyte, and grows with the square. A seed
# that more earlier seeds share a key with is "crowded"; the rule pairs it with all of
# them when none of the first ones is a near-duplicate (see near_duplicate_document).
EARLIER_PER_KEY = 8


class Candidates(NamedTuple):
    """Candidate pairs ``(earlier, later)``, ordered by the later index, then the earlier
    one; and the later indices that were not paired with every earlier one of a key."""

    pairs: list[tuple[int, int]]
    crowded: frozenset[int]


def candidate_pairs(
    signatures: Sequence[bytes],
    bands: int,
    earlier_per_key: int | None = None,
    laters: Collection[int] | None = None,
) -> Candidates:
    """Pairs of indices whose signatures agree on a whole band: each later index with the
    first ``earlier_per_key`` earlier indices of each of its keys (None: with all).

    With ``laters``, only those are paired as the later index. Signatures must all have
    the same length; band keys (``near_duplicates.signature``) are signatures whose
    every band is one key.
    """
    if len(signatures) < 2:
        return Candidates([], frozenset())
    cap = len(signatures) if earlier_per_key is None else earlier_per_key
    step = len(signatures[0]) // bands
    found: set[tuple[int, int]] = set()
    crowded: set[int] = set()
    for band in range(bands):
        low, high = band * step, (band + 1) * step
        first: dict[bytes, int] = {}
        groups: dict[int, list[int]] = {}  # only keys held by more than one seed
        for index, signature in enumerate(signatures):
            earlier = first.setdefault(signature[low:high], index)
            if earlier != index:
                groups.setdefault(earlier, [earlier]).append(index)
        for members in groups.values():
            for at, later in enumerate(members):
                if laters is not None and later not in laters:
                    continue
                if at > cap:
                    crowded.add(later)
                found.update((earlier, later) for earlier in members[: min(at, cap)])
    return Candidates(sorted(found, key=lambda pair: (pair[1], pair[0])), frozenset(crowded))
