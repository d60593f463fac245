"""The run memo: a validate run whose inputs are all as a recent run found them gives
that run's report, without reading a seed or INDEX.md.

A run that the per-file cache answers still imports the parsers and the rules (Pydantic
alone takes a tenth of a second) and rebuilds every seed's summary from its record. The
memo skips all of it. Its key is everything a report depends on apart from the corpus
folders' contents: the code (see code_identity), the day, the working directory, the
configuration files and their tables (each path's own, see configs_for_paths), and the
command line's paths and rule lists with the stat of each path and where each path and
each configured corpus lead. Under a key it
keeps, for each corpus folder, the :func:`~seedcheck.corpus.listing.listing_digest` the
run saw, and the report. Recalling lists each folder again, a stat per file; only if
every digest matches is the report reused. What only changes how a report is shown
(format, colour, quiet, output file) is not in the key.

The day is in the key because a seed dated in the future is reported until that day.
The memo lives beside the per-file caches, a file per key in the same checked format,
so that a run reads only its own report (at 100,000 seeds each is 6.7 MB). It keeps the
few keys written last, since a pre-commit hook names other files on every commit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import marshal
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seedcheck import __version__
from seedcheck.cache.code_identity import code_identity
from seedcheck.cache.file import (
    diagnostic_record,
    from_record,
    open_cache_file,
    read_checked,
    saving,
    write_checked,
)
from seedcheck.cache.location import cache_root, cache_usable
from seedcheck.config.files import Found, configs_for_paths, read_table
from seedcheck.corpus.listing import FolderScan, name_pattern, scan_digest, scan_folder
from seedcheck.errors import SeedcheckError
from seedcheck.report import Report
from seedcheck.text.pattern_safety import backtracking_reason

if TYPE_CHECKING:
    from seedcheck.config.settings import LoadedConfig

MEMO_FOLDER = "memo"
# Earlier versions kept every key's report in this one file, which each run read whole
# (54 MB at 100,000 seeds with every key filled); a run deletes it.
_OLD_MEMO = "runs"
_OLD_MAGIC = b"seedcheck runs "  # its header, whichever version of its format
KEPT = 8
_MAGIC = b"seedcheck run 4\n"
_KEY = re.compile("[0-9a-f]{64}")  # a file of the memo; not a temporary file of a write

# A corpus folder as a run saw it: root, file-name pattern, max-file-size, listing digest.
FolderState = tuple[str, str, int, bytes]


class RunMemo:
    """This run's key, and its file in the memo under one cache root."""

    def __init__(
        self, root: Path, key: str, groups: list[tuple[Found | None, list[str]]], cwd: Path
    ) -> None:
        self.root = root  # the cache root
        self.folder = root / __version__ / MEMO_FOLDER
        self.path = self.folder / key
        self.key = key
        self._groups = groups
        self._cwd = cwd
        # The folders recall scanned, for the run to list them from (see FolderScan).
        self.scans: dict[Path, FolderScan] = {}

    def configurations(self) -> list[tuple[LoadedConfig, list[str]]]:
        """The configurations of the key, validated, each with its paths: no file is
        read a second time, so a report made with them is never kept under the key of
        others."""
        # Imported when asked: a memo hit answers without loading the settings model
        # (and Pydantic with it), which is most of a warm run's start-up.
        from seedcheck.config.settings import configured

        return configured(self._groups, self._cwd)

    def baselines(self) -> list[Path]:
        """The baseline files the configurations of the key name, as the run finds
        them (a recalled report is made before any baseline is applied)."""
        found = []
        for config, _ in self._groups:
            if config is not None and isinstance(config[1].get("baseline"), str):
                found.append(config[0].parent / config[1]["baseline"])
        return found

    @classmethod
    def for_run(
        cls,
        *,
        config: str | None,
        paths: Sequence[str],
        rule_lists: Sequence[Sequence[str]],
        kind: str = "validate",
    ) -> RunMemo | None:
        """The memo of a validate run, or None when its configuration cannot be read.

        A configuration that cannot be read is the run's own error to report, with
        its message; the memo then stands aside.
        """
        try:
            cwd = Path.cwd()
            if config is None:  # each path's own configuration
                groups = configs_for_paths(paths, cwd.resolve())
            else:
                groups = [(_config(config, cwd), list(paths))]
            # Where each path and each configured corpus lead: a symbolic link changed
            # to another folder changes no stat of the link, nor the configuration.
            resolved = [os.path.realpath(path) for path in paths]
            settings = []
            for found, group in groups:
                source, table = found if found is not None else (None, {})
                folder = source.parent if source is not None else cwd.resolve()
                corpus = table.get("corpus", "seeds")
                if isinstance(corpus, str):
                    resolved.append(os.path.realpath(folder / corpus))
                settings.append((None if source is None else str(source), table, tuple(group)))
            first = groups[0][0]
            root = first[0].parent if first is not None else cwd.resolve()
            stats = [_path_stat(path) for path in paths]
            code = code_identity(cache_root(root))
        except (OSError, RuntimeError, SeedcheckError, ValueError):
            return None  # RuntimeError: a symbolic link loop; ValueError: a NUL in a path
        parts = (
            kind,  # what is kept: a validate run's report, or another command's
            code,
            dt.date.today().isoformat(),
            str(cwd),
            config,
            tuple(settings),
            tuple(paths),
            tuple(stats),
            tuple(resolved),
            tuple(tuple(values) for values in rule_lists),
        )
        text = repr(parts).encode("utf-8", errors="surrogatepass")
        key = hashlib.sha256(text).hexdigest()
        return cls(cache_root(root), key, groups, cwd)

    def recall(self) -> tuple[list[Path], Report] | None:
        """The corpus folders and report of the run with this key, if none changed."""
        kept = self.recall_value()
        if kept is None:
            return None
        folders, value = kept
        try:
            record: Any = value
            diagnostics, checked = record
            if not all(isinstance(name, str) for name in checked):
                return None
            report = Report(tuple(from_record(d) for d in diagnostics), tuple(checked))
        except (TypeError, ValueError):
            return None  # a record of another shape
        return folders, report

    def recall_value(self) -> tuple[list[Path], object] | None:
        """The corpus folders and the value kept under this key (plain values, for the
        caller to check), if none of the folders changed since."""
        if not cache_usable(self.root, self.folder):
            return None
        # Written for another key (a file copied or planted from another corpus's cache)
        # reads as None: its folders are not this run's, whatever their state.
        record = read_checked(self.path, _MAGIC, key=self.key)
        if record is None:
            return None
        now = time.time_ns()
        try:
            folders, kept_bytes = record
            for root, pattern, _, digest in folders:
                if backtracking_reason(pattern) is not None:  # a memo file is not trusted
                    return None
                scan = scan_folder(Path(root), name_pattern(pattern), now)
                self.scans[scan.root] = scan  # for the run, if one folder differs
                if scan_digest(scan) != digest:
                    return None
            value = marshal.loads(kept_bytes)
            self.scans.clear()
        except (EOFError, OSError, re.error, SeedcheckError, TypeError, ValueError):
            # A folder gone or unreadable, a record of another shape, or a name the
            # pattern ran out of time on (the run then says so).
            return None
        # Used now: the files kept are those of the runs made or answered last, so eight
        # commits' hooks do not push out the full run made between them.
        with contextlib.suppress(OSError):
            os.utime(self.path)
        return [Path(folder[0]) for folder in folders], value

    def remember(self, folders: Sequence[FolderState | None], report: Report) -> None:
        """Keep this run's report, unless a folder held a file too fresh to identify."""
        report_record = (
            tuple(diagnostic_record(d) for d in report.diagnostics),
            tuple(report.checked),
        )
        self.remember_value(folders, report_record)

    def remember_value(self, folders: Sequence[FolderState | None], value: Any) -> None:
        """Keep ``value`` (plain values) for the folders as they are, unless a folder held
        a file too fresh to identify."""
        if any(folder is None for folder in folders):
            return
        # The value kept marshalled inside the record: only a run whose folders are
        # unchanged unpacks it (at 100,000 seeds a report names 100,000 paths).
        record = (tuple(folders), marshal.dumps(value))
        with saving(self.folder, self.root) as free:
            if free:  # else another run is saving to the memo (see saving)
                write_checked(self.path, _MAGIC, record, key=self.key, root=self.root)
                self._forget_older()

    def _forget_older(self) -> None:
        """Delete all but the :data:`KEPT` files used last, this run's among them.

        Ordered by modification time, which a run sets when it writes its file or the
        memo answers it. A file that another run deletes or writes meanwhile is left to
        that run. Only files that seedcheck wrote count, known by their header: a name
        alone proves nothing, as a committed cache folder may hold anything under a
        64-hex-digit name, or a link to someone else's file.
        """
        written: list[tuple[int, str]] = []
        if not cache_usable(self.root, self.folder):
            return
        try:
            with os.scandir(self.folder) as found:
                for entry in found:
                    if _KEY.fullmatch(entry.name) and entry.name != self.key:
                        with contextlib.suppress(OSError):
                            if _written_by_us(Path(entry.path), _MAGIC):
                                written.append((entry.stat().st_mtime_ns, entry.name))
        except OSError:
            return
        written.sort()
        for _, name in written[: max(len(written) - (KEPT - 1), 0)]:
            with contextlib.suppress(OSError):
                (self.folder / name).unlink()
        old = self.folder.parent / _OLD_MEMO
        with contextlib.suppress(OSError):
            if _written_by_us(old, _OLD_MAGIC):
                old.unlink()


def _written_by_us(path: Path, magic: bytes) -> bool:
    """Whether ``path`` is a regular file that starts with seedcheck's ``magic``."""
    with open_cache_file(path) as stream:
        return stream.read(len(magic)) == magic


def _config(option: str, cwd: Path) -> Found:
    """The configuration file and table of ``--config``, as the run finds them."""
    source = (cwd / option).resolve()
    table = read_table(source) if source.is_file() else None
    if table is None:
        raise SeedcheckError("not a configuration file")  # the run says why
    return source, table


def _path_stat(path: str) -> tuple[int, int, int, int, int] | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_mode, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
