"""The corpus rules after a small change: only what a change touches runs again, and the
report is always the one a run without the cache gives."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import seedcheck.cache.corpus_cache
import seedcheck.run.engine
import seedcheck.run.incremental
import seedcheck.run.seed_worker
from seedcheck.run.incremental import CorpusState, RuleState, state_from
from seedcheck.run.seed_versions import seed_versions
from tests.conftest import RunCli, memo_files

HOUR_AGO = time.time_ns() - 3600 * 10**9


def _seed(corpus: Path, number: int, words: str = "", title: str = "") -> Path:
    body = " ".join(f"w{number}x{i}" for i in range(60)) + words
    path = corpus / f"{number:03d}_{number:016x}.txt"
    text = f"---\ntitle: {title or f'Seed {number}'}\nbyline: Ana Silva\n---\n{body}.\n"
    path.write_text(text, encoding="utf-8")
    return path


def _age(corpus: Path) -> None:
    """Every file an hour old: the cache trusts its stat."""
    for path in corpus.iterdir():
        os.utime(path, ns=(HOUR_AGO, HOUR_AGO))


def _forget_memo() -> None:
    for memo in memo_files():
        memo.unlink()  # so that the per-corpus cache answers, not the run memo


@pytest.fixture
def corpus(isolated: Path, run_cli: RunCli) -> Path:
    folder = isolated / "corpus"
    folder.mkdir()
    for number in range(6):
        _seed(folder, number)
    assert run_cli(["index", "corpus"]).code == 0
    _age(folder)
    return folder


@pytest.fixture
def reruns(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[int]]]:
    """Each corpus rule run, by code: the number of seeds of the corpus it ran on."""
    seen: dict[str, list[int]] = {}
    check = seedcheck.run.engine.check_corpus_rules

    def recording(corpus: Any, rules: Any, options: Any) -> Any:
        for rule in rules:
            seen.setdefault(rule.code, []).append(len(corpus.seeds))
        return check(corpus, rules, options)

    monkeypatch.setattr(seedcheck.run.incremental, "check_corpus_rules", recording)
    yield seen


def test_an_edited_seed_reruns_the_corpus_wide_rules_and_its_own_rows_only(
    corpus: Path, run_cli: RunCli, reruns: dict[str, list[int]]
) -> None:
    run_cli(["validate", "corpus"])
    reruns.clear()
    edited = _seed(corpus, 2, words=" and more")
    os.utime(edited, ns=(HOUR_AGO, HOUR_AGO + 10**9))
    _forget_memo()

    result = run_cli(["validate", "corpus"])
    reran = {code: list(seeds) for code, seeds in reruns.items()}

    assert result.out == run_cli(["validate", "--no-cache", "corpus"]).out
    assert "SC507" in result.out and "SC506" in result.out  # its digest and word count
    # The index rows' rules checked the edited seed alone; exact duplicates, all six;
    # near-duplicates were updated from their band index (see test_near_duplicate_update);
    # numbering and file names did not run.
    assert reran["SC506"] == [1] and reran["SC507"] == [1]
    assert reran["SC413"] == [6] and "SC414" not in reran
    assert not {"SC601", "SC603", "SC108", "SC110", "SC504", "SC505", "SC508"} & reran.keys()


def test_a_renamed_seed_reruns_the_rules_of_names(
    corpus: Path, run_cli: RunCli, reruns: dict[str, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two names of six changed: more than local rules check apart in a corpus this small.
    monkeypatch.setattr(seedcheck.run.incremental, "LOCAL_SHARE", 1.0)
    run_cli(["validate", "corpus"])
    reruns.clear()
    old = next(corpus.glob("003_*"))
    old.rename(corpus / "009_0000000000000003.txt")
    _forget_memo()

    result = run_cli(["validate", "corpus"])
    reran = {code: list(seeds) for code, seeds in reruns.items()}

    assert result.out == run_cli(["validate", "--no-cache", "corpus"]).out
    assert "SC505" in result.out and "SC504" in result.out  # an orphan row, a missing one
    assert {"SC601", "SC603", "SC504", "SC505", "SC508"} <= reran.keys()
    # The renamed seed is new to the local rules, the old name gone from them.
    assert reran["SC506"] == [1]


def test_a_changed_index_reruns_its_rules_in_full(
    corpus: Path, run_cli: RunCli, reruns: dict[str, list[int]]
) -> None:
    run_cli(["validate", "corpus"])
    reruns.clear()
    index = corpus / "INDEX.md"
    index.write_text(index.read_text(encoding="utf-8").replace("Seed 4", "Seed Four"), "utf-8")
    _forget_memo()

    result = run_cli(["validate", "corpus"])
    reran = {code: list(seeds) for code, seeds in reruns.items()}

    assert result.out == run_cli(["validate", "--no-cache", "corpus"]).out
    assert "Title of 004_0000000000000004.txt is 'Seed Four' in the index" in result.out
    assert reran["SC506"] == [6] and "SC508" in reran
    assert "SC601" not in reran  # the names did not change


def test_a_damaged_state_is_none_and_every_rule_runs() -> None:
    assert state_from(None) is None
    assert state_from(("seeds", {})) is None
    assert state_from(((b"", b""), {"SC506": (b"k", "not a list", None)})) is None
    assert state_from(((b"", b""), {"SC506": ("k", [], None)})) is None
    versions = seed_versions(())
    kept = CorpusState(versions, {"SC506": RuleState(b"k", [], None)})
    assert state_from(kept.record()) == kept
    assert state_from(((b"a.txt", b"short"), {})) is None  # a digest for each name


def test_reused_findings_that_are_not_diagnostics_are_not_reused(
    corpus: Path, run_cli: RunCli, reruns: dict[str, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_cli(["validate", "corpus"])
    reruns.clear()
    real = seedcheck.run.incremental.state_from

    def damaged(record: Any) -> CorpusState | None:
        state = real(record)
        if state is None:  # the run without the cache
            return None
        bad: Any = [("not", "a record")]
        return CorpusState(
            state.seeds, {c: RuleState(s.inputs, bad) for c, s in state.rules.items()}
        )

    monkeypatch.setattr(seedcheck.run.folder, "state_from", damaged)
    _seed(corpus, 1, words=" edited")
    _forget_memo()

    result = run_cli(["validate", "corpus"])
    reran = {code: list(seeds) for code, seeds in reruns.items()}

    assert result.out == run_cli(["validate", "--no-cache", "corpus"]).out
    assert reran["SC601"] == [6] and reran["SC506"] == [6]


# One step of the property test: what it does to the corpus, with a number to pick a seed.
STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            ("edit", "title", "add", "rename", "delete", "index", "row", "layout", "undo", "age")
        ),
        st.integers(min_value=0, max_value=50),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=STEPS)
def test_any_sequence_of_changes_reports_as_a_run_without_the_cache(
    tmp_path_factory: pytest.TempPathFactory,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    steps: list[tuple[str, int]],
) -> None:
    # Local rules check changed seeds apart however many changed, as in a large corpus.
    monkeypatch.setattr(seedcheck.run.incremental, "LOCAL_SHARE", 1.0)
    root = tmp_path_factory.mktemp("changes")
    (root / "seedcheck.toml").write_text("body-min-words = 0\n", encoding="utf-8")
    folder = root / "corpus"
    folder.mkdir()
    for number in range(5):
        _seed(folder, number)
    # Two seeds nearly the same, so that near-duplicate findings come and go.
    _seed(folder, 5, words=" a").write_text(
        (folder / "000_0000000000000000.txt").read_text("utf-8").replace("w0x5 ", "w9x5 "),
        "utf-8",
    )
    run_cli(["index", "corpus"], cwd=root)
    _age(folder)
    run_cli(["validate", "corpus"], cwd=root)
    first = {path.name: path.read_bytes() for path in folder.glob("*.txt")}
    for at, (step, pick) in enumerate(steps):
        seeds = sorted(folder.glob("*.txt"))
        seed = seeds[pick % len(seeds)] if seeds else None
        if step == "undo" and seed is not None and seed.name in first:
            seed.write_bytes(first[seed.name])  # its row may agree again
        else:
            _change(folder, step, seed, at, root=root, run_cli=run_cli)
        cached = run_cli(["validate", "corpus"], cwd=root)
        fresh = run_cli(["validate", "--no-cache", "corpus"], cwd=root)
        assert (cached.code, cached.out) == (fresh.code, fresh.out), (step, at)


def _change(
    folder: Path, step: str, seed: Path | None, at: int, *, root: Path, run_cli: RunCli
) -> None:
    if step == "add" or seed is None:
        _seed(folder, 100 + at, words=f" new {at}")
    elif step == "edit":
        seed.write_text(seed.read_text("utf-8").replace(".\n", f" edit {at}.\n"), "utf-8")
    elif step == "title":
        text = seed.read_text("utf-8")
        seed.write_text(text.replace("title: ", f"title: T{at} ", 1), "utf-8")
    elif step == "rename":
        seed.rename(folder / f"{200 + at:03d}_{at:016x}.txt")
    elif step == "delete":
        seed.unlink()
    elif step == "index":
        run_cli(["index", "corpus"], cwd=root)
    elif step == "row":
        index = folder / "INDEX.md"
        if index.exists():
            text = index.read_text("utf-8")
            index.write_text(text.replace("Ana Silva", f"Ana S{at}", 1), "utf-8")
    elif step == "layout":
        index = folder / "INDEX.md"
        if index.exists():  # the same cells, padded as a table formatter pads them
            text = index.read_text("utf-8")
            index.write_text(text.replace(" | Ana Silva |", " |  Ana Silva  |", 1), "utf-8")
    else:
        _age(folder)


def test_the_block_layout_finding_comes_back_when_the_last_row_agrees_again(
    corpus: Path, run_cli: RunCli
) -> None:
    index = corpus / "INDEX.md"
    text = index.read_text("utf-8")
    index.write_text(text.replace(" | Ana Silva |", " |  Ana Silva  |", 1), "utf-8")
    layout = "SC503 [index-table] the index block is not laid out"
    seed = next(corpus.glob("002_*"))
    kept = seed.read_bytes()
    assert layout in run_cli(["validate", "corpus"]).out
    for step in ("edited", "undone", "edited"):
        seed.write_bytes(kept.replace(b"Seed 2", b"Seed Two") if step == "edited" else kept)
        _forget_memo()
        cached = run_cli(["validate", "corpus"])
        assert cached.out == run_cli(["validate", "--no-cache", "corpus"]).out
        # Edited, the row disagrees and says so; undone, every row agrees again.
        assert (layout in cached.out) == (step == "undone")


def test_a_run_that_reused_every_finding_still_has_the_index(corpus: Path, run_cli: RunCli) -> None:
    # The corpus findings come from the cache, and INDEX.md is not parsed for them; the
    # report still sees it (it said "no INDEX.md" before INDEX.md was loaded on demand).
    run_cli(["validate", "corpus"])
    _forget_memo()
    result = run_cli(["report", "corpus", "--format", "markdown"])
    assert "`corpus`: INDEX.md is current" in result.out, result.out


def test_a_fresh_checkout_of_the_same_files_is_answered_by_their_content(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a CI job that restored the cache of an earlier one: every file written anew
    # (new inode, mtime and ctime), none changed.
    expected = run_cli(["validate", "corpus"])
    for path in sorted(corpus.iterdir()):
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)
    _age(corpus)
    _forget_memo()
    checked: list[str] = []
    real = seedcheck.run.seed_worker.check_seed

    def recording(candidate: Any, *args: Any) -> Any:
        checked.append(candidate.name)
        return real(candidate, *args)

    monkeypatch.setattr("seedcheck.run.folder.check_seed", recording)
    assert run_cli(["validate", "corpus"]) == expected
    assert checked == []  # read and hashed, not parsed or checked
    # The records took the new stats: the next run needs no reading at all.
    _forget_memo()
    monkeypatch.setattr(seedcheck.cache.corpus_cache, "read_limited", None)
    assert run_cli(["validate", "corpus"]) == expected
