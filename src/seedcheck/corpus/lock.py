"""The writers' lock on a corpus folder: one command at a time reads numbers and writes.

``import`` picks the next free numbers and ``index`` and ``fix`` rewrite INDEX.md from
what they read; two of them interleaved would give two seeds one number, or write an
INDEX.md that misses the other's seeds. Each holds this lock from its read to its last
write. It is advisory (only seedcheck takes it) and released by the system when the
process ends, however it ends, so a killed run never leaves it held.

On POSIX the lock is ``flock`` on the corpus folder itself: no lock file is left in
the corpus or anywhere else. Where a folder cannot be locked (Windows), a lock file in
the system's temporary folder, named for the corpus, is locked with ``msvcrt``.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

# How long a writer waits for another before it gives up, and how often it looks.
WAIT_SECONDS = 120.0
POLL_SECONDS = 0.05
WAIT_ENV = "SEEDCHECK_LOCK_TIMEOUT"


def wait_seconds() -> float:
    """The wait before giving up: ``$SEEDCHECK_LOCK_TIMEOUT`` seconds, or the default."""
    chosen = os.environ.get(WAIT_ENV, "")
    try:
        value = float(chosen)
    except ValueError:
        return WAIT_SECONDS
    return value if value >= 0 else WAIT_SECONDS


@contextlib.contextmanager
def corpus_lock(
    root: Path, *, waiting: Callable[[str], None], timeout: float | None = None
) -> Iterator[None]:
    """Hold the writers' lock on the corpus folder ``root`` inside the block.

    When another process holds it, ``waiting`` is told once (a message for people) and
    the lock is tried again until ``timeout`` seconds (default :func:`wait_seconds`) have
    passed; then :class:`~seedcheck.errors.SeedcheckError` says who to wait for.
    """
    limit = wait_seconds() if timeout is None else timeout
    shown = display_path(str(root))
    fd = _open(root)
    try:
        deadline = time.monotonic() + limit
        told = False
        while not _try_lock(fd, shown):
            if not told:
                waiting(f"waiting for another seedcheck writing to {shown} ...")
                told = True
            if time.monotonic() >= deadline:
                raise SeedcheckError(
                    f"{shown}: another seedcheck has been writing to this corpus for "
                    f"{limit:g} s; let it finish (or stop it), then run again"
                )
            time.sleep(POLL_SECONDS)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _open(root: Path) -> int:
    try:
        if sys.platform == "win32":
            name = hashlib.blake2b(str(root).encode(), digest_size=8).hexdigest()
            path = Path(tempfile.gettempdir(), f"seedcheck-{name}.lock")
            return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        return os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise SeedcheckError(
            f"{display_path(str(root))}: cannot lock the corpus folder: {exc.strerror}"
        ) from None


def _try_lock(fd: int, shown: str) -> bool:
    """Take the lock on ``fd`` if it is free; False when another process holds it."""
    if sys.platform == "win32":
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP):
            # A file system that cannot lock (some network mounts): writers go unlocked
            # there, as before the lock existed, rather than not at all.
            return True
        raise SeedcheckError(f"{shown}: cannot lock the corpus folder: {exc.strerror}") from None
    return True


# The locks a command holds to its end (see hold_corpus_lock).
_HELD = contextlib.ExitStack()


def hold_corpus_lock(root: Path, *, waiting: Callable[[str], None]) -> None:
    """Take the writers' lock on ``root`` for the rest of the command: from the read of
    the corpus to its last write, whatever way the command returns.
    :func:`release_corpus_locks` (which the CLI calls as every command ends) lets go."""
    _HELD.enter_context(corpus_lock(root, waiting=waiting))


def release_corpus_locks() -> None:
    """Release every lock :func:`hold_corpus_lock` took."""
    _HELD.close()
