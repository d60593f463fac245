"""The cyclic collector is paused where a run rebuilds cached values, and only there."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import seedcheck.cache.corpus_cache
import seedcheck.run.folder
from seedcheck.cache.collector_pause import collector_paused
from tests.conftest import RunCli, memo_files


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_on_again_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_on_again_after_an_error() -> None:
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("x")
    assert gc.isenabled()


def test_an_inner_pause_leaves_the_outer_one() -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def _recording(seen: dict[str, list[bool]], name: str, function: Callable[..., Any]) -> Any:
    def recorded(*args: Any, **kwargs: Any) -> Any:
        seen.setdefault(name, []).append(gc.isenabled())
        return function(*args, **kwargs)

    return recorded


def test_a_run_pauses_it_for_cached_records_and_not_for_checking(
    isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = isolated / "corpus"
    corpus.mkdir()
    for number in range(4):
        words = " ".join(f"w{number}x{i}" for i in range(40))
        text = f"---\ntitle: Seed {number}\nbyline: Ana Silva\n---\n{words}.\n"
        (corpus / f"{number:03d}_{number:016x}.txt").write_text(text, encoding="utf-8")
    assert run_cli(["index", "corpus"]).code == 0
    hour_ago = time.time_ns() - 3600 * 10**9
    for path in corpus.iterdir():
        os.utime(path, ns=(hour_ago, hour_ago))  # old enough for the cache to trust
    expected = run_cli(["validate", "corpus"])
    edited = corpus / "001_0000000000000001.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Seed 1", "Seed Y"), "utf-8")
    os.utime(edited, ns=(hour_ago, hour_ago + 10**9))
    for memo in memo_files():
        memo.unlink()  # so that the per-corpus cache answers, not the run memo

    seen: dict[str, list[bool]] = {}
    folder_check = seedcheck.run.folder
    for module, name in (
        (folder_check, "list_folder"),
        (folder_check, "check_seed"),  # parses and checks the edited seed
        (folder_check, "check_corpus_reusing"),
        (seedcheck.cache.corpus_cache, "from_parsed"),  # INDEX.md from its cached record
    ):
        monkeypatch.setattr(module, name, _recording(seen, name, getattr(module, name)))
    load = seedcheck.cache.corpus_cache.CorpusCache._load
    monkeypatch.setattr(
        seedcheck.cache.corpus_cache.CorpusCache, "_load", _recording(seen, "_load", load)
    )

    result = run_cli(["validate", "corpus"])
    assert "SC507" in result.out and result.out != expected.out
    assert seen == {
        "list_folder": [False],
        "_load": [False],
        "check_seed": [True],
        "from_parsed": [False],
        "check_corpus_reusing": [True],
    }
    assert gc.isenabled()
