"""The cache of ``seedcheck validate``: same output, fewer reads, never trusted blindly."""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import seedcheck.cache.corpus_cache as cache_module
import seedcheck.index.document
import seedcheck.run.folder
import seedcheck.run.seed_worker
from seedcheck.cache.corpus_cache import CACHEDIR_TAG, CorpusCache
from seedcheck.cache.run_memo import MEMO_FOLDER
from seedcheck.corpus.listing import DEFAULT_PATTERN, Candidate
from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.seed.summary import SeedSummary
from tests.conftest import CASES, RunCli, can_symlink, memo_files

ROOT = Path(__file__).parents[2]
# Not dot-folders: a .seedcheck_cache/ is left in a case folder by running seedcheck there.
CASE_CORPORA = sorted(
    (case, sub.name)
    for case in CASES.iterdir()
    if case.is_dir()
    for sub in case.iterdir()
    if sub.is_dir() and not sub.name.startswith(".")
)
OTHER_CORPORA = [
    (ROOT / "examples" / "broken", "corpus"),
    (ROOT / "tests" / "corpora", "scraped"),
]
DAY_NS = 86_400 * 10**9


def _age(folder: Path) -> None:
    """Move every file's mtime a day back, so that the cache trusts its stat."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - DAY_NS))


def _project(source: Path, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(source, project, symlinks=True)
    if not (project / "seedcheck.toml").exists() and not (project / "pyproject.toml").exists():
        (project / "seedcheck.toml").write_text("", encoding="utf-8")
    _age(project)
    return project


def _cache_folders(folder: Path) -> list[Path]:
    """The per-corpus caches under a cache folder: VERSION/KEY/ (beside the run memo's)."""
    return sorted(p for p in folder.glob("*/*") if p.is_dir() and p.name != MEMO_FOLDER)


def _forget_runs() -> None:
    """Delete the run memo, so that the next run asks the per-corpus cache."""
    for memo in memo_files():
        memo.unlink()


class Reads:
    """Counts the seeds read and the INDEX.md files parsed during a run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.seeds: list[str] = []
        self.others: list[str] = []  # too large or unreadable: read to learn that again
        self.indexes = 0
        # The names folder_check calls, wrapped where it looks them up.
        check_seed = seedcheck.run.seed_worker.check_seed
        parse_index = seedcheck.index.document.parse_index

        def counting_check_seed(candidate: Any, *args: Any) -> Any:
            outcome = check_seed(candidate, *args)
            if outcome.entry.kind == "seed":
                self.seeds.append(candidate.name)
            else:
                self.others.append(candidate.name)
            return outcome

        def counting_parse_index(*args: Any) -> Any:
            self.indexes += 1
            return parse_index(*args)

        monkeypatch.setattr(seedcheck.run.folder, "check_seed", counting_check_seed)
        monkeypatch.setattr(seedcheck.cache.corpus_cache, "parse_index", counting_parse_index)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    return Reads(monkeypatch)


@pytest.mark.parametrize(
    ("source", "corpus"),
    CASE_CORPORA + OTHER_CORPORA,
    ids=[f"{s.name}/{c}" for s, c in CASE_CORPORA + OTHER_CORPORA],
)
def test_cached_runs_print_what_an_uncached_run_prints(
    source: Path, corpus: str, tmp_path: Path, run_cli: RunCli, reads: Reads
) -> None:
    if any(p.is_symlink() for p in source.rglob("*")) and not can_symlink():
        pytest.skip("this system does not let the tests create symbolic links")
    project = _project(source, tmp_path)
    for output in ("json", "text"):
        uncached = run_cli(["validate", "--format", output, "--no-cache", corpus], cwd=project)
        first = run_cli(["validate", "--format", output, corpus], cwd=project)
        reads.seeds.clear()
        reads.indexes = 0
        second = run_cli(["validate", "--format", output, corpus], cwd=project)
        assert first == uncached
        assert second == uncached
        assert (reads.seeds, reads.indexes) == ([], 0)


def _seeds(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(count):
        name = f"{number:03d}_{number:016x}.txt"
        words = " ".join(f"w{number}x{i}" for i in range(60))
        text = f"---\ntitle: Seed {number}\nbyline: Ana Silva\n---\n{words}.\n"
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


@pytest.fixture
def corpus(isolated: Path, run_cli: RunCli) -> list[Path]:
    seeds = _seeds(isolated / "corpus", 6)
    assert run_cli(["index", "corpus"]).code == 0
    _age(isolated)
    return seeds


def _edit(path: Path, old: str, new: str) -> None:
    """Change a file's text, keeping its size, with an mtime an hour back (not racy)."""
    assert len(old) == len(new)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, time.time_ns() - 3600 * 10**9))


def test_only_a_changed_seed_is_read_again(
    corpus: list[Path], isolated: Path, run_cli: RunCli, reads: Reads
) -> None:
    assert run_cli(["validate", "corpus"]).code == 0
    _edit(corpus[2], "Seed 2", "Seed Z")
    reads.seeds.clear()
    reads.indexes = 0
    result = run_cli(["validate", "-q", "corpus"])
    assert reads.seeds == [corpus[2].name]
    assert reads.indexes == 0  # INDEX.md itself did not change: its parse is cached
    assert "SC507 [index-digest]" in result.out
    assert result == run_cli(["validate", "-q", "--no-cache", "corpus"])


def test_a_seed_written_just_now_is_known_by_its_content_not_its_stat(
    corpus: list[Path], isolated: Path, run_cli: RunCli, reads: Reads
) -> None:
    run_cli(["validate", "corpus"])
    text = corpus[1].read_text(encoding="utf-8")
    corpus[1].write_text(text + "More.\n", encoding="utf-8")
    reads.seeds.clear()
    first = run_cli(["validate", "corpus"])
    # Its mtime is too recent to prove that a second write did not follow the first:
    # the next run reads it again and compares its bytes, and checks it only if they
    # changed, as here by a second write of the same size in the same clock step.
    assert run_cli(["validate", "corpus"]) == first
    assert reads.seeds == [corpus[1].name]
    info = corpus[1].stat()
    corpus[1].write_text(text + "Moar.\n", encoding="utf-8")
    os.utime(corpus[1], ns=(info.st_atime_ns, info.st_mtime_ns))
    cached = run_cli(["validate", "corpus"])
    assert reads.seeds == [corpus[1].name] * 2
    assert cached == run_cli(["validate", "--no-cache", "corpus"])


def test_hook_runs_and_full_runs_share_the_cache(
    corpus: list[Path], isolated: Path, run_cli: RunCli, reads: Reads
) -> None:
    (corpus[3]).write_text("---\ntitle: Seed 3  \nbyline: Ana Silva\n---\nShort.\n")
    _age(isolated)
    # What `index` cached (every seed checked) is forgotten: the hook run starts afresh.
    shutil.rmtree(os.environ["SEEDCHECK_CACHE_DIR"])
    named = run_cli(["validate", "-q", str(corpus[3])])
    assert "SC106" in named.out
    reads.seeds.clear()
    full = run_cli(["validate", "-q", "corpus"])
    # The hook run summarised the other seeds without checking them; now they are.
    assert sorted(reads.seeds) == sorted(p.name for p in corpus if p != corpus[3])
    assert full == run_cli(["validate", "-q", "--no-cache", "corpus"])
    reads.seeds.clear()
    assert run_cli(["validate", "-q", str(corpus[3])]) == named
    assert reads.seeds == []


def test_a_configuration_change_starts_a_new_cache(
    corpus: list[Path], isolated: Path, run_cli: RunCli
) -> None:
    assert run_cli(["validate", "-q", "corpus"]).out == ""
    (isolated / "seedcheck.toml").write_text("body-min-words = 100\n", encoding="utf-8")
    assert "SC402 [body-too-short]" in run_cli(["validate", "-q", "corpus"]).out


def test_the_cache_is_what_answers(corpus: list[Path], isolated: Path, run_cli: RunCli) -> None:
    """A finding planted in the cache shows: the cached run reads the cache, and
    ``--no-cache`` does not."""
    cache, _, _ = _planted(corpus, run_cli)
    cache.save()
    _forget_runs()
    assert "SC106 [trailing-whitespace] x" in run_cli(["validate", "-q", "corpus"]).out
    assert run_cli(["validate", "-q", "--no-cache", "corpus"]).out == ""


def _records(folder: Path, shard: int) -> dict[str, Any]:
    data = (folder / cache_module.shard_name(shard)).read_bytes()
    records = marshal.loads(data[len(_key_line(data)) + len(cache_module._MAGIC) + 16 :])
    assert isinstance(records, dict)
    return records


def test_a_hit_is_written_back_as_it_was_read(isolated: Path, run_cli: RunCli) -> None:
    """A seed the cache answered holds its summary in place of its record (sharing the
    candidate's names); when its file is rewritten, the record it writes is the one read."""
    seeds = _seeds(isolated / "corpus", 40)
    for path in seeds:  # a finding each (trailing whitespace), kept in the records
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Ana Silva", "Ana Silva "), encoding="utf-8")
    assert run_cli(["index", "corpus"]).code == 0
    _age(isolated)
    run_cli(["validate", "corpus"])
    [folder] = _cache_folders(Path(os.environ["SEEDCHECK_CACHE_DIR"]))
    shards = [cache_module.shard_of(path.name) for path in seeds]
    shard = max(shards, key=shards.count)
    before = _records(folder, shard)
    assert len(before) >= 2
    assert all(record[2] for record in before.values())
    cache = CorpusCache(folder)
    candidates = [_candidate(path) for path in seeds]
    for candidate in candidates:
        summary, _ = cache.seed(candidate, True) or pytest.fail(f"{candidate.name} not cached")
        assert summary.name is candidate.name and summary.seed_id is candidate.seed_id
    # Asked again, each still answers, from the summary it now holds.
    assert all(cache.seed(candidate, True) is not None for candidate in candidates)
    # A seed gone from the shard makes it be written: the others' records are as read.
    gone = sorted(before)[0]
    cache.keep_only(c.name for c in candidates if c.name != gone)
    cache.save()
    assert _records(folder, shard) == {n: r for n, r in before.items() if n != gone}


def test_seed_records_are_written_and_let_go_before_the_corpus_rules(
    corpus: list[Path], run_cli: RunCli
) -> None:
    cache, summary, planted = _planted(corpus, run_cli)
    cache.save_seeds()
    assert len(cache) == 0  # let go of
    # Written: a new cache reads the planted finding back, and every other seed.
    assert cache.path is not None
    again = CorpusCache(cache.path)
    assert len(again) == len(corpus)
    assert again.seed(_candidate(corpus[0]), True) == (summary, [planted])
    # A seed put now would be written alone into its file: refused.
    with pytest.raises(RuntimeError):
        cache.put_seed(corpus[0].name, _key(corpus[0]), summary, None)
    with pytest.raises(RuntimeError):
        cache.keep_only([])


def test_index_md_parsed_again_in_one_run_is_the_same(
    corpus: list[Path], isolated: Path, run_cli: RunCli
) -> None:
    # The cached parse is let go once used; a second ask parses the bytes again.
    run_cli(["validate", "corpus"])
    [folder] = _cache_folders(Path(os.environ["SEEDCHECK_CACHE_DIR"]))
    path = isolated / "corpus" / "INDEX.md"
    data = path.read_bytes()
    cache = CorpusCache(folder)
    first, second = cache.index(path, data), cache.index(path, data)
    assert first == second == seedcheck.index.document.parse_index(path, data)
    assert len(first.rows) == len(corpus)


def test_a_record_of_other_names_is_a_miss(corpus: list[Path], run_cli: RunCli) -> None:
    run_cli(["validate", "corpus"])
    [folder] = _cache_folders(Path(os.environ["SEEDCHECK_CACHE_DIR"]))
    cache = CorpusCache(folder)
    candidate = _candidate(corpus[0])
    other_number = Candidate(
        candidate.path, candidate.name, "999", candidate.seed_id, 1 << 20, candidate.stat
    )
    assert cache.seed(other_number, True) is None
    other_stat = Candidate(
        candidate.path, candidate.name, candidate.number, candidate.seed_id, 1 << 20, b"x" * 32
    )
    assert cache.seed(other_stat, True) is None
    assert cache.seed(candidate, True) is not None


def test_the_index_part_is_read_only_when_index_md_is_parsed(
    corpus: list[Path], run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = run_cli(["validate", "corpus"])
    read: list[str] = []
    from seedcheck.cache.file import read_checked, read_checked_parts

    def counting_read_checked(path: Path, magic: bytes, *, key: str) -> Any:
        read.append(path.name)
        return read_checked(path, magic, key=key)

    def counting_read_checked_parts(path: Path, magic: bytes, *, key: str, **more: Any) -> Any:
        read.append(path.name)
        return read_checked_parts(path, magic, key=key, **more)

    monkeypatch.setattr("seedcheck.cache.corpus_cache.read_checked", counting_read_checked)
    monkeypatch.setattr(
        "seedcheck.cache.corpus_cache.read_checked_parts", counting_read_checked_parts
    )
    # Nothing changed: the corpus findings answer, and INDEX.md is not parsed.
    _forget_runs()
    assert run_cli(["validate", "corpus"]) == expected
    assert "corpus" in read and "index" not in read
    # A seed changed: the corpus rules run, on INDEX.md parsed from its part.
    read.clear()
    _edit(corpus[1], "Seed 1", "Seed Y")
    _forget_runs()
    assert "SC507" in run_cli(["validate", "-q", "corpus"]).out
    assert read.count("index") == 1


def _planted(corpus: list[Path], run_cli: RunCli) -> tuple[CorpusCache, SeedSummary, Diagnostic]:
    """The corpus's cache after a run, with a finding put on the first seed (not saved)."""
    run_cli(["validate", "corpus"])
    [path] = _cache_folders(Path(os.environ["SEEDCHECK_CACHE_DIR"]))
    cache = CorpusCache(path)
    summary, _ = cache.seed(_candidate(corpus[0]), True) or pytest.fail("not cached")
    planted = Diagnostic(str(corpus[0]), 1, 1, "SC106", "trailing-whitespace", Severity.ERROR, "x")
    cache.put_seed(corpus[0].name, _key(corpus[0]), summary, [planted])
    return cache, summary, planted


def _candidate(path: Path) -> Candidate:
    match = re.fullmatch(DEFAULT_PATTERN, path.name) or pytest.fail(f"{path.name} is no seed")
    return Candidate(path, path.name, match.group("number"), match.group("id"), 1 << 20, _key(path))


def _key(path: Path) -> bytes:
    from seedcheck.corpus.listing import stat_key

    return stat_key(path.lstat())


def _key_line(data: bytes) -> bytes:
    """The key line of a cache file's bytes (after its magic and checksum)."""
    at = len(cache_module._MAGIC) + 16
    return data[at : data.index(b"\n", at) + 1]


def _valid_checksum(data: bytes, payload: bytes, key: bytes | None = None) -> bytes:
    """A whole cache file holding ``payload``, for the key of ``data`` (a file of the
    cache) or ``key``."""
    line = _key_line(data) if key is None else key
    checksum = hashlib.blake2b(line + payload, digest_size=16).digest()
    return cache_module._MAGIC + checksum + line + payload


def _rekeyed(data: bytes, rename: Callable[[str, str], tuple[str, str]]) -> bytes:
    """``data`` whole and unchanged, but written for the key ``rename(folder, part)``."""
    line = _key_line(data)
    folder, part = line[:-1].decode().split("/")
    key = "/".join(rename(folder, part)).encode() + b"\n"
    return _valid_checksum(data, data[len(cache_module._MAGIC) + 16 + len(line) :], key)


def _damage(kind: str) -> Callable[[bytes], bytes]:
    """Damage of a cache file: broken bytes, or a whole file holding the wrong values
    (each kind is applied to every file, a seeds' file, the corpus' and the index's)."""
    damages: dict[str, Callable[[bytes], bytes]] = {
        "empty": lambda data: b"",
        "truncated": lambda data: data[: len(data) // 2],
        "flipped-byte": lambda data: data[:-5] + bytes([data[-5] ^ 1]) + data[-4:],
        "garbage": lambda data: os.urandom(len(data)),
        "other-shape": lambda data: _valid_checksum(data, marshal.dumps(({"x": (1, 2)}, ("a",)))),
        "other-value": lambda data: _valid_checksum(data, marshal.dumps(5)),
        "other-files": lambda data: _valid_checksum(
            data, marshal.dumps(dict.fromkeys(_SEED_NAMES, 5))
        ),
        "bad-record": lambda data: _valid_checksum(
            data, marshal.dumps(dict.fromkeys(_SEED_NAMES, ((1, 2, 3, 4), ("?",), None)))
        ),
        "stale-key": lambda data: _valid_checksum(
            data, marshal.dumps(dict.fromkeys(_SEED_NAMES, (b"old stat", ("?",), None)))
        ),
        "not-marshal": lambda data: _valid_checksum(data, b"\xff" * 40),
        # Files in parts (INDEX.md's): a part longer than the file, one not marshal.
        "part-cut-short": lambda data: _valid_checksum(data, struct.pack("<Q", 1000) + b"xx"),
        "part-not-marshal": lambda data: _valid_checksum(data, struct.pack("<Q", 3) + b"\xff" * 3),
        # Whole files with the right content, written for another place: another
        # corpus's or setting's folder, or another file of this folder.
        "other-folder": lambda data: _rekeyed(data, lambda folder, part: ("0" * 32, part)),
        "other-part": lambda data: _rekeyed(
            data, lambda folder, part: (folder, "index" if part == "corpus" else "corpus")
        ),
    }
    return damages[kind]


_SEED_NAMES = [f"{number:03d}_{number:016x}.txt" for number in range(6)]  # the corpus fixture's
DAMAGES = [
    "empty",
    "truncated",
    "flipped-byte",
    "garbage",
    "other-shape",
    "other-value",
    "other-files",
    "bad-record",
    "stale-key",
    "not-marshal",
    "part-cut-short",
    "part-not-marshal",
    "other-folder",
    "other-part",
]


@pytest.mark.parametrize("kind", DAMAGES)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    kind: str, corpus: list[Path], isolated: Path, run_cli: RunCli, reads: Reads
) -> None:
    assert [p.name for p in corpus] == _SEED_NAMES
    (corpus[4]).write_text("---\ntitle: Seed 4\nbyline: Ana Silva\n---\nTrailing \n")
    _age(isolated)
    expected = run_cli(["validate", "corpus"])
    [folder] = _cache_folders(Path(os.environ["SEEDCHECK_CACHE_DIR"]))
    parts = sorted(folder.iterdir())
    assert {p.name for p in parts} >= {"corpus", "index"}
    for path in parts:
        path.write_bytes(_damage(kind)(path.read_bytes()))
    _forget_runs()
    reads.seeds.clear()
    reads.indexes = 0
    assert run_cli(["validate", "corpus"]) == expected
    assert sorted(reads.seeds) == _SEED_NAMES
    assert reads.indexes == 1
    reads.seeds.clear()
    reads.indexes = 0
    _forget_runs()
    assert run_cli(["validate", "corpus"]) == expected
    assert (reads.seeds, reads.indexes) == ([], 0)  # rebuilt


def test_seeds_are_spread_over_files_and_one_damaged_file_costs_only_its_seeds(
    isolated: Path, run_cli: RunCli, reads: Reads
) -> None:
    seeds = _seeds(isolated / "corpus", 40)
    assert run_cli(["index", "corpus"]).code == 0
    _age(isolated)
    expected = run_cli(["validate", "corpus"])
    [folder] = _cache_folders(Path(os.environ["SEEDCHECK_CACHE_DIR"]))
    by_shard: dict[int, list[str]] = {}
    for seed in seeds:
        by_shard.setdefault(cache_module.shard_of(seed.name), []).append(seed.name)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["corpus", "index", *(cache_module.shard_name(shard) for shard in by_shard)]
    )
    shard, names = max(by_shard.items(), key=lambda item: len(item[1]))
    damaged = folder / cache_module.shard_name(shard)
    damaged.write_bytes(damaged.read_bytes()[:-3])
    _forget_runs()
    reads.seeds.clear()
    assert run_cli(["validate", "corpus"]) == expected
    assert sorted(reads.seeds) == sorted(names)


def test_a_run_rewrites_only_the_files_whose_records_changed(
    isolated: Path, run_cli: RunCli
) -> None:
    seeds = _seeds(isolated / "corpus", 40)
    assert run_cli(["index", "corpus"]).code == 0
    _age(isolated)
    run_cli(["validate", "corpus"])
    [folder] = _cache_folders(Path(os.environ["SEEDCHECK_CACHE_DIR"]))
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    # Backdated, so that a rewritten file shows a newer mtime whatever the clock's step.
    for path in folder.iterdir():
        os.utime(path, ns=(0, 10**9))
    _edit(seeds[7], "Seed 7", "Seed X")
    _forget_runs()
    assert "SC507" in run_cli(["validate", "-q", "corpus"]).out
    rewritten = sorted(p.name for p in folder.iterdir() if p.stat().st_mtime_ns != 10**9)
    # The edited seed's file and the corpus findings; not INDEX.md's parse, unchanged.
    assert rewritten == sorted(
        ["corpus", cache_module.shard_name(cache_module.shard_of(seeds[7].name))]
    )
    assert set(before) == {p.name for p in folder.iterdir()}
    # A seed deleted: its file is rewritten without it.
    for path in folder.iterdir():
        os.utime(path, ns=(0, 10**9))
    seeds[12].unlink()
    _forget_runs()
    run_cli(["validate", "-q", "corpus"])
    rewritten = sorted(p.name for p in folder.iterdir() if p.stat().st_mtime_ns != 10**9)
    assert rewritten == sorted(
        ["corpus", cache_module.shard_name(cache_module.shard_of(seeds[12].name))]
    )
    assert len(CorpusCache(folder)) == 39


def test_cache_folder_is_tagged_and_ignored(
    corpus: list[Path], isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SEEDCHECK_CACHE_DIR")
    run_cli(["validate", "corpus"])
    folder = isolated / ".seedcheck_cache"
    assert (folder / "CACHEDIR.TAG").read_text(encoding="ascii") == CACHEDIR_TAG
    assert CACHEDIR_TAG.startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    assert (folder / ".gitignore").read_text(encoding="ascii") == "*\n"
    assert len(_cache_folders(folder)) == 1
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=isolated, check=True)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=isolated,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert ".seedcheck_cache" not in status
    assert "corpus/INDEX.md" in status


def test_no_cache_neither_reads_nor_writes(
    corpus: list[Path], isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SEEDCHECK_CACHE_DIR")
    assert run_cli(["validate", "--no-cache", "corpus"]).code == 0
    assert not (isolated / ".seedcheck_cache").exists()


@pytest.mark.parametrize("where", ["a-file", "inside-a-file"])
def test_a_cache_that_cannot_be_written_is_skipped(
    where: str, corpus: list[Path], isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = isolated / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker if where == "a-file" else blocker / "cache"
    monkeypatch.setenv("SEEDCHECK_CACHE_DIR", str(target))
    expected = run_cli(["validate", "--no-cache", "corpus"])
    found = run_cli(["validate", "corpus"])
    assert (found.code, found.out) == (expected.code, expected.out)
    # A file where the cache folder should be is odd enough to say so; a folder that
    # cannot be made is a cache that cannot be written, as on a read-only checkout.
    warned = "the cache is off for this run" in found.err
    assert warned == (where == "a-file")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_concurrent_runs_leave_a_whole_cache(tmp_path: Path) -> None:
    project = _project(ROOT / "tests" / "corpora", tmp_path)
    environment = {**os.environ, "SEEDCHECK_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "seedcheck", "validate", "--format", "json", "scraped"]

    def run_together(count: int) -> list[str]:
        started = [
            subprocess.Popen(
                command, cwd=project, env=environment, stdout=subprocess.PIPE, text=True
            )
            for _ in range(count)
        ]
        return [process.communicate()[0] for process in started]

    alone = subprocess.run(
        [*command, "--no-cache"],
        check=False,
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
    ).stdout
    for _ in range(3):
        assert run_together(4) == [alone] * 4
        assert run_together(1) == [alone]
        # A seed changed between rounds makes every run write the cache again.
        seed = next((project / "scraped").glob("0*.txt"))
        seed.write_bytes(seed.read_bytes())
        _age(project)
    [path] = _cache_folders(tmp_path / "cache")
    assert len(CorpusCache(path)) == len(list((project / "scraped").glob("0*.txt")))


@pytest.mark.parametrize(
    ("mtime_ns", "racy"),
    [(-86_400 * 10**9, False), (0, False), (10**18, False), (1_999_999_999_000_000_000, True)],
    ids=["before-1970", "1970", "2001", "now"],
)
def test_a_stat_key_keeps_size_and_mtime(mtime_ns: int, racy: bool) -> None:
    from seedcheck.corpus.listing import is_racy, stat_key, stat_size

    # Mode, a 64-bit inode, device, links, uid, gid, size, then the float times and the
    # nanosecond times (atime, mtime, ctime).
    classic = (0o100644, 2**64 - 5, 1, 1, 0, 0, 4096, 0, 0, 0)

    def stat(mtime: int) -> os.stat_result:
        return os.stat_result((*classic, 0.0, 0.0, 0.0, 0, mtime, mtime_ns))

    key = stat_key(stat(mtime_ns))
    assert stat_size(key) == 4096
    assert is_racy(key, 2_000_000_000_000_000_000) is racy
    assert stat_key(stat(mtime_ns + 1)) != key


def test_a_file_in_parts_reads_back_whole_or_not_at_all(tmp_path: Path) -> None:
    from seedcheck.cache.file import read_checked_parts, write_checked_parts

    magic = b"seedcheck test 1\n"
    key = "folder/part"
    path = tmp_path / "cache" / "v" / "part"
    parts = [("head", 3), tuple(range(5000)), (), {"x": b"\0" * 100}]
    write_checked_parts(path, magic, iter(parts), key=key, root=tmp_path / "cache")
    assert read_checked_parts(path, magic, key=key) == parts
    data = path.read_bytes()
    # The magic, the checksum, the key line, then each part: its own length-prefixed
    # marshal payload.
    assert data[len(magic) + 16 :].startswith(b"folder/part\n")
    at = len(magic) + 16 + len(key) + 1
    sizes: list[int] = []
    while at < len(data):
        (size,) = struct.unpack_from("<Q", data, at)
        assert marshal.loads(data[at + 8 : at + 8 + size]) == parts[len(sizes)]
        sizes.append(size)
        at += 8 + size
    assert len(sizes) == len(parts) and at == len(data)
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text() == CACHEDIR_TAG
    # Any damage reads as None: cut anywhere, a flipped bit, bytes added, another magic,
    # another key.
    for cut in (0, 5, len(magic) + 8, len(magic) + 16, len(magic) + 20, len(data) - 1):
        path.write_bytes(data[:cut])
        assert read_checked_parts(path, magic, key=key) is None, cut
    for at in (len(magic) + 3, len(magic) + 17, len(magic) + 30, len(data) // 2, len(data) - 1):
        path.write_bytes(data[:at] + bytes([data[at] ^ 0x10]) + data[at + 1 :])
        assert read_checked_parts(path, magic, key=key) is None, at
    path.write_bytes(data + b"\0")
    assert read_checked_parts(path, magic, key=key) is None
    path.write_bytes(data)
    assert read_checked_parts(path, b"seedcheck test 2\n", key=key) is None
    assert read_checked_parts(path, magic, key="folder/other") is None
    assert read_checked_parts(path, magic, key="folder/par") is None
    assert read_checked_parts(tmp_path / "missing", magic, key=key) is None
    # A length beyond the file is refused before anything is read for it.
    line = b"folder/part\n"
    path.write_bytes(magic + bytes(16) + line + struct.pack("<Q", 1 << 29) + b"x" * 64)
    tracemalloc.start()
    try:
        assert read_checked_parts(path, magic, key=key) is None
        assert tracemalloc.get_traced_memory()[1] < 1 << 20
    finally:
        tracemalloc.stop()
    # No parts at all is a whole file too.
    write_checked_parts(path, magic, [], key=key, root=tmp_path / "cache")
    assert read_checked_parts(path, magic, key=key) == []


def test_a_file_is_read_only_for_the_key_it_was_written_for(tmp_path: Path) -> None:
    from seedcheck.cache.file import read_checked, write_checked

    magic = b"seedcheck test 1\n"
    path = tmp_path / "cache" / "v" / "part"
    write_checked(path, magic, {"a": 1}, key="folder/part", root=tmp_path / "cache")
    assert read_checked(path, magic, key="folder/part") == {"a": 1}
    for other in ("folder/other", "other/part", "folder/par", "folder/part2", ""):
        assert read_checked(path, magic, key=other) is None, other
    # The key line is under the checksum: changed in place, the file is not whole.
    data = path.read_bytes()
    path.write_bytes(data.replace(b"folder/part\n", b"folder/pard\n"))
    assert read_checked(path, magic, key="folder/pard") is None
    with pytest.raises(ValueError, match="one line"):
        write_checked(path, magic, 1, key="two\nlines", root=tmp_path / "cache")


def test_a_file_from_another_settings_folder_is_never_believed(
    corpus: list[Path], isolated: Path, run_cli: RunCli
) -> None:
    # The same seeds checked under two settings, each with its cache folder; then the
    # files of the first are copied over the second's (a cache restored or copied from
    # elsewhere). Each record matches its seed's stat: only the key tells them apart.
    cache = Path(os.environ["SEEDCHECK_CACHE_DIR"])
    assert run_cli(["validate", "-q", "corpus"]).out == ""
    [first] = _cache_folders(cache)
    (isolated / "seedcheck.toml").write_text("body-min-words = 100\n", encoding="utf-8")
    expected = run_cli(["validate", "-q", "--no-cache", "corpus"])
    assert "SC402 [body-too-short]" in expected.out
    assert run_cli(["validate", "-q", "corpus"]) == expected
    [second] = [folder for folder in _cache_folders(cache) if folder != first]
    for path in first.iterdir():
        shutil.copyfile(path, second / path.name)
    _forget_runs()
    assert run_cli(["validate", "-q", "corpus"]) == expected


@pytest.mark.skipif(os.name != "posix", reason="flock is POSIX's")
def test_a_run_skips_its_save_while_another_holds_the_cache(
    corpus: list[Path], run_cli: RunCli, reads: Reads
) -> None:
    import fcntl

    expected = run_cli(["validate", "corpus"])
    cache = Path(os.environ["SEEDCHECK_CACHE_DIR"])
    [folder] = _cache_folders(cache)
    [memo] = memo_files()
    _edit(corpus[2], "Seed 2", "Seed Z")
    _forget_runs()
    changed = run_cli(["validate", "--no-cache", "corpus"])
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*")}
    held = [os.open(path, os.O_RDONLY) for path in (folder, memo.parent)]
    try:
        for fd in held:  # another run saving: its own descriptor, so its own lock
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        reads.seeds.clear()
        assert run_cli(["validate", "corpus"]) == changed
        assert reads.seeds == [corpus[2].name]
        # Nothing written, not even half of a save: the next run reads the seed again.
        assert {p: p.stat().st_mtime_ns for p in cache.rglob("*")} == before
        reads.seeds.clear()
        assert run_cli(["validate", "corpus"]) == changed
        assert reads.seeds == [corpus[2].name]
    finally:
        for fd in held:
            os.close(fd)
    reads.seeds.clear()
    assert run_cli(["validate", "corpus"]) == changed
    assert reads.seeds == [corpus[2].name]
    reads.seeds.clear()
    _forget_runs()
    assert run_cli(["validate", "corpus"]) == changed
    assert reads.seeds == []  # saved by the run before
    assert changed != expected
