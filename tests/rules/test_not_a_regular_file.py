"""not-a-regular-file names what must be a regular file: a seed, INDEX.md or README.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunCli, needs_symlinks

SEED = "000_0123456789abcdef.txt"


@needs_symlinks
@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("INDEX.md", "INDEX.md must be a regular file"),
        ("README.md", "README.md must be a regular file"),
        (SEED, "seeds must be regular files"),
    ],
)
def test_message_names_the_kind_of_file(
    name: str, what: str, isolated: Path, run_cli: RunCli
) -> None:
    seeds = isolated / "seeds"
    seeds.mkdir()
    (isolated / "elsewhere.md").write_text("x\n", encoding="utf-8")
    (seeds / name).symlink_to(isolated / "elsewhere.md")

    result = run_cli(["validate", "--quiet", "--select", "not-a-regular-file", "seeds"])

    assert result.out == (
        f"seeds/{name}:1:1: SC109 [not-a-regular-file] a symbolic link, not a regular file; "
        f"{what}\n"
    )
    assert result.code == 1
