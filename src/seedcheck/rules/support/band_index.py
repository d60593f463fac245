"""The near-duplicate band keys of every compared seed, kept from one run to the next.

Grouping every seed by each of its band keys is most of near-duplicate-document's work
after one seed changed (10,000 seeds: 32 dicts of 10,000 keys). This index keeps, for
each band, one bytes object of every compared seed's key in that band, in name order:
a seed's key is at its position times the key's width. The seeds sharing a key are then
found by ``bytes.find`` (a C scan, no dict), and a change is spliced in from the old
bytes without touching the unchanged seeds' keys.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from typing import NamedTuple


class BandIndex(NamedTuple):
    """The compared seeds' names in order and each band's keys in that order."""

    names: tuple[str, ...]
    blobs: tuple[bytes, ...]
    width: int  # bytes of one band key

    def key(self, band: int, position: int) -> bytes:
        """The band key of the seed at ``position``."""
        return self.blobs[band][position * self.width : (position + 1) * self.width]

    def members(self, band: int, key: bytes) -> list[int]:
        """The positions of the seeds whose key in ``band`` is ``key``, ascending."""
        blob, width = self.blobs[band], self.width
        found: list[int] = []
        at = blob.find(key)
        while at != -1:
            if at % width:
                at = blob.find(key, at + 1)  # inside two neighbouring keys: no match
                continue
            found.append(at // width)
            at = blob.find(key, at + width)
        return found

    def position(self, name: str) -> int | None:
        at = bisect.bisect_left(self.names, name)
        return at if at < len(self.names) and self.names[at] == name else None

    def record(self) -> tuple[bytes, tuple[bytes, ...], int]:
        """The index as plain values; the names as one bytes object (NUL-separated), which
        the cache writes and reads far faster than 100,000 strings."""
        return "\0".join(self.names).encode("utf-8", "surrogatepass"), self.blobs, self.width


def band_index(names: Sequence[str], signatures: Sequence[bytes], bands: int) -> BandIndex:
    """The index of seeds named ``names`` (in name order) with these signatures."""
    width = len(signatures[0]) // bands if signatures else 0
    blobs = tuple(
        b"".join([signature[band * width : (band + 1) * width] for signature in signatures])
        for band in range(bands)
    )
    return BandIndex(tuple(names), blobs, width)


def index_from(record: object, bands: int) -> BandIndex | None:
    """The index in a cache record, or None if it is not one of ``bands`` bands."""
    if not (isinstance(record, tuple) and len(record) == 3):
        return None
    joined, blobs, width = record
    if not isinstance(joined, bytes):
        return None
    names = tuple(joined.decode("utf-8", "surrogatepass").split("\0")) if joined else ()
    if not (
        isinstance(blobs, tuple)
        and len(blobs) == bands
        and type(width) is int
        and width > 0
        and all(isinstance(blob, bytes) and len(blob) == width * len(names) for blob in blobs)
        and list(names) == sorted(names)
    ):
        return None
    return BandIndex(names, blobs, width)


def spliced(
    old: BandIndex, names: Sequence[str], signatures: Sequence[bytes], changed: Collection[str]
) -> BandIndex:
    """The index of ``names`` (with ``signatures``), from ``old``: the keys of seeds not in
    ``changed`` are copied from it in runs, those of the changed seeds taken anew."""
    width = old.width
    # (start, end) positions in old, or (-1, position) for a seed signed anew.
    pieces: list[tuple[int, int]] = []
    if tuple(names) == old.names:  # no seed added, removed or renamed: the usual change
        start = 0
        for position in sorted(p for p in map(old.position, changed) if p is not None):
            if position > start:
                pieces.append((start, position))
            pieces.append((-1, position))
            start = position + 1
        if start < len(names):
            pieces.append((start, len(names)))
    else:
        pieces = _walked(old.names, names, changed)
    blobs = []
    for band, blob in enumerate(old.blobs):
        low, high = band * width, (band + 1) * width
        blobs.append(
            b"".join(
                [
                    blob[start * width : end * width] if start >= 0 else signatures[end][low:high]
                    for start, end in pieces
                ]
            )
        )
    return BandIndex(tuple(names), tuple(blobs), width)


def _walked(
    old: Sequence[str], names: Sequence[str], changed: Collection[str]
) -> list[tuple[int, int]]:
    """The pieces of :func:`spliced` by a walk of both name lists (both in order)."""
    pieces: list[tuple[int, int]] = []
    at, count = 0, len(old)
    for position, name in enumerate(names):
        while at < count and old[at] < name:
            at += 1
        if at < count and old[at] == name and name not in changed:
            if pieces and pieces[-1][0] >= 0 and pieces[-1][1] == at:
                pieces[-1] = (pieces[-1][0], at + 1)
            else:
                pieces.append((at, at + 1))
        else:
            pieces.append((-1, position))
    return pieces
