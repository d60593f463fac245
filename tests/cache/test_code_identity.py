"""code_identity: which code made a cached result."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from seedcheck import __version__
from seedcheck.cache import code_identity

PACKAGE = Path(code_identity.__file__).parents[1]


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    code_identity.code_identity.cache_clear()
    yield
    code_identity.code_identity.cache_clear()


def test_the_identity_names_the_version_and_python() -> None:
    identity = code_identity.code_identity()
    assert identity.startswith(f"{__version__} {sys.version_info[0]}.{sys.version_info[1]} ")
    versions = dict(code_identity._library_versions())
    assert {"markdown_it", "pydantic", "yaml"} <= versions.keys()
    assert not versions["pydantic"].startswith(("absent", "source"))


def test_another_library_version_is_another_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    first = code_identity.code_identity()
    real = code_identity._library_versions
    monkeypatch.setattr(
        code_identity,
        "_library_versions",
        lambda: [(n, "0.0.1" if n == "markdown_it" else v) for n, v in real()],
    )
    code_identity.code_identity.cache_clear()
    assert code_identity.code_identity() != first


def test_the_same_code_installed_anew_has_the_same_identity(tmp_path: Path) -> None:
    # A copy of the package, as a new install writes it (new mtimes and inodes), and the
    # copy edited: the first has the original's identity, the second does not.
    def identity_of(package_parent: Path, cache: Path) -> str:
        program = (
            "import sys, pathlib; from seedcheck.cache.code_identity import code_identity; "
            "print(code_identity(pathlib.Path(sys.argv[1])))"
        )
        env = {**os.environ, "PYTHONPATH": str(package_parent)}
        done = subprocess.run(
            [sys.executable, "-c", program, str(cache)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    one, two = tmp_path / "one", tmp_path / "two"
    for copy in (one, two):
        shutil.copytree(PACKAGE, copy / "seedcheck", ignore=shutil.ignore_patterns("__pycache__"))
    first = identity_of(one, tmp_path / "cache-one")
    assert identity_of(two, tmp_path / "cache-two") == first
    assert identity_of(two, tmp_path / "cache-two") == first  # now from its kept copy
    edited = two / "seedcheck" / "rules" / "base.py"
    edited.write_text(edited.read_text("utf-8") + "\n# an edit\n", "utf-8")
    assert identity_of(two, tmp_path / "cache-two") != first


def test_the_identity_is_kept_by_the_files_stats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cache").mkdir()
    first = code_identity.code_identity(tmp_path / "cache")
    assert (tmp_path / "cache" / code_identity.MEMO_NAME).is_file()
    code_identity.code_identity.cache_clear()

    def unread() -> str:
        raise AssertionError("worked out again although no stat changed")

    monkeypatch.setattr(code_identity, "_identity", unread)
    assert code_identity.code_identity(tmp_path / "cache") == first


def test_code_that_cannot_be_identified_matches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable() -> list[tuple[str, int, int, int, int]]:
        raise PermissionError("denied")

    monkeypatch.setattr(code_identity, "_package_stats", unreadable)
    one = code_identity.code_identity()
    code_identity.code_identity.cache_clear()
    assert "unidentified" in one
    assert code_identity.code_identity() != one
