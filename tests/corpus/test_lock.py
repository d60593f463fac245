"""The writers' lock: a second writer waits, says so, and gives up with a clear error."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from seedcheck.corpus.lock import (
    corpus_lock,
    hold_corpus_lock,
    release_corpus_locks,
    wait_seconds,
)
from seedcheck.errors import SeedcheckError

# Takes the lock on the folder in argv[1], says so, and holds it until stdin closes.
HOLDER = """
import sys
from pathlib import Path
from seedcheck.corpus.lock import corpus_lock
with corpus_lock(Path(sys.argv[1]), waiting=print):
    print("held", flush=True)
    sys.stdin.read()
"""


def _holder(folder: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "held\n"
    return child


def test_a_second_writer_waits_then_gives_up(tmp_path: Path) -> None:
    child = _holder(tmp_path)
    told: list[str] = []
    try:
        start = time.monotonic()
        with (
            pytest.raises(SeedcheckError, match="another seedcheck has been writing"),
            corpus_lock(tmp_path, waiting=told.append, timeout=0.3),
        ):
            pass
        assert time.monotonic() - start >= 0.3
    finally:
        child.communicate("")
    assert len(told) == 1 and told[0].startswith("waiting for another seedcheck")


def test_the_lock_is_free_once_its_holder_ends(tmp_path: Path) -> None:
    child = _holder(tmp_path)
    child.kill()  # as kill -9 would: the system releases the lock
    child.communicate()
    told: list[str] = []
    with corpus_lock(tmp_path, waiting=told.append, timeout=5):
        pass
    assert told == []
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing left in the folder


def test_a_writer_waiting_gets_the_lock_when_it_is_released(tmp_path: Path) -> None:
    child = _holder(tmp_path)
    assert child.stdin is not None
    told: list[str] = []
    threading.Timer(0.3, child.stdin.close).start()  # the holder ends in 0.3 s
    with corpus_lock(tmp_path, waiting=told.append, timeout=10):
        assert child.wait(5) == 0  # it had ended before this writer got the lock
    assert len(told) == 1


def test_a_folder_that_cannot_be_opened_is_an_error(tmp_path: Path) -> None:
    with (
        pytest.raises(SeedcheckError, match="cannot lock the corpus folder"),
        corpus_lock(tmp_path / "missing", waiting=print, timeout=0),
    ):
        pass


def test_the_wait_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEEDCHECK_LOCK_TIMEOUT", "2.5")
    assert wait_seconds() == 2.5
    monkeypatch.setenv("SEEDCHECK_LOCK_TIMEOUT", "soon")
    assert wait_seconds() == 120.0


def test_a_held_lock_lasts_until_released(tmp_path: Path) -> None:
    hold_corpus_lock(tmp_path, waiting=print)
    try:
        # A second descriptor, as another process would have: the lock is taken.
        with (
            pytest.raises(SeedcheckError),
            corpus_lock(tmp_path, waiting=lambda _: None, timeout=0),
        ):
            pass
    finally:
        release_corpus_locks()
    with corpus_lock(tmp_path, waiting=print, timeout=0):
        pass
