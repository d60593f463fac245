"""Replacing a file's bytes so that no failure and no concurrent edit loses data.

The new bytes go to a temporary file in the same folder (so the final rename stays on
one file system), are flushed and fsynced, get the original's permission bits, and only
then replace the original with one ``os.replace``: a reader sees the old file or the new
one, never half of either. Right before the rename the original is checked against what
was read (type, device, inode, size, modification time, SHA-256 of the content); if
anyone changed it meanwhile, nothing is replaced. On any failure the temporary file is
removed and the original is left as it was.

A symbolic link or any other non-regular file is never written through.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from seedcheck.corpus.reading import describe_mode, read_limited
from seedcheck.display import display_path
from seedcheck.errors import SeedcheckError

TEMPORARY_SUFFIX = ".seedcheck-tmp"


class FileChangedError(SeedcheckError):
    """The file changed on disk after it was read: writing would lose that change."""


def _identity(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return (
        stat.S_IFMT(info.st_mode),
        info.st_dev,
        info.st_ino,
        info.st_size,
        info.st_mtime_ns,
    )


def _regular(path: Path) -> os.stat_result:
    info = os.lstat(path)
    kind = describe_mode(info.st_mode)
    if kind is not None:
        raise FileChangedError(
            f"{display_path(str(path))} is {kind}, not a regular file; it was not written"
        )
    return info


def _check_unchanged(path: Path, before: os.stat_result, expected: bytes) -> None:
    shown = display_path(str(path))
    changed = FileChangedError(
        f"{shown} changed since it was read; it was left as it is, run seedcheck fix again"
    )
    try:
        now = _regular(path)
    except FileNotFoundError:
        raise changed from None
    current = read_limited(path, len(expected))
    if (
        _identity(now) != _identity(before)
        or current.data is None
        or current.too_large
        or hashlib.sha256(current.data).digest() != hashlib.sha256(expected).digest()
    ):
        raise changed


def replace_bytes(path: Path, expected: bytes, new: bytes) -> None:
    """Replace ``path``'s content ``expected`` (what was read) with ``new``, atomically.

    Raises :class:`FileChangedError` when the file is no longer ``expected``, and
    :class:`~seedcheck.errors.SeedcheckError` when it cannot be written; either way the
    file is left as it was.
    """
    shown = display_path(str(path))
    try:
        before = _regular(path)
    except FileNotFoundError:
        raise FileChangedError(f"{shown} was removed since it was read") from None
    except OSError as exc:
        raise SeedcheckError(f"{shown}: cannot write: {exc.strerror}") from None
    _write_via_temporary(
        path, new, stat.S_IMODE(before.st_mode), lambda: _check_unchanged(path, before, expected)
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, a new file or one to be replaced whatever it holds.

    For files seedcheck generates (INDEX.md, imported seeds). A replaced file keeps its
    permission bits; a new one gets what the umask allows, as ``open`` would give it.
    """
    existed = True
    try:
        mode = stat.S_IMODE(_regular(path).st_mode)
    except FileNotFoundError:
        mode, existed = 0o666 & ~_umask(), False
    except OSError as exc:
        raise SeedcheckError(f"{display_path(str(path))}: cannot write: {exc.strerror}") from None
    _write_via_temporary(path, data, mode, lambda: None, existed)


def _write_via_temporary(
    path: Path,
    data: bytes,
    mode: int,
    before_rename: Callable[[], None],
    existed: bool = True,
) -> None:
    shown = display_path(str(path))
    temporary: Path | None = None
    try:
        fd, name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX
        )
        temporary = Path(name)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.chmod(mode)
        before_rename()
        temporary.replace(path)
        temporary = None
    except OSError as exc:
        kept = "; the file was left as it was" if existed else ""
        raise SeedcheckError(f"{shown}: cannot write: {exc.strerror or exc}{kept}") from None
    finally:
        if temporary is not None:
            _remove(temporary)
    _sync_folder(path.parent)


def _remove(temporary: Path) -> None:
    # The copy may have the original's read-only bit by now, and Windows refuses to
    # delete a read-only file: make it writable first, or it is left in the corpus.
    with contextlib.suppress(OSError):
        temporary.chmod(stat.S_IREAD | stat.S_IWRITE)
    with contextlib.suppress(OSError):
        temporary.unlink()


def _umask() -> int:
    # The only portable way to read the umask is to set it; set it straight back.
    current = os.umask(0o022)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk; not every system
    # lets a folder be opened for that, and the file itself is already safe either way.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
