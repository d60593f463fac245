"""Reading a corpus entry's bytes safely.

A file is opened without following a symbolic link and without blocking (a FIFO must
not hang the run), checked to be a regular file on the open descriptor, and read up to
a limit, so that a huge file costs at most the limit in memory.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_FLAGS |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class ReadResult:
    """What reading gave: the bytes, or why there are none.

    ``too_large`` is set when the file holds more than the limit; ``data`` then holds
    only the first ``limit`` bytes.
    """

    data: bytes | None
    size: int
    too_large: bool = False
    error: str | None = None
    not_regular: str | None = None


def describe_mode(mode: int) -> str | None:
    """What kind of non-regular file ``mode`` is, or None for a regular file."""
    if stat.S_ISREG(mode):  # nearly every file; a listing asks this of each
        return None
    kinds = (
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    for test, label in kinds:
        if test(mode):
            return label
    return "not a regular file"


def _entry_kind(path: Path) -> str | None:
    try:
        return describe_mode(os.lstat(path).st_mode)
    except OSError:
        return None


class RefusedFileError(OSError):
    """A file that is not read: not a regular file, or larger than the limit."""


def read_whole(path: Path, limit: int) -> bytes:
    """All the bytes of the regular file at ``path``, read as the corpus is.

    For every file seedcheck reads besides the corpus (settings, schemas): a symbolic
    link (to ``/proc/self/environ``, say), a FIFO or a device is refused, and so is a
    file over ``limit`` bytes. Raises OSError (:class:`RefusedFileError` for those).
    """
    result = read_limited(path, limit)
    if result.not_regular is not None:
        raise RefusedFileError(f"it is {result.not_regular}, not a regular file; not read")
    if result.too_large:
        raise RefusedFileError(f"it is larger than {limit:,} bytes; not read")
    if result.data is None:
        raise OSError(result.error or "cannot be read")
    return result.data


def read_limited(path: Path, limit: int) -> ReadResult:
    """Read at most ``limit`` bytes of the regular file at ``path``."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        # O_NOFOLLOW refuses a symbolic link (one swapped in after listing) with ELOOP,
        # and Windows refuses to open a directory at all (PermissionError): say what the
        # entry is, not that it could not be read.
        kind = _entry_kind(path)
        if kind is not None:
            return ReadResult(None, 0, not_regular=kind)
        return ReadResult(None, 0, error=exc.strerror or str(exc))
    try:
        info = os.fstat(fd)
        kind = describe_mode(info.st_mode)
        if kind is not None:
            return ReadResult(None, info.st_size, not_regular=kind)
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        return ReadResult(None, 0, error=exc.strerror or str(exc))
    finally:
        os.close(fd)
    if len(data) > limit:
        return ReadResult(data[:limit], max(info.st_size, len(data)), too_large=True)
    return ReadResult(data, len(data))
