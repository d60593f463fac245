"""A fingerprint of a seed's body as the content comparisons see it.

exact-duplicate-document compares these fingerprints, and near-duplicate-document uses
them to leave exact copies to that rule, so the two agree on what "the same text" is.
A digest rather than the normalised text itself keeps per-seed state small.
"""

from __future__ import annotations

import hashlib

from seedcheck.seed.file import SeedFile
from seedcheck.text.normal import normalize


def body_digest(seed: SeedFile) -> bytes | None:
    """The BLAKE2b digest of the normalised body, or None when the body is empty."""
    normal = normalize(seed.body)
    if not normal:
        return None
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=16).digest()
