"""The run memo: an unchanged run is answered without checking, any change is checked.

Each test counts the corpus folders that were really checked (``check_folder`` calls):
a memo hit checks none, and every run, hit or not, prints what ``--no-cache`` prints.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
import time
import weakref
from pathlib import Path
from typing import Any

import pytest

import seedcheck
import seedcheck.run.folder
import seedcheck.run.seed_worker
from seedcheck.cache import run_memo
from seedcheck.cache.run_memo import KEPT
from seedcheck.corpus.listing import (
    DEFAULT_PATTERN,
    FolderScan,
    list_folder,
    listing_digest,
    name_pattern,
    scan_digest,
    scan_folder,
)
from seedcheck.corpus.value import Corpus
from seedcheck.rules.registry import RULES
from seedcheck.text.bounded_pattern import BoundedPattern
from tests.conftest import RunCli, can_symlink, memo_files

DAY_NS = 24 * 3600 * 10**9


def _age(folder: Path) -> None:
    """Move every file's mtime a day back, so that its stat identifies its content."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - DAY_NS))


class Checks:
    """Counts the corpus folders checked, and the seeds read, during runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folders = 0
        self.seeds: list[str] = []
        check_folder = seedcheck.run.folder.check_folder
        check_seed = seedcheck.run.seed_worker.check_seed

        def counting_check_folder(*args: Any, **kwargs: Any) -> Any:
            self.folders += 1
            return check_folder(*args, **kwargs)

        def counting_check_seed(candidate: Any, *args: Any) -> Any:
            self.seeds.append(candidate.name)
            return check_seed(candidate, *args)

        # Where targets and folder_check look them up.
        monkeypatch.setattr("seedcheck.run.targets.check_folder", counting_check_folder)
        monkeypatch.setattr("seedcheck.run.folder.check_seed", counting_check_seed)

    def reset(self) -> None:
        self.folders = 0
        self.seeds.clear()


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Checks:
    return Checks(monkeypatch)


def _seed(folder: Path, number: int, body: str | None = None, extra: str = "") -> Path:
    path = folder / f"{number:03d}_{number:016x}.txt"
    text = body or " ".join(f"w{number}x{i}" for i in range(60)) + "."
    path.write_text(f"---\ntitle: Seed {number}\nbyline: Ana Silva\n{extra}---\n{text}\n")
    return path


@pytest.fixture
def corpus(isolated: Path, run_cli: RunCli) -> Path:
    folder = isolated / "corpus"
    folder.mkdir()
    for number in range(5):
        _seed(folder, number)
    assert run_cli(["index", "corpus"]).code == 0
    _age(isolated)
    return folder


def test_an_unchanged_run_is_answered_without_checking(
    corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    uncached = run_cli(["validate", "--format", "json", "--no-cache", "corpus"])
    first = run_cli(["validate", "--format", "json", "corpus"])
    assert checks.folders == 2
    assert len(memo_files()) == 1
    checks.reset()
    for _ in range(2):
        assert run_cli(["validate", "--format", "json", "corpus"]) == uncached
    assert (checks.folders, checks.seeds) == (0, [])
    assert first == uncached
    # Only the rendering differs: text output of the same report comes from the memo too.
    text = run_cli(["validate", "corpus"])
    assert text == run_cli(["validate", "--no-cache", "corpus"])
    assert checks.folders == 1  # the --no-cache run


def _edit_seed(corpus: Path) -> None:
    # Same size, an mtime an hour back: only the inode's ctime and the mtime say so.
    path = sorted(corpus.glob("002_*"))[0]
    path.write_text(path.read_text().replace("Seed 2", "Seed Z"))
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, time.time_ns() - 3600 * 10**9))


def test_a_changed_run_lists_the_folder_from_the_memos_scan(
    corpus: Path, run_cli: RunCli, checks: Checks, monkeypatch: pytest.MonkeyPatch
) -> None:
    import seedcheck.corpus.listing

    scans: list[Path] = []
    scan = seedcheck.corpus.listing._scan

    def counting_scan(root: Path, pattern: BoundedPattern) -> Any:
        scans.append(root)
        return scan(root, pattern)

    monkeypatch.setattr(seedcheck.corpus.listing, "_scan", counting_scan)
    run_cli(["validate", "corpus"])
    assert len(scans) == 1  # no memo yet: the run's listing
    _edit_seed(corpus)
    scans.clear()
    checks.reset()
    result = run_cli(["validate", "corpus"])
    assert checks.seeds == [sorted(corpus.glob("002_*"))[0].name]
    assert len(scans) == 1  # the memo's scan, which the run then lists from
    assert result == run_cli(["validate", "--no-cache", "corpus"])
    scans.clear()
    assert run_cli(["validate", "corpus"]) == result
    assert (len(scans), checks.folders) == (1, 2)  # answered from the memo: no check


def test_the_memos_scan_is_let_go_once_the_folder_is_listed(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its tuples and stats would otherwise be held through the corpus rules.
    listed_from: list[weakref.ref[FolderScan]] = []
    alive_at_rules: list[bool] = []
    from seedcheck.corpus.listing import list_folder
    from seedcheck.run.incremental import check_corpus_reusing

    def recording_list_folder(*args: Any) -> Any:
        if len(args) > 3 and args[3] is not None:
            listed_from.append(weakref.ref(args[3]))
        return list_folder(*args)

    def recording_rules(*args: Any, **kwargs: Any) -> Any:
        alive_at_rules.extend(ref() is not None for ref in listed_from)
        return check_corpus_reusing(*args, **kwargs)

    monkeypatch.setattr("seedcheck.run.folder.list_folder", recording_list_folder)
    monkeypatch.setattr("seedcheck.run.folder.check_corpus_reusing", recording_rules)
    run_cli(["validate", "corpus"])
    _edit_seed(corpus)
    run_cli(["validate", "corpus"])
    assert (len(listed_from), alive_at_rules) == (1, [False])


def _add_seed(corpus: Path) -> None:
    _seed(corpus, 7)
    _age(corpus)


def _remove_seed(corpus: Path) -> None:
    sorted(corpus.glob("001_*"))[0].unlink()


def _add_stray_file(corpus: Path) -> None:
    (corpus / "notes.json").write_text("{}")
    _age(corpus)


def _add_folder(corpus: Path) -> None:
    (corpus / "drafts").mkdir()


def _edit_index(corpus: Path) -> None:
    index = corpus / "INDEX.md"
    index.write_text(index.read_text().replace("Seed 1 ", "Seed X ", 1))
    _age(corpus)


def _configure(corpus: Path) -> None:
    (corpus.parent / "seedcheck.toml").write_text("body-min-words = 100\n")


CHANGES = {
    "edited-seed": _edit_seed,
    "added-seed": _add_seed,
    "removed-seed": _remove_seed,
    "stray-file": _add_stray_file,
    "new-folder": _add_folder,
    "edited-index": _edit_index,
    "configuration": _configure,
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_change_is_checked(change: str, corpus: Path, run_cli: RunCli, checks: Checks) -> None:
    before = run_cli(["validate", "corpus"])
    CHANGES[change](corpus)
    checks.reset()
    result = run_cli(["validate", "corpus"])
    assert checks.folders == 1
    assert result == run_cli(["validate", "--no-cache", "corpus"])
    assert result != before  # each change shows in the report: a stale one would not


@pytest.mark.parametrize(
    "other",
    [
        ["validate", "--select", "SC5", "corpus"],
        ["validate", "--ignore", "SC507", "corpus"],
        ["validate", "corpus/INDEX.md"],
        ["validate", "--config", "other.toml", "corpus"],
    ],
)
def test_other_arguments_are_another_run(
    other: list[str], corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    (corpus.parent / "other.toml").write_text("body-min-words = 100\n")
    _edit_seed(corpus)
    run_cli(["validate", "corpus"])
    checks.reset()
    result = run_cli(other)
    assert checks.folders == 1
    assert result == run_cli([*other[:-1], "--no-cache", other[-1]])


def test_a_file_written_just_now_is_never_memoised(
    corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    _seed(corpus, 9)  # mtime now: its stat cannot prove that no second write followed
    run_cli(["validate", "corpus"])
    run_cli(["validate", "corpus"])
    assert checks.folders == 2
    assert memo_files() == []


@pytest.mark.parametrize("damage", [b"", run_memo._MAGIC + b"\0" * 40, os.urandom(200)])
def test_a_damaged_memo_is_ignored(
    damage: bytes, corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    expected = run_cli(["validate", "corpus"])
    [memo] = memo_files()
    memo.write_bytes(damage)
    checks.reset()
    assert run_cli(["validate", "corpus"]) == expected
    assert checks.folders == 1
    assert run_cli(["validate", "corpus"]) == expected
    assert checks.folders == 1  # rewritten whole by the run that ignored it


@pytest.mark.parametrize(
    "report", [b"\xff" * 8, b"", marshal.dumps((1, 2, 3)), marshal.dumps(((), (5,)))], ids=repr
)
def test_a_damaged_report_behind_unchanged_folders_is_ignored(
    report: bytes, corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    """A report is kept marshalled inside the memo and only loaded once the folders
    match: one that does not load, or loads as another shape, means checking again."""
    expected = run_cli(["validate", "corpus"])
    [memo] = memo_files()
    line = memo.name.encode() + b"\n"  # the file's key, its name
    head = len(run_memo._MAGIC) + 16 + len(line)
    folders, _ = marshal.loads(memo.read_bytes()[head:])
    payload = line + marshal.dumps((folders, report))
    checksum = hashlib.blake2b(payload, digest_size=16).digest()
    memo.write_bytes(run_memo._MAGIC + checksum + payload)
    checks.reset()
    assert run_cli(["validate", "corpus"]) == expected
    assert checks.folders == 1


def test_the_next_day_is_another_run(
    corpus: Path, run_cli: RunCli, checks: Checks, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = run_cli(["validate", "corpus"])
    day = dt.date.fromordinal(dt.date.today().toordinal() + 1)

    class Tomorrow(dt.date):
        @classmethod
        def today(cls) -> Tomorrow:
            return cls(day.year, day.month, day.day)

    # The datetime module's own date, for the whole run: the memo asks it for the day.
    monkeypatch.setattr(dt, "date", Tomorrow)
    checks.reset()
    assert run_cli(["validate", "corpus"]) == expected
    assert checks.folders == 1


@pytest.mark.parametrize("when", ["tomorrow", "timestamp"])
def test_a_seed_dated_after_today_is_read_on_every_run(
    when: str, corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    tomorrow = dt.date.fromordinal(dt.date.today().toordinal() + 1).isoformat()
    # Pydantic also reads a number as a Unix time: 4102444800 is 2100-01-01.
    published = tomorrow if when == "tomorrow" else "4102444800"
    future = _seed(corpus, 8, extra=f"published: {published}\n")
    _age(corpus)
    first = run_cli(["validate", "-q", "corpus"])
    assert f"{future.name}:4:12: SC208 [invalid-field] published date is in the future" in first.out
    for memo in memo_files():
        memo.unlink()  # the memo is keyed by the day; the per-file cache is not
    checks.reset()
    assert run_cli(["validate", "-q", "corpus"]) == first
    assert checks.seeds == [future.name]


def test_only_the_latest_runs_are_kept(corpus: Path, run_cli: RunCli, checks: Checks) -> None:
    codes = [rule.code for rule in RULES[:KEPT]]
    run_cli(["validate", "corpus"])
    for code in codes:
        assert run_cli(["validate", "--ignore", code, "corpus"]).code == 0
    checks.reset()
    run_cli(["validate", "--ignore", codes[-1], "corpus"])
    assert checks.folders == 0  # among the latest
    run_cli(["validate", "corpus"])
    assert checks.folders == 1  # the oldest, forgotten


def test_a_run_reads_only_its_own_memo_file(
    corpus: Path, run_cli: RunCli, checks: Checks, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = run_cli(["validate", "corpus"])
    for code in ("SC101", "SC102"):
        run_cli(["validate", "--ignore", code, "corpus"])
    assert len(memo_files()) == 3
    read: list[Path] = []
    from seedcheck.cache.file import read_checked

    def counting_read_checked(path: Path, magic: bytes, *, key: str) -> Any:
        read.append(path)
        return read_checked(path, magic, key=key)

    monkeypatch.setattr("seedcheck.cache.run_memo.read_checked", counting_read_checked)
    checks.reset()
    assert run_cli(["validate", "corpus"]) == expected
    assert checks.folders == 0
    [own] = read
    assert own in memo_files()
    # A run that misses writes its own file, without reading the others either.
    read.clear()
    _edit_seed(corpus)
    run_cli(["validate", "corpus"])
    assert read == [own]


def test_the_oldest_memo_files_go_and_other_files_stay(corpus: Path, run_cli: RunCli) -> None:
    run_cli(["validate", "corpus"])
    [own] = memo_files()
    folder = own.parent
    older = []
    for turn in range(KEPT + 2):  # written a minute apart, an hour ago
        path = folder / f"{turn:064x}"
        path.write_bytes(run_memo._MAGIC + b"a run of another key")
        written = time.time_ns() - 3600 * 10**9 + turn * 60 * 10**9
        os.utime(path, ns=(written, written))
        older.append(path)
    # Not the memo's: a concurrent run's write in progress, and whatever else is there,
    # a file of the memo's name without its header (a committed cache may hold any) too.
    others = [folder / ".tmp-k2j4x9", folder / "notes.txt", folder / f"{0:063x}"]
    others += [folder / f"{turn:064x}" for turn in range(100, 100 + KEPT + 2)]
    for path in others:
        path.write_bytes(b"")
    _edit_seed(corpus)
    run_cli(["validate", "corpus"])
    assert memo_files() == sorted([own, *older[-(KEPT - 1) :], *others])


def test_a_run_the_memo_answers_counts_as_used(
    corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    run_cli(["validate", "corpus"])
    [full] = memo_files()
    for code in [rule.code for rule in RULES[: KEPT - 1]]:  # a hook's runs, one a commit
        run_cli(["validate", "--ignore", code, "corpus"])
    hour_ago = time.time_ns() - 3600 * 10**9
    for turn, path in enumerate(sorted(memo_files(), key=lambda p: p != full)):
        os.utime(path, ns=(hour_ago + turn, hour_ago + turn))  # the full run's the oldest
    checks.reset()
    run_cli(["validate", "corpus"])  # answered by the memo: used now
    assert checks.folders == 0
    run_cli(["validate", "--ignore", RULES[KEPT].code, "corpus"])  # one more pushes one out
    assert len(memo_files()) == KEPT and full in memo_files()
    run_cli(["validate", "corpus"])
    assert checks.folders == 1  # only the new run's


def test_the_memo_of_one_file_for_every_run_is_deleted(
    corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    # Earlier versions kept every key's report in VERSION/runs, read whole by each run.
    old = Path(os.environ["SEEDCHECK_CACHE_DIR"]) / seedcheck.__version__ / "runs"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"seedcheck runs 2\n" + bytes(100))
    expected = run_cli(["validate", "corpus"])
    assert not old.exists()
    checks.reset()
    assert run_cli(["validate", "corpus"]) == expected
    assert checks.folders == 0


def test_a_memo_hit_still_refuses_to_write_into_the_corpus(
    corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    run_cli(["validate", "corpus"])
    checks.reset()
    result = run_cli(["validate", "--output", "corpus/report.txt", "corpus"])
    assert checks.folders == 0
    assert result.code == 2
    assert "refusing to write the report into the corpus folder" in result.err
    assert not (corpus / "report.txt").exists()


def test_a_scan_gives_the_listing_and_its_digest(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _seed(folder, 1)
    _seed(folder, 2)
    for name in ("INDEX.md", "README.md", "index.md", ".hidden", "notes.txt", "data.json"):
        (folder / name).write_text("x\n")
    (folder / "sub").mkdir()
    if can_symlink():
        (folder / "003_0000000000000003.txt").symlink_to(folder / "notes.txt")
    _age(folder)
    pattern = name_pattern(DEFAULT_PATTERN)
    now = time.time_ns()
    listed = list_folder(folder, pattern, 1 << 20)
    scan = scan_folder(folder, pattern, now)
    digest = scan_digest(scan)
    assert digest is not None
    assert digest == listing_digest(listed, now)
    # The run that follows a changed memo lists the folder from the memo's scan.
    assert list_folder(folder, pattern, 1 << 20, scan) == listed
    (folder / "notes.txt").write_text("y\n")  # same size, written just now
    assert scan_digest(scan_folder(folder, pattern, time.time_ns())) is None
    _age(folder)
    assert scan_digest(scan_folder(folder, pattern, time.time_ns())) not in (None, digest)
    # A scan of another folder or pattern is not used: the folder is listed again.
    other = name_pattern(r"^(?P<number>\d+)-(?P<id>\w+)\.txt$")
    assert list_folder(folder, other, 1 << 20, scan) == list_folder(folder, other, 1 << 20)
    assert list_folder(folder, other, 1 << 20, scan) != listed


def _link(link: Path, target: Path) -> None:
    if link.is_symlink():
        link.unlink()
    link.symlink_to(target, target_is_directory=True)


@pytest.mark.skipif(not can_symlink(), reason="no symbolic links here")
@pytest.mark.parametrize("named", [True, False], ids=["named-link", "configured-link"])
def test_a_corpus_link_pointed_elsewhere_is_another_run(
    named: bool, corpus: Path, isolated: Path, run_cli: RunCli, checks: Checks
) -> None:
    other = isolated / "other"
    other.mkdir()
    _seed(other, 3, body="Too short.")
    _age(other)
    # A chain of links: the one named (or configured) does not change, the next one does.
    _link(isolated / "current", corpus)
    _link(isolated / "seeds", isolated / "current")
    command = ["validate", "-q", *(["seeds"] if named else [])]
    first = run_cli(command)
    assert first == run_cli(["validate", "-q", "--no-cache", "corpus"])
    _link(isolated / "current", other)
    checks.reset()
    second = run_cli(command)
    assert checks.folders == 1
    assert second == run_cli(["validate", "-q", "--no-cache", "other"])
    assert second != first


def test_a_seed_that_could_not_be_read_is_read_again(
    corpus: Path, run_cli: RunCli, checks: Checks, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seedcheck.corpus.reading import ReadResult, read_limited

    busy = sorted(corpus.glob("003_*"))[0]

    def once_busy(path: Path, limit: int) -> ReadResult:
        if path == busy:
            return ReadResult(None, 0, error="Device or resource busy")
        return read_limited(path, limit)

    # Both readers: the cache's, which compares a seed's bytes with its record, too.
    for reader in ("seedcheck.corpus.listing", "seedcheck.cache.corpus_cache"):
        monkeypatch.setattr(f"{reader}.read_limited", once_busy)
    failed = run_cli(["validate", "-q", "corpus"])
    assert f"{busy.name}:1:1: SC111 [unreadable-file] cannot read the file: Device or" in failed.out
    for reader in ("seedcheck.corpus.listing", "seedcheck.cache.corpus_cache"):
        monkeypatch.setattr(f"{reader}.read_limited", read_limited)
    assert memo_files() == []  # never memoised: the next run may read it
    assert run_cli(["validate", "-q", "corpus"]) == run_cli(
        ["validate", "-q", "--no-cache", "corpus"]
    )


@pytest.mark.parametrize(
    "record",
    [
        ((("x", "y", 1, b""),), marshal.dumps(((), ("a",)))),  # a folder of the wrong shape
        # A diagnostic of the wrong types; checked files that are not names.
        ((), marshal.dumps((((1, 2, 3, 4, 5, 6, 7, 8, 9, 10),), ("a",)))),
        ((), marshal.dumps(((), (1, 2)))),
        ((), ((), ("a",))),  # the report not marshalled
        "not a record",
    ],
)
def test_a_memo_record_of_another_shape_is_ignored(
    record: object, corpus: Path, run_cli: RunCli, checks: Checks
) -> None:
    from seedcheck.cache.file import read_checked, write_checked
    from seedcheck.cache.run_memo import _MAGIC

    expected = run_cli(["validate", "corpus"])
    [memo] = memo_files()
    assert read_checked(memo, _MAGIC, key=memo.name) is not None
    write_checked(memo, _MAGIC, record, key=memo.name, root=memo.parent.parent.parent)
    checks.reset()
    assert run_cli(["validate", "corpus"]) == expected
    assert checks.folders == 1


@pytest.mark.skipif(not can_symlink(), reason="no symbolic links here")
def test_a_configuration_link_loop_is_an_error_not_a_crash(
    corpus: Path, isolated: Path, run_cli: RunCli
) -> None:
    (isolated / "loop.toml").symlink_to(isolated / "loop.toml")
    result = run_cli(["validate", "--config", "loop.toml", "corpus"])
    assert (result.code, result.out) == (2, "")
    assert result.err == "seedcheck: error: loop.toml: configuration file not found\n"


def test_the_memo_is_written_once_the_corpora_are_let_go(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Writing the memo loads the memo file and marshals the report: at 100,000 seeds
    # that came on top of every summary and the parsed index, the run's peak.
    alive: list[int] = []
    made: list[weakref.ref[Corpus]] = []
    check_folder = seedcheck.run.folder.check_folder
    remember = run_memo.RunMemo.remember

    def tracked_check_folder(*args: Any, **kwargs: Any) -> Any:
        checked = check_folder(*args, **kwargs)
        made.append(weakref.ref(checked.corpus))
        return checked

    def counting_remember(self: run_memo.RunMemo, *args: Any) -> None:
        alive.append(sum(ref() is not None for ref in made))
        remember(self, *args)

    monkeypatch.setattr("seedcheck.run.targets.check_folder", tracked_check_folder)
    monkeypatch.setattr(run_memo.RunMemo, "remember", counting_remember)
    run_cli(["validate", "corpus"])
    assert (len(made), alive) == (1, [0])
    assert len(memo_files()) == 1


def test_a_memo_file_of_another_corpus_is_never_believed(isolated: Path, run_cli: RunCli) -> None:
    # Two corpora, one clean and one broken, each checked once so that each has a memo
    # file; then the clean one's file is put in place of the broken one's (a cache
    # copied from elsewhere, or committed by a pull request).
    for name, body in (("clean", "Body.\n"), ("broken", "Body.")):  # no final newline
        corpus = isolated / name
        corpus.mkdir()
        (corpus / "000_aaaaaaaaaaaaaaaa.txt").write_text(
            f"---\ntitle: T\nbyline: Ann Example\n---\n{body}", encoding="utf-8"
        )
        assert run_cli(["index", name]).code == 0
    _age(isolated / "clean")
    _age(isolated / "broken")
    assert run_cli(["validate", "clean"]).code == 0
    clean_file = set(memo_files())
    broken = run_cli(["validate", "broken"])
    assert broken.code == 1
    (broken_file,) = set(memo_files()) - clean_file
    (clean_memo,) = clean_file
    broken_file.write_bytes(clean_memo.read_bytes())

    again = run_cli(["validate", "broken"])

    assert again == broken
