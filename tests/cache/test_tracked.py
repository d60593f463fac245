"""A cache folder committed to the repository is refused (issue 24, item 4)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import seedcheck.cache.file
import seedcheck.cache.location
import seedcheck.cache.run_memo
from seedcheck.cache.tracked import tracking_repository
from tests.conftest import RunCli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DAY_NS = 86_400 * 10**9


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"},
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    return tmp_path


def _commit(repo: Path, *paths: str) -> None:
    _git(repo, "add", "-f", "--", *paths)
    _git(repo, "commit", "-q", "-m", "commit")


@pytest.mark.parametrize("version", ["2", "3", "4"])
def test_a_file_tracked_inside_the_folder_is_found(repo: Path, version: str) -> None:
    for name in ("sub/.seedcheck_cache/v/files-00", "other-sub/.seedcheck_cache/x", "a/b"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("x\n", encoding="utf-8")
    _commit(repo, "other-sub", "a/b")
    # Intent to add: an entry with extended flags (version 3), the path right after them.
    _git(repo, "add", "-N", "-f", "--", "sub/.seedcheck_cache/v/files-00")
    _git(repo, "update-index", "--index-version", version)
    assert tracking_repository(repo / "sub" / ".seedcheck_cache") == repo
    assert tracking_repository(repo / "other-sub" / ".seedcheck_cache") == repo
    # "other-sub/.seedcheck_cache/" holds "sub/.seedcheck_cache/", but not as a path.
    _git(repo, "rm", "-q", "--cached", "--", "sub/.seedcheck_cache/v/files-00")
    assert tracking_repository(repo / "sub" / ".seedcheck_cache") is None
    assert tracking_repository(repo / "a") == repo
    assert tracking_repository(repo / "a" / "b") is None  # a file, not a folder holding one
    assert tracking_repository(repo / "elsewhere") is None


def test_no_repository_or_an_empty_one_tracks_nothing(tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    assert tracking_repository(tmp_path / "cache") is None
    _git(tmp_path, "init", "-q")  # no index file yet
    assert tracking_repository(tmp_path / "cache") is None


def test_a_work_tree_and_a_split_index_are_answered(repo: Path) -> None:
    (repo / "cache").mkdir()
    (repo / "cache" / "f").write_text("x\n", encoding="utf-8")
    _commit(repo, "cache")
    tree = repo.parent / f"{repo.name}-tree"
    _git(repo, "worktree", "add", "-q", str(tree))
    assert (tree / ".git").is_file()
    assert tracking_repository(tree / "cache") == tree
    _git(repo, "update-index", "--split-index")
    assert tracking_repository(repo / "cache") == repo


def _seed(folder: Path, number: int, body: str) -> Path:
    path = folder / f"{number:03d}_{number:016x}.txt"
    path.write_text(f"---\ntitle: Seed {number}\nbyline: Ana Silva\n---\n{body}\n", "utf-8")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - DAY_NS))
    return path


def test_a_committed_cache_folder_is_neither_read_nor_written(
    repo: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SEEDCHECK_CACHE_DIR")
    monkeypatch.setattr(seedcheck.cache.location, "_tracked_roots", {})
    monkeypatch.setattr(seedcheck.cache.location, "_warned", set())
    monkeypatch.chdir(repo)
    (repo / "seedcheck.toml").write_text("body-min-words = 0\n", encoding="utf-8")
    seeds = repo / "seeds"
    seeds.mkdir()
    for number in range(3):
        _seed(seeds, number, f"Words of seed {number}.")
    assert run_cli(["index"]).code == 0
    clean = run_cli(["validate"])
    assert (clean.code, clean.err) == (0, "")
    cache = repo / ".seedcheck_cache"
    assert (
        cache.is_dir() and _git(repo, "status", "--porcelain", "--ignored", "--", str(cache)) != ""
    )
    # A pull request commits the cache folder as it is (the .gitignore in it says '*').
    _commit(repo, ".seedcheck_cache")
    monkeypatch.setattr(seedcheck.cache.location, "_tracked_roots", {})
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*")}
    opened: list[Path] = []
    open_cache_file = seedcheck.cache.file.open_cache_file

    def recording(path: Path) -> object:
        opened.append(path)
        return open_cache_file(path)

    monkeypatch.setattr(seedcheck.cache.file, "open_cache_file", recording)
    monkeypatch.setattr(seedcheck.cache.run_memo, "open_cache_file", recording)
    _seed(seeds, 1, "Words of seed one  ")  # trailing blanks: a finding
    expected = run_cli(["validate", "--no-cache"])
    assert expected.code == 1
    first = run_cli(["validate"])
    second = run_cli(["validate"])
    assert (first.code, first.out) == (second.code, second.out) == (1, expected.out)
    assert first.err == (
        f"seedcheck: warning: {cache}: holds files tracked by git (committed to the "
        "repository); the cache is off for this run (untrack it: git rm -r --cached "
        f"{cache}; or pass --no-cache)\n"
    )
    assert second.err == ""  # said once a process
    assert opened == []
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*")} == before
    # Untracked again (and so ignored, by its .gitignore), it is the cache once more.
    _git(repo, "rm", "-r", "-q", "--cached", "--", ".seedcheck_cache")
    monkeypatch.setattr(seedcheck.cache.location, "_tracked_roots", {})
    assert run_cli(["validate"]) == expected
    assert opened != []
