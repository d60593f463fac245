"""Where the cache lives; apart from the cache itself, so that the CLI can name it in
``--help`` without importing what reading a cache needs."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_DIR_NAME = ".seedcheck_cache"
CACHE_DIR_ENV = "SEEDCHECK_CACHE_DIR"


def cache_root(project_root: Path) -> Path:
    """The cache folder: ``$SEEDCHECK_CACHE_DIR``, or ``.seedcheck_cache`` in the project."""
    chosen = os.environ.get(CACHE_DIR_ENV)
    return Path(chosen) if chosen else project_root / CACHE_DIR_NAME
