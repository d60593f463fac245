"""Writing a file so that a reader sees the old bytes or the new ones, never half of each."""

from __future__ import annotations

from pathlib import Path

from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError


def temporary_path(path: Path) -> Path:
    """Where ``path`` is written first: a dotfile beside it, which a corpus ignores."""
    return path.with_name(f".{path.name}.seedcheck-tmp")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file in the same folder, then rename it over ``path``."""
    temporary = temporary_path(path)
    try:
        with temporary.open("wb") as fh:
            fh.write(data)
        temporary.replace(path)  # os.replace: atomic within one folder
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise SeedcheckError(
            f"{display_path(str(path))}: cannot write: {exc.strerror or exc}"
        ) from None
