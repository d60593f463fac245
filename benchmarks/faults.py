"""Kill, race and corrupt seedcheck on purpose, and count what went wrong (goal: 0).

Usage: python benchmarks/faults.py [--seeds N] [--kills K] [--rounds R] [--seed S]

Each loop runs the installed ``seedcheck`` (the one beside this Python) as its own
process on a generated corpus in a temporary folder, and prints a table:

  kill fix / index / import   K runs each killed with SIGKILL at a random moment
                              (seeded); afterwards every seed is its old or its new
                              version, nothing staged or temporary is left visible
                              once the next writer ran, and running the command again
                              leaves the corpus consistent (no shared number, no seed
                              missing from INDEX.md);
  concurrent imports          R rounds of two imports into one corpus at once;
  corrupted cache files       every cache file truncated, flipped, emptied, replaced by
                              random bytes or by another file, and the memo file
                              replaced by another corpus's: each run's report must equal
                              a --no-cache run's.

A failure is counted, not raised, so that one run shows them all. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PYTHON = sys.executable
SEED = "---\ntitle: Seed {n}\nbyline: Ann Example\n---\n{body}\n"
ARTICLE = "Article {n} of {tag}\n\nBy Ann Example\n\n{body}\n"


def _words(rng: random.Random, count: int) -> str:
    vocabulary = ("harbour", "ferry", "council", "library", "river", "budget", "school")
    return " ".join(rng.choice(vocabulary) + str(rng.randrange(999)) for _ in range(count))


def _seedcheck(root: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "seedcheck", *args],
        cwd=root,
        env=_env(root),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, "SEEDCHECK_CACHE_DIR": str(root / "cache"), "NO_COLOR": "1"}


def _project(root: Path, seeds: int, rng: random.Random) -> Path:
    root.mkdir(parents=True)
    (root / "seedcheck.toml").write_text('corpus = "seeds"\n', encoding="utf-8")
    corpus = root / "seeds"
    corpus.mkdir()
    for n in range(seeds):
        # Trailing blanks and CRLF on some: work for fix.
        body = _words(rng, 120)
        text = SEED.format(n=n, body=body)
        if n % 3 == 0:
            text = text.replace("\n", "  \r\n")
        (corpus / f"{n:03d}_{n:016x}.txt").write_bytes(text.encode())
    _seedcheck(root, "index")
    return corpus


def _age(folder: Path) -> None:
    """Every file's mtime a day back: a file written in the last 2 s is never cached."""
    for path in folder.rglob("*"):
        if path.is_file():
            info = path.stat()
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - 86_400 * 10**9))


def _articles(root: Path, count: int, tag: str, rng: random.Random) -> list[str]:
    folder = root / f"raw-{tag}"
    folder.mkdir()
    names = []
    for n in range(count):
        path = folder / f"{n}.txt"
        path.write_text(ARTICLE.format(n=n, tag=tag, body=_words(rng, 150)), encoding="utf-8")
        names.append(str(path))
    return names


def _inconsistent(root: Path) -> str | None:
    """Why the corpus is not consistent, or None: numbering and INDEX.md rules, and
    nothing staged or temporary left in it."""
    corpus = root / "seeds"
    left = [p.name for p in corpus.iterdir() if p.name.startswith(".")]
    if left:
        return f"left in the corpus: {left}"
    found = _seedcheck(root, "validate", "--select", "SC5,SC6", "--format", "json", "--no-cache")
    try:
        findings = json.loads(found.stdout)
    except ValueError:
        return f"validate printed no JSON: {found.stderr[-200:]}"
    return f"{len(findings)} index or numbering findings" if findings else None


def _killed(command: list[str], root: Path, delay: float) -> bool:
    """Run ``command`` and SIGKILL it after ``delay`` s; whether it was still running."""
    child = subprocess.Popen(
        command, cwd=root, env=_env(root), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(delay)
    running = child.poll() is None
    if running:
        child.send_signal(signal.SIGKILL)
    child.wait()
    return running


def kill_loop(name: str, work: Path, kills: int, seeds: int, rng: random.Random) -> tuple[int, int]:
    """(runs killed midway, failures) for ``seedcheck NAME`` killed at random moments."""
    killed = failures = 0
    for turn in range(kills):
        root = work / f"kill-{name}-{turn}"
        corpus = _project(root, seeds, rng)
        before = {p.name: p.read_bytes() for p in corpus.iterdir() if p.is_file()}
        if name == "import":
            files = _articles(root, 20, f"t{turn}", rng)
            command = [PYTHON, "-m", "seedcheck", "import", "--corpus", "seeds", *files]
        elif name == "index":
            # A new title in every seed: INDEX.md must be rewritten.
            for path in corpus.glob("*.txt"):
                path.write_bytes(path.read_bytes().replace(b"title: Seed", b"title: Story"))
            before = {p.name: p.read_bytes() for p in corpus.iterdir() if p.is_file()}
            command = [PYTHON, "-m", "seedcheck", "index"]
        else:
            command = [PYTHON, "-m", "seedcheck", "fix"]
        # Within the command's run: fix and index take about half a second here.
        longest = 2.0 if name == "import" else 0.7
        midway = _killed(command, root, rng.uniform(0.1, longest))
        killed += midway
        # Every seed that was there is there, whole: its old bytes, or (fix) fixed ones.
        for file_name, data in before.items():
            now = (corpus / file_name).read_bytes() if (corpus / file_name).exists() else None
            if now is None or (now != data and name != "fix" and file_name != "INDEX.md"):
                failures += 1
                print(f"  {name} #{turn}: {file_name} lost or changed", file=sys.stderr)
        why = None
        if midway:  # run again, it finishes the job (a finished import would be refused)
            again = _seedcheck(root, *command[3:])
            # Refused as duplicates when the killed run had written its whole batch (it
            # was reporting): the consistency check then finds every seed.
            if again.returncode not in (0, 1) and "an exact duplicate" not in again.stderr:
                why = f"exit {again.returncode}: {again.stderr[-300:]}"
        why = why or _inconsistent(root)
        if why is not None:
            failures += 1
            print(f"  {name} #{turn}: {why}", file=sys.stderr)
        shutil.rmtree(root)
    return killed, failures


def concurrency_loop(work: Path, rounds: int, seeds: int, rng: random.Random) -> int:
    """Rounds in which two imports at once left the corpus inconsistent."""
    failures = 0
    for turn in range(rounds):
        root = work / f"race-{turn}"
        _project(root, seeds, rng)
        batches = [_articles(root, 8, f"{turn}-{side}", rng) for side in "ab"]
        children = [
            subprocess.Popen(
                [PYTHON, "-m", "seedcheck", "import", "--corpus", "seeds", *files],
                cwd=root,
                env=_env(root),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for files in batches
        ]
        codes = [child.wait(300) for child in children]
        why = _inconsistent(root)
        if why is None and any(code not in (0, 1) for code in codes):
            why = f"exit codes {codes}"
        if why is not None:
            failures += 1
            print(f"  race #{turn}: {why}", file=sys.stderr)
        shutil.rmtree(root)
    return failures


def _corruptions(rng: random.Random, other: bytes) -> dict[str, Callable[[bytes], bytes]]:
    return {
        "truncated": lambda data: data[: len(data) // 2],
        "flipped": lambda data: bytes([data[0] ^ 0xFF]) + data[1:] if data else b"x",
        "empty": lambda data: b"",
        "random": lambda data: rng.randbytes(max(len(data), 16)),
        "appended": lambda data: data + b"more",
        "swapped": lambda data: other,
    }


def corruption_loop(work: Path, seeds: int, rng: random.Random) -> tuple[int, int]:
    """(corruptions tried, reports that differed from a --no-cache run)."""
    tried = failures = 0
    root = work / "corrupt"
    _project(root, seeds, rng)
    elsewhere = work / "elsewhere"
    other_corpus = _project(elsewhere, 3, rng)
    for path in other_corpus.glob("*.txt"):  # a clean corpus beside the broken one
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"  \n", b"\n"))
    _seedcheck(elsewhere, "index")
    _age(root / "seeds")
    _age(other_corpus)
    expected = _seedcheck(root, "validate", "--no-cache", "seeds").stdout
    shutil.rmtree(root / "cache", ignore_errors=True)
    _seedcheck(root, "validate", "seeds")
    files = sorted(p for p in (root / "cache").rglob("*") if p.is_file() and p.name != ".gitignore")
    for target in files:
        for kind, corrupt in _corruptions(rng, files[0].read_bytes()).items():
            shutil.rmtree(root / "cache", ignore_errors=True)
            _seedcheck(root, "validate", "seeds")
            if not target.exists():
                continue
            target.write_bytes(corrupt(target.read_bytes()))
            tried += 1
            if _seedcheck(root, "validate", "seeds").stdout != expected:
                failures += 1
                print(f"  {kind} {target.relative_to(root)}: report differs", file=sys.stderr)
    # A memo file of the other corpus under this corpus's key.
    shutil.rmtree(root / "cache", ignore_errors=True)
    _seedcheck(root, "validate", "seeds")
    memo = sorted((root / "cache").glob("*/memo/*"))
    (elsewhere / "cache").mkdir(exist_ok=True)
    env = {**_env(root)}
    subprocess.run(
        [PYTHON, "-m", "seedcheck", "validate", str(other_corpus)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        check=False,
    )
    others = sorted(set((root / "cache").glob("*/memo/*")) - set(memo))
    if memo and others:
        memo[0].write_bytes(others[0].read_bytes())
        tried += 1
        if _seedcheck(root, "validate", "seeds").stdout != expected:
            failures += 1
            print("  foreign memo: report differs", file=sys.stderr)
    return tried, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=60, help="seeds per corpus")
    parser.add_argument("--kills", type=int, default=10, help="kills per command")
    parser.add_argument("--rounds", type=int, default=10, help="rounds of two imports")
    parser.add_argument("--seed", type=int, default=24, help="random seed")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows: list[tuple[str, str, int]] = []
    with tempfile.TemporaryDirectory(prefix="seedcheck-faults-") as folder:
        work = Path(folder)
        for name in ("fix", "index", "import"):
            killed, failed = kill_loop(name, work, args.kills, args.seeds, rng)
            rows.append((f"kill {name}", f"{args.kills} runs, {killed} killed midway", failed))
        failed = concurrency_loop(work, args.rounds, args.seeds, rng)
        rows.append(("concurrent imports", f"{args.rounds} rounds of two", failed))
        tried, failed = corruption_loop(work, args.seeds, rng)
        rows.append(("corrupted cache files", f"{tried} corruptions", failed))
    print(f"seed {args.seed}, {args.seeds} seeds a corpus\n")
    print("| loop | runs | failures |\n| --- | --- | ---: |")
    for loop, runs, failures in rows:
        print(f"| {loop} | {runs} | {failures} |")


if __name__ == "__main__":
    main()
