"""Which code made a cached result: seedcheck's version and its source files' stats.

A development checkout (an editable install) changes the code without changing the
version, and a cache made by other code must not answer for it. Stating the package's
files costs about 2 ms; a reinstall, which rewrites them, also starts the caches afresh.
The libraries whose behaviour shows in findings (an upgrade of markdown-it-py changed how
table cells are trimmed) are identified the same way, by the stat of their
``__init__.py``, found without importing them.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import sys
import time
from pathlib import Path

from seedcheck import __version__

LIBRARIES = ("pydantic", "pydantic_core", "yaml", "markdown_it", "ftfy", "numpy")


@functools.cache
def code_identity() -> str:
    """seedcheck's version, Python's, and a digest of the package's ``.py`` files and
    of the libraries it checks with; one that matches nothing if a file cannot be read."""
    try:
        described = _package_files() + _libraries()
    except OSError:
        # Never the same twice: a cache cannot answer for code it could not identify.
        return f"{__version__} unidentified {time.time_ns()}"
    digest = hashlib.blake2b(repr(described).encode(), digest_size=8).hexdigest()
    return f"{__version__} {sys.version_info[0]}.{sys.version_info[1]} {digest}"


def _package_files() -> list[tuple[str, int, int]]:
    package = Path(__file__).parent.parent  # the seedcheck package, above cache/
    described = []

    def unreadable(error: OSError) -> None:
        raise error  # os.walk would skip the folder, and the identity miss its files

    for folder, subfolders, files in os.walk(package, onerror=unreadable):
        subfolders.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder, name)
                info = path.stat()
                described.append(
                    (path.relative_to(package).as_posix(), info.st_size, info.st_mtime_ns)
                )
    return described


def _libraries() -> list[tuple[str, int, int]]:
    described = []
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        if origin is None:
            described.append((name, -1, -1))  # not installed, or a namespace package
            continue
        info = Path(origin).stat()
        described.append((name, info.st_size, info.st_mtime_ns))
    return described
