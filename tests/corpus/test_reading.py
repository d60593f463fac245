"""Corpus entries git cannot store, built in a temporary folder: FIFOs, directories and
symbolic links named like seeds, files that cannot be read, and a file far over
``max-file-size``.

Each test runs ``main([...])`` on the corpus and asserts the exact output. None of them
may hang, follow a link out of the corpus, or read more of a huge file than the limit.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from seedcheck.corpus import reading
from tests.conftest import RunCli, needs_symlinks

SEED = "000_4c8e2a6f0b1d3579.txt"
SPECIAL = "001_9a1f5d3b7e0c2468.txt"
SECRET = "TOP-SECRET-d41d8cd98f00b204"

FRONT_MATTER_SEED = (
    "---\n"
    "title: Harbour Council Approves Floodwall\n"
    "byline: Marta Ilić\n"
    "---\n"
    "The harbour council voted seven to two on Tuesday to build a floodwall.\n"
)
PLAIN_SEED = (
    "Library Hours Extended After Petition\n"
    "\n"
    "By Dana Whitlock\n"
    "\n"
    "The central library will stay open until nine on weekday evenings from March.\n"
)

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail the test instead of hanging it: opening a FIFO can block for ever.

    Windows has neither FIFOs nor SIGALRM: nothing there can block this way.
    """
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("seedcheck blocked on a corpus entry")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, 10)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def make_corpus(root: Path) -> Path:
    """``seeds/`` with one clean seed in it."""
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / SEED).write_text(FRONT_MATTER_SEED, encoding="utf-8")
    return seeds


def write_index(run_cli: RunCli) -> None:
    result = run_cli(["index", "seeds"])
    assert result.code == 0, result.err
    assert result.err == ""


class FaultyOs:
    """``os`` as ``seedcheck.corpus.reading`` sees it, failing or counting for one file.

    The file is recognised by its inode, so the fault follows it whatever name or
    descriptor it is opened under; every other call goes to the real ``os``.
    """

    def __init__(self, path: Path, fail_open: int | None = None, fail_read: int | None = None):
        self.inode = path.stat().st_ino
        self.fail_open = fail_open
        self.fail_read = fail_read
        self.bytes_read = 0

    def __getattr__(self, name: str) -> object:
        return getattr(os, name)

    def open(self, path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if self.fail_open is not None and self._inode(path) == self.inode:
            raise OSError(self.fail_open, os.strerror(self.fail_open), str(path))
        return os.open(path, flags, mode)

    @staticmethod
    def _inode(path: str | os.PathLike[str]) -> int | None:
        try:
            return Path(path).lstat().st_ino
        except OSError:
            return None

    def read(self, fd: int, size: int) -> bytes:
        if os.fstat(fd).st_ino != self.inode:
            return os.read(fd, size)
        if self.fail_read is not None:
            raise OSError(self.fail_read, os.strerror(self.fail_read))
        chunk = os.read(fd, size)
        self.bytes_read += len(chunk)
        return chunk


# ---------------------------------------------------------------- not-a-regular-file


def _fifo(path: Path, secret: Path) -> None:
    os.mkfifo(path)


def _directory(path: Path, secret: Path) -> None:
    path.mkdir()
    (path / "000_4c8e2a6f0b1d3579.txt").write_text(PLAIN_SEED, encoding="utf-8")


def _link_outside(path: Path, secret: Path) -> None:
    path.symlink_to(os.path.relpath(secret, path.parent))


def _link_absolute(path: Path, secret: Path) -> None:
    path.symlink_to(secret)


def _link_dangling(path: Path, secret: Path) -> None:
    path.symlink_to("../drafts/floodwall.txt")


def _socket(path: Path, secret: Path) -> None:
    # Bind by a relative name: an absolute temporary path can exceed the sun_path limit.
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(os.path.relpath(path))
    finally:
        sock.close()


KINDS: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "fifo": (_fifo, "a FIFO (named pipe)"),
    "directory": (_directory, "a directory"),
    "symlink-outside": (_link_outside, "a symbolic link"),
    "symlink-absolute": (_link_absolute, "a symbolic link"),
    "symlink-dangling": (_link_dangling, "a symbolic link"),
    "socket": (_socket, "a socket"),
}


# A directory can be made everywhere; links where the user may create them.
KIND_NEEDS = {"fifo": [needs_posix], "socket": [needs_posix], "symlink": [needs_symlinks]}


@pytest.mark.usefixtures("deadline")
@pytest.mark.parametrize(
    "kind",
    [pytest.param(k, marks=KIND_NEEDS.get(k.partition("-")[0], [])) for k in sorted(KINDS)],
)
def test_not_a_regular_file(kind: str, isolated: Path, run_cli: RunCli) -> None:
    seeds = make_corpus(isolated)
    secret = isolated / "private" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    make, label = KINDS[kind]
    make(seeds / SPECIAL, secret)
    write_index(run_cli)

    result = run_cli(["validate", "--quiet", "seeds"])

    assert result.out == (
        f"seeds/{SPECIAL}:1:1: SC109 [not-a-regular-file] "
        f"{label}, not a regular file; seeds must be regular files\n"
    )
    assert result.err == ""
    assert result.code == 1


@needs_posix
@pytest.mark.usefixtures("deadline")
def test_fifo_named_on_the_command_line(isolated: Path, run_cli: RunCli) -> None:
    seeds = make_corpus(isolated)
    os.mkfifo(seeds / SPECIAL)

    result = run_cli(["validate", "--quiet", f"seeds/{SPECIAL}"])

    assert result.out == (
        f"seeds/{SPECIAL}:1:1: SC109 [not-a-regular-file] "
        "a FIFO (named pipe), not a regular file; seeds must be regular files\n"
    )
    assert result.code == 1


@needs_symlinks
@pytest.mark.usefixtures("deadline")
@pytest.mark.parametrize("output", ["text", "json"])
def test_symlink_target_never_shown(output: str, isolated: Path, run_cli: RunCli) -> None:
    """Nothing of a linked file outside the corpus reaches output or INDEX.md."""
    seeds = make_corpus(isolated)
    secret = isolated / "private" / "notes.txt"
    secret.parent.mkdir()
    # Shaped like a seed, so that any code that read it would copy it somewhere.
    secret.write_text(f"---\ntitle: {SECRET}\nbyline: {SECRET}\n---\n{SECRET}\n", "utf-8")
    (seeds / SPECIAL).symlink_to(os.path.relpath(secret, seeds))
    (seeds / "README.md").symlink_to(os.path.relpath(secret, seeds))

    index = run_cli(["index", "seeds"])
    whole = run_cli(["validate", "--format", output, "seeds"])
    named = run_cli(["validate", "--format", output, f"seeds/{SPECIAL}", "seeds/README.md"])

    assert index.code == 0
    assert SECRET not in (seeds / "INDEX.md").read_text(encoding="utf-8")
    for result in (index, whole, named):
        assert SECRET not in result.out
        assert SECRET not in result.err
        assert "notes.txt" not in result.out
    assert f"seeds/{SPECIAL}" in whole.out
    assert whole.code == named.code == 1


@needs_posix
@pytest.mark.usefixtures("deadline")
def test_fifo_swapped_in_after_listing(tmp_path: Path) -> None:
    """Reading never blocks on a FIFO that replaced a seed between listing and opening."""
    fifo = tmp_path / SPECIAL
    os.mkfifo(fifo)

    result = reading.read_limited(fifo, 1024)

    assert result.data is None
    assert result.not_regular == "a FIFO (named pipe)"


@needs_symlinks
@pytest.mark.skipif(
    not hasattr(os, "O_NOFOLLOW"), reason="without O_NOFOLLOW (Windows) an open follows links"
)
def test_symlink_swapped_in_after_listing(tmp_path: Path) -> None:
    """A link opened by name is refused as a link, not as a read error, and not followed."""
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    link = tmp_path / SPECIAL
    link.symlink_to(secret)

    result = reading.read_limited(link, 1024)

    assert result.data is None
    assert result.error is None
    assert result.not_regular == "a symbolic link"


def test_directory_that_cannot_be_opened_is_still_a_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to open a directory (PermissionError): that is no read error."""
    folder = tmp_path / SPECIAL
    folder.mkdir()
    monkeypatch.setattr(reading, "os", FaultyOs(folder, fail_open=errno.EACCES))

    result = reading.read_limited(folder, 1024)

    assert (result.data, result.error, result.not_regular) == (None, None, "a directory")


# ---------------------------------------------------------------- unreadable-file


@needs_posix
@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_unreadable_file_by_permissions(isolated: Path, run_cli: RunCli) -> None:
    seeds = make_corpus(isolated)
    seed = seeds / SPECIAL
    seed.write_text(PLAIN_SEED, encoding="utf-8")
    write_index(run_cli)
    seed.chmod(0)
    try:
        result = run_cli(["validate", "--quiet", "seeds"])
    finally:
        seed.chmod(0o644)

    assert result.out == (
        f"seeds/{SPECIAL}:1:1: SC111 [unreadable-file] cannot read the file: Permission denied\n"
    )
    assert result.code == 1


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        # What chmod 000 does for anyone but root: the open fails.
        ({"fail_open": errno.EACCES}, "Permission denied"),
        # A failing disk or a network share that went away: the open works, the read fails.
        ({"fail_read": errno.EIO}, "Input/output error"),
    ],
    ids=["open-denied", "read-error"],
)
def test_unreadable_file(
    fault: dict[str, int],
    reason: str,
    isolated: Path,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seeds = make_corpus(isolated)
    seed = seeds / SPECIAL
    seed.write_text(PLAIN_SEED, encoding="utf-8")
    write_index(run_cli)
    monkeypatch.setattr(reading, "os", FaultyOs(seed, **fault))

    result = run_cli(["validate", "--quiet", "seeds"])

    assert result.out == (
        f"seeds/{SPECIAL}:1:1: SC111 [unreadable-file] cannot read the file: {reason}\n"
    )
    assert result.err == ""
    assert result.code == 1


def test_unreadable_index(isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    make_corpus(isolated)
    write_index(run_cli)
    monkeypatch.setattr(
        reading, "os", FaultyOs(isolated / "seeds" / "INDEX.md", fail_read=errno.EIO)
    )

    result = run_cli(["validate", "--quiet", "seeds"])

    assert result.out == (
        "seeds/INDEX.md:1:1: SC111 [unreadable-file] cannot read the file: Input/output error\n"
    )
    assert result.code == 1


# ---------------------------------------------------------------- file-too-large

MIB = 1024 * 1024


def _huge_scrape(path: Path, size: int) -> None:
    """A whole site's archive in one file, with bytes in it that other rules would flag."""
    article = (
        "Harbour Council Approves Floodwall\n\nBy Marta Ilić\n\n"
        "The harbour council voted seven to two on Tuesday to build a floodwall.   \n"
        "\x0cRead more · Share · Print\r\n"
    ).encode() + b"\xff\n"
    with path.open("wb") as fh:
        written = 0
        while written < size:
            chunk = article * 1000
            fh.write(chunk[: size - written])
            written += min(len(chunk), size - written)


def test_file_too_large_is_not_read_whole(
    isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = make_corpus(isolated)
    huge = seeds / SPECIAL
    _huge_scrape(huge, 5 * MIB)
    write_index(run_cli)
    spy = FaultyOs(huge)
    monkeypatch.setattr(reading, "os", spy)

    result = run_cli(["validate", "--quiet", "seeds"])

    # Only this finding: the content (trailing blanks, a form feed, CRLF, invalid UTF-8)
    # is not checked, and the default limit is 1 MiB.
    assert result.out == (
        f"seeds/{SPECIAL}:1:1: SC107 [file-too-large] file is {5 * MIB} bytes, over "
        "max-file-size (1048576 bytes); it was not checked further\n"
    )
    assert result.code == 1
    assert 0 < spy.bytes_read <= MIB + 1


@needs_posix
@pytest.mark.usefixtures("deadline")
def test_special_entries_not_named_like_seeds(isolated: Path, run_cli: RunCli) -> None:
    """A FIFO or a link that is not named like a seed is only an unexpected file."""
    seeds = make_corpus(isolated)
    secret = isolated / "private" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    os.mkfifo(seeds / "scraper.pipe")
    (seeds / "latest").symlink_to(os.path.relpath(secret, seeds))
    write_index(run_cli)

    result = run_cli(["validate", "--quiet", "seeds"])
    strict = run_cli(["validate", "--quiet", "--strict", "seeds"])

    assert result.out == (
        "seeds/latest:1:1: SC110 [unexpected-file] unexpected symbolic link in the corpus "
        "folder; only seeds, INDEX.md, README.md and dotfiles belong here\n"
        "seeds/scraper.pipe:1:1: SC110 [unexpected-file] unexpected FIFO (named pipe) in the "
        "corpus folder; only seeds, INDEX.md, README.md and dotfiles belong here\n"
    )
    assert SECRET not in result.out
    assert result.code == 0  # a warning
    assert strict.out == result.out
    assert strict.code == 1
