"""Pausing Python's cyclic garbage collector while a run rebuilds what it cached.

A run that the cache answers builds a few million objects that live to its end: the
listing, every seed's record and summary, INDEX.md's rows. CPython (3.11) runs a full
collection whenever the objects that survived earlier ones grow by a quarter, and each
full collection walks every one of them. None of them can be garbage yet, and none can
form a cycle (they come from ``marshal`` data and stats), so every such walk finds
nothing: at 100,000 seeds, 11 full collections in a one-changed run, about 1 s of 6.

While paused, allocations still count towards the next collection, so the collector
catches up with one young collection when it resumes. It is paused only where a run
builds values from records and stats, never where seeds are parsed and checked: a
rule or a parser that leaves cycles behind must still have them collected.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off inside, back as it was after (on when it was on)."""
    if not gc.isenabled():
        yield  # a caller (or an outer pause) turned it off: theirs to turn on again
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
