"""A property of the cache: whatever happens to the seeds and to the cache files between
runs, ``validate`` with the cache prints what ``validate --no-cache`` prints (issue 24,
item 4).

Each example is a sequence of steps, each one of: a seed edited (to a text with or
without findings, or the same size with its mtime put back), added, renamed, deleted,
INDEX.md regenerated; a cache file truncated, a byte of it flipped, replaced by a file
of another corpus's cache, by another file of the same folder, or by an earlier version
of itself (stale, but whole and of the right key). After each step, validate with the
cache (twice: the second is answered by the run memo when nothing changed) is compared
with a run without it. Killed runs are benchmarks/faults.py's: killing a process at
random moments is slow, and seeded sequences of edits and corruptions are what can be
shrunk to a small failing case here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import RunCli

HOUR_NS = 3600 * 10**9
BODIES = [
    "The ferry resumed on Monday after a week of storms kept every boat in harbour.",
    "Crews checked hulls and moorings, and the first crossing left on time.",
    "Islanders said the shops ran low on milk, but nobody went without heating.",
    "Trailing blanks end this line.   ",  # trailing-whitespace
    "Subscribe to our newsletter",  # boilerplate
    "The ferry resumed on Monday after a week of storms kept every boat in harbour.",  # dup
]
SEED_STEPS = ["edit", "same-size", "add", "rename", "misname", "delete", "index"]
CACHE_STEPS = ["truncate", "flip", "foreign", "other-setting", "swap", "stale"]
STRICT = ["validate", "--config", "strict.toml", "seeds"]
Step = tuple[str, int, int]
steps = st.lists(
    st.tuples(
        st.sampled_from(SEED_STEPS + CACHE_STEPS), st.integers(0, 10**6), st.integers(0, 10**6)
    ),
    min_size=1,
    max_size=6,
)


class Project:
    """A project folder with the corpus ``seeds`` and another corpus, ``foreign``, whose
    cache files are planted into the first's."""

    def __init__(self, root: Path, run_cli: RunCli) -> None:
        self.root = root
        self.run_cli = run_cli
        self.cache = root / "cache"
        self.clock = 0
        self.snapshots: list[tuple[Path, bytes]] = []
        (root / "seedcheck.toml").write_text("body-min-words = 0\n", encoding="utf-8")
        # The same seeds under stricter settings: a cache of theirs holds records of the
        # same stats, with other findings.
        (root / "strict.toml").write_text("body-min-words = 100\n", encoding="utf-8")
        self.foreign: list[Path] = []
        self.own: list[Path] = []  # the folder of validate seeds' cache, and its memo file
        for corpus, count in (("foreign", 3), ("seeds", 4)):
            (root / corpus).mkdir()
            for number in range(count):
                self.write(root / corpus / _name(number), (number + (corpus == "foreign")) % 6)
            self.run(["index", corpus])
            before = self.all_files()
            self.run(["validate", corpus])
            if corpus == "foreign":  # its corpus folder's files and its memo file
                self.foreign = self.all_files()
                continue
            new = [p for p in self.all_files() if p not in before]
            self.own = sorted({p.parent for p in new if p.parent.name != "memo"})
            self.own += [p for p in new if p.parent.name == "memo"]

    def run(self, args: list[str]) -> tuple[int, str]:
        result = self.run_cli(args, cwd=self.root)
        assert "Traceback" not in result.err, result.err
        return result.code, result.out

    def write(self, path: Path, body: int) -> None:
        text = f"---\ntitle: Seed {path.name[:3]}\nbyline: Ana Silva\n---\n{BODIES[body]}\n"
        path.write_text(text, encoding="utf-8")
        self.backdate(path)

    def backdate(self, path: Path, mtime_ns: int | None = None) -> None:
        # An hour back, a new time each write: old enough for the cache to trust its stat.
        self.clock += 1
        when = mtime_ns if mtime_ns is not None else path.stat().st_mtime_ns - HOUR_NS - self.clock
        os.utime(path, ns=(when, when))

    def seeds(self) -> list[Path]:
        return sorted(p for p in (self.root / "seeds").iterdir() if p.name != "INDEX.md")

    def all_files(self) -> list[Path]:
        return sorted(p for p in self.cache.glob("*/*/*") if p.is_file())

    def cache_files(self) -> list[Path]:
        """The files of the cache of ``validate seeds``: its corpus folder's and memo's."""
        folders = [p for p in self.own if p.is_dir()]
        files = {p for folder in folders for p in folder.iterdir()}
        return sorted(files | {p for p in self.own if p not in folders})

    def apply(self, step: Step) -> None:
        kind, which, value = step
        seeds = self.seeds()
        seed = seeds[which % len(seeds)] if seeds else None
        if kind == "edit" and seed is not None:
            self.write(seed, value % len(BODIES))
        elif kind == "same-size" and seed is not None:
            data = bytearray(seed.read_bytes())
            mtime = seed.stat().st_mtime_ns
            data[-2] = ord("x") if data[-2] != ord("x") else ord("y")
            seed.write_bytes(bytes(data))
            self.backdate(seed, mtime)  # the old mtime: only the ctime tells
        elif kind == "add":
            self.write(self.root / "seeds" / _name(100 + value % 900), value % len(BODIES))
        elif kind == "rename" and seed is not None:
            seed.rename(seed.with_name(_name(100 + value % 900)))
        elif kind == "misname" and seed is not None:
            seed.rename(seed.with_name(f"draft-{value % 10}.txt"))
        elif kind == "delete" and seed is not None:
            seed.unlink()
        elif kind == "index":
            self.run(["index", "seeds"])
        elif kind in CACHE_STEPS:
            self.corrupt(kind, which, value)

    def corrupt(self, kind: str, which: int, value: int) -> None:
        own = self.cache_files()
        if not own:
            return
        path = own[which % len(own)]
        data = path.read_bytes() if path.exists() else b""
        if kind == "truncate":
            path.write_bytes(data[: value % max(len(data), 1)])
        elif kind == "flip" and data:
            at = value % len(data)
            path.write_bytes(data[:at] + bytes([data[at] ^ (1 << value % 8)]) + data[at + 1 :])
        elif kind == "foreign":
            shutil.copyfile(self.foreign[value % len(self.foreign)], path)
        elif kind == "other-setting":
            self.run(STRICT)  # its cache up to date with the seeds as they are
            strict = [p for p in self.all_files() if p not in self.foreign and p not in own]
            same = [p for p in strict if p.name == path.name] or strict
            shutil.copyfile(same[value % len(same)], path)
        elif kind == "swap" and len(own) > 1:
            others = [other for other in own if other != path]
            shutil.copyfile(others[value % len(others)], path)
        elif kind == "stale" and self.snapshots:
            old_path, old_data = self.snapshots[value % len(self.snapshots)]
            old_path.write_bytes(old_data)

    def snapshot(self) -> None:
        """Keep a copy of each cache file as it is now, for a later 'stale' step."""
        self.snapshots += [(p, p.read_bytes()) for p in self.cache_files()]

    def check(self) -> None:
        expected = self.run(["validate", "--no-cache", "seeds"])
        assert self.run(["validate", "seeds"]) == expected
        assert self.run(["validate", "seeds"]) == expected


def _name(number: int) -> str:
    return f"{number:03d}_{number:016x}.txt"


@settings(
    max_examples=50,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=steps)
def test_the_cache_never_changes_a_report(
    sequence: list[Step], run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        monkeypatch.setenv("SEEDCHECK_CACHE_DIR", str(root / "cache"))
        project = Project(root, run_cli)
        project.check()
        for step in sequence:
            project.snapshot()
            project.apply(step)
            project.check()
