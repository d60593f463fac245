"""The baseline: the findings a corpus had when seedcheck was adopted, so that a run
fails only on new ones.

A finding is recorded as its file (relative to the baseline file's folder, with ``/``),
its rule code and a fingerprint of the text it points at: the lines from its line to its
end line, each stripped of edge blanks. Not its line number, so that an edit elsewhere in
the file, which moves the finding, does not bring it back; and not its message, which may
name other line numbers. Equal keys are counted: a baseline with two copies of a doubled
caption hides two findings, not every later copy.

The file is JSON, sorted and indented, so that a rewritten baseline diffs well in review.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from seedcheck.diagnostic import Diagnostic
from seedcheck.errors import SeedcheckError
from seedcheck.report import Report

FORMAT = "seedcheck-baseline"
VERSION = 1
# The most of a file read for fingerprints: INDEX.md may be 64 MiB, a seed 1 MiB by default.
_MAX_READ = 64 * 1024 * 1024 + 1

Key = tuple[str, str, str]  # (absolute path, code, fingerprint)


class _Texts:
    """The lines of the files findings are in, each read once."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str]] = {}

    def lines(self, path: str) -> list[str]:
        found = self._lines.get(path)
        if found is None:
            found = self._lines[path] = _read_lines(path)
        return found


def _read_lines(path: str) -> list[str]:
    # Only a regular file is opened: a finding may be about a FIFO or a link in the corpus.
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return []
        with open(path, "rb") as fh:  # noqa: PTH123
            data = fh.read(_MAX_READ)
    except OSError:
        return []
    return data.decode("utf-8", errors="replace").split("\n")


def fingerprint(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    """The rule and the text a finding points at, as 16 hex digits."""
    first = max(diagnostic.line, 1)
    last = max(diagnostic.end_line or first, first)
    text = "\n".join(line.strip() for line in lines[first - 1 : last])
    return hashlib.sha256(f"{diagnostic.code}\0{text}".encode()).hexdigest()[:16]


def _keys(diagnostics: Iterable[Diagnostic], texts: _Texts) -> list[Key]:
    return [(d.path, d.code, fingerprint(d, texts.lines(d.path))) for d in diagnostics]


def _relative(path: str, folder: Path) -> str:
    try:
        return PurePath(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # on another Windows drive
        return PurePath(path).as_posix()


def baseline_text(diagnostics: Sequence[Diagnostic], baseline: Path) -> str:
    """The baseline file recording ``diagnostics``, to be written at ``baseline``."""
    folder = _folder(baseline)
    names = {d.code: d.name for d in diagnostics}
    counts = Counter(_keys(diagnostics, _Texts()))
    findings = [
        {
            "path": _relative(path, folder),
            "code": code,
            "name": names[code],
            "fingerprint": print_,
            "count": count,
        }
        for (path, code, print_), count in counts.items()
    ]
    findings.sort(key=lambda f: (f["path"], f["code"], f["fingerprint"]))
    document = {"format": FORMAT, "version": VERSION, "findings": findings}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _folder(baseline: Path) -> Path:
    # As finding paths are: the folder resolved, so that the relative paths agree.
    return Path(os.path.realpath(baseline.absolute().parent))


def read_baseline(path: Path) -> Counter[Key]:
    """The findings a baseline file records, by key; a clear error when it is not one."""
    shown = path.as_posix()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedcheckError(
            f"{shown}: baseline not found; write one with "
            f"`seedcheck validate --write-baseline {shown}`"
        ) from None
    except OSError as exc:
        raise SeedcheckError(f"{shown}: cannot read the baseline: {exc.strerror}") from None
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SeedcheckError(f"{shown}: not a seedcheck baseline: {exc}") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT
        or not isinstance(document.get("findings"), list)
    ):
        raise SeedcheckError(
            f'{shown}: not a seedcheck baseline (expected a JSON object with "format": '
            f'"{FORMAT}" and a "findings" list)'
        )
    if document.get("version") != VERSION:
        raise SeedcheckError(
            f"{shown}: baseline version {document.get('version')!r} is not {VERSION}; "
            "write it again with --write-baseline"
        )
    folder = _folder(path)
    entries: Counter[Key] = Counter()
    for number, entry in enumerate(document["findings"], start=1):
        try:
            where = os.path.normpath(folder / str(entry["path"]))
            key = (where, str(entry["code"]), str(entry["fingerprint"]))
            count = int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise SeedcheckError(
                f"{shown}: finding {number} of the baseline needs path, code and fingerprint"
            ) from None
        entries[key] += max(count, 0)
    return entries


def apply_baseline(report: Report, known: Counter[Key]) -> Report:
    """``report`` without the findings in ``known``, counting those it hid and the
    entries of checked files that no longer occur."""
    left = Counter(known)
    kept: list[Diagnostic] = []
    hidden = 0
    texts = _Texts()
    for diagnostic, key in zip(report.diagnostics, _keys(report.diagnostics, texts), strict=True):
        if left[key] > 0:
            left[key] -= 1
            hidden += 1
        else:
            kept.append(diagnostic)
    # Only entries of files this run checked: a run on one seed says nothing of the others.
    checked = set(report.checked)
    stale = sum(count for (path, _, _), count in left.items() if count > 0 and path in checked)
    return dataclasses.replace(report, diagnostics=tuple(kept), hidden=hidden, stale=stale)
