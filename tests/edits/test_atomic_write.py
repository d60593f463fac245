"""Replacing a file atomically: ``seedcheck.edits.atomic_write``.

The command-level tests (``tests/commands/test_fix.py``) break writes in the middle; these check
the refusals on their own: an edit that keeps size and timestamp, a symbolic link, a
removed file, and the file's permission bits and content after a good write.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from seedcheck.edits.atomic_write import (
    TEMPORARY_SUFFIX,
    FileChangedError,
    replace_bytes,
    write_atomically,
)
from seedcheck.errors import SeedcheckError
from tests.conftest import needs_symlinks

FIRST = "000_4c8e2a6f0b1d3579.txt"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_replaces_content_and_keeps_permission_bits(tmp_path: Path) -> None:
    path = tmp_path / FIRST
    path.write_bytes(b"Title  \n")
    path.chmod(0o640)

    replace_bytes(path, b"Title  \n", b"Title\n")

    assert path.read_bytes() == b"Title\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == [FIRST]


def test_same_size_edit_with_old_timestamp_is_still_seen(tmp_path: Path) -> None:
    """The content digest catches an edit that keeps size and modification time."""
    path = tmp_path / FIRST
    path.write_bytes(b"Title one\n")
    info = path.stat()
    path.write_bytes(b"Title two\n")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))

    with pytest.raises(FileChangedError, match="changed since it was read"):
        replace_bytes(path, b"Title one\n", b"Title 1\n")
    assert path.read_bytes() == b"Title two\n"
    assert not any(p.name.endswith(TEMPORARY_SUFFIX) for p in tmp_path.iterdir())


def test_file_replaced_by_another_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same bytes, but a new file (another inode) was saved in its place meanwhile."""
    path = tmp_path / FIRST
    path.write_bytes(b"Title  \n")
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        real_fsync(fd)
        (tmp_path / "copy").write_bytes(b"Title  \n")
        (tmp_path / "copy").replace(path)

    monkeypatch.setattr(os, "fsync", fsync)

    with pytest.raises(FileChangedError, match="changed since it was read"):
        replace_bytes(path, b"Title  \n", b"Title\n")
    assert path.read_bytes() == b"Title  \n"


@needs_symlinks
def test_never_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    target = tmp_path / "outside.txt"
    target.write_bytes(b"Secret  \n")
    link = tmp_path / FIRST
    link.symlink_to(target)

    with pytest.raises(FileChangedError, match="is a symbolic link, not a regular file"):
        replace_bytes(link, b"Secret  \n", b"Secret\n")
    assert link.is_symlink()
    assert target.read_bytes() == b"Secret  \n"


def test_removed_file_is_not_recreated(tmp_path: Path) -> None:
    with pytest.raises(FileChangedError, match="was removed since it was read"):
        replace_bytes(tmp_path / FIRST, b"a  \n", b"a\n")
    assert not (tmp_path / FIRST).exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits and umask")
def test_write_atomically_creates_with_umask_mode_and_keeps_existing_mode(tmp_path: Path) -> None:
    new = tmp_path / "INDEX.md"
    old_umask = os.umask(0o027)
    try:
        write_atomically(new, b"created\n")
    finally:
        os.umask(old_umask)
    assert new.read_bytes() == b"created\n"
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    new.chmod(0o604)
    write_atomically(new, b"replaced\n")
    assert new.read_bytes() == b"replaced\n"
    assert stat.S_IMODE(new.stat().st_mode) == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["INDEX.md"]


def test_a_failed_write_over_a_read_only_file_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on Windows: a read-only file can be neither replaced nor deleted.

    The temporary copy gets the original's read-only bit before the rename; when the
    rename fails, the copy must still be removed.
    """
    path = tmp_path / "INDEX.md"
    path.write_bytes(b"old\n")
    path.chmod(0o444)
    real_unlink, real_replace = Path.unlink, Path.replace

    def refuse_read_only(target: Path) -> None:
        if not target.stat().st_mode & stat.S_IWUSR:
            raise PermissionError(errno.EACCES, "Access is denied", str(target))

    def unlink(self: Path, missing_ok: bool = False) -> None:
        refuse_read_only(self)
        real_unlink(self, missing_ok)

    def replace(self: Path, target: Path) -> Path:
        refuse_read_only(Path(target))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr(Path, "replace", replace)

    with pytest.raises(SeedcheckError, match="cannot write: Access is denied"):
        write_atomically(path, b"new\n")
    assert path.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["INDEX.md"]
    path.chmod(0o644)
