"""Writing several files of a corpus as one: a batch import is all of it or none of it.

The files are first written into a staging folder inside the corpus (``.seedcheck-stage``,
which the listing ignores, as every dotfile), each flushed to disk. Then a journal naming
them is written there: that write is the commit. Then each file is renamed into place,
INDEX.md last, and the staging folder is removed.

A run killed before the journal leaves only the staging folder, which the next writer
removes: nothing happened. A run killed after it leaves a journal, from which the next
writer finishes the renames: everything happened. Every writer (``import``, ``index``,
``fix``) calls :func:`recover` first, under the corpus's writers' lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from seedcheck.corpus.lock import hold_corpus_lock
from seedcheck.display import display_path
from seedcheck.edits.atomic_write import TEMPORARY_SUFFIX
from seedcheck.errors import SeedcheckError

STAGING_NAME = ".seedcheck-stage"
JOURNAL_NAME = "journal.json"
_JOURNAL_VERSION = 1


@dataclass(frozen=True)
class Staged:
    """A file to write: its name in the corpus folder, its bytes, and where it came from
    (an imported article's path, or "" for a file seedcheck made)."""

    name: str
    data: bytes
    source: str = ""


@dataclass(frozen=True)
class Recovered:
    """What :func:`recover` found of an interrupted batch: the files it put in place
    (name and source), or none when it undid one that was not committed."""

    finished: tuple[tuple[str, str], ...]


def begin_writing(folder: Path, *, say: Callable[[str], None]) -> Recovered | None:
    """Start a command that writes to the corpus ``folder``: take its writers' lock for
    the rest of the command, then finish or undo what an interrupted run left (and
    ``say`` so to the user). Returns what was recovered, if anything."""
    hold_corpus_lock(folder, waiting=say)
    _remove_debris(folder)
    recovered = recover(folder)
    if recovered is not None:
        shown = display_path(str(folder))
        count = len(recovered.finished)
        say(
            f"finished writing {count} file{'' if count == 1 else 's'} that an interrupted "
            f"run left in {shown}"
            if count
            else f"removed what an interrupted run had begun to write in {shown}"
        )
    return recovered


# A temporary file of edits.atomic_write: ".NAME." and mkstemp's 8 characters.
_DEBRIS = re.compile(r"\..+\.[A-Za-z0-9_]{8}" + re.escape(TEMPORARY_SUFFIX))


def _remove_debris(folder: Path) -> None:
    """Remove the temporary files of atomic writes that a killed run left in ``folder``.

    Only under the writers' lock: no other seedcheck is writing one now. They are
    dotfiles, which no rule reports, but a corpus must not collect them.
    """
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            if _DEBRIS.fullmatch(name):
                with contextlib.suppress(OSError):
                    (folder / name).unlink()


def write_batch(folder: Path, files: Sequence[Staged]) -> None:
    """Write ``files`` into ``folder`` as one batch, in order (INDEX.md last).

    A file that exists is replaced and keeps its permission bits; a new one gets what
    the umask allows. Raises :class:`~seedcheck.errors.SeedcheckError` when the batch
    cannot be written, after undoing whatever of it was staged.
    """
    staging = folder / STAGING_NAME
    try:
        staging.mkdir()
    except FileExistsError:
        raise SeedcheckError(
            f"{display_path(str(staging))} is left from an earlier run; run the command "
            "again to finish or undo that run first"
        ) from None
    except OSError as exc:
        raise SeedcheckError(f"{display_path(str(folder))}: cannot write: {exc.strerror}") from None
    try:
        for staged in files:
            _write(staging / staged.name, staged.data, _mode_of(folder / staged.name))
        journal = {
            "version": _JOURNAL_VERSION,
            "files": [[staged.name, staged.source] for staged in files],
        }
        temporary = staging / (JOURNAL_NAME + ".part")
        _write(temporary, json.dumps(journal).encode(), 0o600)
        temporary.replace(staging / JOURNAL_NAME)  # the commit
        _sync(staging)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise SeedcheckError(
            f"{display_path(str(folder))}: cannot write: {exc.strerror or exc}; nothing was changed"
        ) from None
    _finish(folder, staging)


def recover(folder: Path) -> Recovered | None:
    """Finish or undo a batch an interrupted run left in ``folder``; None if there is none."""
    staging = folder / STAGING_NAME
    if not staging.is_dir() or staging.is_symlink():
        return None
    try:
        journal = json.loads((staging / JOURNAL_NAME).read_bytes())
        files = [(str(name), str(source)) for name, source in journal["files"]]
    except (OSError, ValueError, TypeError, KeyError):
        # Not committed (or not readable as one): the batch never happened.
        shutil.rmtree(staging, ignore_errors=True)
        return Recovered(())
    _finish(folder, staging, [name for name, _ in files])
    return Recovered(tuple(files))


def _finish(folder: Path, staging: Path, names: Sequence[str] | None = None) -> None:
    """Rename the committed batch's files into place, in the journal's order."""
    if names is None:
        journal = json.loads((staging / JOURNAL_NAME).read_bytes())
        names = [str(name) for name, _ in journal["files"]]
    try:
        for name in names:
            if "/" in name or "\\" in name or name in ("", ".", ".."):
                raise SeedcheckError(f"{display_path(str(staging))}: the journal is damaged")
            staged = staging / name
            if staged.exists():  # gone: renamed by the run that was interrupted
                staged.replace(folder / name)
        _sync(folder)
        (staging / JOURNAL_NAME).unlink()
        shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise SeedcheckError(
            f"{display_path(str(folder))}: cannot finish writing: {exc.strerror or exc}; "
            "run the command again to finish it"
        ) from None


def _mode_of(path: Path) -> int:
    try:
        return os.lstat(path).st_mode & 0o7777
    except OSError:
        current = os.umask(0o022)  # the portable way to read the umask is to set it
        os.umask(current)
        return 0o666 & ~current


def _write(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    path.chmod(mode)


def _sync(folder: Path) -> None:
    # A rename is durable once its folder's entry is on disk; not every system lets a
    # folder be opened for that.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
