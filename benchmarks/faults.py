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
  kill validate               K cached runs after edits to some seeds, each killed with
                              SIGKILL at a random moment (while it saves its cache,
                              often); then a cached run's report must equal a
                              --no-cache run's;
  concurrent imports          R rounds of two imports into one corpus at once;
  concurrent validates        R rounds of two cached validate runs at once after edits
                              (one saves, the other may skip its save): both reports,
                              and the next cached run's, must equal a --no-cache run's;
  corrupted cache files       every cache file truncated, flipped, emptied, replaced by
                              random bytes or by another file, or by the file of the same
                              name made for the same seeds under other settings, and the
                              memo file replaced by another corpus's: each run's report
                              must equal a --no-cache run's.

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


def _edit_some(corpus: Path, rng: random.Random) -> None:
    """Edit a few seeds (a finding added or removed), each with an mtime an hour back."""
    seeds = sorted(corpus.glob("*.txt"))
    for path in rng.sample(seeds, min(3, len(seeds))):
        data = path.read_bytes()
        data = data.replace(b"  \r\n", b"\n") if b"\r\n" in data else data + b"tail  \n"
        path.write_bytes(data)
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - 3600 * 10**9))


def _cached_differs(root: Path) -> str | None:
    """Why a cached validate's report is not a --no-cache run's, or None."""
    expected = _seedcheck(root, "validate", "--no-cache")
    cached = _seedcheck(root, "validate")
    if (cached.returncode, cached.stdout) != (expected.returncode, expected.stdout):
        return f"cached report differs: {cached.stdout[-200:]!r} {cached.stderr[-200:]!r}"
    return None


def kill_validate_loop(work: Path, kills: int, seeds: int, rng: random.Random) -> tuple[int, int]:
    """(runs killed midway, failures) for cached validate runs killed at random moments."""
    killed = failures = 0
    root = work / "kill-validate"
    corpus = _project(root, seeds, rng)
    _age(corpus)
    _seedcheck(root, "validate")
    for turn in range(kills):
        _edit_some(corpus, rng)
        killed += _killed([PYTHON, "-m", "seedcheck", "validate"], root, rng.uniform(0.05, 0.6))
        why = _cached_differs(root)
        if why is not None:
            failures += 1
            print(f"  validate #{turn}: {why}", file=sys.stderr)
    shutil.rmtree(root)
    return killed, failures


def validate_race_loop(work: Path, rounds: int, seeds: int, rng: random.Random) -> int:
    """Rounds in which two cached validate runs at once gave a wrong report."""
    failures = 0
    root = work / "race-validate"
    corpus = _project(root, seeds, rng)
    _age(corpus)
    _seedcheck(root, "validate")
    for turn in range(rounds):
        _edit_some(corpus, rng)
        expected = _seedcheck(root, "validate", "--no-cache")
        children = [
            subprocess.Popen(
                [PYTHON, "-m", "seedcheck", "validate"],
                cwd=root,
                env=_env(root),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [(child.wait(300), child.communicate()[0]) for child in children]
        why = next(
            (f"{out[-200:]!r}" for out in outputs if out != (expected.returncode, expected.stdout)),
            None,
        )
        why = why or _cached_differs(root)
        if why is not None:
            failures += 1
            print(f"  validate race #{turn}: {why}", file=sys.stderr)
    shutil.rmtree(root)
    return failures


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
    # The same seeds under other settings: files of the same names, whole, of records
    # that match the seeds' stats, with other findings.
    (root / "strict.toml").write_text('corpus = "seeds"\nbody-min-words = 1000\n', "utf-8")
    _seedcheck(root, "validate", "--config", "strict.toml", "seeds")
    strict = {
        p.relative_to(root / "cache").parts[-1]: p.read_bytes()
        for p in (root / "cache").rglob("*")
        if p.is_file() and p not in files and p.parent.name != "memo"
    }
    for target in files:
        corruptions = _corruptions(rng, files[0].read_bytes())
        if target.name in strict:
            corruptions["other-setting"] = lambda data, name=target.name: strict[name]
        for kind, corrupt in corruptions.items():
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
        killed, failed = kill_validate_loop(work, args.kills, args.seeds, rng)
        rows.append(("kill validate", f"{args.kills} runs, {killed} killed midway", failed))
        failed = concurrency_loop(work, args.rounds, args.seeds, rng)
        rows.append(("concurrent imports", f"{args.rounds} rounds of two", failed))
        failed = validate_race_loop(work, args.rounds, args.seeds, rng)
        rows.append(("concurrent validates", f"{args.rounds} rounds of two", failed))
        tried, failed = corruption_loop(work, args.seeds, rng)
        rows.append(("corrupted cache files", f"{tried} corruptions", failed))
    print(f"seed {args.seed}, {args.seeds} seeds a corpus\n")
    print("| loop | runs | failures |\n| --- | --- | ---: |")
    for loop, runs, failures in rows:
        print(f"| {loop} | {runs} | {failures} |")


if __name__ == "__main__":
    main()
