"""code_identity: which code made a cached result."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedcheck import __version__
from seedcheck.cache import code_identity


def test_the_identity_names_the_version_and_changes_with_a_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = code_identity._package_files() + code_identity._libraries()
    assert code_identity.code_identity().startswith(f"{__version__} ")
    names = {entry[0] for entry in first}
    assert {"cli.py", "rules/base.py", "markdown_it", "pydantic"} <= names
    # A library found elsewhere (an upgrade rewrites its files) is another identity.
    real = Path.stat

    def later(path: Path, **kwargs: object) -> object:
        info = real(path)
        if path.name == "__init__.py" and "markdown_it" in path.parts:
            return type("Stat", (), {"st_size": info.st_size, "st_mtime_ns": 1})()
        return info

    monkeypatch.setattr(Path, "stat", later)
    assert code_identity._package_files() + code_identity._libraries() != first


def test_code_that_cannot_be_identified_matches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable() -> list[tuple[str, int, int]]:
        raise PermissionError("denied")

    monkeypatch.setattr(code_identity, "_package_files", unreadable)
    code_identity.code_identity.cache_clear()
    try:
        one = code_identity.code_identity()
        code_identity.code_identity.cache_clear()
        assert "unidentified" in one
        assert code_identity.code_identity() != one
    finally:
        code_identity.code_identity.cache_clear()
