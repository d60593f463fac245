"""Time seedcheck against a naive single pass on a synthetic corpus, and print a table.

Usage: python benchmarks/run.py [N] [--repeat R] [--work DIR] [--large] [--commands]

Runs, each as its own process on the same machine, R times (median shown):
  baseline     benchmarks/baseline.py: read, split, YAML (C loader), Pydantic, SHA-256
  cold         seedcheck validate --no-cache (every rule, near-duplicates included)
  cold -j1     the same in one process
  warm         seedcheck validate again, nothing changed
  one-changed  one seed edited (a different one each time), then seedcheck validate
  one-added    one new seed written, then seedcheck validate
  one-renamed  one seed renamed (its number kept), then seedcheck validate
  one-deleted  one seed deleted, then seedcheck validate
  near-dups    seedcheck validate --no-cache --select near-duplicate-document
  --version    seedcheck --version
  one-file     seedcheck validate on a corpus of one seed
each with wall and CPU time (user + system of the process and the workers it waited
for: the machine may be shared, and CPU time and ratios are what hold), its ratio to the
baseline, the issue's target and whether it is met, and the peak memory (max RSS of the
largest process). Before each one-added/renamed/deleted run the cache is brought up to
date and the previous change undone, so that only the one change is new to it. N is
10,000 unless given; --large measures 100,000 seeds as well (a second table; about ten
minutes more, most of it making the corpus the first time). The corpus is made by
make_corpus.py in DIR (default: a folder under the system's temporary folder, kept for
the next run with the same N) and seedcheck's cache goes to a folder of its own.

With --commands, a second table gives the other commands on the same kind of change (the
cache warm, one seed changed), each with its CPU time (user + system, the process and
the processes it waited for), as a multiple of one-changed's time (V) and against its
target (the issue's, stated at 5,000 seeds):
  index        one seed's title edited, then seedcheck index CORPUS       (<= 1.5 x V)
  fix          one seed given a trailing blank, then seedcheck fix SEED   (<= 1.5 x V)
  import       seedcheck import ARTICLE --corpus CORPUS, ARTICLE a raw article outside
               the corpus (make_corpus.raw_article); the seed it adds is removed and
               INDEX.md restored after each run                          (<= 1.5 x V)
  hooks        `git commit` of one edited seed and the INDEX.md `seedcheck index` made
               for it, in a git repository of the corpus (seedcheck.toml: corpus =
               "seeds") whose pre-commit hook runs the three hooks of
               .pre-commit-hooks.yaml as `repo: local`, `language: system` hooks
               calling this interpreter's seedcheck, in the README's order (fix,
               seedcheck, index); seedcheck's cache in the repository, as a user's is
                                                                          (<= 3 s)
Before each of these runs the cache is brought up to date (2 s after the last edit, so
the cache trusts it, an untimed seedcheck validate), so that only the one edit is new to
it. Each run must exit as that command does when it did its work (index 0, fix 1 since
it changed the file, import 0, the commit 0 with every hook passed) and must have done
it (the title in INDEX.md, the blank gone, the seed written, the commit made); pre-commit's
store goes to DIR/pre-commit, kept, and the hook is run once, untimed, before the timed
commits. At 5,000 seeds --commands adds a few minutes, most of it in the untimed runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss_kb: int
    exit_code: int
    # User + system time of the process and of the processes it waited for.
    cpu_seconds: float = 0.0
    # What it printed, stdout then stderr (only when asked to keep it).
    output: str = ""


def timed(
    command: list[str],
    env: dict[str, str],
    cwd: Path,
    *,
    exits: tuple[int, ...] = (0, 1),
    stderr_ok: bool = False,
    keep: bool = False,
) -> Run:
    """Run ``command`` and time it; stop the benchmark when it did not run as it should.

    ``exits`` are the exit codes of a run that did its work; ``stderr_ok`` allows output
    on stderr (git runs a hook with its stdout on stderr), though never a traceback;
    ``keep`` keeps the output (stdout then stderr) in the Run, for the caller to check.
    """
    # Output goes to files: a pipe read only after the wait could fill up and hang.
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=stdout if keep else subprocess.DEVNULL, stderr=stderr
        )
        # wait4 gives this child's own resource use: max RSS is the largest of it and of
        # the worker processes it waited for, not their sum; CPU time is their sum.
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        printed = stdout.read().decode(errors="replace")
        errors = stderr.read().decode(errors="replace")
    # Exit 1 means findings (the corpus has planted defects), but a Python traceback
    # also exits 1: any word on stderr means the run did not do what it is timed for.
    if child.returncode not in exits or (errors and not stderr_ok) or "Traceback" in errors:
        raise SystemExit(
            f"{shlex.join(command)} (in {cwd}) exited {child.returncode}:\n{printed}{errors}"
        )
    cpu = usage.ru_utime + usage.ru_stime
    output = printed + errors if keep else ""
    return Run(seconds, usage.ru_maxrss, child.returncode, cpu, output)


def seedcheck(*args: str) -> list[str]:
    found = shutil.which("seedcheck", path=str(Path(PYTHON).parent))
    return [found or "seedcheck", *args]


def corpus(count: int, work: Path) -> Path:
    folder = work / f"corpus-{count}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"making a corpus of {count} seeds in {folder} ...", file=sys.stderr)
        subprocess.run([PYTHON, str(HERE / "make_corpus.py"), str(count), str(folder)], check=True)
        done.touch()
    return folder


def edit(path: Path, turn: int) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nAn added line, edit {turn}.\n")


def byte_compile() -> None:
    """Write seedcheck's bytecode, as its first run on a user's machine does.

    Where PYTHONDONTWRITEBYTECODE is set (it is on some CI machines and containers) and
    seedcheck is installed in editable mode, no run writes it, and every timed run would
    also compile seedcheck's sources: about 30 ms that no installed copy pays.
    """
    # In a child, as the copy: the copy the timed runs import (same interpreter and
    # path), and the runner stays small (see measure).
    compile_it = (
        "import compileall, os, seedcheck; "
        "compileall.compile_dir(os.path.dirname(seedcheck.__file__), quiet=1)"
    )
    subprocess.run([PYTHON, "-c", compile_it], check=True)


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def copy_corpus(folder: Path, to: Path) -> None:
    shutil.rmtree(to, ignore_errors=True)
    # Copied by a child process: a child's max RSS counts the runner's memory at the
    # fork, and copying 100,000 files would leave the runner (and so every small run's
    # figure) 100 MB larger.
    copy = "import shutil, sys; shutil.copytree(sys.argv[1], sys.argv[2])"
    subprocess.run([PYTHON, "-c", copy, str(folder), str(to)], check=True)
    (to / ".complete").unlink()


def measure(count: int, repeat: int, work: Path, commands: bool) -> dict[str, list[Run]]:
    folder = corpus(count, work)
    # A copy for this run: one-changed edits seeds, and the next run wants the original.
    trial = work / f"trial-{count}"
    copy_corpus(folder, trial)
    single = work / "one-file"
    shutil.rmtree(single, ignore_errors=True)
    single.mkdir()
    first = min(trial.glob("*.txt"))
    shutil.copy(first, single / "000_0000000000000000.txt")
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    byte_compile()
    env = {**os.environ, "SEEDCHECK_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    path = str(trial)
    runs: dict[str, list[Run]] = {name: [] for name in (*NAMES, *(COMMANDS if commands else ()))}

    def each(name: str, command: list[str]) -> None:
        for _ in range(repeat):
            runs[name].append(timed(command, env, work))

    each("baseline", [PYTHON, str(HERE / "baseline.py"), path])
    each("cold", seedcheck("validate", "--no-cache", "-q", path))
    each("cold -j1", seedcheck("validate", "--no-cache", "-q", "-j", "1", path))
    # The cache does not trust a file written in the last two seconds (a coarse clock
    # could hide a second edit), so let the copy age before the cache is filled.
    time.sleep(2.1)
    timed(seedcheck("validate", "-q", path), env, work)
    each("warm", seedcheck("validate", "-q", path))
    # Names, not Paths, for the same reason.
    seeds = sorted(name for name in os.listdir(trial) if name.endswith(".txt"))
    for turn in range(repeat):
        edit(trial / seeds[(turn * 7919 + 1) % len(seeds)], turn)
        # CPU time too: one-changed is the reference of the commands' table.
        runs["one-changed"].append(timed(seedcheck("validate", "-q", path), env, work))
    changes = Changes(trial, count, work)
    for name, change in (
        ("one-added", changes.add),
        ("one-renamed", changes.rename),
        ("one-deleted", changes.delete),
    ):
        for turn in range(repeat):
            changes.undo()
            settle(seedcheck("validate", "-q", path), env, work)
            change(turn)
            runs[name].append(timed(seedcheck("validate", "-q", path), env, work))
    changes.undo()
    selected = ("validate", "--no-cache", "-q", "--select", "near-duplicate-document", path)
    each("near-dups", seedcheck(*selected))
    each("--version", seedcheck("--version"))
    each("one-file", seedcheck("validate", "--no-cache", "-q", str(single)))
    if commands:
        edited = Edits(count)
        for name, step in (("index", index_runs), ("fix", fix_runs), ("import", import_runs)):
            runs[name] = step(trial, repeat, env, work, edited)
        runs["hooks"] = hook_runs(folder, repeat, env, work, edited)
    shutil.rmtree(trial)
    return runs


NAMES = (
    "baseline",
    "cold",
    "cold -j1",
    "warm",
    "one-changed",
    "one-added",
    "one-renamed",
    "one-deleted",
    "near-dups",
    "--version",
    "one-file",
)
# The targets, as a multiple of the baseline's wall time; one-changed's is 0.08
# from 100,000 seeds on. The added, renamed and deleted runs are held to 2 x one-changed.
RATIO_TARGETS = {"cold": 4.0, "warm": 0.15, "one-changed": 0.25}
LARGE = 100_000
MAX_RSS_MB = 300


class Changes:
    """One seed added, renamed or deleted at a time, each undone before the next."""

    def __init__(self, trial: Path, count: int, work: Path) -> None:
        self.trial, self.count, self.aside = trial, count, work / "deleted-seed"
        self.edited = Edits(count)
        self.undo_steps: list[tuple[Path, Path | None]] = []  # (moved to, back to | None)

    def add(self, turn: int) -> None:
        sys.path.insert(0, str(HERE))
        from make_corpus import Writer, front_matter

        number = self.count + turn
        writer = Writer(1000 + turn)
        text = front_matter(writer, number, writer.byline()) + writer.body(500)
        width = max(3, len(str(self.count - 1)))
        path = self.trial / f"{number:0{width}d}_{turn:016x}.txt"
        path.write_text(text, encoding="utf-8")
        self.undo_steps.append((path, None))

    def rename(self, turn: int) -> None:
        old = self.trial / self.edited.next(seed_names(self.trial))
        new = old.with_name(f"{old.name.split('_')[0]}_{turn:016x}.txt")
        old.rename(new)
        self.undo_steps.append((new, old))

    def delete(self, turn: int) -> None:
        seed = self.trial / self.edited.next(seed_names(self.trial))
        self.aside.mkdir(exist_ok=True)
        kept = self.aside / seed.name
        seed.rename(kept)
        self.undo_steps.append((kept, seed))

    def undo(self) -> None:
        while self.undo_steps:
            moved, back = self.undo_steps.pop()
            if back is None:
                moved.unlink()
            else:
                moved.rename(back)


# With --commands. A target: (at most this many times V, or at most these seconds).
COMMANDS = ("index", "fix", "import", "hooks")
TARGETS = {"index": (1.5, None), "fix": (1.5, None), "import": (1.5, None), "hooks": (None, 3.0)}
SHOWN = {
    "index": "index (title edited)",
    "fix": "fix SEED (trailing blank)",
    "import": "import ARTICLE",
    "hooks": "hooks (`git commit`, 3 hooks)",
}


class Edits:
    """Which seeds the commands edit: a different one each time, none with a planted defect.

    A planted seed (or the first, edited after indexing, or one a near-duplicate may have
    been copied from) has findings, which would make the hooks refuse the commit.
    """

    def __init__(self, count: int) -> None:
        sys.path.insert(0, str(HERE))
        from make_corpus import RECENT, planted_defects

        planted = planted_defects(count)
        unclean = {0, *planted}
        near = {n for n, kind in planted.items() if kind == "near-duplicate"}
        copied = {n - back for n in near for back in range(1, RECENT + 1)}
        self.clean = [n for n in range(count) if n not in unclean | copied]
        if not self.clean:  # a tiny corpus: near-copies from everywhere
            self.clean = [n for n in range(count) if n not in unclean] or [0]
        self.turn = 0

    def next(self, seeds: list[str]) -> str:
        """The name of the next seed to edit, of ``seeds`` (the corpus's, in order)."""
        self.turn += 1
        return seeds[self.clean[(self.turn * 7919) % len(self.clean)]]


def seed_names(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".txt"))


def settle(command: list[str], env: dict[str, str], cwd: Path) -> None:
    """Bring the cache up to date: wait until it trusts the last edit, then validate."""
    time.sleep(2.1)
    timed(command, env, cwd)


def index_runs(
    trial: Path, repeat: int, env: dict[str, str], work: Path, edited: Edits
) -> list[Run]:
    path = str(trial)
    # one-changed left rows out of date: bring INDEX.md up to date first, untimed.
    timed(seedcheck("index", path), env, work)
    settle(seedcheck("validate", "-q", path), env, work)
    runs = []
    for turn in range(repeat):
        name = edited.next(seed_names(trial))
        seed = trial / name
        text = seed.read_text(encoding="utf-8")
        start = text.index("\ntitle: ") + len("\ntitle: ")
        end = text.index("\n", start)
        title = f"{text[start:end]} Revised {turn}"
        seed.write_text(text[:start] + title + text[end:], encoding="utf-8")
        run = timed(seedcheck("index", path), env, work, exits=(0,), keep=True)
        if not run.output.startswith("Updated ") or f" {title} |" not in read(trial / "INDEX.md"):
            raise SystemExit(
                f"seedcheck index did not write the new title of {name}:\n{run.output}"
            )
        runs.append(run)
        settle(seedcheck("validate", "-q", path), env, work)
    return runs


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def fix_runs(trial: Path, repeat: int, env: dict[str, str], work: Path, edited: Edits) -> list[Run]:
    runs = []
    for _ in range(repeat):
        seed = trial / edited.next(seed_names(trial))
        clean = seed.read_bytes()
        # A blank at the end of the first body line that ends a sentence.
        header = clean.index(b"\n---\n") + len(b"\n---\n")
        spot = clean.index(b".\n", header) + 1
        seed.write_bytes(clean[:spot] + b"  " + clean[spot:])
        run = timed(seedcheck("fix", str(seed)), env, work, exits=(1,), keep=True)
        if not run.output.startswith("fixed ") or seed.read_bytes() != clean:
            raise SystemExit(f"seedcheck fix did not strip the blank from {seed}:\n{run.output}")
        runs.append(run)
        settle(seedcheck("validate", "-q", str(trial)), env, work)
    return runs


def import_runs(
    trial: Path, repeat: int, env: dict[str, str], work: Path, edited: Edits
) -> list[Run]:
    article = work / "article.txt"
    # Written by a child, as the corpus is: the runner stays small.
    write = (
        "import sys; sys.path.insert(0, sys.argv[1]); from make_corpus import raw_article; "
        "open(sys.argv[2], 'w', encoding='utf-8').write(raw_article())"
    )
    subprocess.run([PYTHON, "-c", write, str(HERE), str(article)], check=True)
    metadata = ("--source", "Harbor Ledger", "--published", "2024-04-03")
    url = ("--url", "https://example.org/news/imported")
    command = seedcheck("import", str(article), "--corpus", str(trial), *metadata, *url)
    index = trial / "INDEX.md"
    runs = []
    for _ in range(repeat):
        before, kept = set(seed_names(trial)), index.read_bytes()
        run = timed(command, env, work, exits=(0,), keep=True)
        added = set(seed_names(trial)) - before
        if len(added) != 1 or not run.output.startswith("Imported "):
            raise SystemExit(f"seedcheck import did not add one seed:\n{run.output}")
        runs.append(run)
        # Undone, so that the next run (and the next benchmark) imports into the same corpus.
        (trial / added.pop()).unlink()
        index.write_bytes(kept)
        settle(seedcheck("validate", "-q", str(trial)), env, work)
    return runs


def hook_runs(
    folder: Path, repeat: int, env: dict[str, str], work: Path, edited: Edits
) -> list[Run]:
    import yaml  # here: the runner stays small while the other runs are timed

    repo = work / f"hooks-{folder.name.removeprefix('corpus-')}"
    shutil.rmtree(repo, ignore_errors=True)
    seeds = repo / "seeds"
    copy_corpus(folder, seeds)
    (repo / "seedcheck.toml").write_text('corpus = "seeds"\n', encoding="utf-8")
    # The shipped hooks as local ones: the same entry (this interpreter's seedcheck),
    # files, pass_filenames and require_serial, in the README's order.
    shipped = {h["id"]: h for h in yaml.safe_load(read(HERE.parent / ".pre-commit-hooks.yaml"))}
    program = shlex.quote(seedcheck()[0])
    hooks = []
    for hook_id in ("seedcheck-fix", "seedcheck", "seedcheck-index"):
        hook = dict(shipped[hook_id], language="system")
        hook["entry"] = program + hook["entry"].removeprefix("seedcheck")
        for key in ("description", "minimum_pre_commit_version"):
            hook.pop(key, None)
        hooks.append(hook)
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    # The cache where a user's is (.seedcheck_cache at the project root); git and
    # pre-commit without the user's configuration, pre-commit's store kept in DIR.
    hook_env = {k: v for k, v in env.items() if not k.startswith("GIT_")}
    hook_env.pop("SEEDCHECK_CACHE_DIR")
    hook_env.update(
        PRE_COMMIT_HOME=str(work / "pre-commit"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Benchmark",
        GIT_AUTHOR_EMAIL="benchmark@example.org",
        GIT_COMMITTER_NAME="Benchmark",
        GIT_COMMITTER_EMAIL="benchmark@example.org",
    )
    # INDEX.md made by a throwaway cache: the hooks' cache must not learn of the edit.
    scratch = {**hook_env, "SEEDCHECK_CACHE_DIR": str(work / "cache-scratch")}

    def git(*args: str) -> None:
        subprocess.run(
            ["git", *args], cwd=repo, env=hook_env, check=True, stdout=subprocess.DEVNULL
        )

    # make_corpus left a row out of date, which the seedcheck hook would report.
    timed(seedcheck("index"), scratch, repo)
    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "--no-verify", "-m", "The corpus")
    subprocess.run(
        [PYTHON, "-m", "pre_commit", "install"],
        cwd=repo,
        env=hook_env,
        check=True,
        stdout=subprocess.DEVNULL,
    )

    def commit(turn: int) -> Run:
        name = edited.next(seed_names(seeds))
        edit(seeds / name, turn)
        timed(seedcheck("index"), scratch, repo)
        shutil.rmtree(work / "cache-scratch", ignore_errors=True)
        git("add", f"seeds/{name}", "seeds/INDEX.md")
        head = git_head(repo, hook_env)
        run = timed(
            ["git", "commit", "-q", "-m", f"Edit {name}"],
            hook_env,
            repo,
            exits=(0,),
            stderr_ok=True,
            keep=True,
        )
        passed = sum(line.rstrip().endswith("Passed") for line in run.output.splitlines())
        if passed != 3 or git_head(repo, hook_env) == head:
            raise SystemExit(f"the commit of {name} did not pass the three hooks:\n{run.output}")
        settle(seedcheck("validate", "-q"), hook_env, repo)
        return run

    # Untimed: the first run sets up pre-commit's store and seedcheck's cache.
    settle(seedcheck("validate", "-q"), hook_env, repo)
    commit(-1)
    runs = [commit(turn) for turn in range(repeat)]
    shutil.rmtree(repo)
    return runs


def git_head(repo: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def target(name: str, count: int, runs: dict[str, list[Run]]) -> tuple[str, float | None]:
    """The issue's target for run ``name``, shown and in seconds (None: no target)."""
    base = median(runs["baseline"])
    times = RATIO_TARGETS.get(name)
    if name == "one-changed" and count >= LARGE:
        times = 0.08
    if times is not None:
        return f"≤ {times:g} × baseline", times * base
    if name in ("one-added", "one-renamed", "one-deleted"):
        return "≤ 2 × one-changed", 2 * median(runs["one-changed"])
    if name == "--version":
        return "< 0.1 s", 0.1
    return "", None


def table(count: int, repeat: int, runs: dict[str, list[Run]]) -> str:
    base = median(runs["baseline"])
    base_cpu = statistics.median(r.cpu_seconds for r in runs["baseline"])
    lines = [
        f"seeds: {count:,}; median of {repeat} runs; {machine()}",
        "",
        "| run | seconds | × baseline | CPU seconds | CPU × baseline | target | met "
        "| max RSS (MB) |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |",
    ]
    for name in NAMES:
        seconds = median(runs[name])
        cpu = statistics.median(r.cpu_seconds for r in runs[name])
        rss = max(r.max_rss_kb for r in runs[name]) / 1024
        shown, limit = target(name, count, runs)
        met = "" if limit is None else ("yes" if seconds <= limit else "no")
        if name == "cold" and count >= LARGE:
            shown += f"; RSS < {MAX_RSS_MB} MB"
            met += "" if rss < MAX_RSS_MB else " (RSS no)"
        lines.append(
            f"| {name} | {seconds:.3f} | {seconds / base:.2f} | {cpu:.3f} "
            f"| {cpu / base_cpu:.2f} | {shown} | {met} | {rss:.0f} |"
        )
    if "hooks" in runs:
        lines += ["", *commands_table(runs)]
    return "\n".join(lines)


def commands_table(runs: dict[str, list[Run]]) -> list[str]:
    reference = median(runs["one-changed"])
    lines = [
        "Warm cache, one seed changed; V = one-changed.",
        "",
        "| run | seconds | CPU seconds | × V | target | met | max RSS (MB) |",
        "| --- | ---: | ---: | ---: | --- | --- | ---: |",
    ]
    for name in ("one-changed", *COMMANDS):
        seconds = median(runs[name])
        cpu = statistics.median(r.cpu_seconds for r in runs[name])
        rss = max(r.max_rss_kb for r in runs[name]) / 1024
        times, limit = TARGETS.get(name, (None, None))
        if times is not None:
            target, limit = f"≤ {times} × V = {times * reference:.3f} s", times * reference
        elif limit is not None:
            target = f"≤ {limit:g} s"
        else:
            target = ""
        met = "" if limit is None else ("yes" if seconds <= limit else "no")
        shown = SHOWN.get(name, "one-changed (V)")
        lines.append(
            f"| {shown} | {seconds:.3f} | {cpu:.3f} | {seconds / reference:.2f} | {target} "
            f"| {met} | {rss:.0f} |"
        )
    return lines


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpus} CPUs, {platform.machine()}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "count", type=int, nargs="?", default=10_000, metavar="N", help="seeds in the corpus"
    )
    parser.add_argument("--repeat", type=int, default=5, metavar="R", help="runs of each")
    parser.add_argument("--work", type=Path, metavar="DIR", help="where corpora are kept")
    parser.add_argument(
        "--large", action="store_true", help=f"also measure a corpus of {LARGE:,} seeds"
    )
    parser.add_argument(
        "--commands",
        action="store_true",
        help="also time index, fix, import and the pre-commit hooks on one changed seed",
    )
    args = parser.parse_args(argv)
    if args.count < 1 or args.repeat < 1:
        parser.error("N and R must be 1 or more")
    work = args.work or Path(tempfile.gettempdir()) / "seedcheck-benchmark"
    work.mkdir(parents=True, exist_ok=True)
    runs = measure(args.count, args.repeat, work.resolve(), args.commands)
    print(table(args.count, args.repeat, runs), flush=True)
    if args.large and args.count != LARGE:
        large = measure(LARGE, args.repeat, work.resolve(), commands=False)
        print("\n" + table(LARGE, args.repeat, large))
    return 0


if __name__ == "__main__":
    sys.exit(main())
