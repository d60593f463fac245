"""The finished result of a run, which reporters render and the CLI maps to an exit code."""

from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from seedcheck.diagnostic import Diagnostic, Severity


class FolderPaths(Sequence[str]):
    """Path strings of files, each a folder's path joined with a name, made when asked for.

    A report names every file it checked: at 100,000 seeds a string for each took 11 MB
    at the run's peak, when the folder's path and every name were held already. Groups
    whose folder is "" hold whole paths. Equal to any sequence of the same strings.
    """

    __slots__ = ("_ends", "_groups")

    def __init__(self, groups: Iterable[tuple[str, Sequence[str]]]) -> None:
        self._groups = tuple((folder, tuple(names)) for folder, names in groups if names)
        self._ends = tuple(itertools.accumulate(len(names) for _, names in self._groups))

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    @overload
    def __getitem__(self, at: int) -> str: ...

    @overload
    def __getitem__(self, at: slice) -> list[str]: ...

    def __getitem__(self, at: int | slice) -> str | list[str]:
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(len(self)))]
        if at < 0:
            at += len(self)
        if not 0 <= at < len(self):
            raise IndexError("path index out of range")
        group = bisect.bisect_right(self._ends, at)
        folder, names = self._groups[group]
        start = self._ends[group - 1] if group else 0
        return _joined(folder, names[at - start])

    def __iter__(self) -> Iterator[str]:
        for folder, names in self._groups:
            for name in names:
                yield _joined(folder, name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # equal to tuples, so not hashable

    def __repr__(self) -> str:
        return f"FolderPaths({list(self)!r})"


def _joined(folder: str, name: str) -> str:
    # As str(Path(folder) / name) gives it, for a name without a separator; making the
    # Path would cost what not holding the string saves.
    return os.path.join(folder, name) if folder else name  # noqa: PTH118


@dataclass(frozen=True)
class Report:
    """All diagnostics of a run, sorted, and the files that were checked.

    ``checked`` holds resolved path strings, in corpus order: the seeds and INDEX.md of
    each corpus, or only the files named on the command line.
    """

    diagnostics: tuple[Diagnostic, ...]
    checked: Sequence[str]
    # With a baseline: the known findings it hid, and its entries for checked files
    # that no longer occur.
    hidden: int = 0
    stale: int = 0

    @property
    def files_checked(self) -> int:
        return len(self.checked)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def files_with_findings(self) -> int:
        return len({d.path for d in self.diagnostics})
