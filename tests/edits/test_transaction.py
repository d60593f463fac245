"""A batch of writes is all or nothing: staged, committed by a journal, then renamed.

The unit tests leave a batch in each state a killed run can leave it in; the last tests
kill real ``seedcheck import`` processes at random moments (seeded) and run two imports
at once, then check the corpus as ``validate`` sees it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seedcheck.corpus.lock import release_corpus_locks
from seedcheck.edits.transaction import (
    JOURNAL_NAME,
    STAGING_NAME,
    Staged,
    begin_writing,
    recover,
    write_batch,
)
from seedcheck.errors import SeedcheckError


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_batch_is_written_in_place_and_leaves_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "INDEX.md").write_bytes(b"old")
    (tmp_path / "INDEX.md").chmod(0o640)
    write_batch(tmp_path, [Staged("a.txt", b"A", "/src/a"), Staged("INDEX.md", b"new")])
    assert _names(tmp_path) == ["INDEX.md", "a.txt"]
    assert (tmp_path / "INDEX.md").read_bytes() == b"new"
    assert (tmp_path / "INDEX.md").stat().st_mode & 0o777 == 0o640  # kept its mode
    assert recover(tmp_path) is None


def test_a_batch_killed_before_its_journal_never_happened(tmp_path: Path) -> None:
    staging = tmp_path / STAGING_NAME
    staging.mkdir()
    (staging / "a.txt").write_bytes(b"A")  # staged, not committed
    recovered = recover(tmp_path)
    assert recovered is not None and recovered.finished == ()
    assert _names(tmp_path) == []


def test_a_batch_killed_after_its_journal_is_finished(tmp_path: Path) -> None:
    staging = tmp_path / STAGING_NAME
    staging.mkdir()
    (tmp_path / "a.txt").write_bytes(b"A")  # renamed before the kill
    (staging / "b.txt").write_bytes(b"B")
    (staging / "INDEX.md").write_bytes(b"index")
    files = [["a.txt", "/src/a"], ["b.txt", "/src/b"], ["INDEX.md", ""]]
    (staging / JOURNAL_NAME).write_text(json.dumps({"version": 1, "files": files}))
    recovered = recover(tmp_path)
    assert recovered is not None
    assert recovered.finished == (("a.txt", "/src/a"), ("b.txt", "/src/b"), ("INDEX.md", ""))
    assert _names(tmp_path) == ["INDEX.md", "a.txt", "b.txt"]
    assert (tmp_path / "INDEX.md").read_bytes() == b"index"


def test_a_damaged_journal_cannot_move_files_out_of_the_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    staging = corpus / STAGING_NAME
    staging.mkdir(parents=True)
    (staging / JOURNAL_NAME).write_text(json.dumps({"files": [["../escaped", ""]]}))
    with pytest.raises(SeedcheckError, match="journal is damaged"):
        recover(corpus)
    assert _names(tmp_path) == ["corpus"]


def test_a_batch_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "INDEX.md").write_bytes(b"old")
    with pytest.raises(SeedcheckError, match="nothing was changed"):
        # The same name twice: the second staged copy cannot be created.
        write_batch(tmp_path, [Staged("a.txt", b"A"), Staged("a.txt", b"B")])
    assert _names(tmp_path) == ["INDEX.md"]
    assert (tmp_path / "INDEX.md").read_bytes() == b"old"


# ---------------------------------------------------------------- real processes

SEED = "---\ntitle: Seed {n}\nbyline: Ann Example\n---\nBody {n} " + "word " * 60 + "\n"
ARTICLE = "Article {n}: {title}\n\nBy Ann Example\n\n" + "Text {n} {title} " * 40 + "\n"


def _project(root: Path, seeds: int = 5) -> Path:
    (root / "seedcheck.toml").write_text('corpus = "seeds"\n', encoding="utf-8")
    corpus = root / "seeds"
    corpus.mkdir()
    for n in range(seeds):
        (corpus / f"{n:03d}_{n:016x}.txt").write_text(SEED.format(n=n), encoding="utf-8")
    assert _seedcheck(root, "index").returncode == 0
    return corpus


def _articles(root: Path, count: int, title: str) -> list[str]:
    folder = root / f"raw-{title}"
    folder.mkdir()
    names = []
    for n in range(count):
        path = folder / f"{n}.txt"
        path.write_text(ARTICLE.format(n=n, title=title), encoding="utf-8")
        names.append(str(path))
    return names


def _seedcheck(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SEEDCHECK_CACHE_DIR": str(root / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "seedcheck", *args],
        check=False,
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _consistent(root: Path, expected_seeds: int) -> None:
    """Every seed numbered once and listed in INDEX.md, nothing staged or half-written."""
    corpus = root / "seeds"
    seeds = [p for p in corpus.iterdir() if p.suffix == ".txt"]
    assert len(seeds) == expected_seeds
    assert not (corpus / STAGING_NAME).exists()
    assert not [p for p in corpus.iterdir() if p.name.endswith(".seedcheck-tmp")]
    checked = _seedcheck(root, "validate", "--select", "SC5,SC6", "--format", "json")
    assert json.loads(checked.stdout) == [], checked.stdout


def test_an_import_killed_at_any_moment_is_all_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(24)
    killed = 0
    for round_ in range(4):
        root = tmp_path / f"round-{round_}"
        root.mkdir()
        _project(root)
        files = _articles(root, 12, f"r{round_}")
        env = {**os.environ, "SEEDCHECK_CACHE_DIR": str(root / "cache")}
        child = subprocess.Popen(
            [sys.executable, "-m", "seedcheck", "import", "--corpus", "seeds", *files],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 1.2))
        finished = child.poll() is not None
        child.kill()
        child.wait()
        if not finished:
            # Killed at any moment, the same import run again finishes the job.
            again = _seedcheck(root, "import", "--corpus", "seeds", *files)
            # Refused as duplicates only when the killed run had written its whole batch
            # (killed while it reported): _consistent then finds every seed there.
            assert again.returncode in (0, 1) or "an exact duplicate" in again.stderr, again.stderr
            killed += 1
        _consistent(root, 5 + 12)
        shutil.rmtree(root)
    assert killed  # at least one kill came before the import ended


def test_two_imports_at_once_never_share_a_number(tmp_path: Path) -> None:
    for round_ in range(3):
        root = tmp_path / f"round-{round_}"
        root.mkdir()
        _project(root)
        first, second = _articles(root, 6, "first"), _articles(root, 6, "second")
        env = {**os.environ, "SEEDCHECK_CACHE_DIR": str(root / "cache")}
        children = [
            subprocess.Popen(
                [sys.executable, "-m", "seedcheck", "import", "--corpus", "seeds", *files],
                cwd=root,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for files in (first, second)
        ]
        for child in children:
            _, err = child.communicate(timeout=120)
            assert child.returncode in (0, 1), err
        _consistent(root, 5 + 12)
        shutil.rmtree(root)


def test_a_writer_removes_the_temporary_files_a_killed_run_left(tmp_path: Path) -> None:
    left = tmp_path / ".INDEX.md.a1b2c3d4.seedcheck-tmp"
    left.write_bytes(b"half")
    kept = [".gitkeep", ".INDEX.md.short.seedcheck-tmp", "001_0000000000000001.txt"]
    for name in kept:
        (tmp_path / name).write_bytes(b"x")
    try:
        assert begin_writing(tmp_path, say=print) is None
    finally:
        release_corpus_locks()
    assert _names(tmp_path) == sorted(kept)
