"""Which version of each seed a run saw, compactly, to tell the next run what changed.

Kept as two bytes objects, not a dict: every name (NUL-separated, in the corpus's order)
and each seed's content digest (the first 16 bytes of its SHA-256) end to end. At
100,000 seeds that is 4 MB, where a dict of names and hex digests took 25 MB, held twice
at the run's peak (the last run's and this one's). When no name changed, as after an
edit, the changed seeds are found by comparing the digests a block at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from seedcheck.seed.summary import SeedSummary

DIGEST = 16  # bytes of a seed's digest kept
_BLOCK = 64  # digests compared at once


class SeedVersions(NamedTuple):
    names: bytes
    digests: bytes

    def record(self) -> tuple[bytes, bytes]:
        return self.names, self.digests


def seed_versions(seeds: Sequence[SeedSummary]) -> SeedVersions:
    names = "\0".join(seed.name for seed in seeds).encode("utf-8", "surrogatepass")
    digests = b"".join([bytes.fromhex(seed.digest[: 2 * DIGEST]) for seed in seeds])
    return SeedVersions(names, digests)


def versions_from(record: object) -> SeedVersions | None:
    """The versions in a cache record, or None if it is not of that shape."""
    if not (isinstance(record, tuple) and len(record) == 2):
        return None
    names, digests = record
    if not (isinstance(names, bytes) and isinstance(digests, bytes)):
        return None
    count = names.count(b"\0") + 1 if names else 0
    if len(digests) != DIGEST * count:
        return None
    return SeedVersions(names, digests)


def changed_seeds(before: SeedVersions, now: SeedVersions) -> set[str]:
    """The names of the seeds that are new, gone, or of other content."""
    if before.names == now.names:
        names = _names(now)
        changed: set[str] = set()
        old, new, width = before.digests, now.digests, DIGEST * _BLOCK
        for start in range(0, len(new), width):
            if old[start : start + width] == new[start : start + width]:
                continue
            for at in range(start, min(start + width, len(new)), DIGEST):
                if old[at : at + DIGEST] != new[at : at + DIGEST]:
                    changed.add(names[at // DIGEST])
        return changed
    old_map = dict(zip(_names(before), _digests(before), strict=True))
    new_map = dict(zip(_names(now), _digests(now), strict=True))
    found = {name for name, digest in new_map.items() if old_map.get(name) != digest}
    found.update(name for name in old_map if name not in new_map)
    return found


def _names(versions: SeedVersions) -> list[str]:
    if not versions.names:
        return []
    return versions.names.decode("utf-8", "surrogatepass").split("\0")


def _digests(versions: SeedVersions) -> list[bytes]:
    data = versions.digests
    return [data[at : at + DIGEST] for at in range(0, len(data), DIGEST)]
