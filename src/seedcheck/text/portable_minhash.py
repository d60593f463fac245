"""Word hashes and MinHash minima where rensa has no wheel (macOS on CPython 3.10).

The same interface as rensa's two calls that ``lsh_pairs`` makes, in Python and
numpy: BLAKE2b per word, and Dietzfelbinger's multiply-add-shift family
``((a * x + b) mod 2**64) >> 32`` on the top 32 bits of each shingle, with ``a`` and
``b`` from a fixed splitmix64 stream. Other values than rensa's, so the cache's key
names which of the two made a signature (``lsh_pairs.signature_format``); findings are
the same either way, since every candidate pair is confirmed exactly.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

WORD = (1 << 64) - 1
# Where the family's stream starts: fixed, so that signatures are the same in every
# run and process, and can be cached.
PERMUTATION_SEED = 0x5EED_C4EC
_STEP = 0x9E3779B97F4A7C15  # splitmix64 steps by the golden-ratio constant
# The most values (8 bytes each) a signature's matrix holds at once: 16 MiB.
MATRIX_CELLS = 1 << 21


def word_hashes(words: Sequence[str]) -> list[int]:
    """Each word's stable 64-bit hash (BLAKE2b, little-endian), in order."""
    known = {
        word: int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        for word in set(words)
    }
    return [known[word] for word in words]


def _mix(value: int) -> int:
    value ^= value >> 30
    value = (value * 0xBF58476D1CE4E5B9) & WORD
    value ^= value >> 27
    value = (value * 0x94D049BB133111EB) & WORD
    return value ^ (value >> 31)


@functools.lru_cache(maxsize=4)
def permutation_family(count: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The ``count`` odd multipliers and the addends of the family."""
    state = PERMUTATION_SEED
    stream: list[int] = []
    for _ in range(2 * count):
        state = (state + _STEP) & WORD
        stream.append(_mix(state))
    return tuple(value | 1 for value in stream[:count]), tuple(stream[count:])


def minimums(shingles: Iterable[int], permutations: int) -> list[int]:
    """The minima of a non-empty shingle set, one per hash of the family, in Python."""
    keys = [shingle >> 32 for shingle in shingles]
    multipliers, addends = permutation_family(permutations)
    # The shift is monotonic: the minimum of the products, shifted.
    return [
        min([(a * key + b) & WORD for key in keys]) >> 32
        for a, b in zip(multipliers, addends, strict=True)
    ]


def array_minimums(shingles: npt.NDArray[np.uint64], permutations: int) -> npt.NDArray[np.uint64]:
    """:func:`minimums` of a shingle array, with numpy: the same values.

    The shingles are taken a slice at a time, so that the matrix of permutations x
    shingles never exceeds :data:`MATRIX_CELLS` values, whatever the seed's length.
    """
    # Imported here: the plain functions above must not load numpy.
    import numpy as np

    multipliers, addends = permutation_family(permutations)
    a = np.array(multipliers, dtype=np.uint64)[:, None]
    b = np.array(addends, dtype=np.uint64)[:, None]
    keys = shingles >> np.uint64(32)
    step = max(1, MATRIX_CELLS // permutations)
    lowest: npt.NDArray[np.uint64] | None = None
    for start in range(0, len(keys), step):
        values: npt.NDArray[np.uint64] = a * keys[None, start : start + step]
        values += b  # in place: the matrix is permutations x shingles
        found: npt.NDArray[np.uint64] = values.min(axis=1)
        lowest = found if lowest is None else np.minimum(lowest, found)
    assert lowest is not None, "a signature of no shingles"
    result: npt.NDArray[np.uint64] = lowest >> np.uint64(32)
    return result
