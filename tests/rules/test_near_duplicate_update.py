"""near-duplicate-document's update: after any change, the findings a full check gives."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import seedcheck.rules.near_duplicate_document as rule
from seedcheck.rules.support.band_index import band_index, index_from, spliced
from seedcheck.text.lsh_pairs import EARLIER_PER_KEY, candidate_pairs
from tests.article_maker import article
from tests.conftest import RunCli

SELECT = ("--select", "near-duplicate-document")
HOUR_AGO = time.time_ns() - 3600 * 10**9


def _copy(text: str, change: int, every: int = 40) -> str:
    """``text`` with one word in ``every`` changed, where ``change`` says: a near copy."""
    words = text.split(" ")
    for at in range(change % every, len(words), every):
        words[at] = f"edit{change}"
    return " ".join(words)


def _write(folder: Path, number: int, body: str) -> None:
    text = f"---\ntitle: Seed {number}\nbyline: Ana Silva\n---\n{body}\n"
    (folder / f"{number:03d}_{number:016x}.txt").write_text(text, encoding="utf-8")


def test_the_index_finds_keys_at_their_places_only() -> None:
    index = band_index(["a", "b", "c"], [b"AAAABBBB", b"ABBBBAAA", b"AAAACCCC"], 2)
    assert index.members(0, b"AAAA") == [0, 2]  # not the "AAAA" across b's two keys
    assert index.members(1, b"BBBB") == [0]
    assert index.position("b") == 1 and index.position("bb") is None
    assert index_from(index.record(), 2) == index
    assert index_from(index.record(), 3) is None
    assert index_from((b"b\0a", (b"", b""), 4), 2) is None  # names out of order
    assert index_from((("a", "b"), (b"", b""), 4), 2) is None  # names not as bytes


def test_splicing_equals_building_anew() -> None:
    old = band_index(["a", "b", "c", "d"], [b"1111", b"2222", b"3333", b"4444"], 2)
    names, signatures = ["a", "bb", "c", "d", "e"], [b"1111", b"9999", b"3377", b"4444", b"5555"]
    new = spliced(old, names, signatures, {"b", "bb", "c", "e"})
    assert new == band_index(names, signatures, 2)
    same_names = spliced(old, ["a", "b", "c", "d"], [b"1111", b"2288", b"3333", b"4444"], {"b"})
    assert same_names == band_index(["a", "b", "c", "d"], [b"1111", b"2288", b"3333", b"4444"], 2)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    keys=st.lists(
        st.lists(st.integers(min_value=0, max_value=2), min_size=3, max_size=3),
        min_size=2,
        max_size=40,
    ),
    cap=st.integers(min_value=1, max_value=5),
    some=st.sets(st.integers(min_value=0, max_value=39)),
)
def test_pairs_from_the_index_are_the_candidate_pairs(
    keys: list[list[int]], cap: int, some: set[int]
) -> None:
    # Three bands of 2-byte keys, few values: many seeds share keys, most are crowded.
    signatures = [b"".join(key.to_bytes(2, "little") for key in row) for row in keys]
    index = band_index([f"{n:03d}" for n in range(len(keys))], signatures, 3)
    first = candidate_pairs(signatures, 3, cap)
    assert rule._pairs(index, list(range(len(keys))), cap) == (first.pairs, set(first.crowded))
    laters = sorted(n for n in some if n < len(keys))
    again = candidate_pairs(signatures, 3, laters=set(laters))
    assert rule._pairs(index, laters, None) == (again.pairs, set())


# A step: what to do, which seed (by its place), and a number for the new text.
STEPS = st.lists(
    st.tuples(
        st.sampled_from(("copy", "new", "add", "delete", "rename", "same")),
        st.integers(min_value=0, max_value=60),
        st.integers(min_value=0, max_value=3),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=STEPS)
def test_any_change_updates_to_what_a_full_check_finds(
    tmp_path_factory: pytest.TempPathFactory,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    steps: list[tuple[str, int, int]],
) -> None:
    updates: list[object] = []  # the changes the rule updated its band index for
    real = spliced

    def recording(old: Any, names: Any, signatures: Any, changed: Any) -> Any:
        updates.append(changed)
        return real(old, names, signatures, changed)

    monkeypatch.setattr(rule, "spliced", recording)
    root = tmp_path_factory.mktemp("near")
    folder = root / "corpus"
    folder.mkdir()
    pages = [article(page, words=300) for page in range(4)]
    # More copies of page 0 than a seed is first paired with, so that later copies are
    # crowded: each a copy of the one before with a few more words changed, so that each
    # is most like the last few before it, and which earlier seeds are compared decides
    # which one is named.
    text = pages[0]
    for number in range(EARLIER_PER_KEY + 4):
        text = _copy(text, number, every=300)
        _write(folder, number, text)
    for number in range(20, 26):
        _write(folder, number, _copy(pages[number % 3 + 1], number))
    for path in folder.iterdir():
        os.utime(path, ns=(HOUR_AGO, HOUR_AGO))
    run_cli(["validate", *SELECT, "corpus"], cwd=root)
    for at, (step, pick, page) in enumerate(steps):
        seeds = sorted(folder.glob("*.txt"))
        seed = seeds[pick % len(seeds)]
        if step == "copy":
            _write(folder, int(seed.name[:3]), _copy(pages[page], 100 + at))
        elif step == "new":
            _write(folder, int(seed.name[:3]), article(1000 + at, words=150))
        elif step == "add":
            _write(folder, 200 + at, _copy(pages[page], 200 + at))
        elif step == "delete" and len(seeds) > 2:
            seed.unlink()
        elif step == "rename":
            seed.rename(folder / f"{300 + at:03d}_{at:016x}.txt")
        else:
            _write(folder, int(seed.name[:3]), pages[page])  # the page itself
        updates.clear()
        cached = run_cli(["validate", *SELECT, "corpus"], cwd=root)
        assert updates  # updated, not checked anew
        fresh = run_cli(["validate", "--no-cache", *SELECT, "corpus"], cwd=root)
        assert cached.out == fresh.out, (step, at)
