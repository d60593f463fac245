"""Which code made a cached result: seedcheck's version, its source and its libraries.

A development checkout (an editable install) changes the code without changing the
version, and a cache made by other code must not answer for it. The identity is a digest
of the package's ``.py`` files' contents and of the versions of the libraries whose
behaviour shows in findings (an upgrade of markdown-it-py changed how table cells are
trimmed), so that the same code installed anew (a CI job's ``pip install``, which
rewrites every file) has the same identity and can use a cache restored from an earlier
job.

Reading every source file costs about 15 ms a run, so the identity is kept in the cache
root by a digest of the files' stats (2 ms): it is worked out again only when a stat
changes, as after an install or an edit.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import os
import sys
import time
from pathlib import Path

from seedcheck import __version__
from seedcheck.cache.file import read_checked, saving, write_checked
from seedcheck.cache.location import cache_usable

# The libraries whose behaviour shows in findings, each with its distribution's name.
LIBRARIES = {
    "pydantic": "pydantic",
    "pydantic_core": "pydantic_core",
    "yaml": "PyYAML",
    "markdown_it": "markdown-it-py",
    "ftfy": "ftfy",
    "numpy": "numpy",
    "regex": "regex",
    "rensa": "rensa",
}
MEMO_NAME = "code-identity"
_MAGIC = b"seedcheck code identity 1\n"
_KEPT = 8  # identities kept by stat digest: a few installs or checkouts at once


@functools.cache
def code_identity(root: Path | None = None) -> str:
    """seedcheck's version, Python's, and a digest of the package's source and of the
    libraries it checks with; one that matches nothing if a file cannot be read.

    ``root`` is the cache root, where the identity is kept by the files' stats.
    """
    try:
        stats = repr(_package_stats() + _library_stats()).encode()
    except OSError:
        # Never the same twice: a cache cannot answer for code it could not identify.
        return f"{__version__} unidentified {time.time_ns()}"
    by_stats = hashlib.blake2b(stats, digest_size=16).hexdigest()
    kept = _kept(root)
    identity = kept.get(by_stats)
    if identity is None:
        try:
            identity = _identity()
        except OSError:
            return f"{__version__} unidentified {time.time_ns()}"
        if root is not None:
            kept = dict(list(kept.items())[-(_KEPT - 1) :])
            kept[by_stats] = identity
            _keep(root, kept)
    return identity


def _identity() -> str:
    digest = hashlib.blake2b(digest_size=8)
    package = _package()
    for path in _package_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    digest.update(repr(_library_versions()).encode())
    return f"{__version__} {sys.version_info[0]}.{sys.version_info[1]} {digest.hexdigest()}"


def _package() -> Path:
    return Path(__file__).parent.parent  # the seedcheck package, above cache/


def _package_files(package: Path) -> list[Path]:
    found = []

    def unreadable(error: OSError) -> None:
        raise error  # os.walk would skip the folder, and the identity miss its files

    for folder, subfolders, files in os.walk(package, onerror=unreadable):
        subfolders.sort()
        found += [Path(folder, name) for name in sorted(files) if name.endswith(".py")]
    return found


def _package_stats() -> list[tuple[str, int, int, int, int]]:
    package = _package()
    described = []
    for path in _package_files(package):
        info = path.stat()
        relative = path.relative_to(package).as_posix()
        # The ctime too: a write moves it, and no tool sets it back (an mtime kept by
        # `touch -r` or `rsync -a`, or two writes in one coarse clock step, would not).
        stat = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
        described.append((relative, *stat))
    return described


def _library_origin(name: str) -> str | None:
    spec = importlib.util.find_spec(name)
    return spec.origin if spec is not None else None


def _library_stats() -> list[tuple[str, int, int, int]]:
    described = []
    for name in LIBRARIES:
        origin = _library_origin(name)
        if origin is None:
            described.append((name, -1, -1, -1))  # not installed, or a namespace package
            continue
        info = Path(origin).stat()
        described.append((name, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
    return described


def _library_versions() -> list[tuple[str, str]]:
    """Each library's installed version; for one installed without its metadata (a
    source checkout on the path), a digest of its ``__init__.py``."""
    versions = []
    for name, distribution in LIBRARIES.items():
        try:
            versions.append((name, importlib.metadata.version(distribution)))
            continue
        except importlib.metadata.PackageNotFoundError:
            pass
        origin = _library_origin(name)
        if origin is None:
            versions.append((name, "absent"))
        else:
            content = hashlib.blake2b(Path(origin).read_bytes(), digest_size=8).hexdigest()
            versions.append((name, f"source {content}"))
    return versions


def _kept(root: Path | None) -> dict[str, str]:
    """The identities kept in the cache root, by stat digest ({} if none or not usable)."""
    if root is None or not root.is_dir() or not cache_usable(root):
        return {}
    kept = read_checked(root / MEMO_NAME, _MAGIC, key=MEMO_NAME)
    if not isinstance(kept, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in kept.items()
    ):
        return {}
    return kept


def _keep(root: Path, kept: dict[str, str]) -> None:
    with saving(root, root) as free:
        if free:
            write_checked(root / MEMO_NAME, _MAGIC, kept, key=MEMO_NAME, root=root)
