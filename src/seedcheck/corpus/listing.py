"""Listing a corpus folder: which names it holds, what each is, and its files' stats.

Kept apart from parsing (no YAML, Markdown or Pydantic here), so that a run whose
cache answers for every file imports only this to know that nothing changed.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from seedcheck.corpus.reading import describe_mode, read_limited
from seedcheck.index.document import INDEX_NAME
from seedcheck.text.bounded_pattern import BoundedPattern

if TYPE_CHECKING:
    from seedcheck.text.bounded_pattern import Match

README_NAME = "README.md"
DEFAULT_PATTERN = r"^(?P<number>\d{3,})_(?P<id>[0-9a-f]{16})\.(txt|md)$"
PATTERN_SETTING = "pattern"


def name_pattern(pattern: str) -> BoundedPattern:
    """The file-name ``pattern`` setting as it runs: with a time limit on each name (a
    contributor chooses the names), or on ``re`` when it is the default, known linear.

    Raises PatternTimeout from a match that runs out of time: a name the pattern cannot
    decide leaves the corpus's seeds unknown, an error for the whole run.
    """
    return BoundedPattern(
        pattern, PATTERN_SETTING, "the file name", trusted=pattern == DEFAULT_PATTERN
    )


SEED_SUFFIXES = (".txt", ".md")
INDEX_MAX_SIZE = 64 * 1024 * 1024
# An index row takes a line of about 150 bytes; notes around the table get a megabyte.
INDEX_BASE_SIZE = 1024 * 1024
INDEX_SIZE_PER_SEED = 4 * 1024

EntryKind = Literal[
    "seed", "index", "readme", "dotfile", "unexpected", "not-regular", "unreadable", "too-large"
]


@dataclass(frozen=True, slots=True)
class Entry:
    """One name in the corpus folder and what it turned out to be.

    ``detail`` says what kind of non-regular file it is, or why it could not be read.
    """

    path: Path
    name: str
    kind: EntryKind
    detail: str = ""
    size: int = 0
    number: str | None = None


# Size, mtime (ns), inode and ctime (ns), packed: a run keeps one per seed, and a
# tuple of four large ints takes 200 bytes where these 32 bytes take 65.
StatKey = bytes
_STAT = struct.Struct("<4Q")
_MTIME = struct.Struct("<Q")  # the second field of a stat key
_WORD = (1 << 64) - 1
# A file written within this long before it was read may change again without its
# size or mtime changing (coarse file-system clocks; FAT counts in 2 s steps), so its
# record is not kept: the next run reads it again.
RACY_NS = 2_000_000_000


def stat_key(info: os.stat_result) -> StatKey:
    """What identifies one version of a file: size, mtime, inode and ctime.

    Each is kept in 64 bits, a time before 1970 as its two's complement (an inode
    number wider than that, as ReFS has, keeps its low 64 bits).
    """
    fields = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
    return _STAT.pack(*(value & _WORD for value in fields))


def stat_size(key: StatKey) -> int:
    """The size of the file a stat key is of."""
    return int(_STAT.unpack(key)[0])


def is_racy(key: StatKey, now_ns: int) -> bool:
    """Whether the file was written too recently for its stat to identify its content.

    A second write in the same clock step as the first would leave the mtime as it is;
    once the mtime is older than a step, any write moves it.
    """
    mtime = int(_STAT.unpack(key)[1])
    if mtime > _WORD >> 1:
        mtime -= 1 << 64  # before 1970
    return now_ns - mtime < RACY_NS


def index_size_limit(max_file_size: int, seed_names: int) -> int:
    """The most of INDEX.md that is read, for a folder with ``seed_names`` seeds.

    INDEX.md grows with the corpus (a row per seed), so ``max-file-size``, which is for
    one seed, does not bound it. Parsing it costs memory many times its size, so it is
    bounded by what the corpus could need, within ``INDEX_MAX_SIZE``.
    """
    needed = INDEX_BASE_SIZE + INDEX_SIZE_PER_SEED * seed_names
    return max(max_file_size, min(needed, INDEX_MAX_SIZE))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name that has to be read to know what it is: a seed or INDEX.md.

    ``limit`` is the most that is read of it (``max-file-size``, or the INDEX.md limit);
    ``stat`` its :func:`stat_key` as listed (not the whole stat: a run keeps a candidate
    per file, and a stat result takes 600 bytes).
    """

    path: Path
    name: str
    number: str | None
    seed_id: str | None
    limit: int
    stat: StatKey | None = None


# A name in a folder as scanned: the name, its pattern match, its entry kind (or
# "candidate" for a file to be read), the entry's detail and, for a candidate, its stat.
_Kind = EntryKind | Literal["candidate"]
_Scanned = tuple[str, "Match | None", _Kind, str, StatKey | None]


def _scan(root: Path, pattern: BoundedPattern) -> Iterator[_Scanned]:
    """The names in ``root`` in order, each told apart by its name and type alone.

    One at a time: a match object and a stat are 400 bytes a name, which a list of
    them would hold for the whole folder.
    """
    # Names, then one lstat each as they are used: a DirEntry holds its stat once
    # asked, and keeping 100,000 of them for the sort would cost 80 MB (scandir saves
    # no system call here, since each stat is needed anyway).
    folder = os.fspath(root)
    for name in sorted(os.listdir(folder)):
        match = pattern.fullmatch(name)
        is_candidate = (
            bool(match)
            or name in (INDEX_NAME, README_NAME)
            or (not name.startswith(".") and name.lower().endswith(SEED_SUFFIXES))
        )
        if name.startswith("."):
            yield (name, match, "dotfile", "", None)
            continue
        try:
            info = os.lstat(f"{folder}{os.sep}{name}")  # a Path per name costs 3 µs
            kind = describe_mode(info.st_mode)
        except OSError as exc:  # removed or made inaccessible since the listing
            yield (name, match, "unreadable", exc.strerror or str(exc), None)
            continue
        if kind is not None:
            yield (name, match, "not-regular" if is_candidate else "unexpected", kind, None)
            continue
        # "index.md" or "Readme.md" is a misspelt manifest, not a misnamed seed.
        misspelt = name.lower() in (INDEX_NAME.lower(), README_NAME.lower())
        if not is_candidate or (misspelt and name not in (INDEX_NAME, README_NAME)):
            yield (name, match, "unexpected", "", None)
        elif name == README_NAME:
            yield (name, match, "readme", "", None)
        else:
            yield (name, match, "candidate", "", stat_key(info))


@dataclass(frozen=True)
class FolderScan:
    """A folder's names as scanned at ``now_ns`` (each: name, kind, detail, stat key).

    The run memo scans a folder to learn whether it changed; when it did, the run lists
    the folder from this scan rather than stat every file a second time (at 100,000
    seeds, 0.4 s of a commit's run). The match objects are left out: 200 bytes a name
    less, and matching again costs a fraction of a microsecond.
    """

    root: Path
    pattern: str
    now_ns: int
    names: tuple[tuple[str, _Kind, str, StatKey | None], ...]

    def is_of(self, root: Path, pattern: BoundedPattern) -> bool:
        """Whether this is a scan of ``root`` with ``pattern`` (what a listing needs)."""
        return self.root == root and self.pattern == pattern.pattern


def scan_folder(root: Path, pattern: BoundedPattern, now_ns: int) -> FolderScan:
    """Every name in ``root``, as :func:`list_folder` sees it; ``now_ns`` is the time taken
    just before, against which a stat is judged racy."""
    names = tuple(
        (name, kind, detail, info) for name, _, kind, detail, info in _scan(root, pattern)
    )
    return FolderScan(root, pattern.pattern, now_ns, names)


def scan_digest(scan: FolderScan) -> bytes | None:
    """:func:`listing_digest` of the listing a scan gives."""
    return _digest(scan.names, scan.now_ns)


def _rescanned(scan: FolderScan, pattern: BoundedPattern) -> Iterator[_Scanned]:
    for name, kind, detail, info in scan.names:
        yield (name, pattern.fullmatch(name), kind, detail, info)


def list_folder(
    root: Path, pattern: BoundedPattern, max_file_size: int, scan: FolderScan | None = None
) -> list[Entry | Candidate]:
    """The names in ``root`` in order: entries known from name and type, and candidates.

    From ``scan`` when it is of this folder and pattern, else from the folder itself.
    """
    listed: list[Entry | Candidate] = []
    seed_names = 0
    # INDEX.md's limit grows with the number of seeds, counted on the way.
    index_at: tuple[int, Candidate] | None = None
    scanned = (
        _rescanned(scan, pattern)
        if scan is not None and scan.is_of(root, pattern)
        else _scan(root, pattern)
    )
    for listed_name, match, kind, detail, info in scanned:
        seed_names += match is not None
        path = root / listed_name
        # The path holds a copy of the name (pathlib interns each part): the entry
        # keeps that one rather than a second copy.
        name = path.name
        if name != listed_name:
            name = listed_name  # never on POSIX; pathlib may read a drive in it elsewhere
        number = match.group("number") if match else None
        if number is not None and not (number.isascii() and number.isdigit()):
            number = None  # a custom pattern let something else than 0-9 through
        if kind != "candidate":
            listed.append(Entry(path, name, kind, detail))
            continue
        seed_id = match.group("id") if match else None
        candidate = Candidate(path, name, number, seed_id, max_file_size, info)
        if name == INDEX_NAME:
            index_at = (len(listed), candidate)
        listed.append(candidate)
    if index_at is not None:
        at, index = index_at
        listed[at] = replace(index, limit=index_size_limit(max_file_size, seed_names))
    return listed


def read_candidate(candidate: Candidate) -> tuple[Entry, bytes | None]:
    """Read a candidate: its entry (a seed, the index, or why it was not read) and bytes.

    The bytes are None unless the entry is a seed or the index.
    """
    path, name, number, limit = candidate.path, candidate.name, candidate.number, candidate.limit
    result = read_limited(path, limit)
    if result.not_regular:  # replaced between listing and opening
        return Entry(path, name, "not-regular", result.not_regular), None
    if result.error is not None or result.data is None:
        return Entry(path, name, "unreadable", result.error or "unknown error"), None
    if result.too_large:
        return too_large_entry(path, name, number, limit, result.size), None
    if name == INDEX_NAME:
        return Entry(path, name, "index", size=result.size), result.data
    return Entry(path, name, "seed", size=result.size, number=number), result.data


def too_large_entry(path: Path, name: str, number: str | None, limit: int, size: int) -> Entry:
    """The entry of a file of ``size`` bytes, over its ``limit``: not read any further."""
    # detail names the limit that applied, for the message.
    limit_name = (
        f"the INDEX.md limit ({limit} bytes: 1 MiB and 4 KiB per seed)"
        if name == INDEX_NAME
        else f"max-file-size ({limit} bytes)"
    )
    return Entry(path, name, "too-large", limit_name, size=size, number=number)


def listing_digest(listed: Sequence[Entry | Candidate], now_ns: int) -> bytes | None:
    """A digest of a listing: every name, what it is, and each candidate's stat.

    Two listings with one digest hold the same names with the same file versions, so a
    result made from one holds for the other. None when a file was written too recently
    for its stat to say so (see :func:`is_racy`).
    """
    return _digest(
        (
            (item.name, item.kind, item.detail, None)
            if isinstance(item, Entry)
            else (item.name, "candidate", "", item.stat)
            for item in listed
        ),
        now_ns,
    )


def _digest(described: Iterable[tuple[str, str, str, StatKey | None]], now_ns: int) -> bytes | None:
    # Hashed a name at a time: a list of the parts would take 30 MB at 100,000 names,
    # just when a run holds the most. Each part is marked by its kind and its fields
    # end in NUL, which no file name holds; a candidate's stat key has a fixed width.
    digest = hashlib.blake2b(digest_size=16)
    update = digest.update
    newest = now_ns - RACY_NS  # a later mtime is racy (see is_racy)
    for name, kind, detail, info in described:
        if kind != "candidate":
            update(f"\x01{name}\x00{kind}\x00{detail}\x00".encode("utf-8", "surrogatepass"))
            continue
        if info is None:
            return None
        mtime = _MTIME.unpack_from(info, 8)[0]
        if newest < mtime <= _WORD >> 1:  # a larger value is a time before 1970
            return None
        update(b"\x02" + name.encode("utf-8", "surrogatepass") + b"\x00" + info)
    return digest.digest()
