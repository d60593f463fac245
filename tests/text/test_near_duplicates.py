"""MinHash and LSH for near-duplicate-document: estimates, recall, stability, laziness."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from seedcheck.rules.near_duplicate_document import shown
from seedcheck.run.folder import FEW_TO_SIGN
from seedcheck.text import lsh_pairs as lp
from seedcheck.text import near_duplicates as nd
from seedcheck.text.normal import words
from tests.article_maker import article
from tests.conftest import RunCli

ROOT = Path(__file__).parents[2]


def _sets_with_jaccard(rng: np.random.Generator, common: int, only: int) -> tuple[nd.Hashes, ...]:
    """Two sorted hash sets sharing ``common`` values, each with ``only`` of its own."""
    values = np.unique(rng.integers(0, 2**64, size=common + 2 * only + 64, dtype=np.uint64))
    values = rng.permutation(values)[: common + 2 * only]
    shared, one, two = np.split(values, [common, common + only])
    return np.sort(np.concatenate([shared, one])), np.sort(np.concatenate([shared, two]))


def _true_jaccard(text_one: str, text_two: str) -> float:
    def shingles(text: str) -> set[tuple[str, ...]]:
        w = words(text)
        return {tuple(w[i : i + 5]) for i in range(len(w) - 4)}

    one, two = shingles(text_one), shingles(text_two)
    return len(one & two) / len(one | two)


# ------------------------------------------------------------------ hashing


def test_word_hashes_are_the_same_in_another_process() -> None:
    sample = ["harbour", "ferry", "naïve", "東京", "harbour"]
    here = [int(v) for v in nd.hashed_words(sample)]
    code = (
        "import json, sys; from seedcheck.text.lsh_pairs import word_hashes; "
        "print(json.dumps(word_hashes(json.loads(sys.argv[1]))))"
    )
    there = subprocess.run(
        [sys.executable, "-c", code, json.dumps(sample)],
        capture_output=True,
        text=True,
        check=True,
        # The rest of the environment is kept: Windows needs SYSTEMROOT to start Python.
        env={**os.environ, "PYTHONHASHSEED": "123"},
    )
    assert json.loads(there.stdout) == here
    assert here[0] == here[4] != here[1]


def test_shingles_keep_word_order_and_count_once() -> None:
    forward = nd.shingle_set(nd.hashed_words(words("a b c d e")))
    backward = nd.shingle_set(nd.hashed_words(words("e d c b a")))
    assert len(forward) == len(backward) == 1
    assert forward[0] != backward[0]
    repeated = nd.shingle_set(nd.hashed_words(words("a b c d e a b c d e a b c d e")))
    assert len(repeated) == 5  # "a b c d e", "b c d e a", … each once
    assert len(nd.shingle_set(nd.hashed_words(words("too few words")))) == 0


def test_exact_jaccard() -> None:
    one = np.array([1, 2, 3, 4], dtype=np.uint64)
    two = np.array([3, 4, 5, 6, 7, 8], dtype=np.uint64)
    assert lp.jaccard(set(one.tolist()), set(two.tolist())) == 2 / 8
    assert lp.jaccard(set(one.tolist()), set(one.tolist())) == 1.0
    assert lp.jaccard(set(), set()) == 1.0


@pytest.mark.parametrize("seed", [3, 7, 11])
def test_python_shingle_hashes_are_numpys(seed: int) -> None:
    text = words(article(seed))
    expected = nd.shingle_set(nd.hashed_words(text)).tolist()
    assert sorted(lp.shingle_hashes(text)) == expected
    assert lp.shingle_hashes(text[:4]) == set()


def test_signatures_are_stable() -> None:
    shingles = nd.shingle_set(nd.hashed_words(words(article(7))))
    one = nd.minimums(shingles, 64)
    two = nd.minimums(shingles, 64)
    assert one.shape == (64,)
    assert np.array_equal(one, two)
    assert int(one.max()) < 2**32
    # The array and the plain values (a set, in any order) give the same minima.
    assert lp.minimums(set(shingles.tolist()), 64) == one.tolist()


def test_the_signature_format_is_the_same_in_another_process() -> None:
    code = "from seedcheck.text.lsh_pairs import signature_format; print(signature_format())"
    there = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "7"},
    )
    assert there.stdout.strip() == lp.signature_format()
    assert lp.signature_format().startswith("rensa RMinHash ")


# ------------------------------------------------------------------ estimates and recall


@pytest.mark.parametrize(("common", "only"), [(800, 100), (500, 250), (200, 400), (50, 500)])
def test_minhash_estimate_is_close_to_true_jaccard(common: int, only: int) -> None:
    rng = np.random.default_rng(common)
    errors = []
    for _ in range(20):
        one, two = _sets_with_jaccard(rng, common, only)
        truth = lp.jaccard(set(one.tolist()), set(two.tolist()))
        assert truth == pytest.approx(common / (common + 2 * only))
        estimate = nd.estimated_jaccard(nd.minimums(one, 256), nd.minimums(two, 256))
        errors.append(estimate - truth)
        # The standard error is sqrt(J(1-J)/256) <= 0.031; five of them is a real failure.
        assert abs(estimate - truth) < 0.16
    assert abs(float(np.mean(errors))) < 0.03  # unbiased
    assert float(np.sqrt(np.mean(np.square(errors)))) < 0.05


def test_lsh_finds_nearly_every_pair_at_the_threshold() -> None:
    rng = np.random.default_rng(8)
    found = 0
    pairs = 300
    for _ in range(pairs):
        one, two = _sets_with_jaccard(rng, 400, 50)  # J = 0.8
        signatures = [nd.minimums(one, 128).tobytes(), nd.minimums(two, 128).tobytes()]
        found += len(lp.candidate_pairs(signatures, 32).pairs)
    # The S-curve gives 1 - (1 - 0.8**4)**32 ≈ 1 - 5e-8 per pair.
    assert found == pairs


def test_lsh_rarely_pairs_dissimilar_sets() -> None:
    rng = np.random.default_rng(9)
    found = 0
    for _ in range(300):
        one, two = _sets_with_jaccard(rng, 30, 270)  # J ≈ 0.05
        signatures = [nd.minimums(one, 128).tobytes(), nd.minimums(two, 128).tobytes()]
        found += len(lp.candidate_pairs(signatures, 32).pairs)
    # Expected about 300 * (1 - (1 - 0.05**4)**32) ≈ 0.06.
    assert found <= 3


def test_candidate_pairs_agree_with_comparing_every_pair() -> None:
    # Few distinct values per position, so that bands collide often and in groups.
    rng = np.random.default_rng(5)
    for _ in range(20):
        count, bands, rows = int(rng.integers(2, 60)), 8, 2
        signatures = rng.integers(0, 3, size=(count, bands * rows)).astype(np.uint32)
        expected = [
            (earlier, later)
            for later in range(count)
            for earlier in range(later)
            if any(
                (
                    signatures[earlier, b * rows : (b + 1) * rows]
                    == signatures[later, b * rows : (b + 1) * rows]
                ).all()
                for b in range(bands)
            )
        ]
        keys = [s.tobytes() for s in signatures]
        assert lp.candidate_pairs(keys, bands) == (expected, frozenset())
        # Capped: a later seed meets, in each band, the first few seeds of its key; it
        # is crowded when a key has more.
        for cap in (1, 3):
            sharing = {
                (band, later): [
                    e
                    for e in range(later)
                    if keys[e][band * rows * 4 : (band + 1) * rows * 4]
                    == keys[later][band * rows * 4 : (band + 1) * rows * 4]
                ]
                for band in range(bands)
                for later in range(count)
            }
            capped = {(e, later) for (_, later), found in sharing.items() for e in found[:cap]}
            crowded = {later for (_, later), found in sharing.items() if len(found) > cap}
            assert lp.candidate_pairs(keys, bands, earlier_per_key=cap) == (
                sorted(capped, key=lambda pair: (pair[1], pair[0])),
                frozenset(crowded),
            )
            # Only the crowded ones, with all: every pair of theirs comparing finds.
            again = lp.candidate_pairs(keys, bands, laters=crowded)
            assert again.pairs == [pair for pair in expected if pair[1] in crowded]


@pytest.mark.parametrize("rows", [1, 2, 4, 8])
def test_band_keys_pair_exactly_the_seeds_whose_bands_agree(rows: int) -> None:
    # Few distinct values per position, so that bands collide often and in groups;
    # keys folded from wide bands must pair exactly what comparing the bands pairs.
    rng = np.random.default_rng(rows)
    bands = 8
    for _ in range(20):
        count = int(rng.integers(2, 60))
        values = rng.integers(0, 2, size=(count, bands * rows)).astype(np.uint64)
        keys = [nd.band_keys(row, bands) for row in values]
        assert {len(key) for key in keys} == {bands * (4 * rows if rows <= 2 else 8)}
        raw = [row.astype(np.uint32).tobytes() for row in values]
        assert lp.candidate_pairs(keys, bands) == lp.candidate_pairs(raw, bands)


def test_a_signature_is_a_key_per_band() -> None:
    shingles = nd.shingle_set(nd.hashed_words(words(article(7))))
    keys = nd.signature(shingles, 128, 32)
    assert len(keys) == 32 * 8
    assert keys == nd.band_keys(nd.minimums(shingles, 128), 32)
    assert nd.signature(shingles, 128, 64) == (
        nd.minimums(shingles, 128).astype(np.uint32).tobytes()
    )


def test_copies_of_one_text_make_pairs_in_proportion_to_their_number() -> None:
    # 300 copies: every pair of them (44,850) would be compared without the cap.
    same = np.arange(32, dtype=np.uint64).tobytes()
    cap = lp.EARLIER_PER_KEY
    pairs, crowded = lp.candidate_pairs([same] * 300, 32, cap)
    assert len(pairs) == sum(min(later, cap) for later in range(300))
    assert all(earlier < cap for earlier, _ in pairs)
    assert crowded == frozenset(range(cap + 1, 300))


def test_candidate_pairs_are_ordered_and_unique() -> None:
    same = np.arange(8, dtype=np.uint64)
    other = np.arange(100, 108, dtype=np.uint64)
    rows = [row.tobytes() for row in (same, other, same.copy(), same.copy())]
    pairs = lp.candidate_pairs(rows, 4).pairs
    assert pairs == [(0, 2), (0, 3), (2, 3)]


# ------------------------------------------------------------------ the rule on corpora


@pytest.mark.parametrize(
    ("similarity", "text"), [(57 / 100, "0.57"), (0.999, "0.99"), (1.0, "1.00"), (0.8, "0.80")]
)
def test_similarity_is_shown_rounded_down(similarity: float, text: str) -> None:
    assert shown(similarity) == text


def _corpus(root: Path, bodies: list[str]) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for number, body in enumerate(bodies):
        name = f"{number:03d}_{number:016x}.txt"
        text = f"---\ntitle: Article {number}\nbyline: Jane Doe\n---\n{body}"
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def test_distinct_articles_raise_nothing(isolated: Path, run_cli: RunCli) -> None:
    _corpus(isolated, [article(seed) for seed in range(40)])
    result = run_cli(["validate", "--select", "SC413,SC414", "corpus"])
    assert result.out == "All checks passed (40 files checked).\n"
    assert result.code == 0


def test_a_planted_near_copy_is_found(isolated: Path, run_cli: RunCli) -> None:
    bodies = [article(seed, words=400) for seed in range(35)]
    original = bodies[12]
    paragraphs = original.split("\n\n")
    # Light edits, a changed case, curly quotes and dashes, and different paragraphs.
    copy = "\n".join(paragraphs).replace(" said ", " said — ", 2)
    copy = copy.replace("The ", "THE ", 3).replace("'", "’")
    copy = "\u201cCorrected:\u201d " + copy.replace(" that ", " how ", 3) + "Updated at noon.\n"
    bodies.append(copy)
    truth = _true_jaccard(original, copy)
    assert 0.8 <= truth < 1
    _corpus(isolated, bodies)
    result = run_cli(["validate", "--select", "near-duplicate-document", "--quiet", "corpus"])
    shown = f"{int(truth * 100) / 100:.2f}"
    assert result.out == (
        "corpus/035_0000000000000023.txt:5:1: SC414 [near-duplicate-document] near-duplicate "
        f"of 012_000000000000000c.txt (Jaccard {shown} on word 5-grams)\n"
    )
    assert result.code == 1


def test_an_exact_copy_is_left_to_exact_duplicate_document(isolated: Path, run_cli: RunCli) -> None:
    body = article(3)
    _corpus(isolated, [body, article(4), body.upper()])
    result = run_cli(["validate", "--select", "SC413,SC414", "--quiet", "corpus"])
    assert result.out == (
        "corpus/002_0000000000000002.txt:5:1: SC413 [exact-duplicate-document] same text as "
        "000_0000000000000000.txt (the bodies are equal after normalisation)\n"
    )


def test_the_most_similar_earlier_file_is_named(isolated: Path, run_cli: RunCli) -> None:
    base = article(5, words=300)
    closer = base.replace(" the ", " a ", 1)
    further = base.replace(" the ", " a ", 4)
    _corpus(isolated, [further, closer, base])
    result = run_cli(["validate", "--select", "SC414", "--quiet", "corpus"])
    lines = result.out.splitlines()
    assert [line.split(" of ")[1].split()[0] for line in lines] == [
        "000_0000000000000000.txt",
        "001_0000000000000001.txt",
    ]


def test_many_copies_are_each_reported_and_each_read_once(
    isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page scraped again and again (a paywall notice with the article's title in it):
    # more copies than a key pairs with earlier seeds, in every band.
    base = article(9, words=300).split(" ")
    copies = 3 * lp.EARLIER_PER_KEY
    bodies = []
    for number in range(copies):
        words = list(base)
        words[(number * 37) % len(words)] = f"copy{number}"
        bodies.append(" ".join(words))
    _corpus(isolated, bodies)
    from seedcheck.corpus.value import SeedReader

    reads: list[str] = []
    read = SeedReader.read

    def counting_read(self: SeedReader, seed: Any) -> Any:
        reads.append(seed.name)
        return read(self, seed)

    monkeypatch.setattr(SeedReader, "read", counting_read)
    result = run_cli(["validate", "--select", "SC414", "--quiet", "corpus"])
    lines = result.out.splitlines()
    assert len(lines) == copies - 1
    named = [f"{n:03d}_{n:016x}.txt" for n in range(copies)]
    for later, line in zip(named[1:], lines, strict=True):
        assert line.startswith(f"corpus/{later}:5:1: SC414 [near-duplicate-document] ")
        earlier = line.split(" of ")[1].split()[0]
        assert earlier in named and earlier < later
    assert sorted(reads) == named  # each read once, its shingles let go after its last pair


def test_a_copy_behind_a_crowd_of_similar_pages_is_found(isolated: Path, run_cli: RunCli) -> None:
    # 120 pages share a long block (a disclaimer) and are not near-duplicates of each
    # other (Jaccard about 0.6), nor of the last two, which are of each other: the pages
    # fill the first places of every key the two share, ahead of the earlier copy.
    block = " ".join(f"block{i}" for i in range(800))
    pages = [block + " " + " ".join(f"page{n}x{i}" for i in range(250)) for n in range(120)]
    copy = block + " " + " ".join(f"copy{i}" for i in range(50))
    other = block + " " + " ".join(f"other{i}" for i in range(50))
    _corpus(isolated, [*pages, copy, other])
    truth = _true_jaccard(copy, other)
    assert truth >= 0.8 > _true_jaccard(pages[0], other)
    result = run_cli(["validate", "--select", "SC414", "--quiet", "--jobs", "1", "corpus"])
    assert result.out == (
        "corpus/121_0000000000000079.txt:5:1: SC414 [near-duplicate-document] near-duplicate "
        f"of 120_0000000000000078.txt (Jaccard {shown(truth)} on word 5-grams)\n"
    )


def test_short_bodies_are_skipped(isolated: Path, run_cli: RunCli) -> None:
    # 23 words: 19 word 5-grams, one under the default minimum of 20. The two differ in
    # their last word only, a Jaccard of 18/20 = 0.9, so only the minimum keeps them apart.
    short = (
        "The harbour council voted seven to two on Tuesday to build a floodwall along the "
        "eastern quay before the autumn storms arrive again.\n"
    )
    other = short.replace("again.", "soon.")
    assert _true_jaccard(short, other) == 0.9
    _corpus(isolated, [short, other])
    result = run_cli(["validate", "--select", "SC414", "corpus"])
    assert result.out == "All checks passed (2 files checked).\n"
    (isolated / "seedcheck.toml").write_text("near-duplicate-min-shingles = 19\n", "utf-8")
    result = run_cli(["validate", "--select", "SC414", "--quiet", "corpus"])
    assert result.out.endswith(
        "near-duplicate of 000_0000000000000000.txt (Jaccard 0.90 on word 5-grams)\n"
    )


def test_threshold_is_configurable(isolated: Path, run_cli: RunCli) -> None:
    base = article(6, words=200)
    edited = base.replace(" the ", " a ", 6)
    truth = _true_jaccard(base, edited)
    _corpus(isolated, [base, edited])
    (isolated / "seedcheck.toml").write_text(
        f"near-duplicate-threshold = {truth + 0.01:.3f}\n", encoding="utf-8"
    )
    assert run_cli(["validate", "--select", "SC414", "corpus"]).code == 0
    (isolated / "seedcheck.toml").write_text(
        f"near-duplicate-threshold = {truth - 0.01:.3f}\n", encoding="utf-8"
    )
    assert run_cli(["validate", "--select", "SC414", "corpus"]).code == 1


def test_bands_must_divide_permutations(isolated: Path, run_cli: RunCli) -> None:
    (isolated / "seedcheck.toml").write_text(
        "near-duplicate-permutations = 100\nnear-duplicate-bands = 32\n", encoding="utf-8"
    )
    (isolated / "seeds").mkdir()
    result = run_cli(["validate"])
    assert result.code == 2
    assert result.err == (
        f"seedcheck: error: {(isolated / 'seedcheck.toml').as_posix()}: invalid configuration: "
        "near-duplicate-bands (32) must divide near-duplicate-permutations (100), so that "
        "every band has as many rows\n"
    )


# ------------------------------------------------------------------ lazy import


def _imports_numpy(args: list[str], cwd: Path) -> bool:
    code = (
        "import sys; from seedcheck.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('numpy' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, check=True
    )
    return done.stderr.strip().splitlines()[-1] == "True"


def test_numpy_is_imported_only_when_documents_are_compared(isolated: Path) -> None:
    _corpus(isolated, [article(1), article(2)])
    (isolated / "one").mkdir()
    (isolated / "one" / "000_0000000000000000.txt").write_text(
        f"---\ntitle: One\nbyline: Jane Doe\n---\n{article(3)}", encoding="utf-8"
    )
    assert not _imports_numpy(["--version"], isolated)
    assert not _imports_numpy(["validate", "--ignore", "SC414", "corpus"], isolated)
    assert not _imports_numpy(["validate", "one"], isolated)
    # Two seeds to sign: plain Python signs them (see the next test).
    assert not _imports_numpy(["validate", "corpus"], isolated)


def test_a_run_that_signs_a_few_seeds_signs_them_without_numpy(isolated: Path) -> None:
    corpus = _corpus(isolated, [article(seed) for seed in range(FEW_TO_SIGN + 1)])
    # Old enough for the cache to trust their stat.
    past = time.time() - 60
    for path in corpus.iterdir():
        os.utime(path, (past, past))
    assert _imports_numpy(["validate", "corpus"], isolated)  # every seed signed
    changed = sorted(corpus.iterdir())[3]
    with changed.open("a", encoding="utf-8") as handle:
        handle.write("\nOne more sentence for the record.\n")
    os.utime(changed, (past + 1, past + 1))
    assert not _imports_numpy(["validate", "corpus"], isolated)  # one seed signed


@pytest.mark.parametrize(("permutations", "bands"), [(128, 32), (64, 32), (20, 20), (96, 32)])
def test_plain_python_signs_as_numpy_does(permutations: int, bands: int) -> None:
    for seed in range(6):
        text = words(article(seed))
        python = lp.band_signature(lp.shingle_hashes(text), permutations, bands)
        assert python == nd.signature(nd.seed_shingles(text), permutations, bands)


@pytest.mark.parametrize(("permutations", "bands"), [(128, 32), (64, 32), (20, 20)])
def test_without_rensa_plain_python_signs_as_numpy_does(
    permutations: int, bands: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where rensa has no wheel (macOS on CPython 3.10), portable_minhash signs: other
    # values, named by another format, and the two paths still agree.
    compiled = lp.signature_format()
    monkeypatch.setattr(lp, "COMPILED", False)
    lp.signature_format.cache_clear()
    try:
        assert lp.signature_format() != compiled
        for seed in range(4):
            text = words(article(seed))
            python = lp.band_signature(lp.shingle_hashes(text), permutations, bands)
            assert python == nd.signature(nd.seed_shingles(text), permutations, bands)
            assert sorted(lp.shingle_hashes(text)) == nd.shingle_set(nd.hashed_words(text)).tolist()
    finally:
        lp.signature_format.cache_clear()


def test_the_portable_family_is_odd_multipliers_applied_to_each_shingle() -> None:
    from seedcheck.text import portable_minhash as pm

    multipliers, addends = pm.permutation_family(16)
    assert len(set(multipliers)) == len(addends) == 16
    assert all(a % 2 == 1 for a in multipliers)
    shingles = nd.shingle_set(nd.hashed_words(words(article(3))))
    expected = [
        min(((a * (int(x) >> 32) + b) % 2**64) >> 32 for x in shingles)
        for a, b in zip(multipliers, addends, strict=True)
    ]
    assert pm.array_minimums(shingles, 16).tolist() == expected
    assert pm.minimums(shingles.tolist(), 16) == expected
