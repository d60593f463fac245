"""Which code made a cached result: seedcheck's version and its source files' stats.

A development checkout (an editable install) changes the code without changing the
version, and a cache made by other code must not answer for it. Stating the package's
files costs about 2 ms; a reinstall, which rewrites them, also starts the caches afresh.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path

from seedcheck import __version__


@functools.cache
def code_identity() -> str:
    """seedcheck's version, Python's, and a digest of the package's ``.py`` files."""
    package = Path(__file__).parent
    described = []
    for folder, subfolders, files in os.walk(package):
        subfolders.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder, name)
                info = path.stat()
                described.append(
                    (path.relative_to(package).as_posix(), info.st_size, info.st_mtime_ns)
                )
    digest = hashlib.blake2b(repr(described).encode(), digest_size=8).hexdigest()
    return f"{__version__} {sys.version_info[0]}.{sys.version_info[1]} {digest}"
