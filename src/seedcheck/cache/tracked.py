"""Whether git tracks anything inside the cache folder: a cache committed to the
repository is the repository's, so untrusted, and not used.

A pull request can commit a ``.seedcheck_cache`` of its own; a run that believed it
would report the state the cache describes, not the corpus's. The check reads git's
index file directly rather than running ``git ls-files`` (a process start, 5 ms or more,
on every run): in index versions 2 and 3 every tracked path is stored whole, right after
its entry's flags, whose low 12 bits are the path's length, so a search of the file for
the cache folder's path, with that check at each hit, finds a tracked file inside it in
about a millisecond at 100,000 tracked files (see the README for the figures). Version 4
compresses paths against the previous entry (``feature.manyFiles``), and a split index
keeps its entries in a second file; for those, ``git ls-files`` answers.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import stat
import struct
from pathlib import Path

_FLAGS = struct.Struct(">H")
_NAME_MASK = 0x0FFF  # a path this long or longer is stored with 0xFFF
_EXTENDED = 0x4000
_HEADER = struct.Struct(">4sII")
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_READ_FLAGS |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
# No index of a real repository comes near this; a larger file is not git's.
_MAX_INDEX = 1 << 31


def tracking_repository(folder: Path) -> Path | None:
    """The repository (its top folder) whose git index tracks a file inside ``folder``,
    or None: none does, ``folder`` is in no repository, or git's index cannot be read."""
    found = _repository(folder)
    if found is None:
        return None
    top, git_dir = found
    try:
        inside = Path(os.path.abspath(folder)).relative_to(top).as_posix()
    except ValueError:
        return None
    prefix = inside.encode("utf-8", errors="surrogateescape") + b"/"
    answer = None if _split_index(git_dir) else _search_index(git_dir / "index", prefix)
    if answer is None:
        answer = _ls_files(top, inside)
    return top if answer else None


def _repository(folder: Path) -> tuple[Path, Path] | None:
    """The nearest folder above ``folder`` holding ``.git``, and its git folder."""
    start = Path(os.path.abspath(folder))
    for top in start.parents:
        dot_git = top / ".git"
        try:
            info = os.lstat(dot_git)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            return top, dot_git
        if stat.S_ISREG(info.st_mode):  # a work tree or submodule: "gitdir: PATH"
            try:
                text = dot_git.read_text(encoding="utf-8", errors="replace")[:4096]
            except OSError:
                return None
            if text.startswith("gitdir: "):
                return top, top / text[len("gitdir: ") :].strip()
        return None
    return None


def _split_index(git_dir: Path) -> bool:
    """Whether the index keeps entries in a shared index file (core.splitIndex)."""
    try:
        return any(name.startswith("sharedindex.") for name in os.listdir(git_dir))
    except OSError:
        return False


def _search_index(index: Path, prefix: bytes) -> bool | None:
    """Whether the index file tracks a path starting with ``prefix``; None when this
    reading cannot tell (another version, or a file that is not git's index)."""
    try:
        fd = os.open(index, _READ_FLAGS)
    except FileNotFoundError:
        return False  # a repository with nothing added yet
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_INDEX:
            return None
        if info.st_size < _HEADER.size:
            return False
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as data:
            signature, version, _ = _HEADER.unpack_from(data)
            if signature != b"DIRC" or version not in (2, 3):
                return None
            return _has_entry(data, prefix, version)
    except (OSError, ValueError, struct.error):
        return None
    finally:
        os.close(fd)


def _has_entry(data: mmap.mmap, prefix: bytes, version: int) -> bool:
    at = data.find(prefix, _HEADER.size)
    while at >= 0:
        end = data.find(b"\0", at)
        length = (end if end >= 0 else len(data)) - at
        # The flags just before the path (version 3: or the extended flags after them).
        for back in (2, 4) if version == 3 else (2,):
            if at - back < _HEADER.size:
                continue
            (flags,) = _FLAGS.unpack_from(data, at - back)
            if back == 4 and not flags & _EXTENDED:
                continue
            if flags & _NAME_MASK == min(length, _NAME_MASK):
                return True
        at = data.find(prefix, at + 1)
    return False


def _ls_files(top: Path, inside: str) -> bool:
    """Whether ``git ls-files`` lists a file inside ``inside``; False without git."""
    import subprocess  # only for the indexes read above cannot answer

    with contextlib.suppress(OSError, subprocess.SubprocessError):
        done = subprocess.run(
            ["git", "-C", str(top), "ls-files", "-z", "--", f":(literal){inside}/"],
            capture_output=True,
            timeout=10,
            check=False,
        )
        return done.returncode == 0 and bool(done.stdout)
    return False
