"""Where the cache lives; apart from the cache itself, so that the CLI can name it in
``--help`` without importing what reading a cache needs."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from seedcheck.text.excerpt import escape

CACHE_DIR_NAME = ".seedcheck_cache"
CACHE_DIR_ENV = "SEEDCHECK_CACHE_DIR"


def cache_root(project_root: Path) -> Path:
    """The cache folder: ``$SEEDCHECK_CACHE_DIR``, or ``.seedcheck_cache`` in the project."""
    chosen = os.environ.get(CACHE_DIR_ENV)
    return Path(chosen) if chosen else project_root / CACHE_DIR_NAME


# The warnings given: each is said once a process, however many files a run reads.
_warned: set[str] = set()


def cache_usable(root: Path, folder: Path | None = None) -> bool:
    """Whether the cache folder ``root``, and ``folder`` inside it, may be used.

    A repository is untrusted, and may commit a ``.seedcheck_cache`` of its own: the
    root and every folder from it down to ``folder`` must be a real directory (not a
    symbolic link that would steer writes and deletions elsewhere) owned by this
    process's user. If not, the cache is not used, with one warning. Folders not there
    yet are made by the first write, and are fine.
    """
    problem = _problem(root, root if folder is None else folder)
    advice = "remove the folder, or pass --no-cache"
    if problem is None:
        problem = _tracked(root)
        advice = f"untrack it: git rm -r --cached {escape(str(root))}; or pass --no-cache"
    if problem is None:
        return True
    warning = (
        f"seedcheck: warning: {escape(str(root))}: {problem}; the cache is off for this run "
        f"({advice})"
    )
    if warning not in _warned:
        _warned.add(warning)
        print(warning, file=sys.stderr)
    return False


# Whether git tracks files in each cache root asked about: read once a process.
_tracked_roots: dict[str, str | None] = {}


def _tracked(root: Path) -> str | None:
    """What is wrong if git tracks files inside the cache folder ``root``.

    A cache committed to the repository (by a pull request, say) is the repository's,
    not this machine's record of it: its entries could make a run report a state the
    corpus is not in. Not there yet, it is made by this run, and tracks nothing.
    """
    key = os.path.abspath(root)
    if key not in _tracked_roots:
        from seedcheck.cache.tracked import tracking_repository

        found = tracking_repository(root) if root.is_dir() else None
        _tracked_roots[key] = (
            None if found is None else "holds files tracked by git (committed to the repository)"
        )
    return _tracked_roots[key]


def _problem(root: Path, folder: Path) -> str | None:
    current = root
    for name in ("", *folder.relative_to(root).parts):
        current = current / name if name else root
        try:
            info = os.lstat(current)
        except (FileNotFoundError, NotADirectoryError):
            return None  # made by the first write, or that write fails and is skipped
        except OSError as exc:
            return f"cannot be read ({exc.strerror})"
        problem = _folder_problem(info)
        if problem is not None:
            inner = current.relative_to(root).as_posix()
            return problem if current == root else f"{escape(inner)} inside it {problem}"
    return None


def _folder_problem(info: os.stat_result) -> str | None:
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link, not a folder"
    if not stat.S_ISDIR(info.st_mode):
        return "is not a folder"
    owner = getattr(os, "geteuid", None)  # POSIX; Windows has no owner ids to compare
    if owner is not None and info.st_uid != owner():
        return f"belongs to another user (uid {info.st_uid})"
    return None
