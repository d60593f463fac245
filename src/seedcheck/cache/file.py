"""The on-disk format of seedcheck's cache files, and the cache folder's markers.

A file is a magic line, a BLAKE2b checksum, the key it was written for (a line) and
``marshal`` of plain values: quick to load, and unable to run code. A value too large to
marshal at once is written the same way cut into parts, each marshalled on its own. A
file that is not whole (truncated, flipped bits, another format or version), or was
written for another key, reads as None; what a whole file of the key holds, each caller
checks for the shape it expects, and starts afresh if it is not.

The key is the reader's proof that a file belongs where it lies: a cache folder may be
restored in CI, copied with a work tree or committed by a pull request, and a whole,
valid file from another corpus's or another setting's folder, or another part of the
same folder, would otherwise be believed. The checksum covers the key line too. Writes go
through a temporary file and ``os.replace``, so concurrent runs each leave a whole file
(the last one wins) and a reader never sees half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import struct
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from seedcheck.cache.location import cache_usable
from seedcheck.diagnostic import Diagnostic, Severity

_CHECKSUM_SIZE = 16
# No cache file comes near this (80 MB at 100,000 seeds); a larger one is not ours.
MAX_CACHE_FILE = 1 << 30
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_READ_FLAGS |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_PART_HEAD = struct.Struct("<Q")
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_FOLDER_FLAGS |= getattr(os, "O_CLOEXEC", 0)
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by seedcheck.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)

DiagnosticRecord = tuple[str, int, int, str, str, str, str, int | None, int | None, tuple[str, ...]]


def read_checked(path: Path, magic: bytes, *, key: str) -> Any:
    """The value in a cache file, or None when it is missing, not a whole, valid one,
    or written for another ``key``."""
    try:
        with open_cache_file(path) as stream:
            data = stream.read()
    except OSError:
        return None
    head = len(magic) + _CHECKSUM_SIZE
    line = key_line(key)
    # A view, not a slice: at 100,000 seeds the file is 80 MB, and each slice a copy.
    keyed = memoryview(data)[head:]
    checksum = hashlib.blake2b(keyed, digest_size=_CHECKSUM_SIZE).digest()
    if not data.startswith(magic) or data[len(magic) : head] != checksum:
        return None
    if keyed[: len(line)] != line:
        return None  # whole, but another folder's or another part's
    try:
        return marshal.loads(keyed[len(line) :])
    except Exception:  # any damage the checksum let through: start afresh
        return None


def key_line(key: str) -> bytes:
    """The line a file written for ``key`` carries after its checksum."""
    line = key.encode("utf-8", errors="surrogatepass")
    if b"\n" in line:
        raise ValueError(f"a cache key is one line: {key!r}")
    return line + b"\n"


def read_checked_parts(
    path: Path, magic: bytes, *, key: str, select: Callable[[int, Any], Any] | None = None
) -> list[Any] | None:
    """The values in a cache file of parts (see :func:`write_checked_parts`), or None
    when it is missing, not a whole, valid one, or written for another ``key``.

    Read a part at a time: the file's bytes are never all in memory at once. With
    ``select``, each part (numbered from 0) is kept as what it returns for it, so that a
    reader wanting a few values of a large file never holds all of them; what it kept
    is returned only once the whole file is found whole.
    """
    try:
        with open_cache_file(path) as stream:
            if stream.read(len(magic)) != magic:
                return None
            checksum = stream.read(_CHECKSUM_SIZE)
            line = key_line(key)
            if stream.read(len(line)) != line:
                return None
            left = os.fstat(stream.fileno()).st_size - stream.tell()
            digest = hashlib.blake2b(line, digest_size=_CHECKSUM_SIZE)
            parts: list[Any] = []
            while head := stream.read(_PART_HEAD.size):
                (size,) = _PART_HEAD.unpack(head) if len(head) == _PART_HEAD.size else (-1,)
                left -= len(head)
                # A damaged length is refused before it is read: read() makes room for it.
                payload = stream.read(size) if 0 <= size <= left else b""
                if len(payload) != size:
                    return None  # cut short, or a length no part has
                left -= size
                digest.update(head)
                digest.update(payload)
                value = marshal.loads(payload)
                parts.append(value if select is None else select(len(parts), value))
    except Exception:  # unreadable, or damage the checksum would refuse: start afresh
        return None
    return parts if digest.digest() == checksum else None


def open_cache_file(path: Path) -> BinaryIO:
    """A cache file opened for reading, as the corpus's files are: never through a
    symbolic link, never a FIFO or device (which would hang the run or read without
    end), never larger than :data:`MAX_CACHE_FILE`. OSError otherwise."""
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHE_FILE:
            raise OSError(f"{path}: not a cache file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def write_checked_parts(
    path: Path, magic: bytes, parts: Iterable[Any], *, key: str, root: Path | None = None
) -> None:
    """Write values as one cache file, each marshalled on its own; skipped on OSError.

    For a value too large to marshal at once: marshal builds its whole payload in memory
    (23 MB for INDEX.md's record at 100,000 rows, on top of everything a run holds),
    where a part of it costs a part's. The file is the magic line, a BLAKE2b checksum of
    all that follows, the key line, then each part as its length (8 bytes,
    little-endian) and payload.
    """
    if not cache_usable(path.parent.parent if root is None else root, path.parent):
        return
    line = key_line(key)
    try:
        _prepare(path.parent.parent if root is None else root)
        path.parent.mkdir(parents=True, exist_ok=True)
        with _replacing(path) as stream:
            stream.write(magic + bytes(_CHECKSUM_SIZE) + line)  # the checksum, once known
            digest = hashlib.blake2b(line, digest_size=_CHECKSUM_SIZE)
            for part in parts:
                payload = marshal.dumps(part)
                head = _PART_HEAD.pack(len(payload))
                digest.update(head)
                digest.update(payload)
                stream.write(head)
                stream.write(payload)
            stream.seek(len(magic))
            stream.write(digest.digest())
    except OSError:
        return


def write_checked(
    path: Path, magic: bytes, value: Any, *, key: str, root: Path | None = None
) -> None:
    """Write a cache file for ``key`` under the cache root (default
    ``path.parent.parent``); skipped on OSError.

    A cache that cannot be written (a read-only checkout, a full disk) costs the next
    run its speed, never this run its result.
    """
    if not cache_usable(path.parent.parent if root is None else root, path.parent):
        return
    line = key_line(key)
    payload = marshal.dumps(value)
    digest = hashlib.blake2b(line, digest_size=_CHECKSUM_SIZE)
    digest.update(payload)
    try:
        _prepare(path.parent.parent if root is None else root)
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace(path, magic + digest.digest() + line, payload)  # not joined: a copy
    except OSError:
        return


@contextlib.contextmanager
def saving(folder: Path, root: Path) -> Iterator[bool]:
    """Whether this run may write the cache files in ``folder`` (under the cache root
    ``root``): True inside the block while it holds the folder's lock, False when the
    folder cannot be used or another run holds the lock.

    A writer that finds the lock taken skips its save rather than wait: the cache is
    only a record for the next run, the other run's files are as good, and a hook or an
    editor should not wait on one. Each file is whole on its own either way; the lock
    keeps two runs' saves from interleaving file by file. ``flock`` on the folder itself
    (POSIX), released when the process ends however it ends; elsewhere saves go unlocked.
    """
    if not cache_usable(root, folder):
        yield False
        return
    try:
        _prepare(root)
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, _FOLDER_FLAGS)
    except OSError:
        yield False
        return
    try:
        yield _try_lock(fd)
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: no flock; each file is still replaced whole
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system that cannot lock: saves go unlocked, as before
    return True


def diagnostic_record(diagnostic: Diagnostic) -> DiagnosticRecord:
    """A diagnostic as plain values (marshal knows no enums)."""
    return (*diagnostic[:5], diagnostic.severity.value, *diagnostic[6:])


def from_record(record: Sequence[Any]) -> Diagnostic:
    """The diagnostic of a record; TypeError or ValueError if it is not one."""
    path, line, column, code, name, severity, message, end_line, end_column, concerns = record
    texts = (path, code, name, message, *concerns)
    numbers = (line, column, *(n for n in (end_line, end_column) if n is not None))
    if not all(isinstance(t, str) for t in texts) or not all(type(n) is int for n in numbers):
        raise TypeError("not a diagnostic record")
    return Diagnostic(
        path, line, column, code, name, Severity(severity), message, end_line, end_column, concerns
    )


def _prepare(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "*\n")):
        marker = root / name
        if not marker.exists():
            _replace(marker, text.encode("ascii"))


def _replace(path: Path, *parts: bytes) -> None:
    with _replacing(path) as stream:
        for part in parts:
            stream.write(part)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    """A stream to a new file, which replaces ``path`` when the block ends without error.

    Atomic but not fsync'ed: a cache lost in a crash is rebuilt, not trusted half-way.
    """
    import tempfile  # only a run that writes pays for importing it

    handle, name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
