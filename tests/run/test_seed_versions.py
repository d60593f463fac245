"""Which seeds changed between two runs, from their compact versions."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from seedcheck.run.seed_versions import changed_seeds, seed_versions, versions_from
from seedcheck.seed.summary import SeedSummary


def _seed(name: str, text: str) -> SeedSummary:
    import hashlib

    digest = hashlib.sha256(text.encode()).hexdigest()
    return SeedSummary(Path(name), name, None, None, digest, "", "", "", 0, None, 1)


CORPORA = st.dictionaries(
    st.text("abc", min_size=1, max_size=3), st.sampled_from(("x", "y", "z")), max_size=150
)


@settings(max_examples=200, derandomize=True)
@given(before=CORPORA, now=CORPORA)
def test_changed_seeds_are_those_added_removed_or_edited(
    before: dict[str, str], now: dict[str, str]
) -> None:
    old = seed_versions([_seed(n, before[n]) for n in sorted(before)])
    new = seed_versions([_seed(n, now[n]) for n in sorted(now)])
    expected = {n for n in before.keys() | now.keys() if before.get(n) != now.get(n)}
    assert changed_seeds(old, new) == expected
    assert versions_from(new.record()) == new


@given(texts=st.lists(st.sampled_from(("x", "y")), min_size=130, max_size=130))
def test_an_edit_in_a_long_corpus_is_found_in_its_block(texts: list[str]) -> None:
    names = [f"{n:03d}.txt" for n in range(130)]
    old = seed_versions([_seed(n, "x") for n in names])
    new = seed_versions([_seed(n, t) for n, t in zip(names, texts, strict=True)])
    assert changed_seeds(old, new) == {n for n, t in zip(names, texts, strict=True) if t == "y"}
