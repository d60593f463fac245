"""The corpus part's long bytes, written as parts of their own and read back in place."""

from __future__ import annotations

from typing import Any

from seedcheck.cache.corpus_cache import BULK, _gathered, _spread


def test_long_bytes_go_to_parts_and_come_back_in_place() -> None:
    long_one, long_two = b"a" * BULK, b"b" * (BULK + 1)
    value: Any = (b"key", [("x", 1)], ({"SC414": (b"in", [], ((("n",), (long_one, long_two), 8)))}))
    bulk: list[bytes] = []
    head = _spread(value, bulk)
    assert bulk == [long_one, long_two]
    assert b"a" * BULK not in repr(head).encode()
    assert _gathered([head, *bulk]) == value


def test_a_part_that_is_not_there_reads_as_nothing() -> None:
    head: Any = ((..., 0), (..., 1))
    assert _gathered([head, b"only one"]) is None
    assert _gathered([((..., "zero"),), b"x"]) is None
    assert _gathered([]) is None
    assert _gathered([(b"short", ...)]) == (b"short", ...)  # Ellipsis alone is a value
