"""How paths are shown: ``seedcheck.display``."""

from __future__ import annotations

import os
from pathlib import Path

from seedcheck.display import display_path
from tests.conftest import needs_symlinks


def test_inside_the_current_folder_is_relative(tmp_path: Path) -> None:
    path = tmp_path / "seeds" / "000_0123456789abcdef.txt"
    assert display_path(str(path), tmp_path) == "seeds/000_0123456789abcdef.txt"


def test_outside_the_current_folder_is_absolute_with_slashes(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "INDEX.md"
    assert display_path(str(path), tmp_path / "here") == path.as_posix()


@needs_symlinks
def test_relative_to_a_current_folder_reached_through_a_link(tmp_path: Path) -> None:
    """seedcheck resolves what it reads; the folder the user stands in may be a link."""
    real = tmp_path / "real"
    (real / "seeds").mkdir(parents=True)
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    path = Path(os.path.realpath(link / "seeds")) / "INDEX.md"

    assert display_path(str(path), link) == "seeds/INDEX.md"
